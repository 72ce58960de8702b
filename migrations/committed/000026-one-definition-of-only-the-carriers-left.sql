--! Previous: sha1:f6169cfb77269baa114d109d1ea9f2e45904771c
--! Hash: sha1:7730bcda8468b29332f857e3d4f99c7c70378c3c
--! Message: One definition of only the carriers left

-- "Only the carriers' answer is left" had two definitions: ob_finish's, and the summary page's own
-- in TypeScript. One function now answers both.
create function ob_only_carriers_left(f ob_flow) returns boolean
language sql stable set search_path = public, pg_temp as $$
  select f.phase = 'A2P' and f.blockers = '["A2P_PENDING"]'::jsonb
$$;
comment on function ob_only_carriers_left(ob_flow) is 'Whether the flow waits for nothing but the carriers'' review: Finish is then recorded (ob_finish) and the summary says setup finishes by itself.';

create or replace function ob_finish(p_tenant uuid) returns text
language plpgsql volatile security definer set search_path = public, pg_temp as $$
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
end $$;
