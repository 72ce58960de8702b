--! Previous: sha1:9bc7f27d2fe95a116a9a340601e580f433aa7d18
--! Hash: sha1:4c587c1e0034983bf8e301aa7d10c5d1f2d20c51
--! Message: The refresher never postpones an event's refresh

-- The refresher's own next look goes through ob_a2p_refresh_by too: a refresh that was running
-- when a provider event asked for one now rescheduled itself later over the event's.
drop function ob_a2p_refresh_by(uuid, timestamptz);
create function ob_a2p_refresh_by(p_tenant uuid, p_at timestamptz, p_attempt integer default 0) returns void
language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare pending timestamptz;
begin
  perform ob_assert_tenant(p_tenant);
  select run_at into pending from graphile_worker.jobs where key = 'ob:a2p:refresh:' || p_tenant and locked_at is null;
  if pending is not null and pending <= p_at then return; end if;
  perform graphile_worker.add_job('a2p_refresh', json_build_object('tenantId', p_tenant, 'attempt', p_attempt),
    queue_name => 'ob:a2p:' || p_tenant, job_key => 'ob:a2p:refresh:' || p_tenant, run_at => p_at);
end $$;
comment on function ob_a2p_refresh_by(uuid, timestamptz, integer) is 'Schedules the tenant''s registration refresh for p_at at the latest (p_attempt: how many looks came before, for the backoff): an earlier one already waiting is kept.';
revoke execute on function ob_a2p_refresh_by(uuid, timestamptz, integer) from public;
