--! Previous: sha1:db331a06d016a17957058c243e43f0bc07b6eea1
--! Hash: sha1:b6cdfe17cde772003ac872e87febc02d8fa5c8b2
--! Message: number setup

-- Page 2 (Number & Operating Setup) complete: what the provision_number job reports back to the
-- page (its last one-line problem, the availability it fetched) and the count of number changes,
-- which names each new provisioning key (ob:prov:<tenantId>:<n>).

alter table ob_number
  add column number_generation integer not null default 0 check (number_generation between 0 and 100),
  add column provision_requested_at timestamptz,
  add column provision_error text check (provision_error in ('busy', 'unavailable')),
  add column availability jsonb check (jsonb_typeof(availability) = 'array'),
  add column availability_checked_at timestamptz;
comment on column ob_number.number_generation is 'How many times the owner chose "Change number"; the next provisioning key is ob:prov:<tenantId>:<n>.';
comment on column ob_number.provision_requested_at is 'When "Looks good" (or "Change number") enqueued provision_number; the banner waits on it.';
comment on column ob_number.provision_error is 'The provider''s last refusal, shown as one line: busy (5xx, retried) or unavailable (409).';
comment on column ob_number.availability is 'The last GET /availability answer: [{areaCode, available}], fetched at most once per request of the owner.';
comment on column ob_number.port_in is 'phoneNumber in clear; accountNumber and pin AES-256-GCM encrypted by the app with PORT_IN_KEY (never logged, never sent to the Provisioning API).';
