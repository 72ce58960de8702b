--! Previous: sha1:4c587c1e0034983bf8e301aa7d10c5d1f2d20c51
--! Hash: sha1:a053165d15fe213aaed05773111e6eb56246324e
--! Message: The registration timeline

-- One timeline for the registration (issue 19, part 4): brand, code (sole proprietors), campaign
-- and number binding, each with the date it happened, or for a pending step the dates it usually
-- takes, from typical durations (docs: a2p-10dlc.md section 8), never a promise:
--   brand registration (TCR): minutes to a day (most brands are answered at once);
--   campaign review: at least about 48 hours, often up to a week, longer in backlogs
--     (SignalWire's TCR guide; Twilio's campaign vetting notice): 2 to 7 business days;
--   carriers enabling the number after approval: up to about 3 business days (Telnyx's 10DLC guide).
-- Business days skip weekends only (carrier holidays are not in this table). A pending step past
-- its usual dates says so (late), rather than showing a date that has gone by.

create function ob_add_business_days(p_from timestamptz, p_days integer) returns timestamptz
language sql immutable set search_path = public, pg_temp as $$
  select case when p_days <= 0 then p_from else (
    select d from generate_series(p_from + interval '1 day', p_from + (p_days * 2 + 7) * interval '1 day', interval '1 day') d
    where extract(isodow from d at time zone 'America/New_York') < 6 order by d offset p_days - 1 limit 1) end
$$;
comment on function ob_add_business_days(timestamptz, integer) is 'p_from plus p_days weekdays (Monday to Friday, US Eastern), for the registration timeline''s usual dates.';

-- Security definer: the copier reads it through ob_snapshot and has no rights on ob_event.
create function ob_a2p_timeline(p_tenant uuid) returns jsonb
language plpgsql stable security definer set search_path = public, pg_temp as $$
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
end $$;
revoke execute on function ob_a2p_timeline(uuid) from public;
grant execute on function ob_a2p_timeline(uuid) to ob_app, ob_copier;
comment on function ob_a2p_timeline(uuid) is 'The registration as one timeline: each step (brand, code for sole proprietors, campaign, binding) with its status, when it happened, and for a pending one its usual dates and whether it is past them.';

create function ob_timeline_step(p_step text, p_status text, p_at timestamptz, p_from timestamptz, p_by timestamptz) returns jsonb
language sql stable set search_path = public, pg_temp as $$
  select jsonb_build_object('step', p_step, 'status', p_status, 'at', p_at,
    'usuallyFrom', case when p_status = 'pending' then p_from end,
    'usuallyBy', case when p_status = 'pending' then p_by end,
    'late', p_status = 'pending' and p_by is not null and p_by < now())
$$;
comment on function ob_timeline_step(text, text, timestamptz, timestamptz, timestamptz) is 'One step of ob_a2p_timeline: its usual dates only while pending, and late once they have gone by.';

-- The copier gets the timeline too (schemaVersion 5).
create or replace function ob_snapshot_version() returns integer language sql immutable as $$ select 5 $$;
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
    'timeline', ob_a2p_timeline(r.tenant_id),
    'correlationId', r.correlation_id, 'lastSavedAt', r.last_saved_at)
$$;
