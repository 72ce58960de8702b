--! Previous: sha1:7873e101fdd0ec048c77b1673e10e0a2c83aeabd
--! Hash: sha1:b7396085b758e27d6ee99584398a9701a39fc43a
--! Message: a2p sole proprietor code

-- Sole proprietors confirm their mobile with a one-time code after the brand is vetted. The code
-- the owner types waits here (sealed by the app) for the a2p_otp job; resends are capped in SQL.

alter table ob_a2p
  add column otp_sent_at timestamptz,
  add column otp_code text check (otp_code ~ '^v1:'),
  add column otp_error text check (otp_error in ('invalid', 'expired', 'provider')),
  add column otp_resends integer not null default 0 check (otp_resends >= 0),
  add column otp_last_resend_at timestamptz;
comment on column ob_a2p.otp_sent_at is 'When the registry texted the owner''s mobile a code (brand vetted, identity unverified); it expires 24 hours later.';
comment on column ob_a2p.otp_code is 'The code the owner typed, sealed by the app, until the a2p_otp job has sent it to the registry.';
comment on column ob_a2p.otp_error is 'The last code''s outcome when it failed: invalid, expired, or the registry did not answer.';
grant update (otp_code, otp_error) on ob_a2p to ob_app;

-- Resend: at most once a minute and 5 times a day (OB429 with a sentence), in the save's transaction.
create function ob_a2p_resend_otp(t uuid) returns void
language plpgsql security definer set search_path = public, pg_temp as $$
declare r ob_a2p;
begin
  select * into r from ob_a2p where tenant_id = t for update;
  if r.identity_status is distinct from 'UNVERIFIED' then
    raise exception using errcode = 'OB409', message = 'There is no code waiting for you.';
  end if;
  if r.otp_last_resend_at > now() - interval '1 minute' then
    raise exception using errcode = 'OB429', message = 'We just sent a code; wait a minute before asking again.';
  end if;
  if r.otp_resends >= 5 and r.otp_last_resend_at > now() - interval '1 day' then
    raise exception using errcode = 'OB429', message = 'You asked for 5 new codes today; try again tomorrow or contact support.';
  end if;
  update ob_a2p set otp_resends = case when otp_last_resend_at > now() - interval '1 day' then otp_resends + 1 else 1 end,
    otp_last_resend_at = now(), otp_error = null, otp_code = null
  where tenant_id = t;
end $$;
comment on function ob_a2p_resend_otp(uuid) is 'Records a request for a new code, capped (once a minute, 5 a day; OB429); the a2p_otp job asks the registry.';
revoke execute on function ob_a2p_resend_otp(uuid) from public;
grant execute on function ob_a2p_resend_otp(uuid) to ob_app;
