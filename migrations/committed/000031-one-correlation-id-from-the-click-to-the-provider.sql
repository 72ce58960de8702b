--! Previous: sha1:062759f508e9ca0ae5c733d5176c7f3a61c2eacd
--! Hash: sha1:7732edc10869af0133f1b66fed9ea64e5acbf084
--! Message: One correlation id from the click to the provider

-- One correlation id from the owner's click to the provider: the web server names each request's
-- id (ob.correlation_id, set with the tenant at the start of its transaction); the worker names the
-- id its job carries. Jobs queued in SQL carry the id of the transaction that queued them, a
-- registration's refreshes the id of its submission, and every ob_event row the id it was written under.

alter table ob_event add column correlation_id text check (length(correlation_id) <= 64);
-- A default of its own, not on ADD COLUMN: existing rows stay null without a rewrite of the table.
alter table ob_event alter column correlation_id set default nullif(current_setting('ob.correlation_id', true), '');
create index ob_event_correlation on ob_event (correlation_id) where correlation_id is not null;
comment on column ob_event.correlation_id is 'The correlation id of the request or job that wrote the row (logs and provider requests carry the same): one id finds a click''s whole story.';

create function ob_correlated(p_payload json) returns json
language sql stable parallel safe set search_path = public, pg_temp as $$
  select case when p_payload->>'correlationId' is null and nullif(current_setting('ob.correlation_id', true), '') is not null
    then (p_payload::jsonb || jsonb_build_object('correlationId', current_setting('ob.correlation_id', true)))::json
    else p_payload end
$$;
comment on function ob_correlated(json) is 'A job payload with the correlation id of the transaction queuing it, unless it has one.';
revoke execute on function ob_correlated(json) from public;

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
  perform graphile_worker.add_job(p_task, ob_correlated(p_payload), queue_name => p_queue, job_key => p_job_key);
end $$;

create or replace function ob_mail_queue(p_tenant uuid, p_kind text, p_key text) returns boolean
language plpgsql volatile security definer set search_path = public, pg_temp as $$
begin
  perform ob_assert_tenant(p_tenant);
  insert into ob_mail (tenant_id, key, kind) values (p_tenant, p_key, p_kind) on conflict do nothing;
  if not found then return false; end if;
  perform graphile_worker.add_job('send_mail', ob_correlated(json_build_object('tenantId', p_tenant, 'key', p_key)), job_key => format('ob:mail:%s:%s', p_tenant, p_key));
  return true;
end $$;

-- A refresh belongs to the registration: it carries the id of the submission (ob_a2p.correlation_id,
-- written by each step), whoever asked for it: a step, a provider's status event, the refresher itself.
create or replace function ob_a2p_refresh_by(p_tenant uuid, p_at timestamptz, p_attempt integer default 0) returns void
language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare pending timestamptz; id text;
begin
  perform ob_assert_tenant(p_tenant);
  select run_at into pending from graphile_worker.jobs where key = 'ob:a2p:refresh:' || p_tenant and locked_at is null;
  if pending is not null and pending <= p_at then return; end if;
  select correlation_id into id from ob_a2p where tenant_id = p_tenant;
  perform graphile_worker.add_job('a2p_refresh',
    ob_correlated(json_strip_nulls(json_build_object('tenantId', p_tenant, 'attempt', p_attempt, 'correlationId', id))),
    queue_name => 'ob:a2p:' || p_tenant, job_key => 'ob:a2p:refresh:' || p_tenant, run_at => p_at);
end $$;

-- A submission's id is the registration's from the click on: its steps and refreshes carry it.
create or replace function ob_a2p_submit(t uuid, out submission integer, out step text)
language plpgsql security definer set search_path = public, pg_temp as $$
declare r ob_a2p; s ob_section_state;
begin
  perform ob_assert_tenant(t);
  select * into r from ob_a2p where tenant_id = t for update;
  if r.tenant_id is null then raise exception 'no A2P row for tenant %', t; end if;
  s := ob_state_a2p((select f from ob_flow f where tenant_id = t));
  if ob_a2p_eligible(r) then
    raise exception using errcode = 'OB409', message = 'Your texting registration is approved already.';
  end if;
  if s.blockers && array['CONFIRM_OTP', 'A2P_PENDING'] then
    raise exception using errcode = 'OB409', message = 'Your registration is already with the carriers; we will update this page.';
  end if;
  if 'WEBSITE_CHECKING' = any(s.blockers) then
    raise exception using errcode = 'OB409', message = 'We are still checking your website; press Submit again in a few seconds.';
  end if;
  if exists (select 1 from unnest(s.blockers) x where x not in ('SUBMIT_A2P', 'A2P_REJECTED', 'A2P_PAUSED')) then
    raise exception using errcode = 'OB422', message = 'Fix the lines above first: carriers reject registrations with them, and each submission is charged.';
  end if;
  submission := r.submission_count + 1;
  step := case when r.brand_id is null or r.brand_phase = 'FAILED' then 'brand'
    when r.campaign_id is null or r.campaign_phase = 'REJECTED' then 'campaign' else 'binding' end;
  update ob_a2p set submission_count = submission, submitted_at = now(),
    correlation_id = coalesce(nullif(current_setting('ob.correlation_id', true), ''), correlation_id), reason = null, reason_code = null, reason_step = null,
    brand_id = case when step = 'brand' then null else brand_id end,
    brand_phase = case when step = 'brand' then null else brand_phase end,
    identity_status = case when step = 'brand' then null else identity_status end,
    campaign_id = case when step in ('brand', 'campaign') then null else campaign_id end,
    campaign_phase = case when step in ('brand', 'campaign') then null else campaign_phase end,
    binding_phase = null
  where tenant_id = t;
end $$;
