--! Previous: sha1:ae579628af19a46883148985e4c502d47010c9f1
--! Hash: sha1:82e72b2d90ef47711f15491761414cdfd48f3613
--! Message: Status events find their tenant by index

-- A provider's status event names a brand, a campaign or a number; at 100k registrations in review
-- the lookup scanned ob_a2p for each event (14 events a second in `npm run bench`). Each id has its
-- index now, and each is looked up on its own so each index is used.
create index ob_a2p_brand_id on ob_a2p (brand_id) where brand_id is not null;
create index ob_a2p_campaign_id on ob_a2p (campaign_id) where campaign_id is not null;

create or replace function ob_a2p_callback(p_event_id text, p_type text, p_object_id text, p_occurred_at timestamptz) returns text
language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare t uuid;
begin
  -- Called by the web server for a signed event, before any tenant is known: the object names it.
  select x.tenant_id into t from (
    select tenant_id from ob_a2p where brand_id = p_object_id
    union all select tenant_id from ob_a2p where campaign_id = p_object_id
    union all select n.tenant_id from ob_number n join ob_a2p a using (tenant_id) where n.e164 = p_object_id and a.campaign_id is not null
  ) x limit 1;
  insert into ob_a2p_callback (event_id, tenant_id, type, occurred_at) values (p_event_id, t, p_type, p_occurred_at)
  on conflict (event_id) do nothing;
  if not found then return 'duplicate'; end if;
  if t is null then return 'unknown'; end if;
  perform set_config('ob.tenant_id', t::text, true);
  perform ob_a2p_refresh_by(t, now());
  return 'refreshed';
end $$;
