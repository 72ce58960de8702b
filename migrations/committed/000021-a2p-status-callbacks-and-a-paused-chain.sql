--! Previous: sha1:644610b089c6ee4adc04cf378e152add656bacce
--! Hash: sha1:0176c0493de83b4b35bd2f4b70b9ba10d786aacd
--! Message: A2P status callbacks and a paused chain

-- The A2P provider calls us back (issue 19, part 3): POST /webhooks/a2p, signed. Each event is
-- recorded once by its id (a replay changes nothing) and starts an immediate refresh of its
-- tenant through the existing a2p_refresh job: the refresher reads the provider's state now, so
-- an event that arrives late or out of order can never move a phase backwards.

create table ob_a2p_callback (
  event_id text primary key check (event_id ~ '^[A-Za-z0-9_.:-]{1,100}$'),
  tenant_id uuid references ob_flow on delete cascade,
  type text not null check (type ~ '^[a-z_.]{1,60}$'),
  occurred_at timestamptz not null,
  received_at timestamptz not null default now()
);
comment on table ob_a2p_callback is 'Status events the A2P provider sent to /webhooks/a2p, once each by event id; tenant_id null when no registration of ours has that object.';
create index ob_a2p_callback_tenant on ob_a2p_callback (tenant_id, received_at);
alter table ob_a2p_callback enable row level security;
alter table ob_a2p_callback force row level security;
create policy ob_a2p_callback_select on ob_a2p_callback for select to ob_app using (tenant_id = ob_current_tenant());
create policy ob_a2p_callback_not_app on ob_a2p_callback for all to public
  using ((select not pg_has_role(current_user, 'ob_app', 'MEMBER'))) with check ((select not pg_has_role(current_user, 'ob_app', 'MEMBER')));
grant select on ob_a2p_callback to ob_app;

create function ob_a2p_callback(p_event_id text, p_type text, p_object_id text, p_occurred_at timestamptz) returns text
language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare t uuid;
begin
  -- Called by the web server for a signed event, before any tenant is known: the object names it.
  select a.tenant_id into t from ob_a2p a left join ob_number n using (tenant_id)
  where a.brand_id = p_object_id or a.campaign_id = p_object_id or (a.campaign_id is not null and n.e164 = p_object_id)
  limit 1;
  insert into ob_a2p_callback (event_id, tenant_id, type, occurred_at) values (p_event_id, t, p_type, p_occurred_at)
  on conflict (event_id) do nothing;
  if not found then return 'duplicate'; end if;
  if t is null then return 'unknown'; end if;
  -- The same job key as the refresher's own schedule: this run replaces a later one, so it runs now.
  perform graphile_worker.add_job('a2p_refresh', json_build_object('tenantId', t, 'attempt', 0),
    queue_name => 'ob:a2p:' || t, job_key => 'ob:a2p:refresh:' || t);
  return 'refreshed';
end $$;
comment on function ob_a2p_callback(text, text, text, timestamptz) is 'A signed A2P status event: recorded once by id; its tenant (by brand, campaign or number) is refreshed now. Returns refreshed, duplicate or unknown.';
revoke execute on function ob_a2p_callback(text, text, text, timestamptz) from public;
grant execute on function ob_a2p_callback(text, text, text, timestamptz) to ob_app;

-- A chain that cannot go on never hangs silently: a step that ran out of retries is recorded as
-- reason PAUSED, which the page shows as one line (A2P_PAUSED) and which Submit accepts again.
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
end $$;
comment on function ob_state_a2p(ob_flow) is 'Page 4: registration inputs, the pre-submission checks and the carriers'' decision.';

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
  if exists (select 1 from unnest(s.blockers) x where x not in ('SUBMIT_A2P', 'A2P_REJECTED', 'A2P_PAUSED')) then
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

-- Finish while carriers review: blockers are jsonb (000020 compared them with a text array).
create or replace function ob_finish(p_tenant uuid) returns text
language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare f ob_flow;
begin
  perform ob_assert_tenant(p_tenant);
  perform ob_advance(p_tenant, true);
  select * into f from ob_flow where tenant_id = p_tenant for update;
  if f.phase >= 'FINALIZE' then return 'finished'; end if;
  if f.phase = 'A2P' and f.blockers = '["A2P_PENDING"]'::jsonb then
    update ob_flow set finish_requested_at = coalesce(finish_requested_at, now()) where tenant_id = p_tenant;
    return 'requested';
  end if;
  return 'refused';
end $$;
