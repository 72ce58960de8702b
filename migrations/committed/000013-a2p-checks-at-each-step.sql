--! Previous: sha1:402fdb3bea3a3ee47012d1d7e58c3a9c035a2b6b
--! Hash: sha1:9bcabb76d2540518070436c0e76092b4db8868d2
--! Message: a2p checks at each step

-- Edits after Submit (issue 18, item 4): the checks run in ob_a2p_submit, and a step sent days
-- later (the campaign, once the brand is vetted) would send whatever was saved since. Each step
-- asks this first: the same blocker codes as the page, without the registration's own state.

create function ob_a2p_unsendable(t uuid) returns text[]
language sql stable set search_path = public, pg_temp as $$
  select array(select b from unnest((ob_state_a2p(f)).blockers) b
    where b not in ('SUBMIT_A2P', 'A2P_REJECTED', 'A2P_PENDING', 'CONFIRM_OTP'))
  from ob_flow f where f.tenant_id = t
$$;
comment on function ob_a2p_unsendable(uuid) is 'The page''s blocker codes that stand in the way of sending the registration as saved now (the checks carriers reject on, a missing field, WEBSITE_CHECKING); empty: the a2p_step may send it.';
