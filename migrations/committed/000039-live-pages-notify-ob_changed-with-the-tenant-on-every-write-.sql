--! Previous: sha1:292cd455438b3a769ad6f1ecb704c7ff9454ee6d
--! Hash: sha1:77ff5e82c0bc0001991f325d10594b28aa2ea46d
--! Message: Live pages: NOTIFY ob_changed with the tenant on every write of its flow row

-- Live pages (issue 22, part 4): everything an owner's page shows is in a section or the flow row,
-- and every write of a section touches the tenant's flow row (a save by its version bump, any other
-- write through _800_changed). So one notification per written flow row tells the web processes
-- which tenant's open pages to read again. PostgreSQL sends a transaction's repeats of the same
-- payload once, at commit, and none for a transaction rolled back.
create or replace function ob_notify_changed() returns trigger language plpgsql as $$
begin
  perform pg_notify('ob_changed', new.tenant_id::text);
  return null;
end $$;
comment on function ob_notify_changed() is 'NOTIFY ob_changed with the tenant of the written flow row: the web processes pass it to that tenant''s open pages (server-sent events), which then read their data again.';

create or replace trigger _920_changed after insert or update on ob_flow
  for each row execute function ob_notify_changed();
comment on trigger _920_changed on ob_flow is 'After each write of a flow row: NOTIFY ob_changed with its tenant, for the owner''s open pages.';
