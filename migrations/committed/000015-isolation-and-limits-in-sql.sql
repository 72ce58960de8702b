--! Previous: sha1:8cc6782fb11a0eacea449e5ed65c19336ff74914
--! Hash: sha1:769d827467e34c5ff9eeea21fa5b8da9a8dc168e
--! Message: isolation and limits in sql

-- Isolation and limits in SQL (issue 18, items 9 and 11). The web app's login reaches other
-- tenants only through security-definer functions, which took the tenant as an argument and never
-- compared it with the tenant the transaction runs for: each now refuses another tenant. Caps are
-- settings stored here, not arguments; ob_enqueue takes our tasks only, for the caller's tenant;
-- row-level security is forced on the tenant tables; and a sole proprietor's code attempts are capped.

---------------------------------------------------------------------------------------------------
-- Settings a DBA can change (update ob_setting set value = ... where name = ...).

create table ob_setting (
  name text primary key check (name ~ '^[a-z][a-z0-9_]{1,62}$'),
  value integer not null check (value >= 0),
  description text not null
);
comment on table ob_setting is 'Caps and limits the SQL guards read; a DBA changes them with an UPDATE, no release needed.';
insert into ob_setting (name, value, description) values
  ('number_changes_per_day', 3, '"Change number" uses per tenant in 24 hours (ob_request_number_change).'),
  ('otp_resends_per_day', 5, 'New one-time codes a sole proprietor may ask for in 24 hours (ob_a2p_resend_otp).'),
  ('otp_verifies_per_code', 5, 'Attempts at one one-time code before a new code must be asked for.'),
  ('otp_verifies_per_day', 10, 'Attempts at one-time codes per tenant in 24 hours.');

create function ob_setting(p_name text) returns integer
language plpgsql stable set search_path = public, pg_temp as $$
declare v integer;
begin
  select value into v from ob_setting where name = p_name;
  if v is null then raise exception 'ob_setting: no setting %', p_name; end if;
  return v;
end $$;
comment on function ob_setting(text) is 'The value of one row of ob_setting; a missing name is an error, not a silent default.';
-- Triggers that run as the web app (the code attempts below) read their caps here: readable, not writable.
grant select on ob_setting to ob_app;

---------------------------------------------------------------------------------------------------
-- The tenant check of every security-definer function the web app may call with a tenant id.

create function ob_assert_tenant(p uuid) returns void
language plpgsql stable set search_path = public, pg_temp as $$
begin
  -- A login in ob_app (the web app) acts only for the tenant its transaction names, as row-level
  -- security lets it read; the worker, the copier and DBAs (the tables' owner) are not held to it.
  if p is distinct from ob_current_tenant() and pg_has_role(session_user, 'ob_app', 'MEMBER')
     and not (select rolsuper from pg_roles where rolname = session_user) then
    raise exception using errcode = '42501', message = format('tenant %s is not the tenant this transaction runs for', p);
  end if;
end $$;
comment on function ob_assert_tenant(uuid) is 'Refuses (42501) a login in ob_app acting for a tenant other than ob_current_tenant(); every security-definer function that takes a tenant calls it first.';

create or replace function ob_save(p_tenant uuid, p_version integer, p_section text, p_fields jsonb, p_names text[],
                        p_job jsonb, p_advance boolean, p_opens_at ob_phase) returns jsonb
language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare f ob_flow; cols text; bad text;
begin
  if p_section not in ('ob_account', 'ob_number', 'ob_calmsg', 'ob_a2p') then
    raise exception 'ob_save: % is not a section table', p_section;
  end if;
  perform ob_assert_tenant(p_tenant);
  -- Locking the flow row first serialises every writer of this tenant (saves, jobs, ob_advance).
  select * into f from ob_flow where tenant_id = p_tenant for update;
  if not found then return jsonb_build_object('closed', true, 'phase', null); end if; -- (a session from another database)
  if f.phase >= 'FINALIZE' then
    raise exception using errcode = 'OB409', message = 'You have pressed Finish: your business is moving to your dashboard, where you can change it.';
  end if;
  if f.phase < p_opens_at then return jsonb_build_object('closed', true, 'phase', f.phase); end if;
  if f.version <> p_version then return jsonb_build_object('stale', true, 'version', f.version); end if;
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
    values (p_tenant, substr(p_section, 4) || '.saved', jsonb_build_object('fields', to_jsonb(coalesce(p_names, '{}')), 'version', f.version, 'job', p_job->>'key'));
  if p_advance then
    perform ob_advance(p_tenant);
    select * into f from ob_flow where tenant_id = p_tenant;
  end if;
  -- The derived columns are ob_wizard_state's answer (a test holds them together).
  return jsonb_build_object('phase', f.phase, 'completion', f.completion, 'blockers', f.blockers,
    'textingEligible', f.texting_eligible, 'version', f.version);
end $$;


create or replace function ob_advance(p_tenant_id uuid, p_finish boolean default false) returns ob_state
language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare f ob_flow; from_phase ob_phase;
begin
  perform ob_assert_tenant(p_tenant_id);
  select * into f from ob_flow where tenant_id = p_tenant_id for update;
  if not found then return null; end if;
  from_phase := f.phase;
  while ob_can_leave(f, p_finish) loop
    f.phase := (enum_range(f.phase, null))[2];
  end loop;
  if f.phase <> from_phase then
    update ob_flow set phase = f.phase, finished_at = case when f.phase = 'FINALIZE' then now() else finished_at end
    where tenant_id = p_tenant_id;
    insert into ob_event (tenant_id, event_type, data)
      values (p_tenant_id, 'flow.advanced', jsonb_build_object('from', from_phase, 'to', f.phase));
  end if;
  return ob_wizard_state(p_tenant_id);
end $$;

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
  if exists (select 1 from unnest(s.blockers) x where x not in ('SUBMIT_A2P', 'A2P_REJECTED')) then
    raise exception using errcode = 'OB422', message = 'Fix the lines above first: carriers reject registrations with them, and each submission is charged.';
  end if;
  submission := r.submission_count + 1;
  step := case when r.brand_id is null or r.brand_phase = 'FAILED' then 'brand'
    when r.campaign_id is null or r.campaign_phase = 'REJECTED' then 'campaign' else 'binding' end;
  update ob_a2p set submission_count = submission, submitted_at = now(), reason = null, reason_code = null, reason_step = null,
    brand_id = case when step = 'brand' then null else brand_id end,
    brand_phase = case when step = 'brand' then null else brand_phase end,
    identity_status = case when step = 'brand' then null else identity_status end,
    campaign_id = case when step in ('brand', 'campaign') then null else campaign_id end,
    campaign_phase = case when step in ('brand', 'campaign') then null else campaign_phase end,
    binding_phase = null
  where tenant_id = t;
end $$;

create or replace function ob_a2p_resend_otp(t uuid) returns void
language plpgsql security definer set search_path = public, pg_temp as $$
declare r ob_a2p;
begin
  perform ob_assert_tenant(t);
  select * into r from ob_a2p where tenant_id = t for update;
  if r.identity_status is distinct from 'UNVERIFIED' then
    raise exception using errcode = 'OB409', message = 'There is no code waiting for you.';
  end if;
  if r.otp_last_resend_at > now() - interval '1 minute' then
    raise exception using errcode = 'OB429', message = 'We just sent a code; wait a minute before asking again.';
  end if;
  if r.otp_resends >= ob_setting('otp_resends_per_day') and r.otp_last_resend_at > now() - interval '1 day' then
    raise exception using errcode = 'OB429', message = format('You asked for %s new codes today; try again tomorrow or contact support.', r.otp_resends);
  end if;
  update ob_a2p set otp_resends = case when otp_last_resend_at > now() - interval '1 day' then otp_resends + 1 else 1 end,
    otp_last_resend_at = now(), otp_error = null, otp_code = null
  where tenant_id = t;
end $$;

-- "Change number": the cap is a setting, not the caller's argument.
drop function ob_request_number_change(uuid, text, integer);
create function ob_request_number_change(p_tenant_id uuid, p_area_code text) returns void
language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare n ob_number; changes integer; cap integer := ob_setting('number_changes_per_day');
begin
  perform ob_assert_tenant(p_tenant_id);
  select * into n from ob_number where tenant_id = p_tenant_id for update;
  if n.e164 is null then
    raise exception 'You do not have a number to change yet.' using errcode = 'OB409';
  end if;
  if n.e164_generation < n.number_generation then
    raise exception 'Your new number is already on its way; wait for it before changing again.' using errcode = 'OB409';
  end if;
  select count(*) into changes from ob_event
    where tenant_id = p_tenant_id and event_type = 'number.change_requested' and ts > now() - interval '24 hours';
  if changes >= cap then
    raise exception 'You have changed your number % times in the last 24 hours; you can change it again tomorrow.', changes using errcode = 'OB429';
  end if;
  update ob_number set number_generation = number_generation + 1, purchase_area_code = null, purchase_open = false,
    area_code = p_area_code, provision_requested_at = now(), provision_error = null
  where tenant_id = p_tenant_id;
  insert into ob_event (tenant_id, event_type, data) values (p_tenant_id, 'number.change_requested', jsonb_build_object('areaCode', p_area_code));
end $$;
comment on function ob_request_number_change(uuid, text) is 'Asks for a new number (next purchase key), refused (OB429) past ob_setting number_changes_per_day and (OB409) while one is on its way.';
revoke execute on function ob_request_number_change(uuid, text) from public;
grant execute on function ob_request_number_change(uuid, text) to ob_app;

---------------------------------------------------------------------------------------------------
-- Jobs: our tasks only, for the caller's tenant (its id in the payload and the key).

create table ob_job_task (
  task text primary key check (task ~ '^[a-z][a-z0-9_]{0,62}$'),
  description text not null
);
comment on table ob_job_task is 'The onboarding tasks ob_enqueue accepts (tasks/index.ts runs each; a test keeps the two lists equal).';
insert into ob_job_task (task, description) values
  ('stripe_prefill', 'Reads the owner''s Stripe objects into the Account page.'),
  ('provision_number', 'Buys and configures the tenant''s number.'),
  ('a2p_step', 'One step of the A2P registration (brand, campaign, number).'),
  ('a2p_refresh', 'Reads the registration''s status and continues the chain.'),
  ('a2p_otp', 'Sends a sole proprietor''s code, or asks for a new one.'),
  ('website_check', 'Reads the owner''s website for the A2P checks.'),
  ('slack_test', 'Posts a test message to the saved Slack link.');

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
  perform graphile_worker.add_job(p_task, p_payload, queue_name => p_queue, job_key => p_job_key);
end $$;

-- A first visit enqueues its tenant's prefill before any transaction names that tenant.
create or replace function ob_ensure_tenant(p_clerk_user_id text, p_email text, p_mobile_e164 text, p_owner_name text,
                                            p_stripe_customer_id text, p_stripe_account_id text)
returns uuid language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare v_tenant uuid; v_previous text := current_setting('ob.tenant_id', true);
begin
  -- Serialises first visits of the same user (double click, two tabs).
  perform pg_advisory_xact_lock(hashtextextended('ob_ensure_tenant:' || p_clerk_user_id, 0));
  select tenant_id into v_tenant from ob_employee where clerk_user_id = p_clerk_user_id and role = 'owner';
  if found then return v_tenant; end if;
  insert into ob_flow (stripe_customer_id, stripe_account_id) values (p_stripe_customer_id, p_stripe_account_id)
    returning tenant_id into v_tenant;
  insert into ob_employee (tenant_id, clerk_user_id, role, name, email, mobile_e164)
    values (v_tenant, p_clerk_user_id, 'owner', p_owner_name, p_email, p_mobile_e164);
  -- America/New_York is the last-resort timezone; the address or the browser replace it.
  insert into ob_account (tenant_id, owner_email, owner_mobile_e164, timezone, defaulted, prefilled_at)
    values (v_tenant, p_email, p_mobile_e164, 'America/New_York', '{timezone}',
            case when p_stripe_customer_id is null and p_stripe_account_id is null then now() end);
  insert into ob_number (tenant_id) values (v_tenant);
  insert into ob_calmsg (tenant_id) values (v_tenant);
  insert into ob_a2p (tenant_id) values (v_tenant);
  if p_stripe_customer_id is not null or p_stripe_account_id is not null then
    -- The new tenant is the one this call acts for: ob_enqueue holds the web app to it.
    perform set_config('ob.tenant_id', v_tenant::text, true);
    perform ob_enqueue('stripe_prefill', json_build_object('tenantId', v_tenant), 'ob:stripe:' || v_tenant);
    perform set_config('ob.tenant_id', coalesce(v_previous, ''), true);
  end if;
  insert into ob_event (tenant_id, event_type, data) values (v_tenant, 'tenant.created', '{}');
  return v_tenant;
end $$;

---------------------------------------------------------------------------------------------------
-- Row-level security forced: a login that owns the tables (or has their owner's rights) is held
-- to the tenant policies too when it is a member of ob_app. Everyone else who may reach the
-- tables at all (the owner: the worker, DBAs, our security-definer functions) passes the
-- <table>_not_app policy; the web server also refuses to start as an owner or superuser.

do $$
declare t text;
begin
  foreach t in array array['ob_flow', 'ob_account', 'ob_number', 'ob_calmsg', 'ob_a2p', 'ob_employee', 'ob_event'] loop
    execute format('alter table %I force row level security', t);
    execute format('create policy %I on %I for all to public using (not pg_has_role(current_user, ''ob_app'', ''MEMBER'')) with check (not pg_has_role(current_user, ''ob_app'', ''MEMBER''))', t || '_not_app', t);
  end loop;
end $$;

---------------------------------------------------------------------------------------------------
-- A sole proprietor's code: attempts are capped per code and per day (OB429 with a sentence).

alter table ob_a2p
  add column otp_verifies integer not null default 0 check (otp_verifies >= 0),
  add column otp_verifies_today integer not null default 0 check (otp_verifies_today >= 0),
  add column otp_first_verify_at timestamptz;
comment on column ob_a2p.otp_verifies is 'Codes typed since the last code was sent (otp_sent_at); capped by ob_setting otp_verifies_per_code.';
comment on column ob_a2p.otp_verifies_today is 'Codes typed since otp_first_verify_at, within 24 hours; capped by ob_setting otp_verifies_per_day.';

create function ob_a2p_otp_attempt() returns trigger
language plpgsql set search_path = public, pg_temp as $$
begin
  if new.otp_sent_at is distinct from old.otp_sent_at then new.otp_verifies := 0; end if;
  if new.otp_code is null or new.otp_code is not distinct from old.otp_code then return new; end if;
  if new.otp_first_verify_at is null or new.otp_first_verify_at < now() - interval '24 hours' then
    new.otp_first_verify_at := now();
    new.otp_verifies_today := 0;
  end if;
  if new.otp_verifies_today >= ob_setting('otp_verifies_per_day') then
    raise exception using errcode = 'OB429', message = 'You have tried too many codes today; try again tomorrow or contact support.';
  end if;
  if new.otp_verifies >= ob_setting('otp_verifies_per_code') then
    raise exception using errcode = 'OB429', message = 'That code has been tried too often; press "Send a new code" and use the new one.';
  end if;
  new.otp_verifies := new.otp_verifies + 1;
  new.otp_verifies_today := new.otp_verifies_today + 1;
  return new;
end $$;
comment on function ob_a2p_otp_attempt() is 'Trigger: counts each code typed (a new otp_code) and refuses (OB429) past ob_setting otp_verifies_per_code and otp_verifies_per_day.';
create trigger ob_a2p_otp_attempt before update of otp_code, otp_sent_at on ob_a2p for each row execute function ob_a2p_otp_attempt();
