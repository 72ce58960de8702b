--! Previous: sha1:82e72b2d90ef47711f15491761414cdfd48f3613
--! Hash: sha1:6ed66191f1aa3d1c4807e2b2d059cd7224020b02
--! Message: Health

-- Readiness (issue 20, part 2): the web server answers /readyz only when the database has the
-- migrations its build expects. The app's role cannot read graphile-migrate's own table; this
-- says the latest applied migration's file name, nothing else.
create function ob_schema_version() returns text
language sql stable security definer set search_path = public, pg_temp as $$
  select filename from graphile_migrate.migrations order by filename desc limit 1
$$;
comment on function ob_schema_version() is 'The latest migration applied (its file name, e.g. 000029-health.sql): /readyz compares it with the build''s.';
revoke execute on function ob_schema_version() from public;
grant execute on function ob_schema_version() to ob_app;
