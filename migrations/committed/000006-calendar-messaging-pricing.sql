--! Previous: sha1:ef44ebacf079d098852d9176cf128c927b304a71
--! Hash: sha1:a5909ec9567843c89de4685d15000a7e3121559c
--! Message: calendar messaging pricing

-- Page 3 (Calendar, Messaging & Pricing) complete: the calendar connection (OAuth, its refresh
-- token sealed by the app), services and prices with CHECKs that match the page's schema, the
-- missed-call templates, team alerts with a Slack test, and the guard. The snapshot is now built
-- by one function per section, so each page's migration replaces only its own part.

---------------------------------------------------------------------------------------------------
-- Validators for the JSON columns, written as the page's schema writes them.

create function ob_valid_price_ranges(p jsonb) returns boolean language sql immutable parallel safe as $$
  select jsonb_typeof(p) = 'object' and not exists (
    select 1 from jsonb_each(p) e
    where char_length(e.key) not between 1 and 60
      or jsonb_typeof(e.value) <> 'object'
      or not (e.value ?& array['min', 'max', 'currency'])
      or e.value->>'currency' <> 'USD'
      or jsonb_typeof(e.value->'min') not in ('number', 'null')
      or jsonb_typeof(e.value->'max') not in ('number', 'null')
      or (e.value->>'min')::numeric not between 0 and 100000 or (e.value->>'min')::numeric % 1 <> 0
      or (e.value->>'max')::numeric not between 0 and 100000 or (e.value->>'max')::numeric % 1 <> 0
      or (e.value->>'min')::numeric > (e.value->>'max')::numeric)
$$;
comment on function ob_valid_price_ranges(jsonb) is 'Prices per service: {min, max, currency: USD}, whole dollars 0-100,000 or null, min <= max.';

create function ob_valid_template(t jsonb) returns boolean language sql immutable parallel safe as $$
  select jsonb_typeof(t) = 'object' and jsonb_typeof(t->'title') = 'string' and jsonb_typeof(t->'description') = 'string'
    and char_length(t->>'title') between 1 and 160 and char_length(t->>'description') between 1 and 480
$$;
comment on function ob_valid_template(jsonb) is 'One language of the missed-call reply: a first line (1-160) and the message (1-480).';

create function ob_valid_templates(t jsonb) returns boolean language sql immutable parallel safe as $$
  select t = '{}' or (ob_valid_template(t) and (t->'es' is null or ob_valid_template(t->'es')))
$$;
comment on function ob_valid_templates(jsonb) is 'The reply templates: empty until first saved, then English and optionally Spanish (es).';

create function ob_unique(vs text[]) returns boolean language sql immutable parallel safe as $$
  select cardinality(vs) = (select count(distinct lower(x)) from unnest(vs) x)
$$;
comment on function ob_unique(text[]) is 'No element twice (case-insensitive), for list CHECKs.';

create function ob_all_lengths(vs text[], lo int, hi int) returns boolean language sql immutable parallel safe as $$
  select not exists (select 1 from unnest(vs) x where x is null or char_length(x) not between lo and hi)
$$;
comment on function ob_all_lengths(text[], int, int) is 'Every element present and lo..hi characters long, for list CHECKs.';

alter table ob_calmsg
  drop constraint ob_calmsg_top_services_check,
  drop constraint ob_calmsg_price_ranges_check,
  drop constraint ob_calmsg_buffers_check,
  drop constraint ob_calmsg_templates_check,
  drop constraint ob_calmsg_revenue_prompts_mins_check,
  drop constraint ob_calmsg_attribution_days_check,
  drop constraint ob_calmsg_ops_emails_check,
  drop constraint ob_calmsg_ops_sms_check,
  drop constraint ob_calmsg_slack_webhook_url_check;
alter table ob_calmsg
  add constraint ob_calmsg_top_services_check check (cardinality(top_services) <= 3 and ob_unique(top_services)
    and ob_all_lengths(top_services, 1, 60)),
  add constraint ob_calmsg_price_ranges_check check (ob_valid_price_ranges(price_ranges)),
  add constraint ob_calmsg_buffers_check check (jsonb_typeof(buffers) = 'object'
    and jsonb_typeof(buffers->'beforeMin') = 'number' and (buffers->>'beforeMin')::numeric between 0 and 240
    and jsonb_typeof(buffers->'afterMin') = 'number' and (buffers->>'afterMin')::numeric between 0 and 240),
  add constraint ob_calmsg_templates_check check (ob_valid_templates(templates)),
  add constraint ob_calmsg_revenue_prompts_mins_check check (revenue_prompts_mins between 15 and 1440),
  add constraint ob_calmsg_attribution_days_check check (attribution_days between 1 and 90),
  add constraint ob_calmsg_ops_emails_check check (cardinality(ops_emails) <= 5 and ob_all_emails(ops_emails) and ob_unique(ops_emails)),
  add constraint ob_calmsg_ops_sms_check check (cardinality(ops_sms) <= 5 and ob_all_e164(ops_sms) and ob_unique(ops_sms)),
  add constraint ob_calmsg_slack_webhook_url_check check (slack_webhook_url ~ '^https://hooks\.slack\.com/services/[A-Za-z0-9_/-]{1,200}$');

-- The calendar connection. The OAuth state and PKCE verifier live here for the minutes between
-- "Connect" and Google's redirect back; the callback consumes them (a replayed state finds none).
alter table ob_calmsg
  add column calendar_later_at timestamptz,
  add column calendar_account_email text check (ob_is_email(calendar_account_email)),
  add column calendar_scopes text[] not null default '{}' check (cardinality(calendar_scopes) <= 20),
  add column calendar_refresh_token text check (calendar_refresh_token ~ '^v1:'),
  add column calendar_connected_at timestamptz,
  add column calendar_error text check (calendar_error in ('denied', 'state', 'expired', 'provider')),
  add column calendar_oauth_state_hash text check (calendar_oauth_state_hash ~ '^[0-9a-f]{64}$'),
  add column calendar_oauth_verifier text check (calendar_oauth_verifier ~ '^v1:'),
  add column calendar_oauth_started_at timestamptz,
  add column slack_test_result text check (slack_test_result in ('pending', 'sent', 'refused', 'unreachable')),
  add column slack_test_at timestamptz;
comment on column ob_calmsg.calendar_later_at is 'When the owner went on without connecting their calendar ("connect it later"): an explicit skip, which the guard accepts.';
comment on column ob_calmsg.calendar_refresh_token is 'Google''s refresh token, AES-256-GCM sealed by the app (v1:...). Never in ob_snapshot, logs or pages.';
comment on column ob_calmsg.calendar_error is 'The last connection attempt''s one-line outcome: denied, state (wrong or replayed), expired, provider (Google failed).';
comment on column ob_calmsg.calendar_oauth_state_hash is 'sha256 of the OAuth state of the connection in progress; the callback consumes it.';
comment on column ob_calmsg.slack_test_result is 'What the last "Send a test message" to Slack did (slack_test job).';

---------------------------------------------------------------------------------------------------
-- The guard: services, a price entry for each, and the calendar connected, not wanted (none) or
-- explicitly left for later.

create or replace function ob_state_calmsg(f ob_flow) returns ob_section_state
language plpgsql stable set search_path = public, pg_temp as $$
declare c ob_calmsg; b text[] := '{}'; services boolean; priced boolean; calendar boolean;
begin
  select * into c from ob_calmsg where tenant_id = f.tenant_id;
  services := coalesce(cardinality(c.top_services), 0) > 0;
  -- A price is a range with at least one bound ("from $150", "up to $400").
  priced := services and not exists (select 1 from unnest(c.top_services) s
    where coalesce(c.price_ranges->s->>'min', c.price_ranges->s->>'max') is null);
  calendar := coalesce(c.calendar_connected or c.calendar_provider = 'none' or c.calendar_later_at is not null, false);
  if not services then b := array_append(b, 'CHOOSE_SERVICES');
  elsif not priced then b := array_append(b, 'SET_PRICES');
  end if;
  if not calendar then b := array_append(b, 'CONNECT_CALENDAR'); end if;
  return row(case when c.tenant_id is null then 0 else ob_pct(services::int + priced::int + calendar::int, 3) end, b)::ob_section_state;
end $$;
comment on function ob_state_calmsg(ob_flow) is 'Page 3: services chosen and priced, and the calendar connected, not wanted, or left for later.';

grant update (calendar_later_at, calendar_connected, calendar_account_email, calendar_scopes, calendar_refresh_token,
  calendar_connected_at, calendar_error, calendar_oauth_state_hash, calendar_oauth_verifier, calendar_oauth_started_at,
  slack_test_result, slack_test_at) on ob_calmsg to ob_app;

---------------------------------------------------------------------------------------------------
-- The snapshot, one function per section. Keys are camelCase; secrets are never selected.

create function ob_snapshot_account(a ob_account) returns jsonb language sql stable as $$
  select jsonb_build_object('displayName', a.display_name, 'vertical', a.vertical, 'logoUrl', a.logo_url,
    'brandColor', a.brand_color, 'timezone', a.timezone, 'address', a.address, 'languages', a.languages,
    'ownerEmail', a.owner_email, 'ownerMobileE164', a.owner_mobile_e164, 'lastSavedAt', a.last_saved_at)
$$;
comment on function ob_snapshot_account(ob_account) is 'Page 1 in the copier''s snapshot.';

create function ob_snapshot_number(n ob_number) returns jsonb language sql stable as $$
  select jsonb_build_object('areaCode', n.area_code, 'preferredAreaCodes', n.preferred_area_codes,
    'hours', n.hours, 'serviceRadiusMi', n.service_radius_mi, 'ringWindowSec', n.ring_window_sec,
    'ownerWindowSec', n.owner_window_sec, 'afterHoursMode', n.after_hours_mode, 'holidays', n.holidays,
    'stopHelpText', n.stop_help_text, 'e164', n.e164, 'providerSid', n.provider_sid,
    'capabilities', n.capabilities, 'state', n.state, 'correlationId', n.correlation_id,
    -- Port-in account number and PIN never leave this database.
    'portIn', case when n.start_port_in then jsonb_build_object('phoneNumber', n.port_in->>'phoneNumber') end,
    'lastSavedAt', n.last_saved_at)
$$;
comment on function ob_snapshot_number(ob_number) is 'Page 2 in the copier''s snapshot, without port-in secrets.';

create function ob_snapshot_calmsg(c ob_calmsg) returns jsonb language sql stable as $$
  select jsonb_build_object('calendarProvider', c.calendar_provider, 'calendarConnected', c.calendar_connected,
    -- The refresh token and the OAuth state never leave this database: the copier gets the account and scopes.
    'calendarAccountEmail', c.calendar_account_email, 'calendarScopes', c.calendar_scopes,
    'calendarLater', c.calendar_later_at is not null,
    'topServices', c.top_services, 'priceRanges', c.price_ranges, 'doubleBookPolicy', c.double_book_policy,
    'buffers', c.buffers, 'templates', c.templates, 'bilingual', c.bilingual,
    'revenuePromptsMins', c.revenue_prompts_mins, 'attributionDays', c.attribution_days,
    'opsEmails', c.ops_emails, 'opsSms', c.ops_sms, 'slackWebhookUrl', c.slack_webhook_url,
    'lastSavedAt', c.last_saved_at)
$$;
comment on function ob_snapshot_calmsg(ob_calmsg) is 'Page 3 in the copier''s snapshot: the calendar''s account and scopes, never its tokens.';

create function ob_snapshot_a2p(r ob_a2p) returns jsonb language sql stable as $$
  select jsonb_build_object('brandType', r.brand_type, 'legalBusinessName', r.legal_business_name,
    'taxId', r.tax_id, 'websiteUrl', r.website_url, 'authorizedContact', r.authorized_contact,
    'useCase', r.use_case, 'optInDescription', r.opt_in_description, 'stopHelpText', r.stop_help_text,
    'sampleMessages', r.sample_messages, 'linkDomains', r.link_domains,
    'checklist', jsonb_build_object('httpsOk', r.https_ok, 'privacyFound', r.privacy_found,
      'termsFound', r.terms_found, 'legalMatchesTaxIdLike', r.legal_matches_tax_id_like,
      'stopHelpPresent', r.stop_help_present),
    'brandId', r.brand_id, 'brandPhase', r.brand_phase, 'campaignId', r.campaign_id,
    'campaignPhase', r.campaign_phase, 'bindingPhase', r.binding_phase, 'reason', r.reason,
    'correlationId', r.correlation_id, 'lastSavedAt', r.last_saved_at)
$$;
comment on function ob_snapshot_a2p(ob_a2p) is 'Page 4 in the copier''s snapshot.';

create or replace view ob_snapshot with (security_barrier) as
select
  f.tenant_id, f.phase, f.texting_eligible,
  jsonb_build_object(
    'schemaVersion', f.schema_version,
    'flow', jsonb_build_object('phase', f.phase, 'planCode', f.plan_code, 'stripeActive', f.stripe_active,
      'emailVerified', f.email_verified, 'mobileVerified', f.mobile_verified, 'numberState', f.number_state,
      'teamSizeLimit', f.team_size_limit, 'completion', f.completion, 'blockers', f.blockers,
      'createdAt', f.created_at, 'updatedAt', f.updated_at),
    'account', (select ob_snapshot_account(a) from ob_account a where a.tenant_id = f.tenant_id),
    'number', (select ob_snapshot_number(n) from ob_number n where n.tenant_id = f.tenant_id),
    'calmsg', (select ob_snapshot_calmsg(c) from ob_calmsg c where c.tenant_id = f.tenant_id),
    'a2p', (select ob_snapshot_a2p(r) from ob_a2p r where r.tenant_id = f.tenant_id),
    'employees', coalesce((select jsonb_agg(jsonb_build_object('id', e.id, 'clerkUserId', e.clerk_user_id,
      'role', e.role, 'name', e.name, 'email', e.email, 'mobileE164', e.mobile_e164) order by e.created_at, e.id)
      from ob_employee e where e.tenant_id = f.tenant_id), '[]')
  ) as snapshot
from ob_flow f;
