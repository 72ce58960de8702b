--! Previous: sha1:87a3a5c0eb569b7735b92d98827525042b0a1b17
--! Hash: sha1:ef44ebacf079d098852d9176cf128c927b304a71
--! Message: page kit: sections, states, grants, comments

-- The page kit: every section row made with its tenant, one state function per section (a page's
-- migration replaces only its own), "pending" blockers said by SQL, column grants that keep the
-- web app to the columns an owner may set, and a comment on everything we create.

---------------------------------------------------------------------------------------------------
-- All four section rows exist from the tenant's first visit, with the table defaults.

insert into ob_number (tenant_id) select tenant_id from ob_flow on conflict (tenant_id) do nothing;
insert into ob_calmsg (tenant_id) select tenant_id from ob_flow on conflict (tenant_id) do nothing;
insert into ob_a2p (tenant_id) select tenant_id from ob_flow on conflict (tenant_id) do nothing;

create or replace function ob_ensure_tenant(p_clerk_user_id text, p_email text, p_mobile_e164 text, p_owner_name text,
                                            p_stripe_customer_id text, p_stripe_account_id text)
returns uuid language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare v_tenant uuid;
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
    perform ob_enqueue('stripe_prefill', json_build_object('tenantId', v_tenant), 'ob:stripe:' || v_tenant);
  end if;
  insert into ob_event (tenant_id, event_type, data) values (v_tenant, 'tenant.created', '{}');
  return v_tenant;
end $$;
revoke execute on function ob_ensure_tenant(text, text, text, text, text, text) from public;
grant execute on function ob_ensure_tenant(text, text, text, text, text, text) to ob_app;
comment on function ob_ensure_tenant(text, text, text, text, text, text) is 'Returns the owner''s tenant; on the first call creates the flow, the owner employee and all four section rows, and enqueues the Stripe prefill (job key ob:stripe:<tenantId>), in one transaction.';

---------------------------------------------------------------------------------------------------
-- One state function per section: its completion (0/50/100 from Basic presence) and its blockers,
-- in page order. ob_compute_state only puts them together.

create type ob_section_state as (pct integer, blockers text[]);
comment on type ob_section_state is 'One section''s completion percentage and blocker codes, as its ob_state_<section> function computes them.';

create function ob_state_account(f ob_flow) returns ob_section_state
language plpgsql stable set search_path = public, pg_temp as $$
declare a ob_account; b text[] := '{}';
begin
  select * into a from ob_account where tenant_id = f.tenant_id;
  if not f.email_verified then b := array_append(b, 'VERIFY_EMAIL'); end if;
  if not f.mobile_verified then b := array_append(b, 'VERIFY_MOBILE'); end if;
  -- Until Stripe has been read, "subscription not active" would be a guess.
  if a.tenant_id is not null and a.prefilled_at is null then b := array_append(b, 'PREFILL_PENDING');
  elsif not f.stripe_active then b := array_append(b, 'ACTIVATE_SUBSCRIPTION');
  end if;
  if a.display_name is null then b := array_append(b, 'ENTER_DISPLAY_NAME'); end if;
  if a.vertical is null then b := array_append(b, 'CHOOSE_VERTICAL'); end if;
  return row(case when a.tenant_id is null then 0
    else ob_pct((a.display_name is not null)::int + (a.vertical is not null)::int, 2) end, b)::ob_section_state;
end $$;
comment on function ob_state_account(ob_flow) is 'Page 1: identity and subscription blockers (PREFILL_PENDING while Stripe has not been read), name and trade.';

create function ob_state_number(f ob_flow) returns ob_section_state
language plpgsql stable set search_path = public, pg_temp as $$
declare n ob_number; b text[] := '{}';
begin
  select * into n from ob_number where tenant_id = f.tenant_id;
  if not ob_number_ready(n) then
    b := array_append(b, case
      when coalesce(n.start_port_in, false) then 'COMPLETE_PORT_IN'
      when n.provision_error = 'unavailable' then 'NUMBER_UNAVAILABLE'
      when n.provision_error = 'busy' then 'NUMBER_BUSY'
      when n.provision_requested_at is not null then 'NUMBER_PENDING'
      else 'RESERVE_NUMBER' end);
  end if;
  return row(case when ob_number_ready(n) then 100 when n.area_code is not null then 50 else 0 end, b)::ob_section_state;
end $$;
comment on function ob_state_number(ob_flow) is 'Page 2: the number, or what stands in its way (RESERVE_NUMBER, NUMBER_PENDING while provision_number runs, NUMBER_BUSY, NUMBER_UNAVAILABLE, COMPLETE_PORT_IN).';

create function ob_state_calmsg(f ob_flow) returns ob_section_state
language plpgsql stable set search_path = public, pg_temp as $$
declare c ob_calmsg; b text[] := '{}'; priced boolean;
begin
  select * into c from ob_calmsg where tenant_id = f.tenant_id;
  priced := not exists (select 1 from unnest(c.top_services) s where not c.price_ranges ? s);
  if coalesce(cardinality(c.top_services), 0) = 0 then b := array_append(b, 'CHOOSE_SERVICES');
  elsif not priced then b := array_append(b, 'SET_PRICES');
  end if;
  return row(case when c.tenant_id is null then 0 else ob_pct(
    (coalesce(cardinality(c.top_services), 0) > 0)::int + (c.price_ranges <> '{}' and priced)::int, 2) end, b)::ob_section_state;
end $$;
comment on function ob_state_calmsg(ob_flow) is 'Page 3: services chosen and priced.';

create function ob_state_a2p(f ob_flow) returns ob_section_state
language plpgsql stable set search_path = public, pg_temp as $$
declare r ob_a2p; b text[] := '{}'; contact_ok boolean; have integer; need integer; rejected boolean;
begin
  select * into r from ob_a2p where tenant_id = f.tenant_id;
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
  need := case when r.brand_type = 'STANDARD' then 5 else 4 end;
  have := (r.brand_type is not null)::int + (r.legal_business_name is not null)::int
    + (r.website_url is not null)::int + contact_ok::int + (r.brand_type = 'STANDARD' and r.tax_id is not null)::int;
  return row(case when r.tenant_id is null then 0
    when have >= need and r.brand_id is not null and not rejected then 100
    else least(ob_pct(coalesce(have, 0), need), 50) end, b)::ob_section_state;
end $$;
comment on function ob_state_a2p(ob_flow) is 'Page 4: registration inputs, the pre-submission checks and the carriers'' decision.';

create or replace function ob_compute_state(f ob_flow) returns ob_state
language plpgsql stable set search_path = public, pg_temp as $$
declare
  a ob_section_state := ob_state_account(f);
  n ob_section_state := ob_state_number(f);
  c ob_section_state := ob_state_calmsg(f);
  r ob_section_state := ob_state_a2p(f);
begin
  return row(
    f.phase,
    jsonb_build_object('account', a.pct, 'number', n.pct, 'calmsg', c.pct, 'a2p', r.pct),
    to_jsonb(a.blockers || n.blockers || c.blockers || r.blockers),
    coalesce((select ob_a2p_eligible(x) from ob_a2p x where x.tenant_id = f.tenant_id), false))::ob_state;
end $$;
comment on function ob_compute_state(ob_flow) is 'Completion, blockers (in page order) and texting eligibility of a flow row: the four ob_state_<section> functions put together.';

---------------------------------------------------------------------------------------------------
-- Grants by column. The web app (ob_app) writes what an owner may set; the phase only through
-- ob_advance, derived columns only through triggers, provider ids and answers only from the worker.

revoke insert, update on ob_flow, ob_employee, ob_account, ob_number, ob_calmsg, ob_a2p from ob_app;
grant update (version, email_verified, mobile_verified, identity_checked_at, stripe_active, plan_code) on ob_flow to ob_app;
grant update (display_name, vertical, logo_url, brand_color, timezone, address, languages, defaulted, last_saved_at) on ob_account to ob_app;
grant update (area_code, preferred_area_codes, hours, service_radius_mi, ring_window_sec, owner_window_sec, after_hours_mode,
  holidays, stop_help_text, start_port_in, port_in, state, provision_requested_at, provision_error, availability,
  availability_checked_at, last_saved_at) on ob_number to ob_app;
grant update (calendar_provider, top_services, price_ranges, double_book_policy, buffers, templates, bilingual,
  revenue_prompts_mins, attribution_days, ops_emails, ops_sms, slack_webhook_url, last_saved_at) on ob_calmsg to ob_app;
grant update (brand_type, legal_business_name, tax_id, website_url, authorized_contact, sample_messages, link_domains,
  last_saved_at) on ob_a2p to ob_app;

-- These write what the app may not write directly, so they run as their owner.
alter function ob_advance(uuid) security definer;
revoke execute on function ob_advance(uuid) from public;
grant execute on function ob_advance(uuid) to ob_app;
alter function ob_request_number_change(uuid, text, integer) security definer;
revoke execute on function ob_request_number_change(uuid, text, integer) from public;
grant execute on function ob_request_number_change(uuid, text, integer) to ob_app;
alter function ob_section_changed() security definer;

---------------------------------------------------------------------------------------------------
-- Why each object exists.

comment on type ob_phase is 'The wizard''s phases in order; ob_advance only moves forward.';
comment on type ob_number_state is 'The texting number''s state, as the spec names it (Porting for a number being moved in).';
comment on type ob_after_hours_mode is 'What a missed call after hours gets: an assistant''s text, a queue for a person, or a closed message.';
comment on type ob_brand_type is 'A2P brand kind: SOLE_PROP without an EIN, STANDARD with one.';
comment on type ob_calendar_provider is 'The calendar the owner connects; none is an explicit choice that never blocks.';
comment on type ob_double_book_policy is 'Whether bookings may overlap.';
comment on type ob_vertical is 'The trades the Account page offers; services, prices and templates are chosen by it.';
comment on type ob_state is 'What ob_wizard_state returns: phase, completion per section, blocker codes, texting eligibility.';
comment on table ob_account is 'Page 1, one row per tenant: business name, trade, brand and address, and what was filled for the owner.';
comment on table ob_number is 'Page 2, one row per tenant: area code, hours and settings, the purchased number and its purchase state, port-in.';
comment on table ob_calmsg is 'Page 3, one row per tenant: calendar, services and prices, templates and team alerts.';
comment on table ob_a2p is 'Page 4, one row per tenant: A2P 10DLC brand and campaign inputs, pre-submission checks, provider ids and phases.';
comment on function ob_is_e164(text) is 'Shape of an E.164 phone number, for CHECK constraints.';
comment on function ob_is_email(text) is 'Shape of an email address, for CHECK constraints.';
comment on function ob_all_e164(text[]) is 'Every element is E.164 (array CHECKs).';
comment on function ob_all_emails(text[]) is 'Every element is an email address (array CHECKs).';
comment on function ob_is_https_url(text) is 'An https URL with a host, at most 2048 characters.';
comment on function ob_pct(integer, integer) is 'Completion from Basic presence: 0, 50 or 100.';
comment on function ob_number_ready(ob_number) is 'The NUMBER guard: a configured MMS number, or a complete port-in.';
comment on function ob_a2p_eligible(ob_a2p) is 'The texting gate: brand VETTED, campaign ACTIVE and binding VERIFIED.';
comment on function ob_can_leave(ob_flow) is 'May the flow leave its current phase (the spec''s guards)?';
comment on function ob_mark_complete(uuid) is 'The copier''s only write: FINALIZE -> COMPLETE once it has copied the snapshot.';
comment on function ob_flow_derive() is 'Trigger: re-derives completion, blockers, texting_eligible and number_state on every flow write; refuses backward phases.';
comment on function ob_section_changed() is 'Trigger: a section change touches its flow row, which re-derives it.';
comment on function ob_touch_updated_at() is 'Trigger: keeps updated_at.';
comment on function ob_employee_limit() is 'Trigger: refuses employees beyond the flow''s team_size_limit.';
comment on function ob_account_undefault() is 'Trigger: a value the owner changes leaves the "Accepted defaults" list.';
