--! Previous: sha1:87164549dd74393648ec1ea44037de98e134e4a9
--! Hash: sha1:f197ac00ed61e200b2981b6be07d67e188a45c16
--! Message: A tab behind its own saves is not another tab

-- A version check guards against another tab (or device) saving over what this page showed. The
-- owner's own tab reloaded while one of its autosaves was in flight met it too: the new page read
-- the version before that save committed, and its next save was refused as "changed in another tab".
-- A tab now names itself (a UUID kept in its sessionStorage, with JavaScript; without it nothing is
-- in flight when a page loads): when every version since the page's is a save of this very tab, the
-- save goes on.
create function ob_own_saves(p_tenant uuid, p_from integer, p_to integer, p_tab text) returns boolean
language sql stable set search_path = public, pg_temp as $$
  select p_tab is not null and p_to > p_from and (
    select count(distinct (data->>'version')::int) from ob_event
    where tenant_id = p_tenant and ts > now() - interval '1 hour' and event_type like '%.saved'
      and data->>'tab' = p_tab and (data->>'version')::int > p_from and (data->>'version')::int <= p_to) = p_to - p_from
$$;
comment on function ob_own_saves(uuid, integer, integer, text) is 'Whether every version after p_from up to p_to is a save of the tab p_tab (within the hour): that tab''s page is not stale, only behind its own saves.';
revoke execute on function ob_own_saves(uuid, integer, integer, text) from public;
grant execute on function ob_own_saves(uuid, integer, integer, text) to ob_app;

drop function ob_save(uuid, integer, text, jsonb, text[], jsonb, boolean, ob_phase, text);
create function ob_save(p_tenant uuid, p_version integer, p_section text, p_fields jsonb, p_names text[],
                        p_job jsonb, p_advance boolean, p_opens_at ob_phase, p_submission text default null, p_tab text default null) returns jsonb
language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare f ob_flow; cols text; bad text; from_version integer := p_version;
begin
  if p_section not in ('ob_account', 'ob_number', 'ob_calmsg', 'ob_a2p') then
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
end $$;

comment on function ob_save(uuid, integer, text, jsonb, text[], jsonb, boolean, ob_phase, text, text) is 'One save in one statement: version check and lock, page open, the submitted columns (only those ob_app may update), the job, the event (with the submission''s digest and the tab), ob_advance on Continue; returns the standard shape, or {stale, version} / {closed, phase} with nothing written (not stale when every version since is this tab''s own save), or the standard shape with replay when this exact submission was already saved from this version.';
revoke execute on function ob_save(uuid, integer, text, jsonb, text[], jsonb, boolean, ob_phase, text, text) from public;
grant execute on function ob_save(uuid, integer, text, jsonb, text[], jsonb, boolean, ob_phase, text, text) to ob_app;
