--! Previous: sha1:731682f081aea762b115d1fa854c350611436b7f
--! Hash: sha1:402fdb3bea3a3ee47012d1d7e58c3a9c035a2b6b
--! Message: saves after finish

-- Saves after Finish (issue 18, item 2): once the owner has pressed Finish nothing of theirs is
-- saved any more, Finish waits for a number change on its way, and the copier marks a tenant
-- COMPLETE only for the very snapshot it copied.

---------------------------------------------------------------------------------------------------
-- Every change of a tenant's rows moves its flow row (sections and employees through
-- ob_section_changed, saves through the version bump), and every move of the flow row bumps
-- revision: the snapshot carries it, and ob_mark_complete takes it back.

alter table ob_flow add column revision bigint not null default 0;
comment on column ob_flow.revision is 'Bumped by every change of the tenant''s rows (the flow, its sections, its employees): the snapshot''s flow.revision, which ob_mark_complete must be given back.';

create or replace function ob_flow_derive() returns trigger
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
  if tg_op = 'UPDATE' then new.revision := old.revision + 1; end if;
  return new;
end $$;

create trigger ob_employee_changed after insert or update or delete on ob_employee for each row execute function ob_section_changed();

---------------------------------------------------------------------------------------------------
-- A number change on its way is a blocker of its own (the old number still works meanwhile), and
-- Finish waits for it: a number bought after COMPLETE would be recorded nowhere.

create or replace function ob_state_number(f ob_flow) returns ob_section_state
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
  elsif n.e164 is not null and (n.purchase_open or coalesce(n.e164_generation, 0) < n.number_generation) then
    b := array_append(b, 'NUMBER_CHANGING');
  end if;
  return row(case when ob_number_ready(n) then 100 when n.area_code is not null then 50 else 0 end, b)::ob_section_state;
end $$;
comment on function ob_state_number(ob_flow) is 'Page 2: the number, or what stands in its way (RESERVE_NUMBER, NUMBER_PENDING while provision_number runs, NUMBER_BUSY, NUMBER_UNAVAILABLE, COMPLETE_PORT_IN); NUMBER_CHANGING while a new number ("Change number") is on its way.';

create or replace function ob_can_finish(f ob_flow) returns boolean
language plpgsql stable set search_path = public, pg_temp as $$
declare s ob_state := ob_compute_state(f);
begin
  return s.texting_eligible and f.email_verified and f.mobile_verified and f.stripe_active
    and (s.completion->>'account')::int = 100 and (s.completion->>'number')::int = 100
    and (s.completion->>'calmsg')::int = 100 and (s.completion->>'a2p')::int = 100
    and not s.blockers ? 'NUMBER_CHANGING';
end $$;
comment on function ob_can_finish(ob_flow) is 'FINALIZE''s guard: texting eligible (brand VETTED, campaign ACTIVE, binding VERIFIED), identity and subscription in order, every section''s Basic complete, no number purchase on its way.';

---------------------------------------------------------------------------------------------------
-- After Finish, no save: the owner's pages lead to the summary, and ob_save refuses with one line.

create or replace function ob_save(p_tenant uuid, p_version integer, p_section text, p_fields jsonb, p_names text[],
                        p_job jsonb, p_advance boolean, p_opens_at ob_phase) returns jsonb
language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare f ob_flow; cols text; bad text;
begin
  if p_section not in ('ob_account', 'ob_number', 'ob_calmsg', 'ob_a2p') then
    raise exception 'ob_save: % is not a section table', p_section;
  end if;
  -- Locking the flow row first serialises every writer of this tenant (saves, jobs, ob_advance).
  select * into f from ob_flow where tenant_id = p_tenant for update;
  if not found then return jsonb_build_object('closed', true, 'phase', null); end if; -- (a session from another database)
  if f.phase >= 'FINALIZE' then
    raise exception using errcode = 'OB409', message = 'You have pressed Finish: your business is moving to your dashboard, where you can change it.';
  end if;
  if f.phase < p_opens_at then return jsonb_build_object('closed', true, 'phase', f.phase); end if;
  if f.version <> p_version then return jsonb_build_object('stale', true, 'version', f.version); end if;
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
    values (p_tenant, substr(p_section, 4) || '.saved', jsonb_build_object('fields', to_jsonb(coalesce(p_names, '{}')), 'version', f.version, 'job', p_job->>'key'));
  if p_advance then
    perform ob_advance(p_tenant);
    select * into f from ob_flow where tenant_id = p_tenant;
  end if;
  -- The derived columns are ob_wizard_state's answer (a test holds them together).
  return jsonb_build_object('phase', f.phase, 'completion', f.completion, 'blockers', f.blockers,
    'textingEligible', f.texting_eligible, 'version', f.version);
end $$;

---------------------------------------------------------------------------------------------------
-- The copier gives back the revision of the snapshot it copied: a tenant changed since (a job's
-- result, a subscription webhook) is not marked COMPLETE, and the copier copies it again.

drop function ob_mark_complete(uuid);
create function ob_mark_complete(p_tenant_id uuid, p_revision bigint) returns boolean
language plpgsql volatile security definer set search_path = public, pg_temp as $$
begin
  update ob_flow set phase = 'COMPLETE', completed_at = now()
  where tenant_id = p_tenant_id and phase = 'FINALIZE' and revision = p_revision;
  if not found then return false; end if;
  insert into ob_event (tenant_id, event_type, data) values (p_tenant_id, 'flow.completed', jsonb_build_object('revision', p_revision));
  return true;
end $$;
comment on function ob_mark_complete(uuid, bigint) is 'The copier''s only write: FINALIZE -> COMPLETE, only for the revision of the snapshot it copied (flow.revision); false when the tenant is not in FINALIZE or changed since (copy it again).';
revoke execute on function ob_mark_complete(uuid, bigint) from public;
grant execute on function ob_mark_complete(uuid, bigint) to ob_copier;

create or replace function ob_snapshot_version() returns integer language sql immutable as $$ select 3 $$;

create or replace view ob_snapshot with (security_barrier = false) as
select
  f.tenant_id, f.phase, f.texting_eligible,
  jsonb_build_object(
    'schemaVersion', ob_snapshot_version(),
    'tenantId', f.tenant_id,
    'flow', jsonb_build_object('phase', f.phase, 'revision', f.revision, 'textingEligible', f.texting_eligible, 'numberState', f.number_state,
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
comment on view ob_snapshot is 'One JSON document per tenant for the copier service (schemaVersion ob_snapshot_version()). LISTEN ob_finalize, copy the rows with phase = FINALIZE, then call ob_mark_complete(tenant_id, snapshot->flow->revision); false: copy again.';
