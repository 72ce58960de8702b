--! Previous: sha1:677eb5f030edb75b73b84359b75dccb70aaf8d81
--! Hash: sha1:292cd455438b3a769ad6f1ecb704c7ff9454ee6d
--! Message: Submit's refusal names its blockers

-- Issue 21, part 3: where SQL and TypeScript both checked a rule before Submit (the EIN of a Standard
-- brand, no EIN for a sole proprietor, the website's domain among the link domains), SQL decides: its
-- refusal names the blocker codes in its detail, and the page only words them on their fields.
create or replace function ob_a2p_submit(t uuid, OUT submission integer, OUT step text)
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
    raise exception using errcode = 'OB409', message = 'Your texting registration is approved already.';
  end if;
  if s.blockers && array['CONFIRM_OTP', 'A2P_PENDING'] then
    raise exception using errcode = 'OB409', message = 'Your registration is already with the carriers; we will update this page.';
  end if;
  if 'WEBSITE_CHECKING' = any(s.blockers) then
    raise exception using errcode = 'OB409', message = 'We are still checking your website; press Submit again in a few seconds.';
  end if;
  -- The codes go with the refusal (its detail): the page puts each one's line on its field.
  if exists (select 1 from unnest(s.blockers) x where x not in ('SUBMIT_A2P', 'A2P_REJECTED', 'A2P_PAUSED')) then
    raise exception using errcode = 'OB422', message = 'Fix the lines above first: carriers reject registrations with them, and each submission is charged.',
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
