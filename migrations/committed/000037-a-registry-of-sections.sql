--! Previous: sha1:6b1fe6c8c17076879f85d53ada3903ec0511ea1e
--! Hash: sha1:677eb5f030edb75b73b84359b75dccb70aaf8d81
--! Message: A registry of sections

-- Issue 21, part 1: the wizard's sections in one registry. A page's migration creates its table and
-- its two functions (ob_state_<page>, ob_snapshot_<page>), grants the columns an owner may set, and
-- calls ob_register_section: that adds the policies, the shared triggers, the grant to read, a row
-- for every tenant, and rebuilds the functions and the view that put the sections together. Before,
-- each new section copied the latest bodies of about nine shared objects.

create table ob_section (
  page text primary key check (page ~ '^[a-z][a-z0-9_]{1,30}$'),
  tbl regclass not null unique,
  position integer not null unique check (position between 1 and 50),
  state regprocedure not null,
  snapshot regprocedure not null
);
comment on table ob_section is 'The wizard''s sections in page order: the table of each, its state function and its snapshot function (ob_register_section adds one).';
comment on column ob_section.page is 'The page id (app/wizard.ts), also the section''s key in completion and in the snapshot.';
comment on column ob_section.tbl is 'The section''s table: one row per tenant, keyed by tenant_id.';
comment on column ob_section.position is 'The page''s place in the wizard: blockers are listed in this order.';
comment on column ob_section.state is 'ob_state_<page>(ob_flow) returning ob_section_state: the page''s completion and blocker codes.';
comment on column ob_section.snapshot is 'ob_snapshot_<page>(row[, ob_flow]) returning jsonb: what the copier reads of the page.';

-- The rows of every registered section a tenant lacks, as their tables' defaults.
create function ob_section_rows(p_tenant uuid) returns void
language plpgsql set search_path = public, pg_temp as $$
declare s ob_section;
begin
  for s in select * from ob_section order by position loop
    execute format('insert into %s (tenant_id) values ($1) on conflict (tenant_id) do nothing', s.tbl) using p_tenant;
  end loop;
end $$;
comment on function ob_section_rows(p_tenant uuid) is 'Gives a tenant a row, as the table''s defaults, in each registered section it has none of (ob_ensure_tenant, ob_register_section).';

-- What reads every section is generated from the registry, so the save path stays plain SQL
-- (a plan kept per session) rather than one dynamic statement per section per save.
create function ob_sections_rebuilt() returns void
language plpgsql set search_path = public, pg_temp as $rebuild$
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
end $rebuild$;
comment on function ob_sections_rebuilt() is 'Rewrites ob_compute_state, the ob_snapshot view and the default completion from ob_section (ob_register_section calls it).';

create function ob_register_section(p_page text, p_table regclass, p_position integer, p_state regprocedure, p_snapshot regprocedure)
returns void language plpgsql set search_path = public, pg_temp as $$
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
end $$;
comment on function ob_register_section(p_page text, p_table regclass, p_position integer, p_state regprocedure, p_snapshot regprocedure) is 'Adds (or updates) a section of the wizard: its registry row, row-level security, the shared triggers, the read grant, the rebuilt state and snapshot, and a row for every tenant not yet copied.';
revoke execute on function ob_register_section(text, regclass, integer, regprocedure, regprocedure) from public;
revoke execute on function ob_sections_rebuilt() from public;
revoke execute on function ob_section_rows(uuid) from public;

select ob_register_section('account', 'ob_account', 1, 'ob_state_account(ob_flow)', 'ob_snapshot_account(ob_account, ob_flow)');
select ob_register_section('number', 'ob_number', 2, 'ob_state_number(ob_flow)', 'ob_snapshot_number(ob_number)');
select ob_register_section('calmsg', 'ob_calmsg', 3, 'ob_state_calmsg(ob_flow)', 'ob_snapshot_calmsg(ob_calmsg)');
select ob_register_section('a2p', 'ob_a2p', 4, 'ob_state_a2p(ob_flow)', 'ob_snapshot_a2p(ob_a2p)');

-- Finish's guard reads the sections from completion, which ob_compute_state builds from the registry.
create or replace function ob_can_finish(f ob_flow) returns boolean
language plpgsql stable set search_path = public, pg_temp as $$
declare s ob_state := ob_compute_state(f);
begin
  return s.texting_eligible and f.email_verified and f.mobile_verified and f.stripe_active
    and not exists (select 1 from jsonb_each(s.completion) c where c.value <> '100'::jsonb)
    and not s.blockers ? 'NUMBER_CHANGING';
end $$;
comment on function ob_compute_state(f ob_flow) is 'Completion, blockers (in page order) and texting eligibility of a flow row: the ob_state_<page> functions of ob_section put together (generated by ob_sections_rebuilt).';

create or replace function ob_save(p_tenant uuid, p_version integer, p_section text, p_fields jsonb, p_names text[], p_job jsonb, p_advance boolean, p_opens_at ob_phase, p_submission text DEFAULT NULL::text, p_tab text DEFAULT NULL::text)
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
    raise exception using errcode = 'OB409', message = 'You have pressed Finish: your business is moving to your dashboard, where you can change it.';
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

create or replace function ob_ensure_tenant(p_clerk_user_id text, p_email text, p_mobile_e164 text, p_owner_name text, p_stripe_customer_id text, p_stripe_account_id text)
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
