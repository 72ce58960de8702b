--! Previous: sha1:77ff5e82c0bc0001991f325d10594b28aa2ea46d
--! Hash: sha1:8a84267877c5660abf5fcd1974612c28929252a0
--! Message: The owner's language for mail; one notify trigger function

-- Issue 22, part 1: the owner's language, kept on the flow row so that the mails (written by the
-- worker, long after the page) speak it. Set by the page's language button only.
alter table ob_flow add column if not exists owner_lang text not null default 'en'
  constraint ob_flow_owner_lang_check check (owner_lang in ('en', 'es'));
comment on column ob_flow.owner_lang is 'The language the owner reads the wizard in (en, es): the mails to them are in it.';

create or replace function ob_set_owner_lang(p_tenant uuid, p_lang text) returns void
  language plpgsql security definer set search_path = public, pg_temp as $$
begin
  perform ob_assert_tenant(p_tenant);
  update ob_flow set owner_lang = p_lang where tenant_id = p_tenant and phase <> 'COMPLETE' and owner_lang is distinct from p_lang;
end $$;
comment on function ob_set_owner_lang(uuid, text) is 'The page''s language button: the owner''s mails follow it from now on (nothing changes once onboarding is complete).';
revoke execute on function ob_set_owner_lang(uuid, text) from public;
grant execute on function ob_set_owner_lang(uuid, text) to ob_app;

-- One notifying trigger function for both channels (the channel is the trigger's argument):
-- ob_finalize for the copier, ob_changed for the open pages.
create or replace function ob_notify() returns trigger language plpgsql as $$
begin
  perform pg_notify(tg_argv[0], new.tenant_id::text);
  return null;
end $$;
comment on function ob_notify() is 'Trigger: NOTIFY the channel named by the trigger''s argument with the written flow row''s tenant (ob_finalize for the copier, ob_changed for the owner''s open pages).';

create or replace trigger _910_finalize after update of phase on ob_flow
  for each row when (new.phase = 'FINALIZE' and old.phase is distinct from 'FINALIZE')
  execute function ob_notify('ob_finalize');
create or replace trigger _920_changed after insert or update on ob_flow
  for each row execute function ob_notify('ob_changed');
drop function if exists ob_notify_finalize();
drop function if exists ob_notify_changed();
comment on trigger _910_finalize on ob_flow is 'After the move to FINALIZE: NOTIFY ob_finalize with the tenant id, for the copier.';
comment on trigger _920_changed on ob_flow is 'After each write of a flow row: NOTIFY ob_changed with its tenant, for the owner''s open pages.';
