--! Previous: sha1:8a84267877c5660abf5fcd1974612c28929252a0
--! Hash: sha1:08878375f02cdc9090049836c30b676d78904d7d
--! Message: SQL refuses with reason codes

-- Issue 22, part 1: SQL refuses with stable codes, never English sentences. The message is a reason
-- code (core/refusals.ts words it in the owner's language), the detail its values as a JSON object
-- (Submit's A2P_CHECKS keeps its blocker codes there). A rate limit's refusal is RATE_<action>
-- with its max_count: the line a DBA stored beside each limit goes, as it said the old numbers.

CREATE OR REPLACE FUNCTION public.ob_a2p_otp_attempt()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
begin
  if new.otp_sent_at is distinct from old.otp_sent_at then new.otp_verifies := 0; end if;
  if new.otp_code is null or new.otp_code is not distinct from old.otp_code then return new; end if;
  if new.otp_first_verify_at is null or new.otp_first_verify_at < now() - interval '24 hours' then
    new.otp_first_verify_at := now();
    new.otp_verifies_today := 0;
  end if;
  if new.otp_verifies_today >= ob_setting('otp_verifies_per_day') then
    raise exception using errcode = 'OB429', message = 'OTP_TRIES_TODAY';
  end if;
  if new.otp_verifies >= ob_setting('otp_verifies_per_code') then
    raise exception using errcode = 'OB429', message = 'OTP_TRIES_CODE';
  end if;
  new.otp_verifies := new.otp_verifies + 1;
  new.otp_verifies_today := new.otp_verifies_today + 1;
  return new;
end $function$;

CREATE OR REPLACE FUNCTION public.ob_a2p_resend_otp(t uuid)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
declare r ob_a2p;
begin
  perform ob_assert_tenant(t);
  select * into r from ob_a2p where tenant_id = t for update;
  if r.identity_status is distinct from 'UNVERIFIED' then
    raise exception using errcode = 'OB409', message = 'OTP_NONE';
  end if;
  if r.otp_last_resend_at > now() - interval '1 minute' then
    raise exception using errcode = 'OB429', message = 'OTP_RESEND_WAIT';
  end if;
  if r.otp_resends >= ob_setting('otp_resends_per_day') and r.otp_last_resend_at > now() - interval '1 day' then
    raise exception using errcode = 'OB429', message = 'OTP_RESENDS_TODAY', detail = json_build_object('count', r.otp_resends)::text;
  end if;
  update ob_a2p set otp_resends = case when otp_last_resend_at > now() - interval '1 day' then otp_resends + 1 else 1 end,
    otp_last_resend_at = now(), otp_error = null, otp_code = null
  where tenant_id = t;
end $function$;

CREATE OR REPLACE FUNCTION public.ob_a2p_submit(t uuid, OUT submission integer, OUT step text)
 RETURNS record
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
declare r ob_a2p; s ob_section_state;
begin
  perform ob_assert_tenant(t);
  select * into r from ob_a2p where tenant_id = t for update;
  if r.tenant_id is null then raise exception 'no A2P row for tenant %', t; end if;
  s := ob_state_a2p((select f from ob_flow f where tenant_id = t));
  if ob_a2p_eligible(r) then
    raise exception using errcode = 'OB409', message = 'A2P_APPROVED';
  end if;
  if s.blockers && array['CONFIRM_OTP', 'A2P_PENDING'] then
    raise exception using errcode = 'OB409', message = 'A2P_WITH_CARRIERS';
  end if;
  if 'WEBSITE_CHECKING' = any(s.blockers) then
    raise exception using errcode = 'OB409', message = 'A2P_WEBSITE_CHECKING';
  end if;
  -- The codes go with the refusal (its detail): the page puts each one's line on its field.
  if exists (select 1 from unnest(s.blockers) x where x not in ('SUBMIT_A2P', 'A2P_REJECTED', 'A2P_PAUSED')) then
    raise exception using errcode = 'OB422', message = 'A2P_CHECKS',
      detail = (select string_agg(x, ',') from unnest(s.blockers) x where x not in ('SUBMIT_A2P', 'A2P_REJECTED', 'A2P_PAUSED'));
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
end $function$;

CREATE OR REPLACE FUNCTION public.ob_flow_refuse_when_complete()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
begin
  if old.phase = 'COMPLETE' then
    raise exception using errcode = 'OB423', message = 'COMPLETE';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end $function$;

CREATE OR REPLACE FUNCTION public.ob_refuse_when_complete()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
declare t uuid := case when tg_op = 'DELETE' then old.tenant_id else new.tenant_id end;
begin
  if exists (select 1 from ob_flow where tenant_id = t and phase = 'COMPLETE') then
    raise exception using errcode = 'OB423', message = 'COMPLETE';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end $function$;

CREATE OR REPLACE FUNCTION public.ob_request_number_change(p_tenant_id uuid, p_area_code text)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
declare n ob_number; changes integer; cap integer := ob_setting('number_changes_per_day');
begin
  perform ob_assert_tenant(p_tenant_id);
  select * into n from ob_number where tenant_id = p_tenant_id for update;
  if n.e164 is null then
    raise exception using errcode = 'OB409', message = 'NUMBER_NONE';
  end if;
  if n.e164_generation < n.number_generation then
    raise exception using errcode = 'OB409', message = 'NUMBER_ON_ITS_WAY';
  end if;
  select count(*) into changes from ob_event
    where tenant_id = p_tenant_id and event_type = 'number.change_requested' and ts > now() - interval '24 hours';
  if changes >= cap then
    raise exception using errcode = 'OB429', message = 'NUMBER_CHANGES_TODAY', detail = json_build_object('count', changes)::text;
  end if;
  update ob_number set number_generation = number_generation + 1, purchase_area_code = null, purchase_open = false,
    area_code = p_area_code, provision_requested_at = now(), provision_error = null
  where tenant_id = p_tenant_id;
  insert into ob_event (tenant_id, event_type, data) values (p_tenant_id, 'number.change_requested', jsonb_build_object('areaCode', p_area_code));
end $function$;

CREATE OR REPLACE FUNCTION public.ob_save(p_tenant uuid, p_version integer, p_section text, p_fields jsonb, p_names text[], p_job jsonb, p_advance boolean, p_opens_at ob_phase, p_submission text DEFAULT NULL::text, p_tab text DEFAULT NULL::text)
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
declare f ob_flow; cols text; bad text; from_version integer := p_version;
begin
  if not exists (select 1 from ob_section where tbl::text = p_section) then
    raise exception 'ob_save: % is not a section table', p_section;
  end if;
  perform ob_assert_tenant(p_tenant);
  if p_submission is not null and p_submission !~ '^[0-9a-f]{64}$' then
    raise exception 'ob_save: a submission is a sha-256 digest in hex';
  end if;
  if p_tab is not null and p_tab !~ '^[0-9a-f-]{36}$' then
    raise exception 'ob_save: a tab is a UUID';
  end if;
  -- Locking the flow row first serialises every writer of this tenant (saves, jobs, ob_advance).
  select * into f from ob_flow where tenant_id = p_tenant for update;
  if not found then return jsonb_build_object('closed', true, 'phase', null); end if; -- (a session from another database)
  if f.phase >= 'FINALIZE' then
    raise exception using errcode = 'OB409', message = 'FINISHED';
  end if;
  if f.phase < p_opens_at then return jsonb_build_object('closed', true, 'phase', f.phase); end if;
  if f.version <> p_version then
    if ob_replayed(p_tenant, p_submission, p_version) then
      return jsonb_build_object('replay', true, 'phase', f.phase, 'completion', f.completion, 'blockers', f.blockers,
        'textingEligible', f.texting_eligible, 'version', f.version);
    end if;
    if not ob_own_saves(p_tenant, p_version, f.version, p_tab) then
      return jsonb_build_object('stale', true, 'version', f.version);
    end if;
  end if;
  select c into bad from jsonb_object_keys(p_fields) c where not has_column_privilege('ob_app', p_section, c, 'UPDATE') limit 1;
  if bad is not null then
    raise exception using errcode = '42501', message = format('ob_save: %s.%s is not a column the app may write', p_section, bad);
  end if;
  select string_agg(quote_ident(c), ', ') into cols from jsonb_object_keys(p_fields) c;
  if cols is not null then
    -- The flow row is re-derived once, by the version bump below, not also by the section's trigger.
    perform set_config('ob.saving', 'on', true);
    execute format('update %I set (%s, last_saved_at) = (select %s, now() from jsonb_populate_record(null::%I, $1)) where tenant_id = $2',
      p_section, cols, cols, p_section) using p_fields, p_tenant;
    perform set_config('ob.saving', '', true);
  end if;
  -- The bump re-derives completion, blockers and eligibility (ob_flow_derive) from the sections.
  update ob_flow set version = version + 1 where tenant_id = p_tenant returning * into f;
  if p_job is not null then
    perform ob_enqueue(p_job->>'task', (p_job->'payload')::json, p_job->>'key', p_job->>'queue');
  end if;
  -- Field names only: values may be secrets (port-in PIN) and the section row holds them anyway.
  insert into ob_event (tenant_id, event_type, data)
    values (p_tenant, substr(p_section, 4) || '.saved', jsonb_build_object('fields', to_jsonb(coalesce(p_names, '{}')), 'version', f.version,
      'from', from_version, 'submission', p_submission, 'job', p_job->>'key', 'tab', p_tab));
  if p_advance then
    perform ob_advance(p_tenant);
    select * into f from ob_flow where tenant_id = p_tenant;
  end if;
  -- The derived columns are ob_wizard_state's answer (a test holds them together).
  return jsonb_build_object('phase', f.phase, 'completion', f.completion, 'blockers', f.blockers,
    'textingEligible', f.texting_eligible, 'version', f.version);
end $function$;

CREATE OR REPLACE FUNCTION public.ob_take(p_tenant uuid, p_action text)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
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
    raise exception using errcode = 'OB429', message = 'RATE_' || lim.action, detail = json_build_object('max', lim.max_count)::text;
  end if;
  insert into ob_rate_event (tenant_id, action) values (p_tenant, p_action);
end $function$;

alter table ob_rate_limit drop column if exists refusal;
comment on table ob_rate_limit is 'How often a tenant may do each throttled action (max_count per window); past it ob_take refuses with OB429, RATE_<action> and the limit.';
comment on function ob_take(uuid, text) is 'Counts one throttled action of the tenant, or refuses it (OB429, message RATE_<action>, detail {"max": max_count}) past max_count in its window.';
