--! Previous: sha1:873c528d3050890991bcf7cd8bb01f7101a258e1
--! Hash: sha1:0dd9af2ed056d41895cde2e7ac54f0decc63669f
--! Message: hardening and speed

-- Hardening and speed: a save in one round trip (ob_save), and tenant isolation in the database.

---------------------------------------------------------------------------------------------------
-- The save engine's database part in one statement: lock the flow (its version bump), check the
-- version and that the page is open, merge the submitted columns into the section row, enqueue
-- the save's job, log the field names, advance on Continue, and return the standard shape. The
-- TypeScript side validates first (the page's Zod schema); the app's column grants are the
-- whitelist here too, so this security definer function writes nothing the app could not.

create function ob_save(p_tenant uuid, p_version integer, p_section text, p_fields jsonb, p_names text[],
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
comment on function ob_save(uuid, integer, text, jsonb, text[], jsonb, boolean, ob_phase) is 'One save in one statement: version check and lock, page open, the submitted columns (only those ob_app may update), the job, the event, ob_advance on Continue; returns the standard shape, or {stale, version} / {closed, phase} with nothing written.';
revoke execute on function ob_save(uuid, integer, text, jsonb, text[], jsonb, boolean, ob_phase) from public;
grant execute on function ob_save(uuid, integer, text, jsonb, text[], jsonb, boolean, ob_phase) to ob_app;

-- A section change re-derives its flow row, except within ob_save, which re-derives it once itself.
create or replace function ob_section_changed() returns trigger
language plpgsql security definer set search_path = public, pg_temp as $$
begin
  if current_setting('ob.saving', true) = 'on' then return null; end if;
  update ob_flow set updated_at = now() where tenant_id = coalesce(new.tenant_id, old.tenant_id);
  return null;
end $$;

-- Every save of the Account row passed through this; with nothing defaulted it has nothing to do,
-- and otherwise each row is turned into JSON once, not once per defaulted column.
create or replace function ob_account_undefault() returns trigger language plpgsql as $$
declare n jsonb; o jsonb;
begin
  if current_setting('ob.prefilling', true) = 'on' or cardinality(new.defaulted) = 0 then return new; end if;
  n := to_jsonb(new);
  o := to_jsonb(old);
  new.defaulted := array(select d from unnest(new.defaulted) d where n -> d is not distinct from o -> d);
  return new;
end $$;

---------------------------------------------------------------------------------------------------
-- Tenant isolation in PostgreSQL. The web app connects as a login in ob_app (never the tables'
-- owner, never a superuser) and opens each transaction it runs for a tenant with
-- set_config('ob.tenant_id', <tenant>, true); row-level security then shows and lets it change that
-- tenant's rows only, even for a statement that forgets its "where tenant_id = ...". A transaction
-- that named no tenant sees nothing. The worker (the tables' owner) and the copier (the ob_snapshot
-- view, which runs with its owner's rights) are not subject to these policies.

create function ob_current_tenant() returns uuid language sql stable parallel safe as $$
  select nullif(current_setting('ob.tenant_id', true), '')::uuid
$$;
comment on function ob_current_tenant() is 'The tenant the current transaction runs for (set_config(''ob.tenant_id'', ..., true)); null when none was named.';

do $$
declare t text;
begin
  foreach t in array array['ob_flow', 'ob_account', 'ob_number', 'ob_calmsg', 'ob_a2p', 'ob_employee', 'ob_event'] loop
    execute format('alter table %I enable row level security', t);
    execute format('create policy %I on %I for select to ob_app using (tenant_id = ob_current_tenant())', t || '_select', t);
    execute format('create policy %I on %I for insert to ob_app with check (tenant_id = ob_current_tenant())', t || '_insert', t);
    execute format('create policy %I on %I for update to ob_app using (tenant_id = ob_current_tenant()) with check (tenant_id = ob_current_tenant())', t || '_update', t);
    execute format('create policy %I on %I for delete to ob_app using (tenant_id = ob_current_tenant())', t || '_delete', t);
  end loop;
end $$;

-- The views run with their owner's rights, past the policies: the web app no longer reads them.
-- It reads its own tenant's snapshot through this function, which takes the tenant from the
-- transaction, not from an argument.
revoke select on ob_snapshot, ob_outbox from ob_app;
create function ob_tenant_snapshot() returns jsonb
language sql stable security definer set search_path = public, pg_temp as $$
  select snapshot from ob_snapshot where tenant_id = ob_current_tenant()
$$;
comment on function ob_tenant_snapshot() is 'The snapshot of the tenant the transaction runs for (the summary page); nothing when it named none.';
revoke execute on function ob_tenant_snapshot() from public;
grant execute on function ob_tenant_snapshot() to ob_app;

-- Before a request knows its tenant: the owner's tenant of a signed-in identity, and the tenant of a
-- Stripe customer (the signed subscription webhook). Each answers one id, nothing more.
create function ob_tenant_of_user(p_user text) returns uuid
language sql stable security definer set search_path = public, pg_temp as $$
  select tenant_id from ob_employee where clerk_user_id = p_user and role = 'owner'
$$;
comment on function ob_tenant_of_user(text) is 'The tenant a signed-in owner (Clerk user id) owns; null before their first visit.';
revoke execute on function ob_tenant_of_user(text) from public;
grant execute on function ob_tenant_of_user(text) to ob_app;

create function ob_tenant_of_customer(p_customer text) returns uuid
language sql stable security definer set search_path = public, pg_temp as $$
  select tenant_id from ob_flow where stripe_customer_id = p_customer
$$;
comment on function ob_tenant_of_customer(text) is 'The tenant of a Stripe customer, for its signed subscription webhooks.';
revoke execute on function ob_tenant_of_customer(text) from public;
grant execute on function ob_tenant_of_customer(text) to ob_app;
