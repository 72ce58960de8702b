--! Previous: -
--! Hash: sha1:c0b5f7c5966e2c0325fc7116ae136873a404cb51
--! Message: onboarding data model

-- Onboarding data model. One row per tenant in ob_flow (the authoritative state), one row per
-- section (ob_account, ob_number, ob_calmsg, ob_a2p), owners in ob_employee, an audit trail in
-- ob_event. Guards are SQL functions so the web app, the worker and a DBA all see one truth.
-- Roles ob_app and ob_copier are created by db/migrate.ts before this runs (roles are cluster-wide).

create type ob_phase as enum ('ACCOUNT', 'NUMBER', 'CALMSG', 'A2P', 'FINALIZE', 'COMPLETE');
create type ob_number_state as enum ('Configured', 'PendingActivation', 'Porting', 'Active');
create type ob_after_hours_mode as enum ('AIOnly', 'QueueForHuman', 'CloseWithMsg');
create type ob_brand_type as enum ('SOLE_PROP', 'STANDARD');
create type ob_calendar_provider as enum ('google', 'none');
create type ob_double_book_policy as enum ('block', 'allow');
create type ob_vertical as enum (
  'plumbing', 'hvac', 'electrical', 'roofing', 'carpentry', 'general_contracting', 'landscaping',
  'cleaning', 'pest_control', 'painting', 'locksmith', 'appliance_repair', 'auto_repair', 'other'
);

-- Small pure validators, reused by CHECK constraints.
create function ob_is_e164(v text) returns boolean language sql immutable parallel safe
  as $$ select v ~ '^\+[1-9][0-9]{6,14}$' $$;
create function ob_is_email(v text) returns boolean language sql immutable parallel safe
  as $$ select v ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and char_length(v) <= 254 $$;
create function ob_all_e164(vs text[]) returns boolean language sql immutable parallel safe
  as $$ select coalesce(bool_and(ob_is_e164(x)), true) from unnest(vs) x $$;
create function ob_all_emails(vs text[]) returns boolean language sql immutable parallel safe
  as $$ select coalesce(bool_and(ob_is_email(x)), true) from unnest(vs) x $$;
create function ob_is_https_url(v text) returns boolean language sql immutable parallel safe
  as $$ select v ~ '^https://[^\s/?#]+\.[^\s/?#]+([/?#]\S*)?$' and char_length(v) <= 2048 $$;

create table ob_flow (
  tenant_id uuid primary key default gen_random_uuid(),
  phase ob_phase not null default 'ACCOUNT',
  email_verified boolean not null default false,
  mobile_verified boolean not null default false,
  stripe_active boolean not null default false,
  plan_code text check (char_length(plan_code) <= 100),
  -- Derived by ob_flow_derive() from ob_number / ob_a2p / the section rows: never written by hand.
  number_state ob_number_state,
  texting_eligible boolean not null default false,
  completion jsonb not null default '{"account":0,"number":0,"calmsg":0,"a2p":0}',
  blockers jsonb not null default '[]',
  team_size_limit integer not null default 1 check (team_size_limit between 1 and 100),
  schema_version integer not null default 1,
  version integer not null default 0 check (version >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table ob_flow is 'One onboarding flow per tenant: phase, identity flags, derived progress, optimistic-concurrency version.';
comment on column ob_flow.version is 'Bumped by every owner save; a save naming an older version is refused (HTTP 409).';
comment on column ob_flow.texting_eligible is 'Derived: brand VETTED and campaign ACTIVE and binding VERIFIED in ob_a2p. A trigger keeps it so.';

create table ob_employee (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references ob_flow on delete cascade,
  clerk_user_id text not null check (char_length(clerk_user_id) between 1 and 200),
  role text not null default 'owner' check (role in ('owner', 'staff')),
  name text check (char_length(name) <= 200),
  email text check (ob_is_email(email)),
  mobile_e164 text check (ob_is_e164(mobile_e164)),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, clerk_user_id)
);
create unique index ob_employee_one_owner_per_user on ob_employee (clerk_user_id) where role = 'owner';
create unique index ob_employee_one_owner_per_tenant on ob_employee (tenant_id) where role = 'owner';
comment on table ob_employee is 'People of a tenant. The owner is created with the tenant; team_size_limit caps the count.';

create table ob_account (
  tenant_id uuid primary key references ob_flow on delete cascade,
  display_name text check (char_length(btrim(display_name)) between 1 and 100),
  vertical ob_vertical,
  logo_url text check (ob_is_https_url(logo_url) or logo_url ~ '^/uploads/[A-Za-z0-9._-]+$'),
  brand_color text check (brand_color ~ '^#[0-9a-f]{6}$'),
  timezone text check (timezone ~ '^[A-Za-z_]+(/[A-Za-z0-9_+-]+){1,2}$' or timezone = 'UTC'),
  address jsonb check (jsonb_typeof(address) = 'object'),
  languages text[] not null default '{en}' check (cardinality(languages) between 1 and 2 and languages <@ '{en,es}'),
  owner_email text check (ob_is_email(owner_email)),
  owner_mobile_e164 text check (ob_is_e164(owner_mobile_e164)),
  last_saved_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table ob_number (
  tenant_id uuid primary key references ob_flow on delete cascade,
  area_code text check (area_code ~ '^[2-9][0-9]{2}$'),
  preferred_area_codes text[] not null default '{}'
    check (cardinality(preferred_area_codes) <= 5 and array_to_string(preferred_area_codes, ',') ~ '^([2-9][0-9]{2}(,|$))*$'),
  hours jsonb not null default '{"mon":{"open":true,"start":"08:00","end":"18:00"},"tue":{"open":true,"start":"08:00","end":"18:00"},"wed":{"open":true,"start":"08:00","end":"18:00"},"thu":{"open":true,"start":"08:00","end":"18:00"},"fri":{"open":true,"start":"08:00","end":"18:00"},"sat":{"open":false,"start":"08:00","end":"18:00"},"sun":{"open":false,"start":"08:00","end":"18:00"}}'
    check (jsonb_typeof(hours) = 'object'),
  service_radius_mi integer not null default 15 check (service_radius_mi between 1 and 100),
  ring_window_sec integer not null default 20 check (ring_window_sec between 5 and 120),
  owner_window_sec integer not null default 60 check (owner_window_sec between 30 and 180),
  after_hours_mode ob_after_hours_mode not null default 'AIOnly',
  holidays date[] not null default '{}',
  stop_help_text text not null default 'Reply STOP to opt out, HELP for help. Msg & data rates may apply.'
    check (char_length(stop_help_text) between 20 and 320),
  start_port_in boolean not null default false,
  -- accountNumber and pin are stored encrypted by the app (never in clear text).
  port_in jsonb check (jsonb_typeof(port_in) = 'object' and (port_in->>'phoneNumber' is null or ob_is_e164(port_in->>'phoneNumber'))),
  e164 text unique check (ob_is_e164(e164)),
  provider_sid text unique check (char_length(provider_sid) between 1 and 100),
  capabilities jsonb check (jsonb_typeof(capabilities) = 'object'),
  state ob_number_state,
  correlation_id text check (char_length(correlation_id) <= 100),
  last_saved_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table ob_calmsg (
  tenant_id uuid primary key references ob_flow on delete cascade,
  calendar_provider ob_calendar_provider not null default 'google',
  calendar_connected boolean not null default false,
  top_services text[] not null default '{}' check (cardinality(top_services) <= 3),
  price_ranges jsonb not null default '{}' check (jsonb_typeof(price_ranges) = 'object'),
  double_book_policy ob_double_book_policy not null default 'block',
  buffers jsonb not null default '{"beforeMin":15,"afterMin":15}' check (jsonb_typeof(buffers) = 'object'),
  templates jsonb not null default '{}' check (jsonb_typeof(templates) = 'object'),
  bilingual boolean not null default false,
  revenue_prompts_mins integer not null default 120 check (revenue_prompts_mins between 0 and 10080),
  attribution_days integer not null default 14 check (attribution_days between 1 and 365),
  ops_emails text[] not null default '{}' check (cardinality(ops_emails) <= 10 and ob_all_emails(ops_emails)),
  ops_sms text[] not null default '{}' check (cardinality(ops_sms) <= 10 and ob_all_e164(ops_sms)),
  slack_webhook_url text check (ob_is_https_url(slack_webhook_url)),
  last_saved_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table ob_a2p (
  tenant_id uuid primary key references ob_flow on delete cascade,
  brand_type ob_brand_type,
  legal_business_name text check (char_length(btrim(legal_business_name)) between 1 and 200),
  tax_id text check (tax_id ~ '^[0-9]{2}-?[0-9]{7}$'),
  website_url text check (ob_is_https_url(website_url) or website_url ~ '^http://'),
  authorized_contact jsonb check (jsonb_typeof(authorized_contact) = 'object'
    and (authorized_contact->>'email' is null or ob_is_email(authorized_contact->>'email'))
    and (authorized_contact->>'phoneE164' is null or ob_is_e164(authorized_contact->>'phoneE164'))),
  use_case text not null default 'CustomerCare.MissedCallRecovery' check (use_case = 'CustomerCare.MissedCallRecovery'),
  opt_in_description text not null default 'Inbound only: we text a caller only after they call the business and the call is missed, to continue that conversation. The greeting says so; no marketing is sent.',
  stop_help_text text not null default 'Reply STOP to opt out, HELP for help. Msg & data rates may apply.',
  sample_messages text[] not null default '{}' check (cardinality(sample_messages) <= 5),
  link_domains text[] not null default '{}' check (cardinality(link_domains) <= 10),
  https_ok boolean, privacy_found boolean, terms_found boolean,
  legal_matches_tax_id_like boolean, stop_help_present boolean,
  brand_id text, brand_phase text check (brand_phase ~ '^[A-Z_]{2,40}$'),
  campaign_id text, campaign_phase text check (campaign_phase ~ '^[A-Z_]{2,40}$'),
  binding_phase text check (binding_phase ~ '^[A-Z_]{2,40}$'),
  reason text check (char_length(reason) <= 1000),
  correlation_id text check (char_length(correlation_id) <= 100),
  submission_count integer not null default 0 check (submission_count >= 0),
  last_saved_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table ob_event (
  id bigint generated always as identity primary key,
  tenant_id uuid not null references ob_flow on delete cascade,
  ts timestamptz not null default clock_timestamp(),
  event_type text not null check (event_type ~ '^[a-z_]+(\.[a-z_]+)+$'),
  data jsonb not null default '{}'
);
create index ob_event_tenant_ts on ob_event (tenant_id, ts);
comment on table ob_event is 'Append-only audit: every save, job result and phase change. Holds field names, never secrets.';

---------------------------------------------------------------------------------------------------
-- Derived state: completion, blockers and eligibility, computed from a flow row and its sections.

create type ob_state as (phase ob_phase, completion jsonb, blockers jsonb, texting_eligible boolean);

create function ob_pct(have integer, need integer) returns integer language sql immutable parallel safe
  as $$ select case when have <= 0 then 0 when have >= need then 100 else 50 end $$;

create function ob_number_ready(n ob_number) returns boolean language sql immutable parallel safe as $$
  select coalesce(
    (n.state = 'Configured' and (n.capabilities->>'mms')::boolean)
    or (n.state = 'Porting' and n.start_port_in
        and coalesce(n.port_in->>'phoneNumber', '') <> ''
        and coalesce(n.port_in->>'accountNumber', '') <> ''
        and coalesce(n.port_in->>'pin', '') <> ''),
    false)
$$;

create function ob_a2p_eligible(r ob_a2p) returns boolean language sql immutable parallel safe as $$
  select coalesce(r.brand_phase = 'VETTED' and r.campaign_phase = 'ACTIVE' and r.binding_phase = 'VERIFIED', false)
$$;

-- Pure read of one flow row plus its section rows. Blockers are stable codes in page order.
create function ob_compute_state(f ob_flow) returns ob_state
language plpgsql stable set search_path = public, pg_temp as $$
declare
  a ob_account; n ob_number; c ob_calmsg; r ob_a2p;
  b text[] := '{}';
  contact_ok boolean; a2p_have integer; a2p_need integer; rejected boolean;
  calmsg_pct integer; a2p_pct integer;
begin
  select * into a from ob_account where tenant_id = f.tenant_id;
  select * into n from ob_number where tenant_id = f.tenant_id;
  select * into c from ob_calmsg where tenant_id = f.tenant_id;
  select * into r from ob_a2p where tenant_id = f.tenant_id;

  if not f.email_verified then b := array_append(b, 'VERIFY_EMAIL'); end if;
  if not f.mobile_verified then b := array_append(b, 'VERIFY_MOBILE'); end if;
  if not f.stripe_active then b := array_append(b, 'ACTIVATE_SUBSCRIPTION'); end if;
  if a.display_name is null then b := array_append(b, 'ENTER_DISPLAY_NAME'); end if;
  if a.vertical is null then b := array_append(b, 'CHOOSE_VERTICAL'); end if;

  if not ob_number_ready(n) then
    b := array_append(b, case when coalesce(n.start_port_in, false) then 'COMPLETE_PORT_IN' else 'RESERVE_NUMBER' end);
  end if;

  if coalesce(cardinality(c.top_services), 0) = 0 then b := array_append(b, 'CHOOSE_SERVICES');
  elsif exists (select 1 from unnest(c.top_services) s where not c.price_ranges ? s) then b := array_append(b, 'SET_PRICES');
  end if;
  calmsg_pct := case when c.tenant_id is null then 0 else ob_pct(
    (coalesce(cardinality(c.top_services), 0) > 0)::int
    + (c.price_ranges <> '{}' and not exists (select 1 from unnest(c.top_services) s where not c.price_ranges ? s))::int, 2) end;

  contact_ok := coalesce(r.authorized_contact->>'name', '') <> '' and coalesce(r.authorized_contact->>'email', '') <> ''
    and coalesce(r.authorized_contact->>'phoneE164', '') <> '';
  if r.legal_business_name is null then b := array_append(b, 'ENTER_LEGAL_NAME'); end if;
  if r.website_url is null then b := array_append(b, 'ENTER_WEBSITE'); end if;
  if r.brand_type = 'STANDARD' and r.tax_id is null then b := array_append(b, 'ENTER_TAX_ID'); end if;
  if not contact_ok then b := array_append(b, 'ENTER_AUTHORIZED_CONTACT'); end if;
  -- Checklist values are null until checked: only a failed check is a blocker.
  if r.https_ok = false then b := array_append(b, 'WEBSITE_HTTPS_MISSING'); end if;
  if r.privacy_found = false then b := array_append(b, 'WEBSITE_PRIVACY_MISSING'); end if;
  if r.terms_found = false then b := array_append(b, 'WEBSITE_TERMS_MISSING'); end if;
  if r.stop_help_present = false then b := array_append(b, 'STOP_HELP_MISSING'); end if;
  rejected := coalesce(r.brand_phase in ('REJECTED', 'FAILED') or r.campaign_phase in ('REJECTED', 'FAILED')
    or r.binding_phase in ('REJECTED', 'FAILED'), false);
  if rejected then b := array_append(b, 'A2P_REJECTED');
  elsif r.brand_id is null then b := array_append(b, 'SUBMIT_A2P');
  elsif not ob_a2p_eligible(r) then b := array_append(b, 'A2P_PENDING');
  end if;
  a2p_need := case when r.brand_type = 'STANDARD' then 5 else 4 end;
  a2p_have := (r.brand_type is not null)::int + (r.legal_business_name is not null)::int
    + (r.website_url is not null)::int + contact_ok::int
    + (r.brand_type = 'STANDARD' and r.tax_id is not null)::int;
  a2p_pct := case when r.tenant_id is null then 0
    when a2p_have >= a2p_need and r.brand_id is not null and not rejected then 100
    else least(ob_pct(coalesce(a2p_have, 0), a2p_need), 50) end;

  return row(
    f.phase,
    jsonb_build_object(
      'account', case when a.tenant_id is null then 0
        else ob_pct((a.display_name is not null)::int + (a.vertical is not null)::int, 2) end,
      'number', case when ob_number_ready(n) then 100 when n.area_code is not null then 50 else 0 end,
      'calmsg', calmsg_pct,
      'a2p', a2p_pct),
    to_jsonb(b),
    ob_a2p_eligible(r))::ob_state;
end $$;
comment on function ob_compute_state(ob_flow) is 'Completion (0/50/100 from Basic presence), blockers and eligibility for a flow row as given.';

create function ob_wizard_state(p_tenant_id uuid) returns ob_state
language sql stable set search_path = public, pg_temp as $$
  select ob_compute_state(f) from ob_flow f where f.tenant_id = p_tenant_id
$$;
comment on function ob_wizard_state(uuid) is 'Pure read: phase, completion, blockers, texting_eligible. Null for an unknown tenant.';

-- May the flow leave its current phase? Exactly the spec's guards; CALMSG (no guard in the spec)
-- needs its Basic section complete; FINALIZE and COMPLETE are left only by the copier.
create function ob_can_leave(f ob_flow) returns boolean
language plpgsql stable set search_path = public, pg_temp as $$
declare s ob_state := ob_compute_state(f);
begin
  return case f.phase
    when 'ACCOUNT' then f.email_verified and f.mobile_verified and f.stripe_active
    when 'NUMBER' then (s.completion->>'number')::int = 100
    when 'CALMSG' then (s.completion->>'calmsg')::int = 100
    when 'A2P' then s.texting_eligible
    else false end;
end $$;

-- Moves the phase forward while the guard of the current phase holds; never backwards.
create function ob_advance(p_tenant_id uuid) returns ob_state
language plpgsql volatile set search_path = public, pg_temp as $$
declare f ob_flow; from_phase ob_phase;
begin
  select * into f from ob_flow where tenant_id = p_tenant_id for update;
  if not found then return null; end if;
  from_phase := f.phase;
  while ob_can_leave(f) loop
    f.phase := (enum_range(f.phase, null))[2];
  end loop;
  if f.phase <> from_phase then
    update ob_flow set phase = f.phase where tenant_id = p_tenant_id;
    insert into ob_event (tenant_id, event_type, data)
      values (p_tenant_id, 'flow.advanced', jsonb_build_object('from', from_phase, 'to', f.phase));
  end if;
  return ob_wizard_state(p_tenant_id);
end $$;
comment on function ob_advance(uuid) is 'Advances the phase by the guards, never backwards. Returns the new ob_state.';

-- The copier's only write: FINALIZE -> COMPLETE once it has copied the snapshot.
create function ob_mark_complete(p_tenant_id uuid) returns boolean
language plpgsql volatile security definer set search_path = public, pg_temp as $$
begin
  update ob_flow set phase = 'COMPLETE' where tenant_id = p_tenant_id and phase = 'FINALIZE';
  if not found then return false; end if;
  insert into ob_event (tenant_id, event_type, data) values (p_tenant_id, 'flow.completed', '{}');
  return true;
end $$;
revoke execute on function ob_mark_complete(uuid) from public;

---------------------------------------------------------------------------------------------------
-- Triggers: the database keeps timestamps and derived columns, and refuses backward phases.

create function ob_flow_derive() returns trigger
language plpgsql set search_path = public, pg_temp as $$
declare s ob_state;
begin
  if tg_op = 'UPDATE' and new.phase < old.phase then
    raise exception 'ob_flow.phase cannot move backwards (% -> %)', old.phase, new.phase using errcode = 'check_violation';
  end if;
  s := ob_compute_state(new);
  new.completion := s.completion;
  new.blockers := s.blockers;
  new.texting_eligible := s.texting_eligible;
  new.number_state := (select state from ob_number where tenant_id = new.tenant_id);
  new.updated_at := now();
  return new;
end $$;
create trigger ob_flow_derive before insert or update on ob_flow for each row execute function ob_flow_derive();

-- A change to a section re-derives its flow row (the BEFORE trigger above does the work).
create function ob_section_changed() returns trigger
language plpgsql set search_path = public, pg_temp as $$
begin
  update ob_flow set updated_at = now() where tenant_id = coalesce(new.tenant_id, old.tenant_id);
  return null;
end $$;

create function ob_touch_updated_at() returns trigger language plpgsql as $$
begin new.updated_at := now(); return new; end $$;

create trigger ob_account_touch before update on ob_account for each row execute function ob_touch_updated_at();
create trigger ob_number_touch before update on ob_number for each row execute function ob_touch_updated_at();
create trigger ob_calmsg_touch before update on ob_calmsg for each row execute function ob_touch_updated_at();
create trigger ob_a2p_touch before update on ob_a2p for each row execute function ob_touch_updated_at();
create trigger ob_employee_touch before update on ob_employee for each row execute function ob_touch_updated_at();
create trigger ob_account_changed after insert or update or delete on ob_account for each row execute function ob_section_changed();
create trigger ob_number_changed after insert or update or delete on ob_number for each row execute function ob_section_changed();
create trigger ob_calmsg_changed after insert or update or delete on ob_calmsg for each row execute function ob_section_changed();
create trigger ob_a2p_changed after insert or update or delete on ob_a2p for each row execute function ob_section_changed();

create function ob_employee_limit() returns trigger
language plpgsql set search_path = public, pg_temp as $$
declare lim integer; cnt integer;
begin
  select team_size_limit into lim from ob_flow where tenant_id = new.tenant_id for update;
  select count(*) into cnt from ob_employee where tenant_id = new.tenant_id;
  if cnt >= lim then
    raise exception 'team size limit (%) reached', lim using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger ob_employee_limit before insert on ob_employee for each row execute function ob_employee_limit();

---------------------------------------------------------------------------------------------------
-- Tenant creation: one transaction, at most one tenant per Clerk user even under concurrency.

create function ob_ensure_tenant(p_clerk_user_id text, p_email text, p_mobile_e164 text, p_owner_name text,
                                 p_display_name text, p_vertical ob_vertical)
returns uuid language plpgsql volatile set search_path = public, pg_temp as $$
declare v_tenant uuid;
begin
  -- Serialises first visits of the same user (double click, two tabs).
  perform pg_advisory_xact_lock(hashtextextended('ob_ensure_tenant:' || p_clerk_user_id, 0));
  select tenant_id into v_tenant from ob_employee where clerk_user_id = p_clerk_user_id and role = 'owner';
  if found then return v_tenant; end if;
  insert into ob_flow default values returning tenant_id into v_tenant;
  insert into ob_employee (tenant_id, clerk_user_id, role, name, email, mobile_e164)
    values (v_tenant, p_clerk_user_id, 'owner', p_owner_name, p_email, p_mobile_e164);
  insert into ob_account (tenant_id, display_name, vertical, owner_email, owner_mobile_e164)
    values (v_tenant, nullif(btrim(p_display_name), ''), p_vertical, p_email, p_mobile_e164);
  insert into ob_event (tenant_id, event_type, data) values (v_tenant, 'tenant.created', '{}');
  return v_tenant;
end $$;
comment on function ob_ensure_tenant is 'Returns the owner''s tenant, creating flow, owner employee and prefilled account on first call.';

---------------------------------------------------------------------------------------------------
-- Views for the copier and for DBAs. Keys are camelCase and listed one by one, so the copier's
-- contract is explicit and secrets (port-in account number and PIN) never leave this database.

create view ob_snapshot with (security_barrier) as
select
  f.tenant_id, f.phase, f.texting_eligible,
  jsonb_build_object(
    'schemaVersion', f.schema_version,
    'flow', jsonb_build_object('phase', f.phase, 'planCode', f.plan_code, 'stripeActive', f.stripe_active,
      'emailVerified', f.email_verified, 'mobileVerified', f.mobile_verified, 'numberState', f.number_state,
      'teamSizeLimit', f.team_size_limit, 'completion', f.completion, 'blockers', f.blockers,
      'createdAt', f.created_at, 'updatedAt', f.updated_at),
    'account', (select jsonb_build_object('displayName', a.display_name, 'vertical', a.vertical,
      'logoUrl', a.logo_url, 'brandColor', a.brand_color, 'timezone', a.timezone, 'address', a.address,
      'languages', a.languages, 'ownerEmail', a.owner_email, 'ownerMobileE164', a.owner_mobile_e164,
      'lastSavedAt', a.last_saved_at) from ob_account a where a.tenant_id = f.tenant_id),
    'number', (select jsonb_build_object('areaCode', n.area_code, 'preferredAreaCodes', n.preferred_area_codes,
      'hours', n.hours, 'serviceRadiusMi', n.service_radius_mi, 'ringWindowSec', n.ring_window_sec,
      'ownerWindowSec', n.owner_window_sec, 'afterHoursMode', n.after_hours_mode, 'holidays', n.holidays,
      'stopHelpText', n.stop_help_text, 'e164', n.e164, 'providerSid', n.provider_sid,
      'capabilities', n.capabilities, 'state', n.state, 'correlationId', n.correlation_id,
      'portIn', case when n.start_port_in then jsonb_build_object('phoneNumber', n.port_in->>'phoneNumber') end,
      'lastSavedAt', n.last_saved_at) from ob_number n where n.tenant_id = f.tenant_id),
    'calmsg', (select jsonb_build_object('calendarProvider', c.calendar_provider,
      'calendarConnected', c.calendar_connected, 'topServices', c.top_services, 'priceRanges', c.price_ranges,
      'doubleBookPolicy', c.double_book_policy, 'buffers', c.buffers, 'templates', c.templates,
      'bilingual', c.bilingual, 'revenuePromptsMins', c.revenue_prompts_mins, 'attributionDays', c.attribution_days,
      'opsEmails', c.ops_emails, 'opsSms', c.ops_sms, 'slackWebhookUrl', c.slack_webhook_url,
      'lastSavedAt', c.last_saved_at) from ob_calmsg c where c.tenant_id = f.tenant_id),
    'a2p', (select jsonb_build_object('brandType', r.brand_type, 'legalBusinessName', r.legal_business_name,
      'taxId', r.tax_id, 'websiteUrl', r.website_url, 'authorizedContact', r.authorized_contact,
      'useCase', r.use_case, 'optInDescription', r.opt_in_description, 'stopHelpText', r.stop_help_text,
      'sampleMessages', r.sample_messages, 'linkDomains', r.link_domains,
      'checklist', jsonb_build_object('httpsOk', r.https_ok, 'privacyFound', r.privacy_found,
        'termsFound', r.terms_found, 'legalMatchesTaxIdLike', r.legal_matches_tax_id_like,
        'stopHelpPresent', r.stop_help_present),
      'brandId', r.brand_id, 'brandPhase', r.brand_phase, 'campaignId', r.campaign_id,
      'campaignPhase', r.campaign_phase, 'bindingPhase', r.binding_phase, 'reason', r.reason,
      'correlationId', r.correlation_id, 'lastSavedAt', r.last_saved_at) from ob_a2p r where r.tenant_id = f.tenant_id),
    'employees', coalesce((select jsonb_agg(jsonb_build_object('id', e.id, 'clerkUserId', e.clerk_user_id,
      'role', e.role, 'name', e.name, 'email', e.email, 'mobileE164', e.mobile_e164) order by e.created_at, e.id)
      from ob_employee e where e.tenant_id = f.tenant_id), '[]')
  ) as snapshot
from ob_flow f;
comment on view ob_snapshot is 'One JSON document per tenant for the copier service. Watch phase = FINALIZE, copy, then call ob_mark_complete(tenant_id).';

-- graphile-worker's pending and failed jobs in the spec's outbox shape. Completed jobs are deleted by
-- the worker; their results are in ob_event. The public jobs view has no payload, so payload is read
-- from _private_jobs by id (an integration test fails if a worker upgrade changes that).
create view ob_outbox as
select
  j.id,
  (p.payload->>'tenantId')::uuid as tenant_id,
  upper(j.task_identifier) as type,
  p.payload,
  j.attempts,
  j.max_attempts,
  j.run_at as next_attempt_at,
  case when j.attempts >= j.max_attempts then 'failed' else 'pending' end as status,
  j.key as job_key,
  j.last_error,
  j.locked_at
from graphile_worker.jobs j
join graphile_worker._private_jobs p on p.id = j.id
where p.payload->>'tenantId' ~ '^[0-9a-f-]{36}$';
comment on view ob_outbox is 'Pending and failed onboarding jobs (type = upper(task), status pending|failed), for DBAs and support.';

-- graphile-worker protects its tables with row-level security, so a role other than the schema owner
-- cannot call add_job directly. The save engine enqueues through this function instead.
create function ob_enqueue(p_task text, p_payload json, p_job_key text) returns void
language plpgsql volatile security definer set search_path = public, pg_temp as $$
begin
  if p_task !~ '^[a-z][a-z0-9_]{0,62}$' or p_job_key !~ '^ob:' then
    raise exception 'invalid onboarding job % / %', p_task, p_job_key using errcode = 'check_violation';
  end if;
  perform graphile_worker.add_job(p_task, p_payload, job_key => p_job_key);
end $$;
revoke execute on function ob_enqueue(text, json, text) from public;
comment on function ob_enqueue(text, json, text) is 'Enqueues an onboarding job (job key = provider Idempotency-Key) in the caller''s transaction.';

---------------------------------------------------------------------------------------------------
-- Grants. ob_app: what the web app and the worker need. ob_copier: read the snapshot, mark complete.

grant usage on schema public to ob_app, ob_copier;
grant select, insert, update on ob_flow, ob_employee, ob_account, ob_number, ob_calmsg, ob_a2p to ob_app;
grant select, insert on ob_event to ob_app;
grant select on ob_snapshot, ob_outbox to ob_app;
grant execute on function ob_enqueue(text, json, text) to ob_app;
grant select on ob_snapshot to ob_copier;
grant execute on function ob_mark_complete(uuid) to ob_copier;
