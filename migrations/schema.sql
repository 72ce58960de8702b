-- The schema the committed migrations build (db/schema-dump.ts). Do not edit: write a migration;
-- `npm run gm -- commit` rewrites this file.

-- Types

create type ob_after_hours_mode as enum ('AIOnly', 'QueueForHuman', 'CloseWithMsg');

create type ob_brand_type as enum ('SOLE_PROP', 'STANDARD');

create type ob_calendar_provider as enum ('google', 'none');

create type ob_double_book_policy as enum ('block', 'allow');

create type ob_number_state as enum ('Configured', 'PendingActivation', 'Porting', 'Active');

create type ob_phase as enum ('ACCOUNT', 'NUMBER', 'CALMSG', 'A2P', 'FINALIZE', 'COMPLETE');

create type ob_section_state as (pct integer, blockers text[]);

create type ob_state as (phase ob_phase, completion jsonb, blockers jsonb, texting_eligible boolean);

create type ob_vertical as enum ('plumbing', 'hvac', 'electrical', 'roofing', 'carpentry', 'general_contracting', 'landscaping', 'cleaning', 'pest_control', 'painting', 'locksmith', 'appliance_repair', 'auto_repair', 'other');

-- Tables

create table ob_a2p (
  tenant_id uuid not null,
  brand_type ob_brand_type,
  legal_business_name text,
  tax_id text,
  website_url text,
  authorized_contact jsonb,
  use_case text default 'CustomerCare.MissedCallRecovery'::text not null,
  opt_in_description text default 'Inbound only: we text a caller only after they call the business and the call is missed, to continue that conversation. The greeting says so; no marketing is sent.'::text not null,
  stop_help_text text default 'Reply STOP to opt out, HELP for help. Msg & data rates may apply.'::text not null,
  sample_messages text[] default '{}'::text[] not null,
  link_domains text[] default '{}'::text[] not null,
  https_ok boolean,
  privacy_found boolean,
  terms_found boolean,
  legal_matches_tax_id_like boolean,
  brand_id text,
  brand_phase text,
  campaign_id text,
  campaign_phase text,
  binding_phase text,
  reason text,
  correlation_id text,
  submission_count integer default 0 not null,
  last_saved_at timestamp with time zone,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  stripe_company_name text,
  stripe_website_url text,
  stripe_tax_id_provided boolean,
  hosted_policy boolean default false not null,
  website_checked_at timestamp with time zone,
  website_check_error text,
  identity_status text,
  reason_code text,
  reason_step text,
  submitted_at timestamp with time zone,
  refreshed_at timestamp with time zone,
  otp_sent_at timestamp with time zone,
  otp_code text,
  otp_error text,
  otp_resends integer default 0 not null,
  otp_last_resend_at timestamp with time zone,
  otp_verifies integer default 0 not null,
  otp_verifies_today integer default 0 not null,
  otp_first_verify_at timestamp with time zone,
  privacy_url text,
  terms_url text,
  privacy_no_sharing boolean,
  terms_frequency boolean,
  terms_rates boolean,
  terms_contact boolean,
  stop_help_present boolean generated always as (ob_samples_opt_out(sample_messages)) stored,
  constraint ob_a2p_pkey PRIMARY KEY (tenant_id),
  constraint ob_a2p_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES ob_flow(tenant_id) ON DELETE CASCADE,
  constraint ob_a2p_authorized_contact_check CHECK (((jsonb_typeof(authorized_contact) = 'object'::text) AND (((authorized_contact ->> 'email'::text) IS NULL) OR ob_is_email((authorized_contact ->> 'email'::text))) AND (((authorized_contact ->> 'phoneE164'::text) IS NULL) OR ob_is_e164((authorized_contact ->> 'phoneE164'::text))))),
  constraint ob_a2p_binding_phase_check CHECK ((binding_phase ~ '^[A-Z_]{2,40}$'::text)),
  constraint ob_a2p_brand_phase_check CHECK ((brand_phase ~ '^[A-Z_]{2,40}$'::text)),
  constraint ob_a2p_campaign_phase_check CHECK ((campaign_phase ~ '^[A-Z_]{2,40}$'::text)),
  constraint ob_a2p_correlation_id_check CHECK ((char_length(correlation_id) <= 100)),
  constraint ob_a2p_identity_status_check CHECK ((identity_status ~ '^[A-Z_]{2,40}$'::text)),
  constraint ob_a2p_legal_business_name_check CHECK (((char_length(btrim(legal_business_name)) >= 1) AND (char_length(btrim(legal_business_name)) <= 200))),
  constraint ob_a2p_link_domains_check CHECK (((cardinality(link_domains) <= 10) AND ob_unique(link_domains) AND ob_all_domains(link_domains))),
  constraint ob_a2p_otp_code_check CHECK (((otp_code ~ '^v2:[0-9a-f]{8}:'::text) AND (char_length(otp_code) <= 200))),
  constraint ob_a2p_otp_error_check CHECK ((otp_error = ANY (ARRAY['invalid'::text, 'expired'::text, 'provider'::text]))),
  constraint ob_a2p_otp_resends_check CHECK ((otp_resends >= 0)),
  constraint ob_a2p_otp_verifies_check CHECK ((otp_verifies >= 0)),
  constraint ob_a2p_otp_verifies_today_check CHECK ((otp_verifies_today >= 0)),
  constraint ob_a2p_privacy_url_check CHECK (((privacy_url ~ '^https://'::text) AND (char_length(privacy_url) <= 2048))),
  constraint ob_a2p_reason_check CHECK ((char_length(reason) <= 1000)),
  constraint ob_a2p_reason_code_check CHECK ((reason_code ~ '^[0-9A-Z_]{1,40}$'::text)),
  constraint ob_a2p_reason_step_check CHECK ((reason_step = ANY (ARRAY['brand'::text, 'campaign'::text, 'binding'::text]))),
  constraint ob_a2p_sample_messages_check CHECK (((cardinality(sample_messages) <= 5) AND ob_all_lengths(sample_messages, 20, 1024))),
  constraint ob_a2p_stripe_company_name_check CHECK ((char_length(stripe_company_name) <= 200)),
  constraint ob_a2p_stripe_website_url_check CHECK ((char_length(stripe_website_url) <= 2048)),
  constraint ob_a2p_submission_count_check CHECK ((submission_count >= 0)),
  constraint ob_a2p_tax_id_check CHECK (ob_is_ein(tax_id)),
  constraint ob_a2p_terms_url_check CHECK (((terms_url ~ '^https://'::text) AND (char_length(terms_url) <= 2048))),
  constraint ob_a2p_use_case_check CHECK ((use_case = 'CustomerCare.MissedCallRecovery'::text)),
  constraint ob_a2p_website_check_error_check CHECK ((char_length(website_check_error) <= 300)),
  constraint ob_a2p_website_url_check CHECK ((ob_is_https_url(website_url) OR (website_url ~ '^http://'::text)))
);
alter table ob_a2p enable row level security;
alter table ob_a2p force row level security;

create table ob_a2p_callback (
  event_id text not null,
  tenant_id uuid,
  type text not null,
  occurred_at timestamp with time zone not null,
  received_at timestamp with time zone default now() not null,
  constraint ob_a2p_callback_pkey PRIMARY KEY (event_id),
  constraint ob_a2p_callback_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES ob_flow(tenant_id) ON DELETE CASCADE,
  constraint ob_a2p_callback_event_id_check CHECK ((event_id ~ '^[A-Za-z0-9_.:-]{1,100}$'::text)),
  constraint ob_a2p_callback_type_check CHECK ((type ~ '^[a-z_.]{1,60}$'::text))
);
alter table ob_a2p_callback enable row level security;
alter table ob_a2p_callback force row level security;

create table ob_account (
  tenant_id uuid not null,
  display_name text,
  vertical ob_vertical,
  logo_url text,
  brand_color text,
  timezone text,
  address jsonb,
  languages text[] default '{en}'::text[] not null,
  owner_email text,
  owner_mobile_e164 text,
  last_saved_at timestamp with time zone,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  defaulted text[] default '{}'::text[] not null,
  prefilled_at timestamp with time zone,
  constraint ob_account_pkey PRIMARY KEY (tenant_id),
  constraint ob_account_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES ob_flow(tenant_id) ON DELETE CASCADE,
  constraint ob_account_address_check CHECK ((jsonb_typeof(address) = 'object'::text)),
  constraint ob_account_brand_color_check CHECK ((brand_color ~ '^#[0-9a-f]{6}$'::text)),
  constraint ob_account_defaulted_check CHECK ((defaulted <@ '{display_name,vertical,logo_url,brand_color,timezone,address}'::text[])),
  constraint ob_account_display_name_check CHECK (((char_length(btrim(display_name)) >= 1) AND (char_length(btrim(display_name)) <= 100))),
  constraint ob_account_languages_check CHECK ((((cardinality(languages) >= 1) AND (cardinality(languages) <= 2)) AND (languages <@ '{en,es}'::text[]))),
  constraint ob_account_logo_url_check CHECK ((ob_is_https_url(logo_url) OR (logo_url ~ '^/uploads/[A-Za-z0-9._-]+$'::text))),
  constraint ob_account_owner_email_check CHECK (ob_is_email(owner_email)),
  constraint ob_account_owner_mobile_e164_check CHECK (ob_is_e164(owner_mobile_e164)),
  constraint ob_account_timezone_check CHECK (((timezone ~ '^[A-Za-z_]+(/[A-Za-z0-9_+-]+){1,2}$'::text) OR (timezone = 'UTC'::text)))
);
alter table ob_account enable row level security;
alter table ob_account force row level security;

create table ob_calmsg (
  tenant_id uuid not null,
  calendar_provider ob_calendar_provider default 'google'::ob_calendar_provider not null,
  calendar_connected boolean default false not null,
  top_services text[] default '{}'::text[] not null,
  price_ranges jsonb default '{}'::jsonb not null,
  double_book_policy ob_double_book_policy default 'block'::ob_double_book_policy not null,
  buffers jsonb default '{"afterMin": 15, "beforeMin": 15}'::jsonb not null,
  templates jsonb default '{}'::jsonb not null,
  bilingual boolean default false not null,
  revenue_prompts_mins integer default 120 not null,
  attribution_days integer default 14 not null,
  ops_emails text[] default '{}'::text[] not null,
  ops_sms text[] default '{}'::text[] not null,
  slack_webhook_url text,
  last_saved_at timestamp with time zone,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  calendar_later_at timestamp with time zone,
  calendar_account_email text,
  calendar_scopes text[] default '{}'::text[] not null,
  calendar_refresh_token text,
  calendar_connected_at timestamp with time zone,
  calendar_error text,
  calendar_oauth_state_hash text,
  calendar_oauth_verifier text,
  calendar_oauth_started_at timestamp with time zone,
  slack_test_result text,
  slack_test_at timestamp with time zone,
  constraint ob_calmsg_pkey PRIMARY KEY (tenant_id),
  constraint ob_calmsg_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES ob_flow(tenant_id) ON DELETE CASCADE,
  constraint ob_calmsg_attribution_days_check CHECK (((attribution_days >= 1) AND (attribution_days <= 90))),
  constraint ob_calmsg_buffers_check CHECK (((jsonb_typeof(buffers) = 'object'::text) AND (jsonb_typeof((buffers -> 'beforeMin'::text)) = 'number'::text) AND ((((buffers ->> 'beforeMin'::text))::numeric >= (0)::numeric) AND (((buffers ->> 'beforeMin'::text))::numeric <= (240)::numeric)) AND (jsonb_typeof((buffers -> 'afterMin'::text)) = 'number'::text) AND ((((buffers ->> 'afterMin'::text))::numeric >= (0)::numeric) AND (((buffers ->> 'afterMin'::text))::numeric <= (240)::numeric)))),
  constraint ob_calmsg_calendar_account_email_check CHECK (ob_is_email(calendar_account_email)),
  constraint ob_calmsg_calendar_error_check CHECK ((calendar_error = ANY (ARRAY['denied'::text, 'state'::text, 'expired'::text, 'provider'::text]))),
  constraint ob_calmsg_calendar_oauth_state_hash_check CHECK ((calendar_oauth_state_hash ~ '^[0-9a-f]{64}$'::text)),
  constraint ob_calmsg_calendar_oauth_verifier_check CHECK ((calendar_oauth_verifier ~ '^v2:[0-9a-f]{8}:'::text)),
  constraint ob_calmsg_calendar_refresh_token_check CHECK ((calendar_refresh_token ~ '^v2:[0-9a-f]{8}:'::text)),
  constraint ob_calmsg_calendar_scopes_check CHECK ((cardinality(calendar_scopes) <= 20)),
  constraint ob_calmsg_ops_emails_check CHECK (((cardinality(ops_emails) <= 5) AND ob_all_emails(ops_emails) AND ob_unique(ops_emails))),
  constraint ob_calmsg_ops_sms_check CHECK (((cardinality(ops_sms) <= 5) AND ob_all_e164(ops_sms) AND ob_unique(ops_sms))),
  constraint ob_calmsg_price_ranges_check CHECK (ob_valid_price_ranges(price_ranges)),
  constraint ob_calmsg_revenue_prompts_mins_check CHECK (((revenue_prompts_mins >= 15) AND (revenue_prompts_mins <= 1440))),
  constraint ob_calmsg_slack_test_result_check CHECK ((slack_test_result = ANY (ARRAY['pending'::text, 'sent'::text, 'refused'::text, 'unreachable'::text]))),
  constraint ob_calmsg_slack_webhook_url_check CHECK (((slack_webhook_url ~ '^v2:[0-9a-f]{8}:'::text) AND (char_length(slack_webhook_url) <= 1024))),
  constraint ob_calmsg_templates_check CHECK (ob_valid_templates(templates)),
  constraint ob_calmsg_top_services_check CHECK (((cardinality(top_services) <= 3) AND ob_unique(top_services) AND ob_all_lengths(top_services, 1, 60)))
);
alter table ob_calmsg enable row level security;
alter table ob_calmsg force row level security;

create table ob_employee (
  id uuid default gen_random_uuid() not null,
  tenant_id uuid not null,
  clerk_user_id text not null,
  role text default 'owner'::text not null,
  name text,
  email text,
  mobile_e164 text,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint ob_employee_pkey PRIMARY KEY (id),
  constraint ob_employee_tenant_id_clerk_user_id_key UNIQUE (tenant_id, clerk_user_id),
  constraint ob_employee_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES ob_flow(tenant_id) ON DELETE CASCADE,
  constraint ob_employee_clerk_user_id_check CHECK (((char_length(clerk_user_id) >= 1) AND (char_length(clerk_user_id) <= 200))),
  constraint ob_employee_email_check CHECK (ob_is_email(email)),
  constraint ob_employee_mobile_e164_check CHECK (ob_is_e164(mobile_e164)),
  constraint ob_employee_name_check CHECK ((char_length(name) <= 200)),
  constraint ob_employee_role_check CHECK ((role = ANY (ARRAY['owner'::text, 'staff'::text])))
);
alter table ob_employee enable row level security;
alter table ob_employee force row level security;

create table ob_event (
  id bigint generated always as identity not null,
  tenant_id uuid not null,
  ts timestamp with time zone default clock_timestamp() not null,
  event_type text not null,
  data jsonb default '{}'::jsonb not null,
  correlation_id text default NULLIF(current_setting('ob.correlation_id'::text, true), ''::text),
  constraint ob_event_pkey PRIMARY KEY (id),
  constraint ob_event_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES ob_flow(tenant_id) ON DELETE CASCADE,
  constraint ob_event_correlation_id_check CHECK ((length(correlation_id) <= 64)),
  constraint ob_event_event_type_check CHECK ((event_type ~ '^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$'::text))
);
alter table ob_event enable row level security;
alter table ob_event force row level security;

create table ob_flow (
  tenant_id uuid default gen_random_uuid() not null,
  phase ob_phase default 'ACCOUNT'::ob_phase not null,
  email_verified boolean default false not null,
  mobile_verified boolean default false not null,
  stripe_active boolean default false not null,
  plan_code text,
  number_state ob_number_state,
  texting_eligible boolean default false not null,
  completion jsonb default '{"a2p": 0, "calmsg": 0, "number": 0, "account": 0}'::jsonb not null,
  blockers jsonb default '[]'::jsonb not null,
  team_size_limit integer default 1 not null,
  schema_version integer default 1 not null,
  version integer default 0 not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  stripe_customer_id text,
  stripe_account_id text,
  identity_checked_at timestamp with time zone,
  finished_at timestamp with time zone,
  completed_at timestamp with time zone,
  revision bigint default 0 not null,
  stripe_event_at timestamp with time zone,
  review_first boolean default false not null,
  finish_requested_at timestamp with time zone,
  reminders_off_at timestamp with time zone,
  owner_lang text default 'en'::text not null,
  constraint ob_flow_pkey PRIMARY KEY (tenant_id),
  constraint ob_flow_stripe_customer_id_key UNIQUE (stripe_customer_id),
  constraint ob_flow_owner_lang_check CHECK ((owner_lang = ANY (ARRAY['en'::text, 'es'::text]))),
  constraint ob_flow_plan_code_check CHECK ((char_length(plan_code) <= 100)),
  constraint ob_flow_stripe_account_id_check CHECK ((stripe_account_id ~ '^acct_[A-Za-z0-9_]{1,100}$'::text)),
  constraint ob_flow_stripe_customer_id_check CHECK ((stripe_customer_id ~ '^cus_[A-Za-z0-9_]{1,100}$'::text)),
  constraint ob_flow_team_size_limit_check CHECK (((team_size_limit >= 1) AND (team_size_limit <= 100))),
  constraint ob_flow_version_check CHECK ((version >= 0))
);
alter table ob_flow enable row level security;
alter table ob_flow force row level security;

create table ob_free_mail_domain (
  domain text not null,
  constraint ob_free_mail_domain_pkey PRIMARY KEY (domain),
  constraint ob_free_mail_domain_domain_check CHECK ((domain ~ '^[a-z0-9.-]+\.[a-z]{2,}$'::text))
);

create table ob_heartbeat (
  process text not null,
  role text not null,
  started_at timestamp with time zone default now() not null,
  seen_at timestamp with time zone default now() not null,
  constraint ob_heartbeat_pkey PRIMARY KEY (process),
  constraint ob_heartbeat_process_check CHECK ((char_length(process) <= 200)),
  constraint ob_heartbeat_role_check CHECK ((role = ANY (ARRAY['worker'::text, 'copier'::text])))
);

create table ob_job_task (
  task text not null,
  description text not null,
  constraint ob_job_task_pkey PRIMARY KEY (task),
  constraint ob_job_task_task_check CHECK ((task ~ '^[a-z][a-z0-9_]{0,62}$'::text))
);

create table ob_mail (
  tenant_id uuid not null,
  key text not null,
  kind text not null,
  state text default 'queued'::text not null,
  to_email text,
  message_id text,
  error text,
  queued_at timestamp with time zone default now() not null,
  sent_at timestamp with time zone,
  constraint ob_mail_pkey PRIMARY KEY (tenant_id, key),
  constraint ob_mail_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES ob_flow(tenant_id) ON DELETE CASCADE,
  constraint ob_mail_error_check CHECK ((char_length(error) <= 500)),
  constraint ob_mail_key_check CHECK ((key ~ '^[a-z_]{1,20}(:[0-9]{1,6})?$'::text)),
  constraint ob_mail_kind_check CHECK ((kind = ANY (ARRAY['submitted'::text, 'otp'::text, 'approved'::text, 'rejected'::text, 'in_review'::text, 'reminder'::text]))),
  constraint ob_mail_message_id_check CHECK ((char_length(message_id) <= 300)),
  constraint ob_mail_state_check CHECK ((state = ANY (ARRAY['queued'::text, 'sent'::text, 'refused'::text]))),
  constraint ob_mail_to_email_check CHECK (ob_is_email(to_email))
);
alter table ob_mail enable row level security;
alter table ob_mail force row level security;

create table ob_number (
  tenant_id uuid not null,
  area_code text,
  preferred_area_codes text[] default '{}'::text[] not null,
  hours jsonb default '{"fri": {"end": "18:00", "open": true, "start": "08:00"}, "mon": {"end": "18:00", "open": true, "start": "08:00"}, "sat": {"end": "18:00", "open": false, "start": "08:00"}, "sun": {"end": "18:00", "open": false, "start": "08:00"}, "thu": {"end": "18:00", "open": true, "start": "08:00"}, "tue": {"end": "18:00", "open": true, "start": "08:00"}, "wed": {"end": "18:00", "open": true, "start": "08:00"}}'::jsonb not null,
  service_radius_mi integer default 15 not null,
  ring_window_sec integer default 20 not null,
  owner_window_sec integer default 60 not null,
  after_hours_mode ob_after_hours_mode default 'AIOnly'::ob_after_hours_mode not null,
  holidays date[] default '{}'::date[] not null,
  stop_help_text text default 'Reply STOP to opt out, HELP for help. Msg & data rates may apply.'::text not null,
  start_port_in boolean default false not null,
  port_in jsonb,
  e164 text,
  provider_sid text,
  capabilities jsonb,
  state ob_number_state,
  correlation_id text,
  last_saved_at timestamp with time zone,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  number_generation integer default 0 not null,
  provision_requested_at timestamp with time zone,
  provision_error text,
  availability jsonb,
  availability_checked_at timestamp with time zone,
  purchase_area_code text,
  purchase_open boolean default false not null,
  e164_generation integer,
  constraint ob_number_e164_key UNIQUE (e164),
  constraint ob_number_pkey PRIMARY KEY (tenant_id),
  constraint ob_number_provider_sid_key UNIQUE (provider_sid),
  constraint ob_number_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES ob_flow(tenant_id) ON DELETE CASCADE,
  constraint ob_number_area_code_check CHECK ((area_code ~ '^[2-9][0-9]{2}$'::text)),
  constraint ob_number_availability_check CHECK ((jsonb_typeof(availability) = 'array'::text)),
  constraint ob_number_capabilities_check CHECK ((jsonb_typeof(capabilities) = 'object'::text)),
  constraint ob_number_correlation_id_check CHECK ((char_length(correlation_id) <= 100)),
  constraint ob_number_e164_check CHECK (ob_is_e164(e164)),
  constraint ob_number_e164_generation_check CHECK ((e164_generation >= 0)),
  constraint ob_number_hours_check CHECK ((jsonb_typeof(hours) = 'object'::text)),
  constraint ob_number_number_generation_check CHECK (((number_generation >= 0) AND (number_generation <= 100))),
  constraint ob_number_owner_window_sec_check CHECK (((owner_window_sec >= 30) AND (owner_window_sec <= 180))),
  constraint ob_number_port_in_check CHECK (((jsonb_typeof(port_in) = 'object'::text) AND (((port_in ->> 'phoneNumber'::text) IS NULL) OR ob_is_e164((port_in ->> 'phoneNumber'::text))))),
  constraint ob_number_preferred_area_codes_check CHECK (((cardinality(preferred_area_codes) <= 5) AND (array_to_string(preferred_area_codes, ','::text) ~ '^([2-9][0-9]{2}(,|$))*$'::text))),
  constraint ob_number_provider_sid_check CHECK (((char_length(provider_sid) >= 1) AND (char_length(provider_sid) <= 100))),
  constraint ob_number_provision_error_check CHECK ((provision_error = ANY (ARRAY['busy'::text, 'unavailable'::text]))),
  constraint ob_number_purchase_area_code_check CHECK ((purchase_area_code ~ '^[2-9][0-9]{2}$'::text)),
  constraint ob_number_ring_window_sec_check CHECK (((ring_window_sec >= 5) AND (ring_window_sec <= 120))),
  constraint ob_number_service_radius_mi_check CHECK (((service_radius_mi >= 1) AND (service_radius_mi <= 100))),
  constraint ob_number_stop_help_text_check CHECK (((char_length(stop_help_text) >= 20) AND (char_length(stop_help_text) <= 320)))
);
alter table ob_number enable row level security;
alter table ob_number force row level security;

create table ob_rate_event (
  tenant_id uuid not null,
  action text not null,
  at timestamp with time zone default now() not null,
  constraint ob_rate_event_action_fkey FOREIGN KEY (action) REFERENCES ob_rate_limit(action),
  constraint ob_rate_event_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES ob_flow(tenant_id) ON DELETE CASCADE
);

create table ob_rate_limit (
  action text not null,
  max_count integer not null,
  per interval not null,
  constraint ob_rate_limit_pkey PRIMARY KEY (action),
  constraint ob_rate_limit_action_check CHECK ((action ~ '^[a-z][a-z0-9_]{1,62}$'::text)),
  constraint ob_rate_limit_max_count_check CHECK ((max_count >= 0)),
  constraint ob_rate_limit_per_check CHECK ((per > '00:00:00'::interval))
);

create table ob_refused_wording (
  pattern text not null,
  category text not null,
  constraint ob_refused_wording_pkey PRIMARY KEY (pattern),
  constraint ob_refused_wording_category_check CHECK ((category = ANY (ARRAY['SHAFT'::text, 'HIGH_RISK'::text, 'EMERGENCY'::text]))),
  constraint ob_refused_wording_pattern_check CHECK ((char_length(pattern) <= 100))
);

create table ob_section (
  page text not null,
  tbl regclass not null,
  "position" integer not null,
  state regprocedure not null,
  snapshot regprocedure not null,
  constraint ob_section_pkey PRIMARY KEY (page),
  constraint ob_section_position_key UNIQUE ("position"),
  constraint ob_section_tbl_key UNIQUE (tbl),
  constraint ob_section_page_check CHECK ((page ~ '^[a-z][a-z0-9_]{1,30}$'::text)),
  constraint ob_section_position_check CHECK ((("position" >= 1) AND ("position" <= 50)))
);

create table ob_setting (
  name text not null,
  value integer not null,
  description text not null,
  constraint ob_setting_pkey PRIMARY KEY (name),
  constraint ob_setting_name_check CHECK ((name ~ '^[a-z][a-z0-9_]{1,62}$'::text)),
  constraint ob_setting_value_check CHECK ((value >= 0))
);

create table ob_url_shortener (
  domain text not null,
  constraint ob_url_shortener_pkey PRIMARY KEY (domain),
  constraint ob_url_shortener_domain_check CHECK ((domain ~ '^[a-z0-9.-]+\.[a-z]{2,}$'::text))
);

-- Indexes

CREATE INDEX ob_a2p_brand_id ON public.ob_a2p USING btree (brand_id) WHERE (brand_id IS NOT NULL);

CREATE INDEX ob_a2p_callback_tenant ON public.ob_a2p_callback USING btree (tenant_id, received_at);

CREATE INDEX ob_a2p_campaign_id ON public.ob_a2p USING btree (campaign_id) WHERE (campaign_id IS NOT NULL);

CREATE UNIQUE INDEX ob_employee_one_owner_per_tenant ON public.ob_employee USING btree (tenant_id) WHERE (role = 'owner'::text);

CREATE UNIQUE INDEX ob_employee_one_owner_per_user ON public.ob_employee USING btree (clerk_user_id) WHERE (role = 'owner'::text);

CREATE INDEX ob_event_correlation ON public.ob_event USING btree (correlation_id) WHERE (correlation_id IS NOT NULL);

CREATE INDEX ob_event_tenant_ts ON public.ob_event USING btree (tenant_id, ts);

CREATE INDEX ob_flow_finalize_idx ON public.ob_flow USING btree (tenant_id) WHERE (phase = 'FINALIZE'::ob_phase);

CREATE INDEX ob_mail_kind ON public.ob_mail USING btree (kind, tenant_id);

CREATE INDEX ob_rate_event_idx ON public.ob_rate_event USING btree (tenant_id, action, at);

-- Views

create view ob_outbox as SELECT j.id,
    ((p.payload ->> 'tenantId'::text))::uuid AS tenant_id,
    upper(j.task_identifier) AS type,
    p.payload,
    j.attempts,
    j.max_attempts,
    j.run_at AS next_attempt_at,
        CASE
            WHEN (j.attempts >= j.max_attempts) THEN 'failed'::text
            ELSE 'pending'::text
        END AS status,
    j.key AS job_key,
    j.last_error,
    j.locked_at
   FROM (graphile_worker.jobs j
     JOIN graphile_worker._private_jobs p ON ((p.id = j.id)))
  WHERE ((p.payload ->> 'tenantId'::text) ~ '^[0-9a-f-]{36}$'::text);

create view ob_snapshot as SELECT tenant_id,
    phase,
    texting_eligible,
    jsonb_build_object('schemaVersion', ob_snapshot_version(), 'tenantId', tenant_id, 'flow', jsonb_build_object('phase', phase, 'revision', revision, 'textingEligible', texting_eligible, 'numberState', number_state, 'teamSizeLimit', team_size_limit, 'completion', completion, 'blockers', blockers, 'draftSchemaVersion', schema_version, 'createdAt', created_at, 'finishedAt', finished_at), 'account', ( SELECT ob_snapshot_account(x.*, f.*) AS ob_snapshot_account
           FROM ob_account x
          WHERE (x.tenant_id = f.tenant_id)), 'number', ( SELECT ob_snapshot_number(x.*) AS ob_snapshot_number
           FROM ob_number x
          WHERE (x.tenant_id = f.tenant_id)), 'calmsg', ( SELECT ob_snapshot_calmsg(x.*) AS ob_snapshot_calmsg
           FROM ob_calmsg x
          WHERE (x.tenant_id = f.tenant_id)), 'a2p', ( SELECT ob_snapshot_a2p(x.*) AS ob_snapshot_a2p
           FROM ob_a2p x
          WHERE (x.tenant_id = f.tenant_id)), 'employees', COALESCE(( SELECT jsonb_agg(jsonb_build_object('id', e.id, 'clerkUserId', e.clerk_user_id, 'role', e.role, 'name', e.name, 'email', e.email, 'mobileE164', e.mobile_e164) ORDER BY e.created_at, e.id) AS jsonb_agg
           FROM ob_employee e
          WHERE (e.tenant_id = f.tenant_id)), '[]'::jsonb)) AS snapshot
   FROM ob_flow f;

-- Functions

CREATE OR REPLACE FUNCTION public.ob_a2p_callback(p_event_id text, p_type text, p_object_id text, p_occurred_at timestamp with time zone)
 RETURNS text
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
declare t uuid;
begin
  -- Called by the web server for a signed event, before any tenant is known: the object names it.
  select x.tenant_id into t from (
    select tenant_id from ob_a2p where brand_id = p_object_id
    union all select tenant_id from ob_a2p where campaign_id = p_object_id
    union all select n.tenant_id from ob_number n join ob_a2p a using (tenant_id) where n.e164 = p_object_id and a.campaign_id is not null
  ) x limit 1;
  insert into ob_a2p_callback (event_id, tenant_id, type, occurred_at) values (p_event_id, t, p_type, p_occurred_at)
  on conflict (event_id) do nothing;
  if not found then return 'duplicate'; end if;
  if t is null then return 'unknown'; end if;
  perform set_config('ob.tenant_id', t::text, true);
  perform ob_a2p_refresh_by(t, now());
  return 'refreshed';
end $function$;

CREATE OR REPLACE FUNCTION public.ob_a2p_checks(r ob_a2p, business_name text)
 RETURNS text[]
 LANGUAGE sql
 STABLE
 SET search_path TO 'public', 'pg_temp'
AS $function$
  select array_remove(array[
    case when r.website_url is not null and (r.website_url !~ '^https://' or r.https_ok = false) then 'WEBSITE_NOT_HTTPS' end,
    case when ob_host_in(ob_host(r.website_url), (select array_agg(domain) from ob_free_mail_domain)) then 'WEBSITE_FREE_MAIL' end,
    case when not r.hosted_policy and r.privacy_found = false then 'WEBSITE_PRIVACY_MISSING' end,
    case when not r.hosted_policy and r.terms_found = false then 'WEBSITE_TERMS_MISSING' end,
    case when not r.hosted_policy and r.privacy_found and r.privacy_no_sharing = false then 'PRIVACY_SHARES_DATA' end,
    case when not r.hosted_policy and r.terms_found and r.terms_frequency = false then 'TERMS_FREQUENCY_MISSING' end,
    case when not r.hosted_policy and r.terms_found and r.terms_rates = false then 'TERMS_RATES_MISSING' end,
    case when not r.hosted_policy and r.terms_found and r.terms_contact = false then 'TERMS_CONTACT_MISSING' end,
    case when cardinality(r.sample_messages) not between 2 and 5 then 'SAMPLES_COUNT' end,
    case when cardinality(r.sample_messages) > 0 and not exists (select 1 from unnest(r.sample_messages) s
      where strpos(lower(s), lower(coalesce(business_name, r.legal_business_name, ''))) > 0 and coalesce(business_name, r.legal_business_name, '') <> '') then 'SAMPLE_NAME_MISSING' end,
    -- The opt-out instruction is in the samples; HELP is answered by the locked HELP reply, which
    -- carriers accept (requiring HELP in the samples refused good registrations). The code keeps its name.
    case when cardinality(r.sample_messages) > 0 and not exists (select 1 from unnest(r.sample_messages) s where ob_opt_out_instruction(s)) then 'STOP_HELP_MISSING' end,
    case when exists (select 1 from unnest(r.sample_messages) s where s ~* 'http://')
      or exists (select 1 from unnest(ob_link_hosts(r.sample_messages)) h where ob_host_in(h, (select array_agg(domain) from ob_url_shortener)))
      -- also when written without https:// or www. ("bit.ly/abc")
      or exists (select 1 from unnest(r.sample_messages) s
        where s ~* (select '(^|[^a-z0-9.-])(' || string_agg(replace(domain, '.', '\.'), '|') || ')/' from ob_url_shortener)) then 'SHORTENER_LINK' end,
    case when r.website_url is not null and not ob_host_in(ob_host(r.website_url), r.link_domains) then 'LINK_DOMAIN_MISSING'
      when exists (select 1 from unnest(ob_link_hosts(r.sample_messages)) h where not ob_host_in(h, r.link_domains)
        and not ob_host_in(h, (select array_agg(domain) from ob_url_shortener))) then 'LINK_DOMAIN_MISSING' end,
    case when r.opt_in_description !~* '\m(text|texts|texting|sms)\M' then 'OPT_IN_SMS_WORDING' end,
    case when ob_has_wording(r.sample_messages || array[business_name, r.legal_business_name, r.opt_in_description], 'EMERGENCY') then 'EMERGENCY_ALERT_WORDING' end,
    case when ob_has_wording(r.sample_messages || array[business_name, r.legal_business_name], 'SHAFT') then 'CONTENT_SHAFT' end,
    case when ob_has_wording(r.sample_messages || array[business_name, r.legal_business_name], 'HIGH_RISK') then 'CONTENT_HIGH_RISK' end,
    case when coalesce(r.authorized_contact->>'name', '') <> '' and not ob_person_name(r.authorized_contact->>'name') then 'CONTACT_NOT_PERSON' end,
    -- A registered business is contacted on its own domain (30881); a sole proprietor may use free mail.
    case when r.brand_type = 'STANDARD' and lower(split_part(r.authorized_contact->>'email', '@', 2)) in (select domain from ob_free_mail_domain) then 'CONTACT_FREE_MAIL' end,
    case when r.brand_type = 'SOLE_PROP' and (r.tax_id is not null or r.stripe_tax_id_provided) then 'SOLE_PROP_HAS_EIN'
      -- An entity suffix means the business is registered, and so has an EIN (30903).
      when r.brand_type = 'SOLE_PROP' and r.legal_business_name ~* '(\m(llc|inc|incorporated|corp|corporation|ltd|pllc|llp)\M|l\.l\.c\.)' then 'SOLE_PROP_ENTITY_NAME' end
  ], null)
$function$;

CREATE OR REPLACE FUNCTION public.ob_a2p_eligible(r ob_a2p)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
  select coalesce(r.brand_phase = 'VETTED' and r.campaign_phase = 'ACTIVE' and r.binding_phase = 'VERIFIED', false)
$function$;

CREATE OR REPLACE FUNCTION public.ob_a2p_mail()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
begin
  if new.submission_count > coalesce(old.submission_count, 0) then
    perform ob_mail_queue(new.tenant_id, 'submitted', 'submitted:' || new.submission_count);
  end if;
  if new.brand_type = 'SOLE_PROP' and new.identity_status = 'UNVERIFIED' and old.identity_status is distinct from 'UNVERIFIED' then
    perform ob_mail_queue(new.tenant_id, 'otp', 'otp:' || new.submission_count);
  end if;
  if (new.brand_phase = 'FAILED' and old.brand_phase is distinct from 'FAILED')
     or (new.campaign_phase = 'REJECTED' and old.campaign_phase is distinct from 'REJECTED')
     or (new.binding_phase = 'FAILED' and old.binding_phase is distinct from 'FAILED') then
    perform ob_mail_queue(new.tenant_id, 'rejected', 'rejected:' || new.submission_count);
  end if;
  return null;
end $function$;

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

CREATE OR REPLACE FUNCTION public.ob_a2p_refresh_by(p_tenant uuid, p_at timestamp with time zone, p_attempt integer DEFAULT 0)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
declare pending timestamptz; id text;
begin
  perform ob_assert_tenant(p_tenant);
  perform pg_advisory_xact_lock(hashtext('ob:a2p:refresh:' || p_tenant));
  select run_at into pending from graphile_worker.jobs where key = 'ob:a2p:refresh:' || p_tenant and locked_at is null;
  if pending is not null and pending <= p_at then return; end if;
  select correlation_id into id from ob_a2p where tenant_id = p_tenant;
  perform graphile_worker.add_job('a2p_refresh',
    ob_correlated(json_strip_nulls(json_build_object('tenantId', p_tenant, 'attempt', p_attempt, 'correlationId', id))),
    queue_name => 'ob:a2p:' || p_tenant, job_key => 'ob:a2p:refresh:' || p_tenant, run_at => p_at);
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

CREATE OR REPLACE FUNCTION public.ob_a2p_timeline(p_tenant uuid)
 RETURNS jsonb
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
declare r ob_a2p; brand_at timestamptz; code_at timestamptz; campaign_at timestamptz; binding_at timestamptz;
  steps jsonb := '[]'; ready timestamptz;
begin
  perform ob_assert_tenant(p_tenant);
  select * into r from ob_a2p where tenant_id = p_tenant;
  if r.tenant_id is null or r.submitted_at is null then return '[]'; end if;
  -- When each step reached its phase: its latest audit row with that phase (a kept brand's is older than the resubmission).
  select max(ts) into brand_at from ob_event where tenant_id = p_tenant and event_type = 'registration.brand' and data->>'phase' = r.brand_phase;
  select max(ts) into code_at from ob_event where tenant_id = p_tenant and event_type = 'registration.otp' and data->>'outcome' = 'verified';
  select max(ts) into campaign_at from ob_event where tenant_id = p_tenant and event_type = 'registration.campaign' and data->>'phase' = r.campaign_phase;
  select max(ts) into binding_at from ob_event where tenant_id = p_tenant and event_type = 'registration.binding' and data->>'phase' = r.binding_phase;

  steps := steps || ob_timeline_step('brand', case r.brand_phase when 'VETTED' then 'done' when 'FAILED' then 'failed' else 'pending' end,
    case when r.brand_phase in ('VETTED', 'FAILED') then brand_at end, r.submitted_at, r.submitted_at + interval '1 day');
  if r.brand_type = 'SOLE_PROP' then
    steps := steps || ob_timeline_step('code',
      case when r.identity_status = 'VERIFIED' then 'done' when r.brand_phase = 'VETTED' then 'waiting' else 'notStarted' end,
      case when r.identity_status = 'VERIFIED' then coalesce(code_at, brand_at) end, null, null);
  end if;
  -- The campaign goes once the brand (and a sole proprietor's code) is in.
  ready := case when r.brand_phase = 'VETTED' and coalesce(r.identity_status, 'VERIFIED') = 'VERIFIED' then greatest(brand_at, code_at) end;
  steps := steps || ob_timeline_step('campaign',
    case r.campaign_phase when 'ACTIVE' then 'done' when 'REJECTED' then 'failed' else case when ready is null then 'notStarted' else 'pending' end end,
    case when r.campaign_phase in ('ACTIVE', 'REJECTED') then campaign_at end,
    ob_add_business_days(ready, 2), ob_add_business_days(ready, 7));
  ready := case when r.campaign_phase = 'ACTIVE' then campaign_at end;
  steps := steps || ob_timeline_step('binding',
    case r.binding_phase when 'VERIFIED' then 'done' when 'FAILED' then 'failed' else case when ready is null then 'notStarted' else 'pending' end end,
    case when r.binding_phase in ('VERIFIED', 'FAILED') then binding_at end, ready, ob_add_business_days(ready, 3));
  return steps;
end $function$;

CREATE OR REPLACE FUNCTION public.ob_a2p_unsendable(t uuid)
 RETURNS text[]
 LANGUAGE sql
 STABLE
 SET search_path TO 'public', 'pg_temp'
AS $function$
  select array(select b from unnest((ob_state_a2p(f)).blockers) b
    where b not in ('SUBMIT_A2P', 'A2P_REJECTED', 'A2P_PENDING', 'CONFIRM_OTP'))
  from ob_flow f where f.tenant_id = t
$function$;

CREATE OR REPLACE FUNCTION public.ob_a2p_website_changed()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
  new.https_ok := null; new.privacy_found := null; new.terms_found := null;
  new.website_checked_at := null; new.website_check_error := null;
  return new;
end $function$;

CREATE OR REPLACE FUNCTION public.ob_account_undefault()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
declare d text; same boolean; kept text[] := '{}';
begin
  if current_setting('ob.prefilling', true) = 'on' or cardinality(new.defaulted) = 0 then return new; end if;
  foreach d in array new.defaulted loop
    same := case d
      when 'display_name' then new.display_name is not distinct from old.display_name
      when 'vertical' then new.vertical is not distinct from old.vertical
      when 'logo_url' then new.logo_url is not distinct from old.logo_url
      when 'brand_color' then new.brand_color is not distinct from old.brand_color
      when 'timezone' then new.timezone is not distinct from old.timezone
      when 'address' then new.address is not distinct from old.address
    end;
    if same then kept := kept || d; end if;
  end loop;
  new.defaulted := kept;
  return new;
end $function$;

CREATE OR REPLACE FUNCTION public.ob_add_business_days(p_from timestamp with time zone, p_days integer)
 RETURNS timestamp with time zone
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO 'public', 'pg_temp'
AS $function$
  select case when p_days <= 0 then p_from else (
    select d from generate_series(p_from + interval '1 day', p_from + (p_days * 2 + 7) * interval '1 day', interval '1 day') d
    where extract(isodow from d at time zone 'America/New_York') < 6 order by d offset p_days - 1 limit 1) end
$function$;

CREATE OR REPLACE FUNCTION public.ob_advance(p_tenant_id uuid, p_finish boolean DEFAULT false)
 RETURNS ob_state
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
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
end $function$;

CREATE OR REPLACE FUNCTION public.ob_all_domains(ds text[])
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
  select not exists (select 1 from unnest(ds) d
    where d is null or char_length(d) > 253 or d !~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$')
$function$;

CREATE OR REPLACE FUNCTION public.ob_all_e164(vs text[])
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$ select coalesce(bool_and(ob_is_e164(x)), true) from unnest(vs) x $function$;

CREATE OR REPLACE FUNCTION public.ob_all_emails(vs text[])
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$ select coalesce(bool_and(ob_is_email(x)), true) from unnest(vs) x $function$;

CREATE OR REPLACE FUNCTION public.ob_all_lengths(vs text[], lo integer, hi integer)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
  select not exists (select 1 from unnest(vs) x where x is null or char_length(x) not between lo and hi)
$function$;

CREATE OR REPLACE FUNCTION public.ob_assert_tenant(p uuid)
 RETURNS void
 LANGUAGE plpgsql
 STABLE
 SET search_path TO 'public', 'pg_temp'
AS $function$
begin
  -- A login in ob_app (the web app) acts only for the tenant its transaction names, as row-level
  -- security lets it read; the worker, the copier and DBAs (the tables' owner) are not held to it.
  if p is distinct from ob_current_tenant() and pg_has_role(session_user, 'ob_app', 'MEMBER')
     and not (select rolsuper from pg_roles where rolname = session_user) then
    raise exception using errcode = '42501', message = format('tenant %s is not the tenant this transaction runs for', p);
  end if;
end $function$;

CREATE OR REPLACE FUNCTION public.ob_beat(p_role text, p_process text)
 RETURNS void
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
  insert into ob_heartbeat (process, role) values (p_process, p_role)
  on conflict (process) do update set seen_at = now(), role = excluded.role;
  -- Rows of processes gone for a day are no news any more.
  delete from ob_heartbeat where seen_at < now() - interval '1 day';
$function$;

CREATE OR REPLACE FUNCTION public.ob_beat_end(p_process text)
 RETURNS void
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
  delete from ob_heartbeat where process = p_process
$function$;

CREATE OR REPLACE FUNCTION public.ob_can_finish(f ob_flow)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE
 SET search_path TO 'public', 'pg_temp'
AS $function$
declare s ob_state := ob_compute_state(f);
begin
  return s.texting_eligible and f.email_verified and f.mobile_verified and f.stripe_active
    and not exists (select 1 from jsonb_each(s.completion) c where c.value <> '100'::jsonb)
    and not s.blockers ? 'NUMBER_CHANGING';
end $function$;

CREATE OR REPLACE FUNCTION public.ob_can_leave(f ob_flow, finish boolean)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE
 SET search_path TO 'public', 'pg_temp'
AS $function$
declare s ob_state := ob_compute_state(f);
begin
  return case f.phase
    when 'ACCOUNT' then f.email_verified and f.mobile_verified and f.stripe_active
    when 'NUMBER' then (s.completion->>'number')::int = 100
    when 'CALMSG' then (s.completion->>'calmsg')::int = 100
    when 'A2P' then finish and ob_can_finish(f)
    else false end;
end $function$;

CREATE OR REPLACE FUNCTION public.ob_compute_state(f ob_flow)
 RETURNS ob_state
 LANGUAGE plpgsql
 STABLE
 SET search_path TO 'public', 'pg_temp'
AS $function$
declare
  s1 ob_section_state := ob_state_account(f);
  s2 ob_section_state := ob_state_number(f);
  s3 ob_section_state := ob_state_calmsg(f);
  s4 ob_section_state := ob_state_a2p(f);
begin
  return row(
    f.phase,
    jsonb_build_object('account', s1.pct, 'number', s2.pct, 'calmsg', s3.pct, 'a2p', s4.pct),
    to_jsonb(s1.blockers || s2.blockers || s3.blockers || s4.blockers),
    coalesce((select ob_a2p_eligible(x) from ob_a2p x where x.tenant_id = f.tenant_id), false))::ob_state;
end $function$;

CREATE OR REPLACE FUNCTION public.ob_correlated(p_payload json)
 RETURNS json
 LANGUAGE sql
 STABLE PARALLEL SAFE
 SET search_path TO 'public', 'pg_temp'
AS $function$
  select case when p_payload->>'correlationId' is null and nullif(current_setting('ob.correlation_id', true), '') is not null
    then (p_payload::jsonb || jsonb_build_object('correlationId', current_setting('ob.correlation_id', true)))::json
    else p_payload end
$function$;

CREATE OR REPLACE FUNCTION public.ob_current_tenant()
 RETURNS uuid
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$
  select nullif(current_setting('ob.tenant_id', true), '')::uuid
$function$;

CREATE OR REPLACE FUNCTION public.ob_employee_limit()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
declare lim integer; cnt integer;
begin
  select team_size_limit into lim from ob_flow where tenant_id = new.tenant_id for update;
  select count(*) into cnt from ob_employee where tenant_id = new.tenant_id;
  if cnt >= lim then
    raise exception 'team size limit (%) reached', lim using errcode = 'check_violation';
  end if;
  return new;
end $function$;

CREATE OR REPLACE FUNCTION public.ob_enqueue(p_task text, p_payload json, p_job_key text, p_queue text DEFAULT NULL::text)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
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
end $function$;

CREATE OR REPLACE FUNCTION public.ob_ensure_tenant(p_clerk_user_id text, p_email text, p_mobile_e164 text, p_owner_name text, p_stripe_customer_id text, p_stripe_account_id text)
 RETURNS uuid
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
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
  -- Every other section of the registry starts as its table's defaults.
  perform ob_section_rows(v_tenant);
  if p_stripe_customer_id is not null or p_stripe_account_id is not null then
    -- The new tenant is the one this call acts for: ob_enqueue holds the web app to it.
    perform set_config('ob.tenant_id', v_tenant::text, true);
    perform ob_enqueue('stripe_prefill', json_build_object('tenantId', v_tenant), 'ob:stripe:' || v_tenant);
    perform set_config('ob.tenant_id', coalesce(v_previous, ''), true);
  end if;
  insert into ob_event (tenant_id, event_type, data) values (v_tenant, 'tenant.created', '{}');
  return v_tenant;
end $function$;

CREATE OR REPLACE FUNCTION public.ob_finish(p_tenant uuid)
 RETURNS text
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
declare f ob_flow;
begin
  perform ob_assert_tenant(p_tenant);
  perform ob_advance(p_tenant, true);
  select * into f from ob_flow where tenant_id = p_tenant for update;
  if f.phase >= 'FINALIZE' then return 'finished'; end if;
  if ob_only_carriers_left(f) then
    update ob_flow set finish_requested_at = coalesce(finish_requested_at, now()) where tenant_id = p_tenant;
    return 'requested';
  end if;
  return 'refused';
end $function$;

CREATE OR REPLACE FUNCTION public.ob_flow_approved()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
begin
  -- A registration is submitted, so approved, only in A2P (fixtures that write a finished tenant are not).
  if new.phase <> 'A2P' then return null; end if;
  if not new.review_first or new.finish_requested_at is not null then
    perform ob_advance(new.tenant_id, true);
  end if;
  perform ob_mail_queue(new.tenant_id, 'approved', 'approved');
  return null;
end $function$;

CREATE OR REPLACE FUNCTION public.ob_flow_derive()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
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
  if tg_op = 'UPDATE' then new.revision := old.revision + 1; end if;
  return new;
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

CREATE OR REPLACE FUNCTION public.ob_has_wording(texts text[], kind text)
 RETURNS boolean
 LANGUAGE sql
 STABLE
 SET search_path TO 'public', 'pg_temp'
AS $function$
  -- One pattern per category, so PostgreSQL compiles it once and keeps it in its regex cache.
  select exists (select 1 from unnest(texts) t
    where t ~* (select '\m(' || string_agg(pattern, '|') || ')\M' from ob_refused_wording where category = kind))
$function$;

CREATE OR REPLACE FUNCTION public.ob_host(url text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
  select lower(substring(url from '^[a-zA-Z]+://([^/:?#\s]+)'))
$function$;

CREATE OR REPLACE FUNCTION public.ob_host_in(host text, domains text[])
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
  select exists (select 1 from unnest(domains) d where host = d or host like '%.' || d)
$function$;

CREATE OR REPLACE FUNCTION public.ob_is_e164(v text)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$ select v ~ '^\+[1-9][0-9]{6,14}$' $function$;

CREATE OR REPLACE FUNCTION public.ob_is_ein(v text)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
  select v ~ '^[0-9]{2}-[0-9]{7}$'
    and substr(v, 1, 2)::int not in (0, 7, 8, 9, 17, 18, 19, 28, 29, 49, 69, 70, 78, 79, 89, 96, 97)
    and replace(v, '-', '') !~ '^(.)\1{8}$'
$function$;

CREATE OR REPLACE FUNCTION public.ob_is_email(v text)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$ select v ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and char_length(v) <= 254 $function$;

CREATE OR REPLACE FUNCTION public.ob_is_https_url(v text)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$ select v ~ '^https://[^\s/?#]+\.[^\s/?#]+([/?#]\S*)?$' and char_length(v) <= 2048 $function$;

CREATE OR REPLACE FUNCTION public.ob_link_hosts(texts text[])
 RETURNS text[]
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
  select coalesce(array_agg(distinct lower(m[1])), '{}') from unnest(texts) t, regexp_matches(t, '(?:https?://|www\.)([a-zA-Z0-9.-]+\.[a-zA-Z]{2,})', 'g') m
$function$;

CREATE OR REPLACE FUNCTION public.ob_mail_done(p_tenant uuid, p_key text, p_state text, p_to text, p_message_id text, p_error text)
 RETURNS void
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
  update ob_mail set state = p_state, to_email = p_to, message_id = p_message_id, error = left(p_error, 500),
    sent_at = case when p_state = 'sent' then now() end
  where tenant_id = p_tenant and key = p_key;
$function$;

CREATE OR REPLACE FUNCTION public.ob_mail_queue(p_tenant uuid, p_kind text, p_key text)
 RETURNS boolean
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
begin
  perform ob_assert_tenant(p_tenant);
  insert into ob_mail (tenant_id, key, kind) values (p_tenant, p_key, p_kind) on conflict do nothing;
  if not found then return false; end if;
  perform graphile_worker.add_job('send_mail', ob_correlated(json_build_object('tenantId', p_tenant, 'key', p_key)), job_key => format('ob:mail:%s:%s', p_tenant, p_key));
  return true;
end $function$;

CREATE OR REPLACE FUNCTION public.ob_mail_sweep()
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
declare queued integer := 0; r record;
begin
  for r in
    select f.tenant_id, coalesce(m.sent, 0) + 1 as n
    from ob_flow f
    join ob_a2p a on a.tenant_id = f.tenant_id
    left join lateral (select count(*) as sent, max(queued_at) as last from ob_mail where tenant_id = f.tenant_id and kind = 'reminder') m on true
    where f.phase < 'FINALIZE' and a.submission_count = 0 and f.reminders_off_at is null and coalesce(m.sent, 0) < 3
      and greatest(f.created_at, (select max(ts) from ob_event e where e.tenant_id = f.tenant_id and e.event_type like '%.saved'))
          < now() - interval '24 hours'
      and (m.last is null or m.last < now() - interval '3 days')
  loop
    if ob_mail_queue(r.tenant_id, 'reminder', 'reminder:' || r.n) then queued := queued + 1; end if;
  end loop;
  for r in
    select a.tenant_id, a.submission_count from ob_a2p a join ob_flow f on f.tenant_id = a.tenant_id
    where a.submission_count > 0 and a.submitted_at < now() - interval '7 days' and not f.texting_eligible and f.phase = 'A2P'
      and not coalesce(a.brand_phase = 'FAILED' or a.campaign_phase = 'REJECTED' or a.binding_phase = 'FAILED', false)
  loop
    if ob_mail_queue(r.tenant_id, 'in_review', 'in_review:' || r.submission_count) then queued := queued + 1; end if;
  end loop;
  return queued;
end $function$;

CREATE OR REPLACE FUNCTION public.ob_mark_complete(p_tenant_id uuid, p_revision bigint)
 RETURNS boolean
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
begin
  update ob_flow set phase = 'COMPLETE', completed_at = now()
  where tenant_id = p_tenant_id and phase = 'FINALIZE' and revision = p_revision;
  if not found then return false; end if;
  insert into ob_event (tenant_id, event_type, data) values (p_tenant_id, 'flow.completed', jsonb_build_object('revision', p_revision));
  return true;
end $function$;

CREATE OR REPLACE FUNCTION public.ob_notify()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
  perform pg_notify(tg_argv[0], new.tenant_id::text);
  return null;
end $function$;

CREATE OR REPLACE FUNCTION public.ob_number_ready(n ob_number)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
  select coalesce(
    (n.state = 'Configured' and (n.capabilities->>'mms')::boolean)
    or (n.state = 'Porting' and n.start_port_in
        and coalesce(n.port_in->>'phoneNumber', '') <> ''
        and coalesce(n.port_in->>'accountNumber', '') <> ''
        and coalesce(n.port_in->>'pin', '') <> ''),
    false)
$function$;

CREATE OR REPLACE FUNCTION public.ob_only_carriers_left(f ob_flow)
 RETURNS boolean
 LANGUAGE sql
 STABLE
 SET search_path TO 'public', 'pg_temp'
AS $function$
  select f.phase = 'A2P' and f.blockers = '["A2P_PENDING"]'::jsonb
$function$;

CREATE OR REPLACE FUNCTION public.ob_opt_out_instruction(s text)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
  select s ~* '\m(reply|text|txt|send|respond)(\W{1,3}(us|back|with|the word)){0,2}\W{1,3}(stop|end|cancel|unsubscribe|quit|optout|revoke)\M'
    or s ~* '\m(stop|end|cancel|unsubscribe|quit)\M\W{1,3}(to\W{1,3})?(opt\W?out|unsubscribe|stop|end|cancel|quit)\M'
$function$;

CREATE OR REPLACE FUNCTION public.ob_own_saves(p_tenant uuid, p_from integer, p_to integer, p_tab text)
 RETURNS boolean
 LANGUAGE sql
 STABLE
 SET search_path TO 'public', 'pg_temp'
AS $function$
  select p_tab is not null and p_to > p_from and (
    select count(distinct (data->>'version')::int) from ob_event
    where tenant_id = p_tenant and ts > now() - interval '1 hour' and event_type like '%.saved'
      and data->>'tab' = p_tab and (data->>'version')::int > p_from and (data->>'version')::int <= p_to) = p_to - p_from
$function$;

CREATE OR REPLACE FUNCTION public.ob_pct(have integer, need integer)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$ select case when have <= 0 then 0 when have >= need then 100 else 50 end $function$;

CREATE OR REPLACE FUNCTION public.ob_person_name(name text)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
  select name ~ '^\s*[[:alpha:]][[:alpha:].''’-]*(\s+[[:alpha:]][[:alpha:].''’-]*)+\s*$'
    and name !~* '\m(llc|inc|corp|corporation|company|ltd|plumbing|plumbers|heating|cooling|hvac|electric|electrical|electricians|cleaning|cleaners|roofing|construction|landscaping|pest|repairs|services|solutions|contractors|maintenance)\M'
    and exists (select 1 from regexp_split_to_table(lower(trim(name)), '\s+') w
      where w !~ '^(owner|admin|administrator|office|manager|management|support|info|team|sales|billing|dispatch|customer|customers|care|reception|desk|front|service|the|general|main|contact)$')
$function$;

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

CREATE OR REPLACE FUNCTION public.ob_register_section(p_page text, p_table regclass, p_position integer, p_state regprocedure, p_snapshot regprocedure)
 RETURNS void
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
declare t text := p_table::text;
begin
  insert into ob_section (page, tbl, position, state, snapshot) values (p_page, p_table, p_position, p_state, p_snapshot)
    on conflict (page) do update set tbl = excluded.tbl, position = excluded.position, state = excluded.state, snapshot = excluded.snapshot;
  -- Each tenant sees its own row only (as ob_app); the owner's rights (worker, DBAs, our definer
  -- functions) pass the _not_app policy. Forced: a login with the owner's rights in ob_app is held too.
  execute format('alter table %s enable row level security', p_table);
  execute format('alter table %s force row level security', p_table);
  execute format('drop policy if exists %I on %s', t || '_select', p_table);
  execute format('create policy %I on %s for select to ob_app using (tenant_id = ob_current_tenant())', t || '_select', p_table);
  execute format('drop policy if exists %I on %s', t || '_insert', p_table);
  execute format('create policy %I on %s for insert to ob_app with check (tenant_id = ob_current_tenant())', t || '_insert', p_table);
  execute format('drop policy if exists %I on %s', t || '_update', p_table);
  execute format('create policy %I on %s for update to ob_app using (tenant_id = ob_current_tenant()) with check (tenant_id = ob_current_tenant())', t || '_update', p_table);
  execute format('drop policy if exists %I on %s', t || '_delete', p_table);
  execute format('create policy %I on %s for delete to ob_app using (tenant_id = ob_current_tenant())', t || '_delete', p_table);
  execute format('drop policy if exists %I on %s', t || '_not_app', p_table);
  execute format('create policy %I on %s for all to public using ((select not pg_has_role(current_user, ''ob_app'', ''MEMBER''))) with check ((select not pg_has_role(current_user, ''ob_app'', ''MEMBER'')))', t || '_not_app', p_table);
  -- The shared triggers, by name in the order they fire (see README, Triggers).
  execute format('create or replace trigger _100_frozen before insert or update or delete on %s for each row execute function ob_refuse_when_complete()', p_table);
  execute format('comment on trigger _100_frozen on %s is %L', p_table, 'First: a COMPLETE tenant''s rows are immutable (OB423); nothing else runs for a refused write.');
  execute format('create or replace trigger _500_touch before update on %s for each row execute function ob_touch_updated_at()', p_table);
  execute format('comment on trigger _500_touch on %s is %L', p_table, 'Last of the BEFORE triggers: updated_at is the time of this write.');
  execute format('create or replace trigger _800_changed after insert or update or delete on %s for each row execute function ob_section_changed()', p_table);
  execute format('comment on trigger _800_changed on %s is %L', p_table, 'After each write: touches the flow row, which re-derives its state (ob_save does that once itself, by its version bump).');
  -- Reading; the columns an owner may set are the page's own migration's grant.
  execute format('grant select on %s to ob_app', p_table);
  perform ob_sections_rebuilt();
  -- Every tenant not yet copied gets the new section's row; each insert re-derives that tenant's state.
  execute format('insert into %s (tenant_id) select tenant_id from ob_flow where phase <> ''COMPLETE'' on conflict (tenant_id) do nothing', p_table);
end $function$;

CREATE OR REPLACE FUNCTION public.ob_reminders_off(p_tenant uuid)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
begin
  perform ob_assert_tenant(p_tenant);
  update ob_flow set reminders_off_at = coalesce(reminders_off_at, now()) where tenant_id = p_tenant;
end $function$;

CREATE OR REPLACE FUNCTION public.ob_replayed(p_tenant uuid, p_submission text, p_version integer)
 RETURNS boolean
 LANGUAGE sql
 STABLE
 SET search_path TO 'public', 'pg_temp'
AS $function$
  select p_submission is not null and exists (
    select 1 from ob_event
    where tenant_id = p_tenant and ts > now() - interval '2 minutes' and event_type like '%.saved'
      and data->>'submission' = p_submission and data->>'from' = p_version::text)
$function$;

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

CREATE OR REPLACE FUNCTION public.ob_samples_opt_out(samples text[])
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
 SET search_path TO 'public', 'pg_temp'
AS $function$
  select case when cardinality(samples) > 0 then exists (select 1 from unnest(samples) s where ob_opt_out_instruction(s)) end
$function$;

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

CREATE OR REPLACE FUNCTION public.ob_schema_version()
 RETURNS text
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
  select filename from graphile_migrate.migrations order by filename desc limit 1
$function$;

CREATE OR REPLACE FUNCTION public.ob_section_changed()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
begin
  if current_setting('ob.saving', true) = 'on' then return null; end if;
  update ob_flow set updated_at = now() where tenant_id = coalesce(new.tenant_id, old.tenant_id);
  return null;
end $function$;

CREATE OR REPLACE FUNCTION public.ob_section_rows(p_tenant uuid)
 RETURNS void
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
declare s ob_section;
begin
  for s in select * from ob_section order by position loop
    execute format('insert into %s (tenant_id) values ($1) on conflict (tenant_id) do nothing', s.tbl) using p_tenant;
  end loop;
end $function$;

CREATE OR REPLACE FUNCTION public.ob_sections_rebuilt()
 RETURNS void
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
declare
  s record; i integer := 0;
  decls text := ''; pcts text := ''; blockers text := '''{}''::text[]'; snaps text := ''; zero jsonb := '{}';
begin
  for s in select x.page, x.tbl, x.state::regproc::text as state_fn, x.snapshot::regproc::text as snap_fn,
      (select p.pronargs from pg_proc p where p.oid = x.snapshot) as snap_args
    from ob_section x order by x.position loop
    i := i + 1;
    decls := decls || format(E'  s%s ob_section_state := %s(f);\n', i, s.state_fn);
    pcts := pcts || format('%s%L, s%s.pct', case when i > 1 then ', ' end, s.page, i);
    blockers := case when i = 1 then format('s%s.blockers', i) else blockers || format(' || s%s.blockers', i) end;
    snaps := snaps || format(E',\n    %L, (select %s(x.*%s) from %s x where x.tenant_id = f.tenant_id)',
      s.page, s.snap_fn, case when s.snap_args = 2 then ', f.*' end, s.tbl);
    zero := zero || jsonb_build_object(s.page, 0);
  end loop;
  execute format($f$create or replace function ob_compute_state(f ob_flow) returns ob_state
language plpgsql stable set search_path = public, pg_temp as $body$
declare
%sbegin
  return row(
    f.phase,
    jsonb_build_object(%s),
    to_jsonb(%s),
    coalesce((select ob_a2p_eligible(x) from ob_a2p x where x.tenant_id = f.tenant_id), false))::ob_state;
end $body$
$f$, decls, pcts, blockers);
  execute format($f$create or replace view ob_snapshot as
select f.tenant_id, f.phase, f.texting_eligible,
  jsonb_build_object(
    'schemaVersion', ob_snapshot_version(),
    'tenantId', f.tenant_id,
    'flow', jsonb_build_object('phase', f.phase, 'revision', f.revision, 'textingEligible', f.texting_eligible,
      'numberState', f.number_state, 'teamSizeLimit', f.team_size_limit, 'completion', f.completion,
      'blockers', f.blockers, 'draftSchemaVersion', f.schema_version, 'createdAt', f.created_at,
      'finishedAt', f.finished_at)%s,
    'employees', coalesce((select jsonb_agg(jsonb_build_object('id', e.id, 'clerkUserId', e.clerk_user_id,
        'role', e.role, 'name', e.name, 'email', e.email, 'mobileE164', e.mobile_e164) order by e.created_at, e.id)
      from ob_employee e where e.tenant_id = f.tenant_id), '[]'::jsonb)) as snapshot
from ob_flow f$f$, snaps);
  execute format('alter table ob_flow alter column completion set default %L::jsonb', zero);
end $function$;

CREATE OR REPLACE FUNCTION public.ob_set_owner_lang(p_tenant uuid, p_lang text)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
begin
  perform ob_assert_tenant(p_tenant);
  update ob_flow set owner_lang = p_lang where tenant_id = p_tenant and phase <> 'COMPLETE' and owner_lang is distinct from p_lang;
end $function$;

CREATE OR REPLACE FUNCTION public.ob_set_review_first(p_tenant uuid, p_on boolean)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
begin
  perform ob_assert_tenant(p_tenant);
  update ob_flow set review_first = p_on, finish_requested_at = case when p_on then null else finish_requested_at end
  where tenant_id = p_tenant and phase < 'FINALIZE';
end $function$;

CREATE OR REPLACE FUNCTION public.ob_setting(p_name text)
 RETURNS integer
 LANGUAGE plpgsql
 STABLE
 SET search_path TO 'public', 'pg_temp'
AS $function$
declare v integer;
begin
  select value into v from ob_setting where name = p_name;
  if v is null then raise exception 'ob_setting: no setting %', p_name; end if;
  return v;
end $function$;

CREATE OR REPLACE FUNCTION public.ob_snapshot_a2p(r ob_a2p)
 RETURNS jsonb
 LANGUAGE sql
 STABLE
AS $function$
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
    'timeline', ob_a2p_timeline(r.tenant_id),
    'correlationId', r.correlation_id, 'lastSavedAt', r.last_saved_at)
$function$;

CREATE OR REPLACE FUNCTION public.ob_snapshot_account(a ob_account, f ob_flow)
 RETURNS jsonb
 LANGUAGE sql
 STABLE
AS $function$
  select jsonb_build_object('displayName', a.display_name, 'vertical', a.vertical, 'logoUrl', a.logo_url,
    'brandColor', a.brand_color, 'timezone', a.timezone, 'address', a.address, 'languages', a.languages,
    'ownerEmail', a.owner_email, 'ownerMobileE164', a.owner_mobile_e164,
    'stripeCustomerId', f.stripe_customer_id, 'stripeAccountId', f.stripe_account_id,
    'planCode', f.plan_code, 'stripeActive', f.stripe_active,
    'emailVerified', f.email_verified, 'mobileVerified', f.mobile_verified, 'lastSavedAt', a.last_saved_at)
$function$;

CREATE OR REPLACE FUNCTION public.ob_snapshot_calmsg(c ob_calmsg)
 RETURNS jsonb
 LANGUAGE sql
 STABLE
AS $function$
  select jsonb_build_object('calendarProvider', c.calendar_provider, 'calendarConnected', c.calendar_connected,
    -- The refresh token and the OAuth state never leave this database: the copier gets the account and scopes.
    'calendarAccountEmail', c.calendar_account_email, 'calendarScopes', c.calendar_scopes,
    'calendarConnectedAt', c.calendar_connected_at, 'calendarLater', c.calendar_later_at is not null,
    'topServices', c.top_services, 'priceRanges', c.price_ranges, 'doubleBookPolicy', c.double_book_policy,
    'buffers', c.buffers, 'templates', c.templates, 'bilingual', c.bilingual,
    'revenuePromptsMins', c.revenue_prompts_mins, 'attributionDays', c.attribution_days,
    -- The Slack link is a credential, sealed here: the copier learns whether alerts go to Slack.
    'opsEmails', c.ops_emails, 'opsSms', c.ops_sms, 'slackAlerts', c.slack_webhook_url is not null,
    'lastSavedAt', c.last_saved_at)
$function$;

CREATE OR REPLACE FUNCTION public.ob_snapshot_number(n ob_number)
 RETURNS jsonb
 LANGUAGE sql
 STABLE
AS $function$
  select jsonb_build_object('areaCode', n.area_code, 'preferredAreaCodes', n.preferred_area_codes,
    'hours', n.hours, 'serviceRadiusMi', n.service_radius_mi, 'ringWindowSec', n.ring_window_sec,
    'ownerWindowSec', n.owner_window_sec, 'afterHoursMode', n.after_hours_mode, 'holidays', n.holidays,
    'stopHelpText', n.stop_help_text, 'e164', n.e164, 'providerSid', n.provider_sid,
    'capabilities', n.capabilities, 'state', n.state, 'correlationId', n.correlation_id,
    -- Port-in account number and PIN never leave this database: whether it was asked for, and the number.
    'portIn', jsonb_build_object('requested', n.start_port_in,
      'phoneNumber', case when n.start_port_in then n.port_in->>'phoneNumber' end),
    'lastSavedAt', n.last_saved_at)
$function$;

CREATE OR REPLACE FUNCTION public.ob_snapshot_version()
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
AS $function$ select 5 $function$;

CREATE OR REPLACE FUNCTION public.ob_state_a2p(f ob_flow)
 RETURNS ob_section_state
 LANGUAGE plpgsql
 STABLE
 SET search_path TO 'public', 'pg_temp'
AS $function$
declare r ob_a2p; b text[] := '{}'; contact_ok boolean; have integer; need integer; rejected boolean; name text;
begin
  select * into r from ob_a2p where tenant_id = f.tenant_id;
  select display_name into name from ob_account where tenant_id = f.tenant_id;
  contact_ok := coalesce(r.authorized_contact->>'name', '') <> '' and coalesce(r.authorized_contact->>'email', '') <> ''
    and coalesce(r.authorized_contact->>'phoneE164', '') <> '';
  if r.legal_business_name is null then b := array_append(b, 'ENTER_LEGAL_NAME'); end if;
  if r.website_url is null then b := array_append(b, 'ENTER_WEBSITE'); end if;
  if r.brand_type = 'STANDARD' and r.tax_id is null then b := array_append(b, 'ENTER_TAX_ID'); end if;
  if not contact_ok then b := array_append(b, 'ENTER_AUTHORIZED_CONTACT'); end if;
  if r.tenant_id is not null then b := b || ob_a2p_checks(r, name); end if;
  if r.website_url is not null and r.website_checked_at is null and not r.hosted_policy then b := array_append(b, 'WEBSITE_CHECKING'); end if;
  rejected := coalesce(r.brand_phase = 'FAILED' or r.campaign_phase = 'REJECTED' or r.binding_phase = 'FAILED', false);
  if rejected then b := array_append(b, case when r.reason_code = 'PAUSED' then 'A2P_PAUSED' else 'A2P_REJECTED' end);
  elsif r.submitted_at is null then b := array_append(b, 'SUBMIT_A2P');
  elsif r.brand_phase = 'VETTED' and r.identity_status = 'UNVERIFIED' then b := array_append(b, 'CONFIRM_OTP');
  elsif not ob_a2p_eligible(r) then b := array_append(b, 'A2P_PENDING');
  end if;
  need := case when r.brand_type = 'STANDARD' then 5 else 4 end;
  have := (r.brand_type is not null)::int + (r.legal_business_name is not null)::int
    + (r.website_url is not null)::int + contact_ok::int + (r.brand_type = 'STANDARD' and r.tax_id is not null)::int;
  return row(case when r.tenant_id is null then 0
    when have >= need and r.submitted_at is not null and not rejected then 100
    else least(ob_pct(coalesce(have, 0), need), 50) end, b)::ob_section_state;
end $function$;

CREATE OR REPLACE FUNCTION public.ob_state_account(f ob_flow)
 RETURNS ob_section_state
 LANGUAGE plpgsql
 STABLE
 SET search_path TO 'public', 'pg_temp'
AS $function$
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
end $function$;

CREATE OR REPLACE FUNCTION public.ob_state_calmsg(f ob_flow)
 RETURNS ob_section_state
 LANGUAGE plpgsql
 STABLE
 SET search_path TO 'public', 'pg_temp'
AS $function$
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
end $function$;

CREATE OR REPLACE FUNCTION public.ob_state_number(f ob_flow)
 RETURNS ob_section_state
 LANGUAGE plpgsql
 STABLE
 SET search_path TO 'public', 'pg_temp'
AS $function$
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
  elsif n.e164 is not null and (n.purchase_open or coalesce(n.e164_generation, 0) < n.number_generation) then
    b := array_append(b, 'NUMBER_CHANGING');
  end if;
  return row(case when ob_number_ready(n) then 100 when n.area_code is not null then 50 else 0 end, b)::ob_section_state;
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

CREATE OR REPLACE FUNCTION public.ob_tenant_of_customer(p_customer text)
 RETURNS uuid
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
  select tenant_id from ob_flow where stripe_customer_id = p_customer
$function$;

CREATE OR REPLACE FUNCTION public.ob_tenant_of_user(p_user text)
 RETURNS uuid
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
  select tenant_id from ob_employee where clerk_user_id = p_user and role = 'owner'
$function$;

CREATE OR REPLACE FUNCTION public.ob_tenant_snapshot()
 RETURNS jsonb
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
  select snapshot from ob_snapshot where tenant_id = ob_current_tenant()
$function$;

CREATE OR REPLACE FUNCTION public.ob_timeline_step(p_step text, p_status text, p_at timestamp with time zone, p_from timestamp with time zone, p_by timestamp with time zone)
 RETURNS jsonb
 LANGUAGE sql
 STABLE
 SET search_path TO 'public', 'pg_temp'
AS $function$
  select jsonb_build_object('step', p_step, 'status', p_status, 'at', p_at,
    'usuallyFrom', case when p_status = 'pending' then p_from end,
    'usuallyBy', case when p_status = 'pending' then p_by end,
    'late', p_status = 'pending' and p_by is not null and p_by < now())
$function$;

CREATE OR REPLACE FUNCTION public.ob_touch_updated_at()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin new.updated_at := now(); return new; end $function$;

CREATE OR REPLACE FUNCTION public.ob_unique(vs text[])
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
  select cardinality(vs) = (select count(distinct lower(x)) from unnest(vs) x)
$function$;

CREATE OR REPLACE FUNCTION public.ob_unlock_dead_workers(p_grace interval DEFAULT '00:00:10'::interval)
 RETURNS integer
 LANGUAGE plpgsql
 SET search_path TO 'public', 'pg_temp'
AS $function$
declare dead text[];
begin
  select array_agg(distinct j.locked_by) into dead
  from graphile_worker.jobs j
  where j.locked_by is not null and j.locked_at < now() - p_grace
    and not exists (select 1 from pg_stat_activity a where a.application_name = 'ob-worker:' || j.locked_by);
  if dead is null then return 0; end if;
  perform graphile_worker.force_unlock_workers(dead);
  return cardinality(dead);
end $function$;

CREATE OR REPLACE FUNCTION public.ob_valid_price_ranges(p jsonb)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
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
$function$;

CREATE OR REPLACE FUNCTION public.ob_valid_template(t jsonb)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
  select jsonb_typeof(t) = 'object' and jsonb_typeof(t->'title') = 'string' and jsonb_typeof(t->'description') = 'string'
    and char_length(t->>'title') between 1 and 160 and char_length(t->>'description') between 1 and 480
$function$;

CREATE OR REPLACE FUNCTION public.ob_valid_templates(t jsonb)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
  select t = '{}' or (ob_valid_template(t) and (t->'es' is null or ob_valid_template(t->'es')))
$function$;

CREATE OR REPLACE FUNCTION public.ob_wizard_state(p_tenant_id uuid)
 RETURNS ob_state
 LANGUAGE sql
 STABLE
 SET search_path TO 'public', 'pg_temp'
AS $function$
  select ob_compute_state(f) from ob_flow f where f.tenant_id = p_tenant_id
$function$;

-- Triggers

CREATE TRIGGER _100_frozen BEFORE INSERT OR DELETE OR UPDATE ON public.ob_a2p FOR EACH ROW EXECUTE FUNCTION ob_refuse_when_complete();

CREATE TRIGGER _310_otp_attempt BEFORE UPDATE OF otp_code, otp_sent_at ON public.ob_a2p FOR EACH ROW EXECUTE FUNCTION ob_a2p_otp_attempt();

CREATE TRIGGER _320_website_changed BEFORE UPDATE OF website_url ON public.ob_a2p FOR EACH ROW WHEN (((old.website_url IS DISTINCT FROM new.website_url) AND (NOT (new.website_checked_at IS DISTINCT FROM old.website_checked_at)))) EXECUTE FUNCTION ob_a2p_website_changed();

CREATE TRIGGER _500_touch BEFORE UPDATE ON public.ob_a2p FOR EACH ROW EXECUTE FUNCTION ob_touch_updated_at();

CREATE TRIGGER _800_changed AFTER INSERT OR DELETE OR UPDATE ON public.ob_a2p FOR EACH ROW EXECUTE FUNCTION ob_section_changed();

CREATE TRIGGER _850_mail AFTER UPDATE ON public.ob_a2p FOR EACH ROW EXECUTE FUNCTION ob_a2p_mail();

CREATE TRIGGER _100_frozen BEFORE INSERT OR DELETE OR UPDATE ON public.ob_account FOR EACH ROW EXECUTE FUNCTION ob_refuse_when_complete();

CREATE TRIGGER _300_undefault BEFORE UPDATE ON public.ob_account FOR EACH ROW EXECUTE FUNCTION ob_account_undefault();

CREATE TRIGGER _500_touch BEFORE UPDATE ON public.ob_account FOR EACH ROW EXECUTE FUNCTION ob_touch_updated_at();

CREATE TRIGGER _800_changed AFTER INSERT OR DELETE OR UPDATE ON public.ob_account FOR EACH ROW EXECUTE FUNCTION ob_section_changed();

CREATE TRIGGER _100_frozen BEFORE INSERT OR DELETE OR UPDATE ON public.ob_calmsg FOR EACH ROW EXECUTE FUNCTION ob_refuse_when_complete();

CREATE TRIGGER _500_touch BEFORE UPDATE ON public.ob_calmsg FOR EACH ROW EXECUTE FUNCTION ob_touch_updated_at();

CREATE TRIGGER _800_changed AFTER INSERT OR DELETE OR UPDATE ON public.ob_calmsg FOR EACH ROW EXECUTE FUNCTION ob_section_changed();

CREATE TRIGGER _100_frozen BEFORE INSERT OR DELETE OR UPDATE ON public.ob_employee FOR EACH ROW EXECUTE FUNCTION ob_refuse_when_complete();

CREATE TRIGGER _200_limit BEFORE INSERT ON public.ob_employee FOR EACH ROW EXECUTE FUNCTION ob_employee_limit();

CREATE TRIGGER _500_touch BEFORE UPDATE ON public.ob_employee FOR EACH ROW EXECUTE FUNCTION ob_touch_updated_at();

CREATE TRIGGER _800_changed AFTER INSERT OR DELETE OR UPDATE ON public.ob_employee FOR EACH ROW EXECUTE FUNCTION ob_section_changed();

CREATE TRIGGER _100_frozen BEFORE DELETE OR UPDATE ON public.ob_event FOR EACH ROW EXECUTE FUNCTION ob_refuse_when_complete();

CREATE TRIGGER _100_frozen BEFORE DELETE OR UPDATE ON public.ob_flow FOR EACH ROW EXECUTE FUNCTION ob_flow_refuse_when_complete();

CREATE TRIGGER _400_derive BEFORE INSERT OR UPDATE ON public.ob_flow FOR EACH ROW EXECUTE FUNCTION ob_flow_derive();

CREATE TRIGGER _900_approved AFTER UPDATE ON public.ob_flow FOR EACH ROW WHEN ((new.texting_eligible AND (NOT old.texting_eligible))) EXECUTE FUNCTION ob_flow_approved();

CREATE TRIGGER _910_finalize AFTER UPDATE OF phase ON public.ob_flow FOR EACH ROW WHEN (((new.phase = 'FINALIZE'::ob_phase) AND (old.phase IS DISTINCT FROM 'FINALIZE'::ob_phase))) EXECUTE FUNCTION ob_notify('ob_finalize');

CREATE TRIGGER _920_changed AFTER INSERT OR UPDATE ON public.ob_flow FOR EACH ROW EXECUTE FUNCTION ob_notify('ob_changed');

CREATE TRIGGER _100_frozen BEFORE INSERT OR DELETE OR UPDATE ON public.ob_number FOR EACH ROW EXECUTE FUNCTION ob_refuse_when_complete();

CREATE TRIGGER _500_touch BEFORE UPDATE ON public.ob_number FOR EACH ROW EXECUTE FUNCTION ob_touch_updated_at();

CREATE TRIGGER _800_changed AFTER INSERT OR DELETE OR UPDATE ON public.ob_number FOR EACH ROW EXECUTE FUNCTION ob_section_changed();

-- Row-level security

create policy ob_a2p_delete on ob_a2p as permissive for delete to ob_app
  using ((tenant_id = ob_current_tenant()));

create policy ob_a2p_insert on ob_a2p as permissive for insert to ob_app
  with check ((tenant_id = ob_current_tenant()));

create policy ob_a2p_not_app on ob_a2p as permissive for all to public
  using (( SELECT (NOT pg_has_role(CURRENT_USER, 'ob_app'::name, 'MEMBER'::text))))
  with check (( SELECT (NOT pg_has_role(CURRENT_USER, 'ob_app'::name, 'MEMBER'::text))));

create policy ob_a2p_select on ob_a2p as permissive for select to ob_app
  using ((tenant_id = ob_current_tenant()));

create policy ob_a2p_update on ob_a2p as permissive for update to ob_app
  using ((tenant_id = ob_current_tenant()))
  with check ((tenant_id = ob_current_tenant()));

create policy ob_a2p_callback_not_app on ob_a2p_callback as permissive for all to public
  using (( SELECT (NOT pg_has_role(CURRENT_USER, 'ob_app'::name, 'MEMBER'::text))))
  with check (( SELECT (NOT pg_has_role(CURRENT_USER, 'ob_app'::name, 'MEMBER'::text))));

create policy ob_a2p_callback_select on ob_a2p_callback as permissive for select to ob_app
  using ((tenant_id = ob_current_tenant()));

create policy ob_account_delete on ob_account as permissive for delete to ob_app
  using ((tenant_id = ob_current_tenant()));

create policy ob_account_insert on ob_account as permissive for insert to ob_app
  with check ((tenant_id = ob_current_tenant()));

create policy ob_account_not_app on ob_account as permissive for all to public
  using (( SELECT (NOT pg_has_role(CURRENT_USER, 'ob_app'::name, 'MEMBER'::text))))
  with check (( SELECT (NOT pg_has_role(CURRENT_USER, 'ob_app'::name, 'MEMBER'::text))));

create policy ob_account_select on ob_account as permissive for select to ob_app
  using ((tenant_id = ob_current_tenant()));

create policy ob_account_update on ob_account as permissive for update to ob_app
  using ((tenant_id = ob_current_tenant()))
  with check ((tenant_id = ob_current_tenant()));

create policy ob_calmsg_delete on ob_calmsg as permissive for delete to ob_app
  using ((tenant_id = ob_current_tenant()));

create policy ob_calmsg_insert on ob_calmsg as permissive for insert to ob_app
  with check ((tenant_id = ob_current_tenant()));

create policy ob_calmsg_not_app on ob_calmsg as permissive for all to public
  using (( SELECT (NOT pg_has_role(CURRENT_USER, 'ob_app'::name, 'MEMBER'::text))))
  with check (( SELECT (NOT pg_has_role(CURRENT_USER, 'ob_app'::name, 'MEMBER'::text))));

create policy ob_calmsg_select on ob_calmsg as permissive for select to ob_app
  using ((tenant_id = ob_current_tenant()));

create policy ob_calmsg_update on ob_calmsg as permissive for update to ob_app
  using ((tenant_id = ob_current_tenant()))
  with check ((tenant_id = ob_current_tenant()));

create policy ob_employee_delete on ob_employee as permissive for delete to ob_app
  using ((tenant_id = ob_current_tenant()));

create policy ob_employee_insert on ob_employee as permissive for insert to ob_app
  with check ((tenant_id = ob_current_tenant()));

create policy ob_employee_not_app on ob_employee as permissive for all to public
  using (( SELECT (NOT pg_has_role(CURRENT_USER, 'ob_app'::name, 'MEMBER'::text))))
  with check (( SELECT (NOT pg_has_role(CURRENT_USER, 'ob_app'::name, 'MEMBER'::text))));

create policy ob_employee_select on ob_employee as permissive for select to ob_app
  using ((tenant_id = ob_current_tenant()));

create policy ob_employee_update on ob_employee as permissive for update to ob_app
  using ((tenant_id = ob_current_tenant()))
  with check ((tenant_id = ob_current_tenant()));

create policy ob_event_delete on ob_event as permissive for delete to ob_app
  using ((tenant_id = ob_current_tenant()));

create policy ob_event_insert on ob_event as permissive for insert to ob_app
  with check ((tenant_id = ob_current_tenant()));

create policy ob_event_not_app on ob_event as permissive for all to public
  using (( SELECT (NOT pg_has_role(CURRENT_USER, 'ob_app'::name, 'MEMBER'::text))))
  with check (( SELECT (NOT pg_has_role(CURRENT_USER, 'ob_app'::name, 'MEMBER'::text))));

create policy ob_event_select on ob_event as permissive for select to ob_app
  using ((tenant_id = ob_current_tenant()));

create policy ob_event_update on ob_event as permissive for update to ob_app
  using ((tenant_id = ob_current_tenant()))
  with check ((tenant_id = ob_current_tenant()));

create policy ob_flow_delete on ob_flow as permissive for delete to ob_app
  using ((tenant_id = ob_current_tenant()));

create policy ob_flow_insert on ob_flow as permissive for insert to ob_app
  with check ((tenant_id = ob_current_tenant()));

create policy ob_flow_not_app on ob_flow as permissive for all to public
  using (( SELECT (NOT pg_has_role(CURRENT_USER, 'ob_app'::name, 'MEMBER'::text))))
  with check (( SELECT (NOT pg_has_role(CURRENT_USER, 'ob_app'::name, 'MEMBER'::text))));

create policy ob_flow_select on ob_flow as permissive for select to ob_app
  using ((tenant_id = ob_current_tenant()));

create policy ob_flow_update on ob_flow as permissive for update to ob_app
  using ((tenant_id = ob_current_tenant()))
  with check ((tenant_id = ob_current_tenant()));

create policy ob_mail_not_app on ob_mail as permissive for all to public
  using (( SELECT (NOT pg_has_role(CURRENT_USER, 'ob_app'::name, 'MEMBER'::text))))
  with check (( SELECT (NOT pg_has_role(CURRENT_USER, 'ob_app'::name, 'MEMBER'::text))));

create policy ob_mail_select on ob_mail as permissive for select to ob_app
  using ((tenant_id = ob_current_tenant()));

create policy ob_number_delete on ob_number as permissive for delete to ob_app
  using ((tenant_id = ob_current_tenant()));

create policy ob_number_insert on ob_number as permissive for insert to ob_app
  with check ((tenant_id = ob_current_tenant()));

create policy ob_number_not_app on ob_number as permissive for all to public
  using (( SELECT (NOT pg_has_role(CURRENT_USER, 'ob_app'::name, 'MEMBER'::text))))
  with check (( SELECT (NOT pg_has_role(CURRENT_USER, 'ob_app'::name, 'MEMBER'::text))));

create policy ob_number_select on ob_number as permissive for select to ob_app
  using ((tenant_id = ob_current_tenant()));

create policy ob_number_update on ob_number as permissive for update to ob_app
  using ((tenant_id = ob_current_tenant()))
  with check ((tenant_id = ob_current_tenant()));

-- Grants

grant select on ob_a2p to ob_app;
grant update (authorized_contact, brand_type, hosted_policy, last_saved_at, legal_business_name, legal_matches_tax_id_like, link_domains, otp_code, otp_error, sample_messages, tax_id, website_url) on ob_a2p to ob_app;
grant select on ob_a2p_callback to ob_app;
grant select on ob_account to ob_app;
grant update (address, brand_color, defaulted, display_name, languages, last_saved_at, logo_url, timezone, vertical) on ob_account to ob_app;
grant select on ob_calmsg to ob_app;
grant update (attribution_days, bilingual, buffers, calendar_account_email, calendar_connected, calendar_connected_at, calendar_error, calendar_later_at, calendar_oauth_started_at, calendar_oauth_state_hash, calendar_oauth_verifier, calendar_provider, calendar_refresh_token, calendar_scopes, double_book_policy, last_saved_at, ops_emails, ops_sms, price_ranges, revenue_prompts_mins, slack_test_at, slack_test_result, slack_webhook_url, templates, top_services) on ob_calmsg to ob_app;
grant select on ob_employee to ob_app;
grant insert, select on ob_event to ob_app;
grant select on ob_flow to ob_app;
grant update (email_verified, identity_checked_at, mobile_verified, plan_code, stripe_active, stripe_event_at, version) on ob_flow to ob_app;
grant select on ob_free_mail_domain to ob_app;
grant select on ob_mail to ob_app;
grant select on ob_number to ob_app;
grant update (after_hours_mode, area_code, availability, availability_checked_at, holidays, hours, last_saved_at, owner_window_sec, port_in, preferred_area_codes, provision_error, provision_requested_at, ring_window_sec, service_radius_mi, start_port_in, state, stop_help_text) on ob_number to ob_app;
grant select on ob_refused_wording to ob_app;
grant select on ob_setting to ob_app;
grant select on ob_snapshot to ob_copier;
grant select on ob_url_shortener to ob_app;
revoke execute on function ob_a2p_callback(p_event_id text, p_type text, p_object_id text, p_occurred_at timestamp with time zone) from public;
grant execute on function ob_a2p_callback(p_event_id text, p_type text, p_object_id text, p_occurred_at timestamp with time zone) to ob_app;
revoke execute on function ob_a2p_refresh_by(p_tenant uuid, p_at timestamp with time zone, p_attempt integer) from public;
revoke execute on function ob_a2p_resend_otp(t uuid) from public;
grant execute on function ob_a2p_resend_otp(t uuid) to ob_app;
revoke execute on function ob_a2p_submit(t uuid, OUT submission integer, OUT step text) from public;
grant execute on function ob_a2p_submit(t uuid, OUT submission integer, OUT step text) to ob_app;
revoke execute on function ob_a2p_timeline(p_tenant uuid) from public;
grant execute on function ob_a2p_timeline(p_tenant uuid) to ob_app;
grant execute on function ob_a2p_timeline(p_tenant uuid) to ob_copier;
revoke execute on function ob_advance(p_tenant_id uuid, p_finish boolean) from public;
grant execute on function ob_advance(p_tenant_id uuid, p_finish boolean) to ob_app;
revoke execute on function ob_beat(p_role text, p_process text) from public;
grant execute on function ob_beat(p_role text, p_process text) to ob_copier;
revoke execute on function ob_beat_end(p_process text) from public;
grant execute on function ob_beat_end(p_process text) to ob_copier;
revoke execute on function ob_correlated(p_payload json) from public;
revoke execute on function ob_enqueue(p_task text, p_payload json, p_job_key text, p_queue text) from public;
grant execute on function ob_enqueue(p_task text, p_payload json, p_job_key text, p_queue text) to ob_app;
revoke execute on function ob_ensure_tenant(p_clerk_user_id text, p_email text, p_mobile_e164 text, p_owner_name text, p_stripe_customer_id text, p_stripe_account_id text) from public;
grant execute on function ob_ensure_tenant(p_clerk_user_id text, p_email text, p_mobile_e164 text, p_owner_name text, p_stripe_customer_id text, p_stripe_account_id text) to ob_app;
revoke execute on function ob_finish(p_tenant uuid) from public;
grant execute on function ob_finish(p_tenant uuid) to ob_app;
revoke execute on function ob_mail_done(p_tenant uuid, p_key text, p_state text, p_to text, p_message_id text, p_error text) from public;
revoke execute on function ob_mail_queue(p_tenant uuid, p_kind text, p_key text) from public;
revoke execute on function ob_mail_sweep() from public;
revoke execute on function ob_mark_complete(p_tenant_id uuid, p_revision bigint) from public;
grant execute on function ob_mark_complete(p_tenant_id uuid, p_revision bigint) to ob_copier;
revoke execute on function ob_own_saves(p_tenant uuid, p_from integer, p_to integer, p_tab text) from public;
grant execute on function ob_own_saves(p_tenant uuid, p_from integer, p_to integer, p_tab text) to ob_app;
revoke execute on function ob_register_section(p_page text, p_table regclass, p_position integer, p_state regprocedure, p_snapshot regprocedure) from public;
revoke execute on function ob_reminders_off(p_tenant uuid) from public;
grant execute on function ob_reminders_off(p_tenant uuid) to ob_app;
revoke execute on function ob_replayed(p_tenant uuid, p_submission text, p_version integer) from public;
grant execute on function ob_replayed(p_tenant uuid, p_submission text, p_version integer) to ob_app;
revoke execute on function ob_request_number_change(p_tenant_id uuid, p_area_code text) from public;
grant execute on function ob_request_number_change(p_tenant_id uuid, p_area_code text) to ob_app;
revoke execute on function ob_save(p_tenant uuid, p_version integer, p_section text, p_fields jsonb, p_names text[], p_job jsonb, p_advance boolean, p_opens_at ob_phase, p_submission text, p_tab text) from public;
grant execute on function ob_save(p_tenant uuid, p_version integer, p_section text, p_fields jsonb, p_names text[], p_job jsonb, p_advance boolean, p_opens_at ob_phase, p_submission text, p_tab text) to ob_app;
revoke execute on function ob_schema_version() from public;
grant execute on function ob_schema_version() to ob_app;
revoke execute on function ob_section_rows(p_tenant uuid) from public;
revoke execute on function ob_sections_rebuilt() from public;
revoke execute on function ob_set_owner_lang(p_tenant uuid, p_lang text) from public;
grant execute on function ob_set_owner_lang(p_tenant uuid, p_lang text) to ob_app;
revoke execute on function ob_set_review_first(p_tenant uuid, p_on boolean) from public;
grant execute on function ob_set_review_first(p_tenant uuid, p_on boolean) to ob_app;
revoke execute on function ob_take(p_tenant uuid, p_action text) from public;
grant execute on function ob_take(p_tenant uuid, p_action text) to ob_app;
revoke execute on function ob_tenant_of_customer(p_customer text) from public;
grant execute on function ob_tenant_of_customer(p_customer text) to ob_app;
revoke execute on function ob_tenant_of_user(p_user text) from public;
grant execute on function ob_tenant_of_user(p_user text) to ob_app;
revoke execute on function ob_tenant_snapshot() from public;
grant execute on function ob_tenant_snapshot() to ob_app;
grant usage on schema public to ob_app;
grant usage on schema public to ob_copier;
grant usage on schema public to public;

-- Comments

comment on type ob_after_hours_mode is 'What a missed call after hours gets: an assistant''s text, a queue for a person, or a closed message.';

comment on type ob_brand_type is 'A2P brand kind: SOLE_PROP without an EIN, STANDARD with one.';

comment on type ob_calendar_provider is 'The calendar the owner connects; none is an explicit choice that never blocks.';

comment on type ob_double_book_policy is 'Whether bookings may overlap.';

comment on type ob_number_state is 'The texting number''s state, as the spec names it (Porting for a number being moved in).';

comment on type ob_phase is 'The wizard''s phases in order; ob_advance only moves forward.';

comment on type ob_section_state is 'One section''s completion percentage and blocker codes, as its ob_state_<section> function computes them.';

comment on type ob_state is 'What ob_wizard_state returns: phase, completion per section, blocker codes, texting eligibility.';

comment on type ob_vertical is 'The trades the Account page offers; services, prices and templates are chosen by it.';

comment on table ob_a2p is 'Page 4, one row per tenant: A2P 10DLC brand and campaign inputs, pre-submission checks, provider ids and phases.';

comment on table ob_a2p_callback is 'Status events the A2P provider sent to /webhooks/a2p, once each by event id; tenant_id null when no registration of ours has that object.';

comment on table ob_account is 'Page 1, one row per tenant: business name, trade, brand and address, and what was filled for the owner.';

comment on table ob_calmsg is 'Page 3, one row per tenant: calendar, services and prices, templates and team alerts.';

comment on table ob_employee is 'People of a tenant. The owner is created with the tenant; team_size_limit caps the count.';

comment on table ob_event is 'Append-only audit: every save, job result and phase change. Holds field names, never secrets.';

comment on table ob_flow is 'One onboarding flow per tenant: phase, identity flags, derived progress, optimistic-concurrency version.';

comment on table ob_flow_finalize_idx is 'The copier''s query: tenants in FINALIZE, a handful among many COMPLETE ones.';

comment on table ob_free_mail_domain is 'Free-mail domains: never a business website, nor a website guessed from the owner''s email.';

comment on table ob_heartbeat is 'One row per running worker or copier process (host:pid), seen_at renewed every 5 s (worker) or 10 s (copier). Silent for over a minute: that process is down or hung.';

comment on table ob_job_task is 'The onboarding tasks ob_enqueue accepts (tasks/index.ts runs each; a test keeps the two lists equal).';

comment on table ob_mail is 'Mail to the owner, one row per tenant and event (key), queued with its send_mail job; state sent once the SMTP server accepted it, refused when it refused the address for good.';

comment on table ob_number is 'Page 2, one row per tenant: area code, hours and settings, the purchased number and its purchase state, port-in.';

comment on table ob_rate_event is 'One row per throttled action a tenant took, kept for its window (ob_take removes older ones).';

comment on table ob_rate_limit is 'How often a tenant may do each throttled action (max_count per window); past it ob_take refuses with OB429, RATE_<action> and the limit.';

comment on table ob_refused_wording is 'Content carriers refuse: SHAFT-C (sex, hate, alcohol, firearms, tobacco, cannabis; Twilio 30883), high-risk financial services and gambling (30895, 30897), and emergency-alert wording (30929). Patterns are whole-word regular expressions.';

comment on table ob_section is 'The wizard''s sections in page order: the table of each, its state function and its snapshot function (ob_register_section adds one).';

comment on table ob_setting is 'Caps and limits the SQL guards read; a DBA changes them with an UPDATE, no release needed.';

comment on table ob_url_shortener is 'Public URL shorteners carriers reject in samples (error 30892); a2p-10dlc.md section 6.';

comment on view ob_outbox is 'Pending and failed onboarding jobs (type = upper(task), status pending|failed), for DBAs and support.';

comment on view ob_snapshot is 'One JSON document per tenant for the copier service (schemaVersion ob_snapshot_version()). LISTEN ob_finalize, copy the rows with phase = FINALIZE, then call ob_mark_complete(tenant_id, snapshot->flow->revision); false: copy again.';

comment on column ob_a2p.hosted_policy is 'The owner uses our hosted privacy and SMS-terms pages (/p/<tenant>/privacy, /terms) instead of their own.';

comment on column ob_a2p.otp_code is 'The code the owner typed, sealed by the app, until the a2p_otp job has sent it to the registry.';

comment on column ob_a2p.otp_error is 'The last code''s outcome when it failed: invalid, expired, or the registry did not answer.';

comment on column ob_a2p.otp_sent_at is 'When the registry texted the owner''s mobile a code (brand vetted, identity unverified); it expires 24 hours later.';

comment on column ob_a2p.otp_verifies is 'Codes typed since the last code was sent (otp_sent_at); capped by ob_setting otp_verifies_per_code.';

comment on column ob_a2p.otp_verifies_today is 'Codes typed since otp_first_verify_at, within 24 hours; capped by ob_setting otp_verifies_per_day.';

comment on column ob_a2p.privacy_no_sharing is 'The owner''s privacy page says mobile numbers and opt-in data are not shared or sold, and no sentence allows sharing with third parties (Twilio 30919, 30908).';

comment on column ob_a2p.privacy_url is 'Where the website check found the owner''s privacy policy (https); the campaign request names it unless the owner uses the hosted pages.';

comment on column ob_a2p.reason_code is 'The carrier''s rejection code (e.g. 30896) of the step that failed (reason_step); reason holds its text.';

comment on column ob_a2p.stop_help_present is 'Whether a sample message tells the reader how to opt out (the STOP_HELP_MISSING check), null without samples; published in the snapshot as a2p.checklist.stopHelpPresent.';

comment on column ob_a2p.stripe_company_name is 'The company name Stripe holds (stripe_prefill): the legal name is compared with it (a warning, never a blocker).';

comment on column ob_a2p.submitted_at is 'When the current submission started (ob_a2p_submit).';

comment on column ob_a2p.terms_contact is 'The owner''s SMS terms name the business (or its domain) and give a support phone, email or HELP (Twilio 30919).';

comment on column ob_a2p.terms_frequency is 'The owner''s SMS terms state the message frequency (Twilio 30558, 30545).';

comment on column ob_a2p.terms_rates is 'The owner''s SMS terms say "message and data rates may apply" (Twilio 30562, 30569).';

comment on column ob_a2p.terms_url is 'Where the website check found the owner''s SMS terms (https); the campaign request names it unless the owner uses the hosted pages.';

comment on column ob_a2p.website_check_error is 'Why the website could not be checked, one line (website_check job); null when it was read.';

comment on column ob_account.defaulted is 'Columns whose value was filled for the owner, not typed; a column leaves the list when its value changes.';

comment on column ob_account.prefilled_at is 'When the stripe_prefill job last finished; null while it has not (the page says "Fetching your business details…").';

comment on column ob_calmsg.calendar_error is 'The last connection attempt''s one-line outcome: denied, state (wrong or replayed), expired, provider (Google failed).';

comment on column ob_calmsg.calendar_later_at is 'When the owner went on without connecting their calendar ("connect it later"): an explicit skip, which the guard accepts.';

comment on column ob_calmsg.calendar_oauth_state_hash is 'sha256 of the OAuth state of the connection in progress; the callback consumes it.';

comment on column ob_calmsg.calendar_refresh_token is 'Google''s refresh token, AES-256-GCM sealed by the app (v1:...). Never in ob_snapshot, logs or pages.';

comment on column ob_calmsg.slack_test_result is 'What the last "Send a test message" to Slack did (slack_test job).';

comment on column ob_calmsg.slack_webhook_url is 'The Slack incoming-webhook link for missed-call alerts, sealed for this tenant and column (v2): a credential, never in the snapshot.';

comment on column ob_event.correlation_id is 'The correlation id of the request or job that wrote the row (logs and provider requests carry the same): one id finds a click''s whole story.';

comment on column ob_flow.completed_at is 'When the copier called ob_mark_complete (FINALIZE -> COMPLETE).';

comment on column ob_flow.finish_requested_at is 'The owner pressed Finish while carriers were still reviewing: it finishes on approval.';

comment on column ob_flow.finished_at is 'When the owner pressed Finish (the move to FINALIZE): the summary page says "taking longer" 60 s after it.';

comment on column ob_flow.identity_checked_at is 'When the email/mobile flags were last read from Clerk; the stored flags are used when Clerk does not answer.';

comment on column ob_flow.owner_lang is 'The language the owner reads the wizard in (en, es): the mails to them are in it.';

comment on column ob_flow.reminders_off_at is 'The owner turned reminder mails off (the link in each reminder).';

comment on column ob_flow.review_first is 'The owner asked to look everything over before it finishes: no finishing by itself on approval unless they pressed Finish (finish_requested_at).';

comment on column ob_flow.revision is 'Bumped by every change of the tenant''s rows (the flow, its sections, its employees): the snapshot''s flow.revision, which ob_mark_complete must be given back.';

comment on column ob_flow.stripe_customer_id is 'From Clerk public metadata (or the dev persona); subscription webhooks find the tenant by it.';

comment on column ob_flow.stripe_event_at is 'When Stripe created the last subscription event applied (its created): an older one arriving later is ignored.';

comment on column ob_flow.texting_eligible is 'Derived: brand VETTED and campaign ACTIVE and binding VERIFIED in ob_a2p. A trigger keeps it so.';

comment on column ob_flow.version is 'Bumped by every owner save; a save naming an older version is refused (HTTP 409).';

comment on column ob_mail.key is 'The event: kind, and the submission or reminder number where there can be several (submitted:2, reminder:1).';

comment on column ob_number.availability is 'The last GET /availability answer: [{areaCode, available}], fetched at most once per request of the owner.';

comment on column ob_number.e164_generation is 'The key generation e164 was bought under; below number_generation while a new number is wanted ("Change number").';

comment on column ob_number.number_generation is 'How many times the owner chose "Change number"; the next provisioning key is ob:prov:<tenantId>:<n>.';

comment on column ob_number.port_in is 'phoneNumber in clear; accountNumber and pin AES-256-GCM encrypted by the app with PORT_IN_KEY (never logged, never sent to the Provisioning API).';

comment on column ob_number.provision_error is 'The provider''s last refusal, shown as one line: busy (5xx, retried) or unavailable (409).';

comment on column ob_number.provision_requested_at is 'When "Looks good" (or "Change number") enqueued provision_number; the banner waits on it.';

comment on column ob_number.purchase_area_code is 'The area code the current purchase key (ob:prov:<tenantId>[:<number_generation>]) was first sent with; the key is never sent with another.';

comment on column ob_number.purchase_open is 'A purchase was sent under the current key and its answer is not recorded (in flight, or lost to a crash): the next attempt replays it.';

comment on column ob_section."position" is 'The page''s place in the wizard: blockers are listed in this order.';

comment on column ob_section.page is 'The page id (app/wizard.ts), also the section''s key in completion and in the snapshot.';

comment on column ob_section.snapshot is 'ob_snapshot_<page>(row[, ob_flow]) returning jsonb: what the copier reads of the page.';

comment on column ob_section.state is 'ob_state_<page>(ob_flow) returning ob_section_state: the page''s completion and blocker codes.';

comment on column ob_section.tbl is 'The section''s table: one row per tenant, keyed by tenant_id.';

comment on function ob_a2p_callback(p_event_id text, p_type text, p_object_id text, p_occurred_at timestamp with time zone) is 'A signed A2P status event: recorded once by id; its tenant (by brand, campaign or number) is refreshed now. Returns refreshed, duplicate or unknown.';

comment on function ob_a2p_checks(r ob_a2p, business_name text) is 'Failed pre-submission checks: each a blocker code carriers reject on (a2p-10dlc.md sections 2 to 6 and 9; the codes each prevents are in app/wizard.ts).';

comment on function ob_a2p_eligible(r ob_a2p) is 'The texting gate: brand VETTED, campaign ACTIVE and binding VERIFIED.';

comment on function ob_a2p_mail() is 'Trigger: queues the Submitted, code (sole proprietors) and Rejected mails as ob_a2p records those events.';

comment on function ob_a2p_otp_attempt() is 'Trigger: counts each code typed (a new otp_code) and refuses (OB429) past ob_setting otp_verifies_per_code and otp_verifies_per_day.';

comment on function ob_a2p_refresh_by(p_tenant uuid, p_at timestamp with time zone, p_attempt integer) is 'Schedules the tenant''s registration refresh for p_at at the latest (p_attempt: how many looks came before, for the backoff): an earlier one already waiting is kept.';

comment on function ob_a2p_resend_otp(t uuid) is 'Records a request for a new code, capped (once a minute, 5 a day; OB429); the a2p_otp job asks the registry.';

comment on function ob_a2p_submit(t uuid, OUT submission integer, OUT step text) is 'Starts a submission after the checks pass (OB422) and none is under way (OB409): the submission number and the first step.';

comment on function ob_a2p_timeline(p_tenant uuid) is 'The registration as one timeline: each step (brand, code for sole proprietors, campaign, binding) with its status, when it happened, and for a pending one its usual dates and whether it is past them.';

comment on function ob_a2p_unsendable(t uuid) is 'The page''s blocker codes that stand in the way of sending the registration as saved now (the checks carriers reject on, a missing field, WEBSITE_CHECKING); empty: the a2p_step may send it.';

comment on function ob_a2p_website_changed() is 'Trigger: a changed website_url clears the website checks.';

comment on function ob_account_undefault() is 'Trigger: a value the owner changes leaves the "Accepted defaults" list.';

comment on function ob_add_business_days(p_from timestamp with time zone, p_days integer) is 'p_from plus p_days weekdays (Monday to Friday, US Eastern), for the registration timeline''s usual dates.';

comment on function ob_advance(p_tenant_id uuid, p_finish boolean) is 'Advances the phase by the guards, never backwards; into FINALIZE only with p_finish (the summary page''s Finish). Returns the new ob_state.';

comment on function ob_all_domains(ds text[]) is 'Every element a lower-case domain name (link domains of a campaign).';

comment on function ob_all_e164(vs text[]) is 'Every element is E.164 (array CHECKs).';

comment on function ob_all_emails(vs text[]) is 'Every element is an email address (array CHECKs).';

comment on function ob_all_lengths(vs text[], lo integer, hi integer) is 'Every element present and lo..hi characters long, for list CHECKs.';

comment on function ob_assert_tenant(p uuid) is 'Refuses (42501) a login in ob_app acting for a tenant other than ob_current_tenant(); every security-definer function that takes a tenant calls it first.';

comment on function ob_beat(p_role text, p_process text) is 'A worker or copier process says it is alive (host:pid).';

comment on function ob_beat_end(p_process text) is 'A process that stops in order removes its heartbeat.';

comment on function ob_can_finish(f ob_flow) is 'FINALIZE''s guard: texting eligible (brand VETTED, campaign ACTIVE, binding VERIFIED), identity and subscription in order, every section''s Basic complete, no number purchase on its way.';

comment on function ob_can_leave(f ob_flow, finish boolean) is 'Whether the guard of the flow''s phase holds; A2P is left only when the owner finishes (finish) and ob_can_finish holds.';

comment on function ob_compute_state(f ob_flow) is 'Completion, blockers (in page order) and texting eligibility of a flow row: the ob_state_<page> functions of ob_section put together (generated by ob_sections_rebuilt).';

comment on function ob_correlated(p_payload json) is 'A job payload with the correlation id of the transaction queuing it, unless it has one.';

comment on function ob_current_tenant() is 'The tenant the current transaction runs for (set_config(''ob.tenant_id'', ..., true)); null when none was named.';

comment on function ob_employee_limit() is 'Trigger: refuses employees beyond the flow''s team_size_limit.';

comment on function ob_enqueue(p_task text, p_payload json, p_job_key text, p_queue text) is 'Enqueues an onboarding job (job key = provider Idempotency-Key; jobs of one queue run one at a time) in the caller''s transaction.';

comment on function ob_ensure_tenant(p_clerk_user_id text, p_email text, p_mobile_e164 text, p_owner_name text, p_stripe_customer_id text, p_stripe_account_id text) is 'Returns the owner''s tenant; on the first call creates the flow, the owner employee and all four section rows, and enqueues the Stripe prefill (job key ob:stripe:<tenantId>), in one transaction.';

comment on function ob_finish(p_tenant uuid) is 'The summary''s Finish: finished (FINALIZE), requested (only the carriers'' review left: it finishes on approval), or refused.';

comment on function ob_flow_approved() is 'Trigger: when texting becomes eligible, finishes onboarding by Finish''s guard (unless the owner chose to review first) and queues the approved mail.';

comment on function ob_flow_derive() is 'Trigger: re-derives completion, blockers, texting_eligible and number_state on every flow write; refuses backward phases.';

comment on function ob_flow_refuse_when_complete() is 'Trigger: a COMPLETE flow row is immutable audit (OB423); ob_mark_complete''s own move from FINALIZE passes.';

comment on function ob_has_wording(texts text[], kind text) is 'Whether any of texts holds wording of the category (ob_refused_wording).';

comment on function ob_host(url text) is 'The lower-case host of a URL (null when it is not one).';

comment on function ob_host_in(host text, domains text[]) is 'Whether host is one of domains or a subdomain of one.';

comment on function ob_is_e164(v text) is 'Shape of an E.164 phone number, for CHECK constraints.';

comment on function ob_is_ein(v text) is 'An EIN as NN-NNNNNNN with a prefix the IRS assigns (a2p-10dlc.md section 5), not one digit nine times.';

comment on function ob_is_email(v text) is 'Shape of an email address, for CHECK constraints.';

comment on function ob_is_https_url(v text) is 'An https URL with a host, at most 2048 characters.';

comment on function ob_link_hosts(texts text[]) is 'Hosts of the links written in texts (http(s):// or www.), lower case.';

comment on function ob_mail_done(p_tenant uuid, p_key text, p_state text, p_to text, p_message_id text, p_error text) is 'Records a mail''s outcome: sent (the SMTP server accepted it) or refused (the address, for good).';

comment on function ob_mail_queue(p_tenant uuid, p_kind text, p_key text) is 'Queues a mail for an event once: the ob_mail row and its send_mail job, or nothing when that event''s mail exists. True when queued.';

comment on function ob_mail_sweep() is 'Queues the reminders and the still-in-review mails that are due; returns how many. Run hourly by the worker''s crontab.';

comment on function ob_mark_complete(p_tenant_id uuid, p_revision bigint) is 'The copier''s only write: FINALIZE -> COMPLETE, only for the revision of the snapshot it copied (flow.revision); false when the tenant is not in FINALIZE or changed since (copy it again).';

comment on function ob_notify() is 'Trigger: NOTIFY the channel named by the trigger''s argument with the written flow row''s tenant (ob_finalize for the copier, ob_changed for the owner''s open pages).';

comment on function ob_number_ready(n ob_number) is 'The NUMBER guard: a configured MMS number, or a complete port-in.';

comment on function ob_only_carriers_left(f ob_flow) is 'Whether the flow waits for nothing but the carriers'' review: Finish is then recorded (ob_finish) and the summary says setup finishes by itself.';

comment on function ob_opt_out_instruction(s text) is 'Whether a text tells the reader how to opt out (Reply STOP, STOP to opt out), not merely the word stop.';

comment on function ob_own_saves(p_tenant uuid, p_from integer, p_to integer, p_tab text) is 'Whether every version after p_from up to p_to is a save of the tab p_tab (within the hour): that tab''s page is not stale, only behind its own saves.';

comment on function ob_pct(have integer, need integer) is 'Completion from Basic presence: 0, 50 or 100.';

comment on function ob_person_name(name text) is 'Whether a contact name looks like a person''s (Twilio 30701, 30881: carriers contact a person, not a business or a role).';

comment on function ob_refuse_when_complete() is 'Trigger: a COMPLETE tenant''s section, employee and event rows are immutable audit (OB423).';

comment on function ob_register_section(p_page text, p_table regclass, p_position integer, p_state regprocedure, p_snapshot regprocedure) is 'Adds (or updates) a section of the wizard: its registry row, row-level security, the shared triggers, the read grant, the rebuilt state and snapshot, and a row for every tenant not yet copied.';

comment on function ob_reminders_off(p_tenant uuid) is 'The reminder mail''s link: no more reminders for this tenant.';

comment on function ob_replayed(p_tenant uuid, p_submission text, p_version integer) is 'Whether this exact submission (digest of the posted form) was saved from this version within two minutes: a repeat of a save, not a conflict.';

comment on function ob_request_number_change(p_tenant_id uuid, p_area_code text) is 'Asks for a new number (next purchase key), refused (OB429) past ob_setting number_changes_per_day and (OB409) while one is on its way.';

comment on function ob_samples_opt_out(samples text[]) is 'Whether one of the sample messages tells the reader how to opt out (Reply STOP ...); null without samples. ob_a2p.stop_help_present is it.';

comment on function ob_save(p_tenant uuid, p_version integer, p_section text, p_fields jsonb, p_names text[], p_job jsonb, p_advance boolean, p_opens_at ob_phase, p_submission text, p_tab text) is 'One save in one statement: version check and lock, page open, the submitted columns (only those ob_app may update), the job, the event (with the submission''s digest and the tab), ob_advance on Continue; returns the standard shape, or {stale, version} / {closed, phase} with nothing written (not stale when every version since is this tab''s own save), or the standard shape with replay when this exact submission was already saved from this version.';

comment on function ob_schema_version() is 'The latest migration applied (its file name, e.g. 000029-health.sql): /readyz compares it with the build''s.';

comment on function ob_section_changed() is 'Trigger: a section change touches its flow row, which re-derives it.';

comment on function ob_section_rows(p_tenant uuid) is 'Gives a tenant a row, as the table''s defaults, in each registered section it has none of (ob_ensure_tenant, ob_register_section).';

comment on function ob_sections_rebuilt() is 'Rewrites ob_compute_state, the ob_snapshot view and the default completion from ob_section (ob_register_section calls it).';

comment on function ob_set_owner_lang(p_tenant uuid, p_lang text) is 'The page''s language button: the owner''s mails follow it from now on (nothing changes once onboarding is complete).';

comment on function ob_set_review_first(p_tenant uuid, p_on boolean) is 'The summary''s "let me check everything first": on, onboarding waits for Finish after approval (an earlier Finish request is withdrawn).';

comment on function ob_setting(p_name text) is 'The value of one row of ob_setting; a missing name is an error, not a silent default.';

comment on function ob_snapshot_a2p(r ob_a2p) is 'Page 4 in the copier''s snapshot.';

comment on function ob_snapshot_account(a ob_account, f ob_flow) is 'Page 1 in the copier''s snapshot, with the Stripe ids, plan and identity flags of the flow.';

comment on function ob_snapshot_calmsg(c ob_calmsg) is 'Page 3 in the copier''s snapshot: the calendar''s account and scopes, never its tokens.';

comment on function ob_snapshot_number(n ob_number) is 'Page 2 in the copier''s snapshot, without port-in secrets.';

comment on function ob_snapshot_version() is 'Version of the ob_snapshot document (its schemaVersion): bumped when a key is added, renamed or removed.';

comment on function ob_state_a2p(f ob_flow) is 'Page 4: registration inputs, the pre-submission checks and the carriers'' decision.';

comment on function ob_state_account(f ob_flow) is 'Page 1: identity and subscription blockers (PREFILL_PENDING while Stripe has not been read), name and trade.';

comment on function ob_state_calmsg(f ob_flow) is 'Page 3: services chosen and priced, and the calendar connected, not wanted, or left for later.';

comment on function ob_state_number(f ob_flow) is 'Page 2: the number, or what stands in its way (RESERVE_NUMBER, NUMBER_PENDING while provision_number runs, NUMBER_BUSY, NUMBER_UNAVAILABLE, COMPLETE_PORT_IN); NUMBER_CHANGING while a new number ("Change number") is on its way.';

comment on function ob_take(p_tenant uuid, p_action text) is 'Counts one throttled action of the tenant, or refuses it (OB429, message RATE_<action>, detail {"max": max_count}) past max_count in its window.';

comment on function ob_tenant_of_customer(p_customer text) is 'The tenant of a Stripe customer, for its signed subscription webhooks.';

comment on function ob_tenant_of_user(p_user text) is 'The tenant a signed-in owner (Clerk user id) owns; null before their first visit.';

comment on function ob_tenant_snapshot() is 'The snapshot of the tenant the transaction runs for (the summary page); nothing when it named none.';

comment on function ob_timeline_step(p_step text, p_status text, p_at timestamp with time zone, p_from timestamp with time zone, p_by timestamp with time zone) is 'One step of ob_a2p_timeline: its usual dates only while pending, and late once they have gone by.';

comment on function ob_touch_updated_at() is 'Trigger: keeps updated_at.';

comment on function ob_unique(vs text[]) is 'No element twice (case-insensitive), for list CHECKs.';

comment on function ob_unlock_dead_workers(p_grace interval) is 'Unlocks jobs (and queues) held by worker pools whose process is gone; run by every worker every 5 s, and by hand if need be.';

comment on function ob_valid_price_ranges(p jsonb) is 'Prices per service: {min, max, currency: USD}, whole dollars 0-100,000 or null, min <= max.';

comment on function ob_valid_template(t jsonb) is 'One language of the missed-call reply: a first line (1-160) and the message (1-480).';

comment on function ob_valid_templates(t jsonb) is 'The reply templates: empty until first saved, then English and optionally Spanish (es).';

comment on function ob_wizard_state(p_tenant_id uuid) is 'Pure read: phase, completion, blockers, texting_eligible. Null for an unknown tenant.';

comment on trigger _100_frozen on ob_a2p is 'First: a COMPLETE tenant''s rows are immutable (OB423); nothing else runs for a refused write.';

comment on trigger _100_frozen on ob_account is 'First: a COMPLETE tenant''s rows are immutable (OB423); nothing else runs for a refused write.';

comment on trigger _100_frozen on ob_calmsg is 'First: a COMPLETE tenant''s rows are immutable (OB423); nothing else runs for a refused write.';

comment on trigger _100_frozen on ob_employee is 'First: a COMPLETE tenant''s rows are immutable (OB423); nothing else runs for a refused write.';

comment on trigger _100_frozen on ob_event is 'A COMPLETE tenant''s audit rows are never changed or deleted (OB423).';

comment on trigger _100_frozen on ob_flow is 'First: a COMPLETE flow row is immutable (OB423); nothing else runs for a refused write.';

comment on trigger _100_frozen on ob_number is 'First: a COMPLETE tenant''s rows are immutable (OB423); nothing else runs for a refused write.';

comment on trigger _200_limit on ob_employee is 'Refuses an employee past the flow''s team_size_limit.';

comment on trigger _300_undefault on ob_account is 'A value the owner changes leaves the "Accepted defaults" list.';

comment on trigger _310_otp_attempt on ob_a2p is 'Counts each code typed and refuses (OB429) past the attempts allowed per code and per day.';

comment on trigger _320_website_changed on ob_a2p is 'A changed website_url clears the last website check''s findings.';

comment on trigger _400_derive on ob_flow is 'Re-derives completion, blockers, texting_eligible and number_state on every write, and refuses a backward phase.';

comment on trigger _500_touch on ob_a2p is 'Last of the BEFORE triggers: updated_at is the time of this write.';

comment on trigger _500_touch on ob_account is 'Last of the BEFORE triggers: updated_at is the time of this write.';

comment on trigger _500_touch on ob_calmsg is 'Last of the BEFORE triggers: updated_at is the time of this write.';

comment on trigger _500_touch on ob_employee is 'Last of the BEFORE triggers: updated_at is the time of this write.';

comment on trigger _500_touch on ob_number is 'Last of the BEFORE triggers: updated_at is the time of this write.';

comment on trigger _800_changed on ob_a2p is 'After each write: touches the flow row, which re-derives its state (ob_save does that once itself, by its version bump).';

comment on trigger _800_changed on ob_account is 'After each write: touches the flow row, which re-derives its state (ob_save does that once itself, by its version bump).';

comment on trigger _800_changed on ob_calmsg is 'After each write: touches the flow row, which re-derives its state (ob_save does that once itself, by its version bump).';

comment on trigger _800_changed on ob_employee is 'After each write: touches the flow row, which re-derives its state (ob_save does that once itself, by its version bump).';

comment on trigger _800_changed on ob_number is 'After each write: touches the flow row, which re-derives its state (ob_save does that once itself, by its version bump).';

comment on trigger _850_mail on ob_a2p is 'After the registration''s record changes: queues the Submitted, code (sole proprietors) and Rejected mails, once each.';

comment on trigger _900_approved on ob_flow is 'After texting becomes eligible: finishes onboarding by Finish''s guard (unless the owner chose to review first) and queues the approved mail.';

comment on trigger _910_finalize on ob_flow is 'After the move to FINALIZE: NOTIFY ob_finalize with the tenant id, for the copier.';

comment on trigger _920_changed on ob_flow is 'After each write of a flow row: NOTIFY ob_changed with its tenant, for the owner''s open pages.';
