--! Previous: sha1:8ae40bcaa84bd6ff18399ca860316046c958c849
--! Hash: sha1:4537ea809973be8b70d95617af77d4fe519ae1fe
--! Message: not app policy evaluated once a statement

-- The <table>_not_app policies of migration 000015 called pg_has_role for every row a statement
-- reads: a full scan of 200k ob_event rows as a login with the owner's rights (the worker in
-- production, not a superuser) took 127 ms against 22 ms. As a scalar subquery it is one InitPlan,
-- evaluated once a statement; who passes is unchanged.

do $$
declare t text;
begin
  foreach t in array array['ob_flow', 'ob_account', 'ob_number', 'ob_calmsg', 'ob_a2p', 'ob_employee', 'ob_event'] loop
    execute format('alter policy %I on %I using ((select not pg_has_role(current_user, ''ob_app'', ''MEMBER''))) with check ((select not pg_has_role(current_user, ''ob_app'', ''MEMBER'')))', t || '_not_app', t);
  end loop;
end $$;
