--! Previous: sha1:e77c3d5170472fff09e22539061b69a5e97ee525
--! Hash: sha1:644610b089c6ee4adc04cf378e152add656bacce
--! Message: Mail to the owner and finishing by itself

-- The registration's weeks (issue 19): mail to the owner at each step, and onboarding that
-- finishes by itself once carriers approve.
--
-- Each mail is a row of ob_mail, keyed by tenant and event ('submitted:2', 'approved'): inserted
-- once, with its send_mail job in the same transaction, so a mail is queued once however often the
-- event is recorded, and several workers never send it twice.

create table ob_mail (
  tenant_id uuid not null references ob_flow on delete cascade,
  key text not null check (key ~ '^[a-z_]{1,20}(:[0-9]{1,6})?$'),
  kind text not null check (kind in ('submitted', 'otp', 'approved', 'rejected', 'in_review', 'reminder')),
  state text not null default 'queued' check (state in ('queued', 'sent', 'refused')),
  to_email text check (ob_is_email(to_email)),
  message_id text check (char_length(message_id) <= 300),
  error text check (char_length(error) <= 500),
  queued_at timestamptz not null default now(),
  sent_at timestamptz,
  primary key (tenant_id, key)
);
comment on table ob_mail is 'Mail to the owner, one row per tenant and event (key), queued with its send_mail job; state sent once the SMTP server accepted it, refused when it refused the address for good.';
comment on column ob_mail.key is 'The event: kind, and the submission or reminder number where there can be several (submitted:2, reminder:1).';
create index ob_mail_kind on ob_mail (kind, tenant_id);

alter table ob_mail enable row level security;
alter table ob_mail force row level security;
create policy ob_mail_select on ob_mail for select to ob_app using (tenant_id = ob_current_tenant());
create policy ob_mail_not_app on ob_mail for all to public
  using ((select not pg_has_role(current_user, 'ob_app', 'MEMBER'))) with check ((select not pg_has_role(current_user, 'ob_app', 'MEMBER')));
grant select on ob_mail to ob_app;

alter table ob_flow
  add column review_first boolean not null default false,
  add column finish_requested_at timestamptz,
  add column reminders_off_at timestamptz;
comment on column ob_flow.review_first is 'The owner asked to look everything over before it finishes: no finishing by itself on approval unless they pressed Finish (finish_requested_at).';
comment on column ob_flow.finish_requested_at is 'The owner pressed Finish while carriers were still reviewing: it finishes on approval.';
comment on column ob_flow.reminders_off_at is 'The owner turned reminder mails off (the link in each reminder).';

insert into ob_job_task (task, description) values ('send_mail', 'Sends one ob_mail row to the owner over SMTP (tasks/send_mail.ts).');

create function ob_mail_queue(p_tenant uuid, p_kind text, p_key text) returns boolean
language plpgsql volatile security definer set search_path = public, pg_temp as $$
begin
  perform ob_assert_tenant(p_tenant);
  insert into ob_mail (tenant_id, key, kind) values (p_tenant, p_key, p_kind) on conflict do nothing;
  if not found then return false; end if;
  perform graphile_worker.add_job('send_mail', json_build_object('tenantId', p_tenant, 'key', p_key), job_key => format('ob:mail:%s:%s', p_tenant, p_key));
  return true;
end $$;
comment on function ob_mail_queue(uuid, text, text) is 'Queues a mail for an event once: the ob_mail row and its send_mail job, or nothing when that event''s mail exists. True when queued.';
revoke execute on function ob_mail_queue(uuid, text, text) from public;

-- The registration's events, as ob_a2p records them (recordStep, ob_a2p_submit).
create function ob_a2p_mail() returns trigger
language plpgsql security definer set search_path = public, pg_temp as $$
begin
  if new.submission_count > coalesce(old.submission_count, 0) then
    perform ob_mail_queue(new.tenant_id, 'submitted', 'submitted:' || new.submission_count);
  end if;
  if new.brand_type = 'SOLE_PROP' and new.identity_status = 'UNVERIFIED' and old.identity_status is distinct from 'UNVERIFIED' then
    perform ob_mail_queue(new.tenant_id, 'otp', 'otp:' || new.submission_count);
  end if;
  if (new.brand_phase = 'FAILED' and old.brand_phase is distinct from 'FAILED')
     or (new.campaign_phase = 'REJECTED' and old.campaign_phase is distinct from 'REJECTED')
     or (new.binding_phase = 'FAILED' and old.binding_phase is distinct from 'FAILED') then
    perform ob_mail_queue(new.tenant_id, 'rejected', 'rejected:' || new.submission_count);
  end if;
  return null;
end $$;
comment on function ob_a2p_mail() is 'Trigger: queues the Submitted, code (sole proprietors) and Rejected mails as ob_a2p records those events.';
create trigger ob_a2p_mail after update on ob_a2p for each row execute function ob_a2p_mail();

-- Approval: in the transaction that records it, the approved mail, and the move to FINALIZE
-- through Finish's own guard (ob_advance with finish, ob_can_finish), unless the owner asked to
-- review first and has not pressed Finish.
create function ob_flow_approved() returns trigger
language plpgsql security definer set search_path = public, pg_temp as $$
begin
  -- A registration is submitted, so approved, only in A2P (fixtures that write a finished tenant are not).
  if new.phase <> 'A2P' then return null; end if;
  if not new.review_first or new.finish_requested_at is not null then
    perform ob_advance(new.tenant_id, true);
  end if;
  perform ob_mail_queue(new.tenant_id, 'approved', 'approved');
  return null;
end $$;
comment on function ob_flow_approved() is 'Trigger: when texting becomes eligible, finishes onboarding by Finish''s guard (unless the owner chose to review first) and queues the approved mail.';
create trigger ob_flow_approved after update on ob_flow for each row
  when (new.texting_eligible and not old.texting_eligible) execute function ob_flow_approved();

-- Finish: at once when its guard holds; while carriers are still reviewing (nothing else in the
-- way), recorded, so it finishes on approval; else refused, with nothing changed.
create function ob_finish(p_tenant uuid) returns text
language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare f ob_flow;
begin
  perform ob_assert_tenant(p_tenant);
  perform ob_advance(p_tenant, true);
  select * into f from ob_flow where tenant_id = p_tenant for update;
  if f.phase >= 'FINALIZE' then return 'finished'; end if;
  if f.phase = 'A2P' and f.blockers = array['A2P_PENDING'] then
    update ob_flow set finish_requested_at = coalesce(finish_requested_at, now()) where tenant_id = p_tenant;
    return 'requested';
  end if;
  return 'refused';
end $$;
comment on function ob_finish(uuid) is 'The summary''s Finish: finished (FINALIZE), requested (only the carriers'' review left: it finishes on approval), or refused.';
revoke execute on function ob_finish(uuid) from public;
grant execute on function ob_finish(uuid) to ob_app;

create function ob_set_review_first(p_tenant uuid, p_on boolean) returns void
language plpgsql volatile security definer set search_path = public, pg_temp as $$
begin
  perform ob_assert_tenant(p_tenant);
  update ob_flow set review_first = p_on, finish_requested_at = case when p_on then null else finish_requested_at end
  where tenant_id = p_tenant and phase < 'FINALIZE';
end $$;
comment on function ob_set_review_first(uuid, boolean) is 'The summary''s "let me check everything first": on, onboarding waits for Finish after approval (an earlier Finish request is withdrawn).';
revoke execute on function ob_set_review_first(uuid, boolean) from public;
grant execute on function ob_set_review_first(uuid, boolean) to ob_app;

create function ob_reminders_off(p_tenant uuid) returns void
language plpgsql volatile security definer set search_path = public, pg_temp as $$
begin
  perform ob_assert_tenant(p_tenant);
  update ob_flow set reminders_off_at = coalesce(reminders_off_at, now()) where tenant_id = p_tenant;
end $$;
comment on function ob_reminders_off(uuid) is 'The reminder mail''s link: no more reminders for this tenant.';
revoke execute on function ob_reminders_off(uuid) from public;
grant execute on function ob_reminders_off(uuid) to ob_app;

-- The hourly sweep (graphile-worker's crontab runs it once an hour across all workers): reminders
-- for owners who stopped before Submit (24 h after their last save, then 3 days after the
-- previous reminder, 3 at most, none once reminders are off or the tenant is past the wizard), and
-- the "still in review" mail 7 days after a submission that carriers have not answered.
create function ob_mail_sweep() returns integer
language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare queued integer := 0; r record;
begin
  for r in
    select f.tenant_id, coalesce(m.sent, 0) + 1 as n
    from ob_flow f
    join ob_a2p a on a.tenant_id = f.tenant_id
    left join lateral (select count(*) as sent, max(queued_at) as last from ob_mail where tenant_id = f.tenant_id and kind = 'reminder') m on true
    where f.phase < 'FINALIZE' and a.submission_count = 0 and f.reminders_off_at is null and coalesce(m.sent, 0) < 3
      and greatest(f.created_at, (select max(ts) from ob_event e where e.tenant_id = f.tenant_id and e.event_type like '%.saved'))
          < now() - interval '24 hours'
      and (m.last is null or m.last < now() - interval '3 days')
  loop
    if ob_mail_queue(r.tenant_id, 'reminder', 'reminder:' || r.n) then queued := queued + 1; end if;
  end loop;
  for r in
    select a.tenant_id, a.submission_count from ob_a2p a join ob_flow f on f.tenant_id = a.tenant_id
    where a.submission_count > 0 and a.submitted_at < now() - interval '7 days' and not f.texting_eligible and f.phase = 'A2P'
      and not coalesce(a.brand_phase = 'FAILED' or a.campaign_phase = 'REJECTED' or a.binding_phase = 'FAILED', false)
  loop
    if ob_mail_queue(r.tenant_id, 'in_review', 'in_review:' || r.submission_count) then queued := queued + 1; end if;
  end loop;
  return queued;
end $$;
comment on function ob_mail_sweep() is 'Queues the reminders and the still-in-review mails that are due; returns how many. Run hourly by the worker''s crontab.';
revoke execute on function ob_mail_sweep() from public;

create function ob_mail_done(p_tenant uuid, p_key text, p_state text, p_to text, p_message_id text, p_error text) returns void
language sql volatile security definer set search_path = public, pg_temp as $$
  update ob_mail set state = p_state, to_email = p_to, message_id = p_message_id, error = left(p_error, 500),
    sent_at = case when p_state = 'sent' then now() end
  where tenant_id = p_tenant and key = p_key;
$$;
comment on function ob_mail_done(uuid, text, text, text, text, text) is 'Records a mail''s outcome: sent (the SMTP server accepted it) or refused (the address, for good).';
revoke execute on function ob_mail_done(uuid, text, text, text, text, text) from public;
