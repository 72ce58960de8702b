--! Previous: sha1:b7396085b758e27d6ee99584398a9701a39fc43a
--! Hash: sha1:873c528d3050890991bcf7cd8bb01f7101a258e1
--! Message: finalize and copier handoff

-- Finalize and the copier handoff: Finish is the only way into FINALIZE (ob_advance with p_finish),
-- the snapshot carries every section in full under a document version, moving to FINALIZE tells the
-- copier (NOTIFY ob_finalize) and a partial index keeps its query cheap, and a COMPLETE tenant's rows
-- are frozen as the audit of what was copied.

---------------------------------------------------------------------------------------------------
-- Finish. A2P's Continue (and any page's Continue) advances no further than A2P: only the summary
-- page's Finish moves to FINALIZE, so the copier never takes a tenant before the owner said so.

alter table ob_flow
  add column finished_at timestamptz,
  add column completed_at timestamptz;
comment on column ob_flow.finished_at is 'When the owner pressed Finish (the move to FINALIZE): the summary page says "taking longer" 60 s after it.';
comment on column ob_flow.completed_at is 'When the copier called ob_mark_complete (FINALIZE -> COMPLETE).';

create function ob_can_finish(f ob_flow) returns boolean
language plpgsql stable set search_path = public, pg_temp as $$
declare s ob_state := ob_compute_state(f);
begin
  return s.texting_eligible and f.email_verified and f.mobile_verified and f.stripe_active
    and (s.completion->>'account')::int = 100 and (s.completion->>'number')::int = 100
    and (s.completion->>'calmsg')::int = 100 and (s.completion->>'a2p')::int = 100;
end $$;
comment on function ob_can_finish(ob_flow) is 'FINALIZE''s guard: texting eligible (brand VETTED, campaign ACTIVE, binding VERIFIED), identity and subscription in order, every section''s Basic complete.';

drop function ob_advance(uuid);
drop function ob_can_leave(ob_flow);

create function ob_can_leave(f ob_flow, finish boolean) returns boolean
language plpgsql stable set search_path = public, pg_temp as $$
declare s ob_state := ob_compute_state(f);
begin
  return case f.phase
    when 'ACCOUNT' then f.email_verified and f.mobile_verified and f.stripe_active
    when 'NUMBER' then (s.completion->>'number')::int = 100
    when 'CALMSG' then (s.completion->>'calmsg')::int = 100
    when 'A2P' then finish and ob_can_finish(f)
    else false end;
end $$;
comment on function ob_can_leave(ob_flow, boolean) is 'Whether the guard of the flow''s phase holds; A2P is left only when the owner finishes (finish) and ob_can_finish holds.';

create function ob_advance(p_tenant_id uuid, p_finish boolean default false) returns ob_state
language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare f ob_flow; from_phase ob_phase;
begin
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
comment on function ob_advance(uuid, boolean) is 'Advances the phase by the guards, never backwards; into FINALIZE only with p_finish (the summary page''s Finish). Returns the new ob_state.';
revoke execute on function ob_advance(uuid, boolean) from public;
grant execute on function ob_advance(uuid, boolean) to ob_app;

create or replace function ob_mark_complete(p_tenant_id uuid) returns boolean
language plpgsql volatile security definer set search_path = public, pg_temp as $$
begin
  update ob_flow set phase = 'COMPLETE', completed_at = now() where tenant_id = p_tenant_id and phase = 'FINALIZE';
  if not found then return false; end if;
  insert into ob_event (tenant_id, event_type, data) values (p_tenant_id, 'flow.completed', '{}');
  return true;
end $$;

---------------------------------------------------------------------------------------------------
-- The copier is told: moving to FINALIZE sends NOTIFY ob_finalize with the tenant id. NOTIFY is
-- delivered at commit, so a listener never hears of a move that was rolled back. The partial index
-- keeps "select ... from ob_snapshot where phase = 'FINALIZE'" to the few tenants waiting.

create function ob_notify_finalize() returns trigger language plpgsql as $$
begin
  perform pg_notify('ob_finalize', new.tenant_id::text);
  return null;
end $$;
comment on function ob_notify_finalize() is 'Trigger: NOTIFY ob_finalize, payload the tenant id, when a flow moves to FINALIZE (the copier LISTENs).';
create trigger ob_flow_finalize after update of phase on ob_flow for each row
  when (new.phase = 'FINALIZE' and old.phase is distinct from 'FINALIZE') execute function ob_notify_finalize();

create index ob_flow_finalize_idx on ob_flow (tenant_id) where phase = 'FINALIZE';
comment on index ob_flow_finalize_idx is 'The copier''s query: tenants in FINALIZE, a handful among many COMPLETE ones.';

---------------------------------------------------------------------------------------------------
-- The snapshot, in full: one function per section, keys camelCase and listed one by one (jsonb keeps
-- them in one stable order), no secret anywhere (port-in account number and PIN, the calendar's
-- tokens and OAuth state, the typed one-time code stay here). The document version says which keys
-- to expect; it goes up whenever a key is added, renamed or removed.

create function ob_snapshot_version() returns integer language sql immutable as $$ select 2 $$;
comment on function ob_snapshot_version() is 'Version of the ob_snapshot document (its schemaVersion): bumped when a key is added, renamed or removed.';

create function ob_snapshot_account(a ob_account, f ob_flow) returns jsonb language sql stable as $$
  select jsonb_build_object('displayName', a.display_name, 'vertical', a.vertical, 'logoUrl', a.logo_url,
    'brandColor', a.brand_color, 'timezone', a.timezone, 'address', a.address, 'languages', a.languages,
    'ownerEmail', a.owner_email, 'ownerMobileE164', a.owner_mobile_e164,
    'stripeCustomerId', f.stripe_customer_id, 'stripeAccountId', f.stripe_account_id,
    'planCode', f.plan_code, 'stripeActive', f.stripe_active,
    'emailVerified', f.email_verified, 'mobileVerified', f.mobile_verified, 'lastSavedAt', a.last_saved_at)
$$;
comment on function ob_snapshot_account(ob_account, ob_flow) is 'Page 1 in the copier''s snapshot, with the Stripe ids, plan and identity flags of the flow.';

create or replace function ob_snapshot_number(n ob_number) returns jsonb language sql stable as $$
  select jsonb_build_object('areaCode', n.area_code, 'preferredAreaCodes', n.preferred_area_codes,
    'hours', n.hours, 'serviceRadiusMi', n.service_radius_mi, 'ringWindowSec', n.ring_window_sec,
    'ownerWindowSec', n.owner_window_sec, 'afterHoursMode', n.after_hours_mode, 'holidays', n.holidays,
    'stopHelpText', n.stop_help_text, 'e164', n.e164, 'providerSid', n.provider_sid,
    'capabilities', n.capabilities, 'state', n.state, 'correlationId', n.correlation_id,
    -- Port-in account number and PIN never leave this database: whether it was asked for, and the number.
    'portIn', jsonb_build_object('requested', n.start_port_in,
      'phoneNumber', case when n.start_port_in then n.port_in->>'phoneNumber' end),
    'lastSavedAt', n.last_saved_at)
$$;

create or replace function ob_snapshot_calmsg(c ob_calmsg) returns jsonb language sql stable as $$
  select jsonb_build_object('calendarProvider', c.calendar_provider, 'calendarConnected', c.calendar_connected,
    -- The refresh token and the OAuth state never leave this database: the copier gets the account and scopes.
    'calendarAccountEmail', c.calendar_account_email, 'calendarScopes', c.calendar_scopes,
    'calendarConnectedAt', c.calendar_connected_at, 'calendarLater', c.calendar_later_at is not null,
    'topServices', c.top_services, 'priceRanges', c.price_ranges, 'doubleBookPolicy', c.double_book_policy,
    'buffers', c.buffers, 'templates', c.templates, 'bilingual', c.bilingual,
    'revenuePromptsMins', c.revenue_prompts_mins, 'attributionDays', c.attribution_days,
    'opsEmails', c.ops_emails, 'opsSms', c.ops_sms, 'slackWebhookUrl', c.slack_webhook_url,
    'lastSavedAt', c.last_saved_at)
$$;

create or replace function ob_snapshot_a2p(r ob_a2p) returns jsonb language sql stable as $$
  select jsonb_build_object('brandType', r.brand_type, 'legalBusinessName', r.legal_business_name,
    'taxId', r.tax_id, 'websiteUrl', r.website_url, 'authorizedContact', r.authorized_contact,
    'useCase', r.use_case, 'optInDescription', r.opt_in_description, 'stopHelpText', r.stop_help_text,
    'sampleMessages', r.sample_messages, 'linkDomains', r.link_domains,
    -- Paths under the app's public address (APP_URL) while the owner uses the hosted pages.
    'policyPages', jsonb_build_object('hosted', r.hosted_policy,
      'privacyPath', case when r.hosted_policy then '/p/' || r.tenant_id || '/privacy' end,
      'termsPath', case when r.hosted_policy then '/p/' || r.tenant_id || '/terms' end),
    'checklist', jsonb_build_object('httpsOk', r.https_ok, 'privacyFound', r.privacy_found,
      'termsFound', r.terms_found, 'legalMatchesTaxIdLike', r.legal_matches_tax_id_like,
      'stopHelpPresent', r.stop_help_present, 'websiteCheckedAt', r.website_checked_at),
    'brandId', r.brand_id, 'brandPhase', r.brand_phase, 'identityStatus', r.identity_status,
    'campaignId', r.campaign_id, 'campaignPhase', r.campaign_phase, 'bindingPhase', r.binding_phase,
    'reason', r.reason, 'reasonCode', r.reason_code, 'reasonStep', r.reason_step,
    'submissionCount', r.submission_count, 'submittedAt', r.submitted_at,
    'correlationId', r.correlation_id, 'lastSavedAt', r.last_saved_at)
$$;

-- Not a security barrier (it filters no rows of its own): the copier's "where phase = 'FINALIZE'"
-- must reach ob_flow's partial index, and the documents be built for those rows only.
create or replace view ob_snapshot with (security_barrier = false) as
select
  f.tenant_id, f.phase, f.texting_eligible,
  jsonb_build_object(
    'schemaVersion', ob_snapshot_version(),
    'tenantId', f.tenant_id,
    'flow', jsonb_build_object('phase', f.phase, 'textingEligible', f.texting_eligible, 'numberState', f.number_state,
      'teamSizeLimit', f.team_size_limit, 'completion', f.completion, 'blockers', f.blockers,
      'draftSchemaVersion', f.schema_version, 'createdAt', f.created_at, 'finishedAt', f.finished_at),
    'account', (select ob_snapshot_account(a, f) from ob_account a where a.tenant_id = f.tenant_id),
    'number', (select ob_snapshot_number(n) from ob_number n where n.tenant_id = f.tenant_id),
    'calmsg', (select ob_snapshot_calmsg(c) from ob_calmsg c where c.tenant_id = f.tenant_id),
    'a2p', (select ob_snapshot_a2p(r) from ob_a2p r where r.tenant_id = f.tenant_id),
    'employees', coalesce((select jsonb_agg(jsonb_build_object('id', e.id, 'clerkUserId', e.clerk_user_id,
      'role', e.role, 'name', e.name, 'email', e.email, 'mobileE164', e.mobile_e164) order by e.created_at, e.id)
      from ob_employee e where e.tenant_id = f.tenant_id), '[]')
  ) as snapshot
from ob_flow f;
comment on view ob_snapshot is 'One JSON document per tenant for the copier service (schemaVersion ob_snapshot_version()). LISTEN ob_finalize, copy the rows with phase = FINALIZE, then call ob_mark_complete(tenant_id).';

drop function ob_snapshot_account(ob_account);

---------------------------------------------------------------------------------------------------
-- After COMPLETE a tenant's rows are the audit of what was copied: updates and deletes are refused
-- (OB423, a sentence for whoever tried), and so are new section or employee rows; new ob_event rows
-- may still be written (ob_mark_complete writes one).

create function ob_refuse_when_complete() returns trigger
language plpgsql set search_path = public, pg_temp as $$
declare t uuid := case when tg_op = 'DELETE' then old.tenant_id else new.tenant_id end;
begin
  if exists (select 1 from ob_flow where tenant_id = t and phase = 'COMPLETE') then
    raise exception using errcode = 'OB423', message = 'Onboarding is complete: these records are kept as they were copied.';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end $$;
comment on function ob_refuse_when_complete() is 'Trigger: a COMPLETE tenant''s section, employee and event rows are immutable audit (OB423).';

create function ob_flow_refuse_when_complete() returns trigger
language plpgsql set search_path = public, pg_temp as $$
begin
  if old.phase = 'COMPLETE' then
    raise exception using errcode = 'OB423', message = 'Onboarding is complete: these records are kept as they were copied.';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end $$;
comment on function ob_flow_refuse_when_complete() is 'Trigger: a COMPLETE flow row is immutable audit (OB423); ob_mark_complete''s own move from FINALIZE passes.';

create trigger ob_flow_frozen before update or delete on ob_flow for each row execute function ob_flow_refuse_when_complete();
create trigger ob_account_frozen before insert or update or delete on ob_account for each row execute function ob_refuse_when_complete();
create trigger ob_number_frozen before insert or update or delete on ob_number for each row execute function ob_refuse_when_complete();
create trigger ob_calmsg_frozen before insert or update or delete on ob_calmsg for each row execute function ob_refuse_when_complete();
create trigger ob_a2p_frozen before insert or update or delete on ob_a2p for each row execute function ob_refuse_when_complete();
create trigger ob_employee_frozen before insert or update or delete on ob_employee for each row execute function ob_refuse_when_complete();
create trigger ob_event_frozen before update or delete on ob_event for each row execute function ob_refuse_when_complete();
