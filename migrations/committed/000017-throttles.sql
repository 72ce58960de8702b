--! Previous: sha1:3162f65e0074bd4732dc274c1bd6c273ded9357a
--! Hash: sha1:8ae40bcaa84bd6ff18399ca860316046c958c849
--! Message: throttles

-- Throttles (issue 18, item 12) on work an owner can make us do for others or in bulk: website
-- checks (7-9 GETs to someone's site each), Slack test messages, number availability lookups at
-- the provider, logo uploads. Each is counted per tenant in a window; past the limit the request
-- is refused with OB429 and one line. A DBA changes a limit with an UPDATE of ob_rate_limit.

create table ob_rate_limit (
  action text primary key check (action ~ '^[a-z][a-z0-9_]{1,62}$'),
  max_count integer not null check (max_count >= 0),
  per interval not null check (per > interval '0'),
  refusal text not null check (char_length(refusal) between 10 and 300)
);
comment on table ob_rate_limit is 'How often a tenant may do each throttled action (max_count per window), and the line the owner reads past it.';
insert into ob_rate_limit (action, max_count, per, refusal) values
  ('website_check', 10, interval '1 hour', 'You have changed your website 10 times in the last hour; wait a while, then change it again.'),
  ('slack_test', 10, interval '1 hour', 'You have sent 10 test messages in the last hour; try again later.'),
  ('availability', 30, interval '1 hour', 'You have checked availability 30 times in the last hour; try again later.'),
  ('logo_upload', 20, interval '1 day', 'You have uploaded 20 logos today; try again tomorrow.');

create table ob_rate_event (
  tenant_id uuid not null references ob_flow (tenant_id) on delete cascade,
  action text not null references ob_rate_limit (action),
  at timestamptz not null default now()
);
create index ob_rate_event_idx on ob_rate_event (tenant_id, action, at);
comment on table ob_rate_event is 'One row per throttled action a tenant took, kept for its window (ob_take removes older ones).';

create function ob_take(p_tenant uuid, p_action text) returns void
language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare lim ob_rate_limit; used integer;
begin
  perform ob_assert_tenant(p_tenant);
  select * into lim from ob_rate_limit where action = p_action;
  if not found then raise exception 'ob_take: no rate limit %', p_action; end if;
  -- One taker at a time per tenant and action, so the count is exact.
  perform pg_advisory_xact_lock(hashtextextended('ob_take:' || p_tenant || ':' || p_action, 0));
  delete from ob_rate_event where tenant_id = p_tenant and action = p_action and at < now() - lim.per;
  select count(*) into used from ob_rate_event where tenant_id = p_tenant and action = p_action;
  if used >= lim.max_count then
    raise exception using errcode = 'OB429', message = lim.refusal;
  end if;
  insert into ob_rate_event (tenant_id, action) values (p_tenant, p_action);
end $$;
comment on function ob_take(uuid, text) is 'Counts one throttled action of the tenant, or refuses it (OB429, the refusal of ob_rate_limit) past max_count in its window.';
revoke execute on function ob_take(uuid, text) from public;
grant execute on function ob_take(uuid, text) to ob_app;

-- Jobs of a throttled task are counted where every job the app asks for goes through.
create or replace function ob_enqueue(p_task text, p_payload json, p_job_key text, p_queue text default null) returns void
language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare t uuid;
begin
  if not exists (select 1 from ob_job_task where task = p_task) or p_job_key !~ '^ob:' or p_queue !~ '^ob:' then
    raise exception 'invalid onboarding job % / % / %', p_task, p_job_key, p_queue using errcode = 'check_violation';
  end if;
  t := case when p_payload->>'tenantId' ~ '^[0-9a-f-]{36}$' then (p_payload->>'tenantId')::uuid end;
  if t is null or strpos(p_job_key, t::text) = 0 or (p_queue is not null and strpos(p_queue, t::text) = 0) then
    raise exception 'onboarding job % must name its tenant in its payload, key and queue', p_task using errcode = 'check_violation';
  end if;
  perform ob_assert_tenant(t);
  if exists (select 1 from ob_rate_limit where action = p_task) then perform ob_take(t, p_task); end if;
  perform graphile_worker.add_job(p_task, p_payload, queue_name => p_queue, job_key => p_job_key);
end $$;
