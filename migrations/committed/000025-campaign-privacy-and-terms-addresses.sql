--! Previous: sha1:a053165d15fe213aaed05773111e6eb56246324e
--! Hash: sha1:f6169cfb77269baa114d109d1ea9f2e45904771c
--! Message: Campaign privacy and terms addresses

-- What carriers require of a campaign in 2026 (issue 19, part 5): its privacy policy and terms
-- addresses (Twilio refuses new campaigns without them from 2026-06-30). The website check now
-- keeps where it found each page; sites checked before it did are checked again (the page starts
-- the check when it next shows; a registration under way waits for it, as for a changed website).
alter table ob_a2p
  add column privacy_url text check (privacy_url ~ '^https://' and char_length(privacy_url) <= 2048),
  add column terms_url text check (terms_url ~ '^https://' and char_length(terms_url) <= 2048);
comment on column ob_a2p.privacy_url is 'Where the website check found the owner''s privacy policy (https); the campaign request names it unless the owner uses the hosted pages.';
comment on column ob_a2p.terms_url is 'Where the website check found the owner''s SMS terms (https); the campaign request names it unless the owner uses the hosted pages.';
update ob_a2p set website_checked_at = null where website_url is not null and (privacy_found or terms_found);
