--! Previous: sha1:7730bcda8468b29332f857e3d4f99c7c70378c3c
--! Hash: sha1:ae579628af19a46883148985e4c502d47010c9f1
--! Message: What carriers read in 2026

-- What carriers read in 2026 (issue 19, part 5): what the owner's privacy and terms pages say, what
-- the names and samples are about, how the samples tell a customer to opt out, and who the contact
-- is. Each check is one blocker code (its line, Fix and the carrier codes it prevents are in
-- app/wizard.ts); sources in ../shared/domain/a2p-10dlc.md sections 3, 4 and 9.

-- What the website check read on the owner's own pages (null: not read, or the hosted pages).
alter table ob_a2p
  add column privacy_no_sharing boolean,
  add column terms_frequency boolean,
  add column terms_rates boolean,
  add column terms_contact boolean;
comment on column ob_a2p.privacy_no_sharing is 'The owner''s privacy page says mobile numbers and opt-in data are not shared or sold, and no sentence allows sharing with third parties (Twilio 30919, 30908).';
comment on column ob_a2p.terms_frequency is 'The owner''s SMS terms state the message frequency (Twilio 30558, 30545).';
comment on column ob_a2p.terms_rates is 'The owner''s SMS terms say "message and data rates may apply" (Twilio 30562, 30569).';
comment on column ob_a2p.terms_contact is 'The owner''s SMS terms name the business (or its domain) and give a support phone, email or HELP (Twilio 30919).';
-- Registrations not yet submitted are read again (the page starts the check when it next shows);
-- one under way keeps what it was submitted with (a new reading could stop it half-way).
update ob_a2p set website_checked_at = null
  where website_url is not null and not hosted_policy and submitted_at is null and (privacy_found or terms_found);

-- Wording carriers refuse by content. A pattern is a regular expression matched as whole words,
-- case-insensitive, in the business's names and the samples. Words a trade business uses in good
-- faith are left out (a caulk "gun", "emergency" service, a surname like Beer or Wine).
create table ob_refused_wording (
  pattern text primary key check (char_length(pattern) <= 100),
  category text not null check (category in ('SHAFT', 'HIGH_RISK', 'EMERGENCY'))
);
comment on table ob_refused_wording is 'Content carriers refuse: SHAFT-C (sex, hate, alcohol, firearms, tobacco, cannabis; Twilio 30883), high-risk financial services and gambling (30895, 30897), and emergency-alert wording (30929). Patterns are whole-word regular expressions.';
insert into ob_refused_wording (category, pattern) values
  ('SHAFT', 'porn\w*'), ('SHAFT', 'escorts?'), ('SHAFT', 'adult (entertainment|content|toys?|videos?)'),
  ('SHAFT', 'strip ?clubs?'), ('SHAFT', 'sex (toys?|shops?|chat)'),
  ('SHAFT', 'liquor'), ('SHAFT', 'vodka'), ('SHAFT', 'whiske?y'), ('SHAFT', 'tequila'), ('SHAFT', 'brewery'),
  ('SHAFT', 'alcohol(ic)?'), ('SHAFT', 'happy hour'), ('SHAFT', 'bottle service'),
  ('SHAFT', 'firearms?'), ('SHAFT', 'handguns?'), ('SHAFT', 'rifles?'), ('SHAFT', 'ammunition'), ('SHAFT', 'ammo'),
  ('SHAFT', 'gun (shop|store|range|show)s?'), ('SHAFT', 'concealed carry'),
  ('SHAFT', 'tobacco'), ('SHAFT', 'smoke shops?'), ('SHAFT', 'cigarettes?'), ('SHAFT', 'cigars?'), ('SHAFT', 'vap(e|es|ing)'), ('SHAFT', 'e-?cig\w*'),
  ('SHAFT', 'hookah'), ('SHAFT', 'nicotine'), ('SHAFT', 'kratom'),
  ('SHAFT', 'cannabis'), ('SHAFT', 'marijuana'), ('SHAFT', 'cbd'), ('SHAFT', 'thc'), ('SHAFT', 'dispensar(y|ies)'),
  ('SHAFT', 'hemp'), ('SHAFT', 'delta-?8'), ('SHAFT', 'edibles'), ('SHAFT', 'weed (shop|store|delivery)'), ('SHAFT', 'psilocybin'),
  ('HIGH_RISK', 'payday'), ('HIGH_RISK', 'loans?'), ('HIGH_RISK', 'direct lending'), ('HIGH_RISK', 'cash advances?'),
  ('HIGH_RISK', 'debt (relief|consolidation|settlement|collection)'), ('HIGH_RISK', 'credit repair'), ('HIGH_RISK', 'bankruptcy'),
  ('HIGH_RISK', 'tax relief'), ('HIGH_RISK', 'crypto\w*'), ('HIGH_RISK', 'bitcoin'), ('HIGH_RISK', 'forex'),
  ('HIGH_RISK', 'gambl\w*'), ('HIGH_RISK', 'casinos?'), ('HIGH_RISK', '(sports )?betting'), ('HIGH_RISK', 'sweepstakes'),
  ('HIGH_RISK', 'lottery'), ('HIGH_RISK', 'get rich'), ('HIGH_RISK', 'work from home'),
  ('EMERGENCY', 'emergency (alerts?|notifications?|broadcasts?)'), ('EMERGENCY', 'wireless emergency'),
  ('EMERGENCY', 'amber alerts?'), ('EMERGENCY', 'public safety (alerts?|warnings?)'),
  ('EMERGENCY', 'severe weather (alerts?|warnings?)'), ('EMERGENCY', 'evacuation (notices?|orders?|alerts?)');
grant select on ob_refused_wording to ob_app;

create function ob_has_wording(texts text[], kind text) returns boolean
language sql stable set search_path = public, pg_temp as $$
  -- One pattern per category, so PostgreSQL compiles it once and keeps it in its regex cache.
  select exists (select 1 from unnest(texts) t
    where t ~* (select '\m(' || string_agg(pattern, '|') || ')\M' from ob_refused_wording where category = kind))
$$;
comment on function ob_has_wording(text[], text) is 'Whether any of texts holds wording of the category (ob_refused_wording).';

-- "Reply STOP", "text END to opt out", "STOP to unsubscribe": an instruction, not the word (a
-- plumber "can stop by"). Twilio's opt-out keywords (a2p-10dlc.md section 4).
create function ob_opt_out_instruction(s text) returns boolean language sql immutable parallel safe as $$
  select s ~* '\m(reply|text|txt|send|respond)(\W{1,3}(us|back|with|the word)){0,2}\W{1,3}(stop|end|cancel|unsubscribe|quit|optout|revoke)\M'
    or s ~* '\m(stop|end|cancel|unsubscribe|quit)\M\W{1,3}(to\W{1,3})?(opt\W?out|unsubscribe|stop|end|cancel|quit)\M'
$$;
comment on function ob_opt_out_instruction(text) is 'Whether a text tells the reader how to opt out (Reply STOP, STOP to opt out), not merely the word stop.';

-- A person's name: two or more words of letters, no digits, no business suffix or trade word
-- ("Rivera Plumbing LLC"), and not only role words ("Office Manager", "Admin Team"): a surname
-- that is also a word ("Ann Owner", "Mary Care") is a person's.
create function ob_person_name(name text) returns boolean language sql immutable parallel safe as $$
  select name ~ '^\s*[[:alpha:]][[:alpha:].''’-]*(\s+[[:alpha:]][[:alpha:].''’-]*)+\s*$'
    and name !~* '\m(llc|inc|corp|corporation|company|ltd|plumbing|plumbers|heating|cooling|hvac|electric|electrical|electricians|cleaning|cleaners|roofing|construction|landscaping|pest|repairs|services|solutions|contractors|maintenance)\M'
    and exists (select 1 from regexp_split_to_table(lower(trim(name)), '\s+') w
      where w !~ '^(owner|admin|administrator|office|manager|management|support|info|team|sales|billing|dispatch|customer|customers|care|reception|desk|front|service|the|general|main|contact)$')
$$;
comment on function ob_person_name(text) is 'Whether a contact name looks like a person''s (Twilio 30701, 30881: carriers contact a person, not a business or a role).';

create or replace function ob_a2p_checks(r ob_a2p, business_name text) returns text[]
language sql stable set search_path = public, pg_temp as $$
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
$$;
comment on function ob_a2p_checks(ob_a2p, text) is 'Failed pre-submission checks: each a blocker code carriers reject on (a2p-10dlc.md sections 2 to 6 and 9; the codes each prevents are in app/wizard.ts).';
