--! Previous: sha1:0176c0493de83b4b35bd2f4b70b9ba10d786aacd
--! Hash: sha1:9bc7f27d2fe95a116a9a340601e580f433aa7d18
--! Message: A refresh asked for sooner is kept

-- A refresh asked for sooner never waits for one asked for later: an event the provider sent while
-- the step that caused it was still running was refreshed at once, then the step scheduled its own
-- first check 60 s (10 min in the test) later over it. ob_a2p_refresh_by keeps the earlier time.

create function ob_a2p_refresh_by(p_tenant uuid, p_at timestamptz) returns void
language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare pending timestamptz;
begin
  perform ob_assert_tenant(p_tenant);
  select run_at into pending from graphile_worker.jobs where key = 'ob:a2p:refresh:' || p_tenant and locked_at is null;
  if pending is not null and pending <= p_at then return; end if;
  perform graphile_worker.add_job('a2p_refresh', json_build_object('tenantId', p_tenant, 'attempt', 0),
    queue_name => 'ob:a2p:' || p_tenant, job_key => 'ob:a2p:refresh:' || p_tenant, run_at => p_at);
end $$;
comment on function ob_a2p_refresh_by(uuid, timestamptz) is 'Schedules the tenant''s registration refresh for p_at at the latest: an earlier one already waiting is kept.';
revoke execute on function ob_a2p_refresh_by(uuid, timestamptz) from public;

create or replace function ob_a2p_callback(p_event_id text, p_type text, p_object_id text, p_occurred_at timestamptz) returns text
language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare t uuid;
begin
  -- Called by the web server for a signed event, before any tenant is known: the object names it.
  select a.tenant_id into t from ob_a2p a left join ob_number n using (tenant_id)
  where a.brand_id = p_object_id or a.campaign_id = p_object_id or (a.campaign_id is not null and n.e164 = p_object_id)
  limit 1;
  insert into ob_a2p_callback (event_id, tenant_id, type, occurred_at) values (p_event_id, t, p_type, p_occurred_at)
  on conflict (event_id) do nothing;
  if not found then return 'duplicate'; end if;
  if t is null then return 'unknown'; end if;
  perform set_config('ob.tenant_id', t::text, true);
  perform ob_a2p_refresh_by(t, now());
  return 'refreshed';
end $$;
