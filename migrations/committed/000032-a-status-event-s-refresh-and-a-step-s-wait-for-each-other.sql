--! Previous: sha1:7732edc10869af0133f1b66fed9ea64e5acbf084
--! Hash: sha1:87164549dd74393648ec1ea44037de98e134e4a9
--! Message: A status event's refresh and a step's wait for each other

-- A provider's status event and a step finishing asked for the same refresh at once: each saw no
-- refresh waiting (the other's not yet committed), and the later add_job replaced the event's
-- refresh (now) by the step's (in 10 minutes). One tenant's asks now wait for each other.
create or replace function ob_a2p_refresh_by(p_tenant uuid, p_at timestamptz, p_attempt integer default 0) returns void
language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare pending timestamptz; id text;
begin
  perform ob_assert_tenant(p_tenant);
  perform pg_advisory_xact_lock(hashtext('ob:a2p:refresh:' || p_tenant));
  select run_at into pending from graphile_worker.jobs where key = 'ob:a2p:refresh:' || p_tenant and locked_at is null;
  if pending is not null and pending <= p_at then return; end if;
  select correlation_id into id from ob_a2p where tenant_id = p_tenant;
  perform graphile_worker.add_job('a2p_refresh',
    ob_correlated(json_strip_nulls(json_build_object('tenantId', p_tenant, 'attempt', p_attempt, 'correlationId', id))),
    queue_name => 'ob:a2p:' || p_tenant, job_key => 'ob:a2p:refresh:' || p_tenant, run_at => p_at);
end $$;
