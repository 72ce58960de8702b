--! Previous: sha1:a5909ec9567843c89de4685d15000a7e3121559c
--! Hash: sha1:7873e101fdd0ec048c77b1673e10e0a2c83aeabd
--! Message: a2p registration

-- Page 4 (A2P 10DLC): the pre-submission checks carriers reject on, as SQL blockers over the
-- section row (lists of URL shorteners and free-mail domains kept as tables a DBA can extend),
-- the registration chain's state (ids, phases, reason code and step, identity/OTP), the website
-- check's results, hosted policy pages, and ob_a2p_submit: the one way a submission starts.

create table ob_url_shortener (domain text primary key check (domain ~ '^[a-z0-9.-]+\.[a-z]{2,}$'));
comment on table ob_url_shortener is 'Public URL shorteners carriers reject in samples (error 30892); a2p-10dlc.md section 6.';
insert into ob_url_shortener values ('bit.ly'), ('bitly.com'), ('bitly.ws'), ('bit.do'), ('tinyurl.com'), ('tiny.cc'),
  ('goo.gl'), ('ow.ly'), ('is.gd'), ('t.ly'), ('cutt.ly'), ('rb.gy'), ('rebrand.ly'), ('shorturl.at'), ('t.co'),
  ('lnkd.in'), ('bc.vc'), ('budurl.com'), ('clicky.me'), ('soo.gd'), ('s2r.co'), ('shrtco.de'), ('alturl.com'),
  ('9qr.de'), ('linki.la'), ('minm.xyz'), ('app.link'), ('lc.chat'), ('v.gd'), ('qr.ae');

create table ob_free_mail_domain (domain text primary key check (domain ~ '^[a-z0-9.-]+\.[a-z]{2,}$'));
comment on table ob_free_mail_domain is 'Free-mail domains: never a business website, nor a website guessed from the owner''s email.';
insert into ob_free_mail_domain values ('gmail.com'), ('googlemail.com'), ('yahoo.com'), ('ymail.com'), ('hotmail.com'),
  ('outlook.com'), ('live.com'), ('msn.com'), ('aol.com'), ('icloud.com'), ('me.com'), ('mac.com'), ('proton.me'),
  ('protonmail.com'), ('gmx.com'), ('mail.com'), ('zoho.com'), ('yandex.com'), ('comcast.net'), ('att.net'),
  ('verizon.net'), ('sbcglobal.net'), ('bellsouth.net'), ('cox.net'), ('charter.net');
grant select on ob_url_shortener, ob_free_mail_domain to ob_app;

create function ob_is_ein(v text) returns boolean language sql immutable parallel safe as $$
  select v ~ '^[0-9]{2}-[0-9]{7}$'
    and substr(v, 1, 2)::int not in (0, 7, 8, 9, 17, 18, 19, 28, 29, 49, 69, 70, 78, 79, 89, 96, 97)
    and replace(v, '-', '') !~ '^(.)\1{8}$'
$$;
comment on function ob_is_ein(text) is 'An EIN as NN-NNNNNNN with a prefix the IRS assigns (a2p-10dlc.md section 5), not one digit nine times.';

create function ob_host(url text) returns text language sql immutable parallel safe as $$
  select lower(substring(url from '^[a-zA-Z]+://([^/:?#\s]+)'))
$$;
comment on function ob_host(text) is 'The lower-case host of a URL (null when it is not one).';

create function ob_link_hosts(texts text[]) returns text[] language sql immutable parallel safe as $$
  select coalesce(array_agg(distinct lower(m[1])), '{}') from unnest(texts) t, regexp_matches(t, '(?:https?://|www\.)([a-zA-Z0-9.-]+\.[a-zA-Z]{2,})', 'g') m
$$;
comment on function ob_link_hosts(text[]) is 'Hosts of the links written in texts (http(s):// or www.), lower case.';

create function ob_host_in(host text, domains text[]) returns boolean language sql immutable parallel safe as $$
  select exists (select 1 from unnest(domains) d where host = d or host like '%.' || d)
$$;
comment on function ob_host_in(text, text[]) is 'Whether host is one of domains or a subdomain of one.';

create function ob_all_domains(ds text[]) returns boolean language sql immutable parallel safe as $$
  select not exists (select 1 from unnest(ds) d
    where d is null or char_length(d) > 253 or d !~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$')
$$;
comment on function ob_all_domains(text[]) is 'Every element a lower-case domain name (link domains of a campaign).';

alter table ob_a2p
  drop constraint ob_a2p_tax_id_check,
  drop constraint ob_a2p_sample_messages_check,
  drop constraint ob_a2p_link_domains_check;
alter table ob_a2p
  add constraint ob_a2p_tax_id_check check (ob_is_ein(tax_id)),
  add constraint ob_a2p_sample_messages_check check (cardinality(sample_messages) <= 5 and ob_all_lengths(sample_messages, 20, 1024)),
  add constraint ob_a2p_link_domains_check check (cardinality(link_domains) <= 10 and ob_unique(link_domains) and ob_all_domains(link_domains)),
  add column stripe_company_name text check (char_length(stripe_company_name) <= 200),
  add column stripe_website_url text check (char_length(stripe_website_url) <= 2048),
  add column stripe_tax_id_provided boolean,
  add column hosted_policy boolean not null default false,
  add column website_checked_at timestamptz,
  add column website_check_error text check (char_length(website_check_error) <= 300),
  add column identity_status text check (identity_status ~ '^[A-Z_]{2,40}$'),
  add column reason_code text check (reason_code ~ '^[0-9A-Z_]{1,40}$'),
  add column reason_step text check (reason_step in ('brand', 'campaign', 'binding')),
  add column submitted_at timestamptz,
  add column refreshed_at timestamptz;
comment on column ob_a2p.stripe_company_name is 'The company name Stripe holds (stripe_prefill): the legal name is compared with it (a warning, never a blocker).';
comment on column ob_a2p.hosted_policy is 'The owner uses our hosted privacy and SMS-terms pages (/p/<tenant>/privacy, /terms) instead of their own.';
comment on column ob_a2p.website_check_error is 'Why the website could not be checked, one line (website_check job); null when it was read.';
comment on column ob_a2p.reason_code is 'The carrier''s rejection code (e.g. 30896) of the step that failed (reason_step); reason holds its text.';
comment on column ob_a2p.submitted_at is 'When the current submission started (ob_a2p_submit).';

---------------------------------------------------------------------------------------------------
-- The checks carriers reject on, one stable code each. Website checks are null until the
-- website_check job has run: only a failed check is a blocker.

create function ob_a2p_checks(r ob_a2p, business_name text) returns text[]
language sql stable set search_path = public, pg_temp as $$
  select array_remove(array[
    case when r.website_url is not null and (r.website_url !~ '^https://' or r.https_ok = false) then 'WEBSITE_NOT_HTTPS' end,
    case when ob_host_in(ob_host(r.website_url), (select array_agg(domain) from ob_free_mail_domain)) then 'WEBSITE_FREE_MAIL' end,
    case when not r.hosted_policy and r.privacy_found = false then 'WEBSITE_PRIVACY_MISSING' end,
    case when not r.hosted_policy and r.terms_found = false then 'WEBSITE_TERMS_MISSING' end,
    case when cardinality(r.sample_messages) not between 2 and 5 then 'SAMPLES_COUNT' end,
    case when cardinality(r.sample_messages) > 0 and not exists (select 1 from unnest(r.sample_messages) s
      where strpos(lower(s), lower(coalesce(business_name, r.legal_business_name, ''))) > 0 and coalesce(business_name, r.legal_business_name, '') <> '') then 'SAMPLE_NAME_MISSING' end,
    case when not (exists (select 1 from unnest(r.sample_messages) s where s ~* '\mSTOP\M') or r.stop_help_text ~* '\mSTOP\M')
      or not (exists (select 1 from unnest(r.sample_messages) s where s ~* '\mHELP\M') or r.stop_help_text ~* '\mHELP\M') then 'STOP_HELP_MISSING' end,
    case when exists (select 1 from unnest(r.sample_messages) s where s ~* 'http://')
      or exists (select 1 from unnest(ob_link_hosts(r.sample_messages)) h where ob_host_in(h, (select array_agg(domain) from ob_url_shortener))) then 'SHORTENER_LINK' end,
    case when r.website_url is not null and not ob_host_in(ob_host(r.website_url), r.link_domains) then 'LINK_DOMAIN_MISSING'
      when exists (select 1 from unnest(ob_link_hosts(r.sample_messages)) h where not ob_host_in(h, r.link_domains)
        and not ob_host_in(h, (select array_agg(domain) from ob_url_shortener))) then 'LINK_DOMAIN_MISSING' end,
    case when r.brand_type = 'SOLE_PROP' and (r.tax_id is not null or r.stripe_tax_id_provided) then 'SOLE_PROP_HAS_EIN' end
  ], null)
$$;
comment on function ob_a2p_checks(ob_a2p, text) is 'Failed pre-submission checks: each a blocker code carriers reject on (a2p-10dlc.md sections 2, 3, 5, 6).';

create or replace function ob_state_a2p(f ob_flow) returns ob_section_state
language plpgsql stable set search_path = public, pg_temp as $$
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
  if rejected then b := array_append(b, 'A2P_REJECTED');
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
end $$;
comment on function ob_state_a2p(ob_flow) is 'Page 4: registration inputs, the pre-submission checks and the carriers'' decision.';

---------------------------------------------------------------------------------------------------
-- A submission: refused while a check carriers reject on fails (OB422), or the website is still
-- being checked or a submission is under way (OB409);
-- otherwise it starts where the last one failed (a vetted brand is kept) and returns the
-- submission number (1 the first time; n > 1 uses the resubmit keys) and the first step.

create function ob_a2p_submit(t uuid, out submission integer, out step text)
language plpgsql security definer set search_path = public, pg_temp as $$
declare r ob_a2p; s ob_section_state;
begin
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
comment on function ob_a2p_submit(uuid) is 'Starts a submission after the checks pass (OB422) and none is under way (OB409): the submission number and the first step.';
revoke execute on function ob_a2p_submit(uuid) from public;
grant execute on function ob_a2p_submit(uuid) to ob_app;

grant update (hosted_policy) on ob_a2p to ob_app;

create or replace function ob_snapshot_a2p(r ob_a2p) returns jsonb language sql stable as $$
  select jsonb_build_object('brandType', r.brand_type, 'legalBusinessName', r.legal_business_name,
    'taxId', r.tax_id, 'websiteUrl', r.website_url, 'authorizedContact', r.authorized_contact,
    'useCase', r.use_case, 'optInDescription', r.opt_in_description, 'stopHelpText', r.stop_help_text,
    'sampleMessages', r.sample_messages, 'linkDomains', r.link_domains, 'hostedPolicy', r.hosted_policy,
    'checklist', jsonb_build_object('httpsOk', r.https_ok, 'privacyFound', r.privacy_found,
      'termsFound', r.terms_found, 'legalMatchesTaxIdLike', r.legal_matches_tax_id_like,
      'stopHelpPresent', r.stop_help_present, 'websiteCheckedAt', r.website_checked_at),
    'brandId', r.brand_id, 'brandPhase', r.brand_phase, 'identityStatus', r.identity_status,
    'campaignId', r.campaign_id, 'campaignPhase', r.campaign_phase, 'bindingPhase', r.binding_phase,
    'reason', r.reason, 'reasonCode', r.reason_code, 'reasonStep', r.reason_step,
    'submissionCount', r.submission_count, 'submittedAt', r.submitted_at,
    'correlationId', r.correlation_id, 'lastSavedAt', r.last_saved_at)
$$;

-- A new website makes the old checks meaningless: they go back to "not checked" until website_check runs.
create function ob_a2p_website_changed() returns trigger language plpgsql as $$
begin
  new.https_ok := null; new.privacy_found := null; new.terms_found := null;
  new.website_checked_at := null; new.website_check_error := null;
  return new;
end $$;
comment on function ob_a2p_website_changed() is 'Trigger: a changed website_url clears the website checks.';
create trigger ob_a2p_website_changed before update of website_url on ob_a2p for each row
  -- (unless the same statement records the new site's checks)
  when (old.website_url is distinct from new.website_url and new.website_checked_at is not distinct from old.website_checked_at)
  execute function ob_a2p_website_changed();

grant update (legal_matches_tax_id_like) on ob_a2p to ob_app;

-- Page 4's own saves are logged as a2p.saved: event types may carry digits.
alter table ob_event drop constraint ob_event_event_type_check,
  add constraint ob_event_event_type_check check (event_type ~ '^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$');
