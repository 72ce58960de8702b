--! Previous: sha1:0dd9af2ed056d41895cde2e7ac54f0decc63669f
--! Hash: sha1:731682f081aea762b115d1fa854c350611436b7f
--! Message: account undefault without json

-- Speed: the Account row's "Accepted defaults" trigger without JSON.

-- A save of the Account row drops the columns it changes from the "Accepted defaults" list. This
-- compares those columns one by one (ob_account_defaulted_check names all six) instead of turning
-- the old and new rows into JSON on every save: a tenth of a millisecond of every Account save.
create or replace function ob_account_undefault() returns trigger language plpgsql as $$
declare d text; same boolean; kept text[] := '{}';
begin
  if current_setting('ob.prefilling', true) = 'on' or cardinality(new.defaulted) = 0 then return new; end if;
  foreach d in array new.defaulted loop
    same := case d
      when 'display_name' then new.display_name is not distinct from old.display_name
      when 'vertical' then new.vertical is not distinct from old.vertical
      when 'logo_url' then new.logo_url is not distinct from old.logo_url
      when 'brand_color' then new.brand_color is not distinct from old.brand_color
      when 'timezone' then new.timezone is not distinct from old.timezone
      when 'address' then new.address is not distinct from old.address
    end;
    if same then kept := kept || d; end if;
  end loop;
  new.defaulted := kept;
  return new;
end $$;
