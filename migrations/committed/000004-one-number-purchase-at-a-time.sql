--! Previous: sha1:b6cdfe17cde772003ac872e87febc02d8fa5c8b2
--! Hash: sha1:87a3a5c0eb569b7735b92d98827525042b0a1b17
--! Message: one number purchase at a time

-- Defects found by outside testing of the Number page: at most one purchase in flight per tenant,
-- a purchase stranded by a dead worker taken up again, and a cap on "Change number".

-- One purchase key at a time. provision_number claims the key before it calls the provider
-- (purchase_open) and closes it with the provider's answer; a key left open (a crash, a timeout)
-- is replayed with the same body before anything else, so the provider never sells twice.
alter table ob_number
  add column purchase_area_code text check (purchase_area_code ~ '^[2-9][0-9]{2}$'),
  add column purchase_open boolean not null default false,
  add column e164_generation integer check (e164_generation >= 0);
comment on column ob_number.purchase_area_code is 'The area code the current purchase key (ob:prov:<tenantId>[:<number_generation>]) was first sent with; the key is never sent with another.';
comment on column ob_number.purchase_open is 'A purchase was sent under the current key and its answer is not recorded (in flight, or lost to a crash): the next attempt replays it.';
comment on column ob_number.e164_generation is 'The key generation e164 was bought under; below number_generation while a new number is wanted ("Change number").';
update ob_number set e164_generation = number_generation where e164 is not null;

-- Jobs may name a queue: jobs of one queue run one at a time (one purchase per tenant at once).
drop function ob_enqueue(text, json, text);
create function ob_enqueue(p_task text, p_payload json, p_job_key text, p_queue text default null) returns void
language plpgsql volatile security definer set search_path = public, pg_temp as $$
begin
  if p_task !~ '^[a-z][a-z0-9_]{0,62}$' or p_job_key !~ '^ob:' or p_queue !~ '^ob:' then
    raise exception 'invalid onboarding job % / % / %', p_task, p_job_key, p_queue using errcode = 'check_violation';
  end if;
  perform graphile_worker.add_job(p_task, p_payload, queue_name => p_queue, job_key => p_job_key);
end $$;
revoke execute on function ob_enqueue(text, json, text, text) from public;
grant execute on function ob_enqueue(text, json, text, text) to ob_app;
comment on function ob_enqueue(text, json, text, text) is 'Enqueues an onboarding job (job key = provider Idempotency-Key; jobs of one queue run one at a time) in the caller''s transaction.';

-- "Change number": at most p_daily_cap changes per tenant in 24 hours, and not while a new number
-- is on its way. Refusals carry SQLSTATE OB4xx and a sentence for the owner (the page shows it).
create function ob_request_number_change(p_tenant_id uuid, p_area_code text, p_daily_cap integer) returns void
language plpgsql volatile set search_path = public, pg_temp as $$
declare n ob_number; changes integer;
begin
  select * into n from ob_number where tenant_id = p_tenant_id for update;
  if n.e164 is null then
    raise exception 'You do not have a number to change yet.' using errcode = 'OB409';
  end if;
  if n.e164_generation < n.number_generation then
    raise exception 'Your new number is already on its way; wait for it before changing again.' using errcode = 'OB409';
  end if;
  select count(*) into changes from ob_event
    where tenant_id = p_tenant_id and event_type = 'number.change_requested' and ts > now() - interval '24 hours';
  if changes >= p_daily_cap then
    raise exception 'You have changed your number % times in the last 24 hours; you can change it again tomorrow.', changes using errcode = 'OB429';
  end if;
  update ob_number set number_generation = number_generation + 1, purchase_area_code = null, purchase_open = false,
    area_code = p_area_code, provision_requested_at = now(), provision_error = null
  where tenant_id = p_tenant_id;
  insert into ob_event (tenant_id, event_type, data) values (p_tenant_id, 'number.change_requested', jsonb_build_object('areaCode', p_area_code));
end $$;
grant execute on function ob_request_number_change(uuid, text, integer) to ob_app;
comment on function ob_request_number_change(uuid, text, integer) is 'Asks for a new number (next purchase key), refused (OB429) past the daily cap and (OB409) while one is on its way.';

-- graphile-worker frees jobs locked by a dead worker only after 4 hours. Each live worker process
-- holds a connection named ob-worker:<its pool id>; jobs locked by a pool with no such connection
-- (a worker killed or crashed) are unlocked for another worker. The worker calls this every few
-- seconds; `p_grace` covers the moment between a pool's start and its connection.
create function ob_unlock_dead_workers(p_grace interval default interval '10 seconds') returns integer
language plpgsql volatile set search_path = public, pg_temp as $$
declare dead text[];
begin
  select array_agg(distinct j.locked_by) into dead
  from graphile_worker.jobs j
  where j.locked_by is not null and j.locked_at < now() - p_grace
    and not exists (select 1 from pg_stat_activity a where a.application_name = 'ob-worker:' || j.locked_by);
  if dead is null then return 0; end if;
  perform graphile_worker.force_unlock_workers(dead);
  return cardinality(dead);
end $$;
comment on function ob_unlock_dead_workers(interval) is 'Unlocks jobs (and queues) held by worker pools whose process is gone; run by every worker every 5 s, and by hand if need be.';
