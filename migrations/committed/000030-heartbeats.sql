--! Previous: sha1:6ed66191f1aa3d1c4807e2b2d059cd7224020b02
--! Hash: sha1:062759f508e9ca0ae5c733d5176c7f3a61c2eacd
--! Message: Heartbeats

-- Liveness of the worker and the copier (issue 20, part 2): each process says every few seconds
-- that it is alive; a DBA (or an alert) asks which went silent. A process that stops in order
-- removes its row; one that died leaves it, with the time it was last heard of.
create table ob_heartbeat (
  process text primary key check (char_length(process) <= 200),
  role text not null check (role in ('worker', 'copier')),
  started_at timestamptz not null default now(),
  seen_at timestamptz not null default now()
);
comment on table ob_heartbeat is 'One row per running worker or copier process (host:pid), seen_at renewed every 5 s (worker) or 10 s (copier). Silent for over a minute: that process is down or hung.';

create function ob_beat(p_role text, p_process text) returns void
language sql volatile security definer set search_path = public, pg_temp as $$
  insert into ob_heartbeat (process, role) values (p_process, p_role)
  on conflict (process) do update set seen_at = now(), role = excluded.role;
  -- Rows of processes gone for a day are no news any more.
  delete from ob_heartbeat where seen_at < now() - interval '1 day';
$$;
comment on function ob_beat(text, text) is 'A worker or copier process says it is alive (host:pid).';

create function ob_beat_end(p_process text) returns void
language sql volatile security definer set search_path = public, pg_temp as $$
  delete from ob_heartbeat where process = p_process
$$;
comment on function ob_beat_end(text) is 'A process that stops in order removes its heartbeat.';
revoke execute on function ob_beat(text, text), ob_beat_end(text) from public;
-- The worker runs as the owner; the copier as a login in ob_copier. The web app has no heartbeat.
grant execute on function ob_beat(text, text), ob_beat_end(text) to ob_copier;
