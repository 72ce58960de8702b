--! Previous: sha1:c0b5f7c5966e2c0325fc7116ae136873a404cb51
--! Hash: sha1:db331a06d016a17957058c243e43f0bc07b6eea1
--! Message: account complete

-- Page 1 (Account) complete: the owner's Stripe objects on the flow, which account values were
-- filled for the owner (the "Accepted defaults" chip), and the Stripe prefill job enqueued in the
-- transaction that creates the tenant.

alter table ob_flow
  add column stripe_customer_id text unique check (stripe_customer_id ~ '^cus_[A-Za-z0-9_]{1,100}$'),
  add column stripe_account_id text check (stripe_account_id ~ '^acct_[A-Za-z0-9_]{1,100}$'),
  add column identity_checked_at timestamptz;
comment on column ob_flow.stripe_customer_id is 'From Clerk public metadata (or the dev persona); subscription webhooks find the tenant by it.';
comment on column ob_flow.identity_checked_at is 'When the email/mobile flags were last read from Clerk; the stored flags are used when Clerk does not answer.';

alter table ob_account
  add column defaulted text[] not null default '{}'
    check (defaulted <@ '{display_name,vertical,logo_url,brand_color,timezone,address}'),
  add column prefilled_at timestamptz;
comment on column ob_account.defaulted is 'Columns whose value was filled for the owner, not typed; a column leaves the list when its value changes.';
comment on column ob_account.prefilled_at is 'When the stripe_prefill job last finished; null while it has not (the page says "Fetching your business details…").';

-- A value the owner changes is no longer a default. The prefill job fills values with
-- ob.prefilling on (set local), so its own writes keep their place in the list.
create function ob_account_undefault() returns trigger language plpgsql as $$
begin
  if current_setting('ob.prefilling', true) = 'on' then return new; end if;
  new.defaulted := array(select d from unnest(new.defaulted) d where to_jsonb(new) -> d is not distinct from to_jsonb(old) -> d);
  return new;
end $$;
create trigger ob_account_undefault before update on ob_account for each row execute function ob_account_undefault();

drop function ob_ensure_tenant(text, text, text, text, text, ob_vertical);
create function ob_ensure_tenant(p_clerk_user_id text, p_email text, p_mobile_e164 text, p_owner_name text,
                                 p_stripe_customer_id text, p_stripe_account_id text)
returns uuid language plpgsql volatile set search_path = public, pg_temp as $$
declare v_tenant uuid;
begin
  -- Serialises first visits of the same user (double click, two tabs).
  perform pg_advisory_xact_lock(hashtextextended('ob_ensure_tenant:' || p_clerk_user_id, 0));
  select tenant_id into v_tenant from ob_employee where clerk_user_id = p_clerk_user_id and role = 'owner';
  if found then return v_tenant; end if;
  insert into ob_flow (stripe_customer_id, stripe_account_id) values (p_stripe_customer_id, p_stripe_account_id)
    returning tenant_id into v_tenant;
  insert into ob_employee (tenant_id, clerk_user_id, role, name, email, mobile_e164)
    values (v_tenant, p_clerk_user_id, 'owner', p_owner_name, p_email, p_mobile_e164);
  -- America/New_York is the last-resort timezone; the address or the browser replace it.
  insert into ob_account (tenant_id, owner_email, owner_mobile_e164, timezone, defaulted, prefilled_at)
    values (v_tenant, p_email, p_mobile_e164, 'America/New_York', '{timezone}',
            case when p_stripe_customer_id is null and p_stripe_account_id is null then now() end);
  if p_stripe_customer_id is not null or p_stripe_account_id is not null then
    perform ob_enqueue('stripe_prefill', json_build_object('tenantId', v_tenant), 'ob:stripe:' || v_tenant);
  end if;
  insert into ob_event (tenant_id, event_type, data) values (v_tenant, 'tenant.created', '{}');
  return v_tenant;
end $$;
comment on function ob_ensure_tenant is 'Returns the owner''s tenant; on the first call creates flow, owner employee and account, and enqueues the Stripe prefill, in one transaction.';
