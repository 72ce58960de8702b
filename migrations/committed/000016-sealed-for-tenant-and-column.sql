--! Previous: sha1:769d827467e34c5ff9eeea21fa5b8da9a8dc168e
--! Hash: sha1:3162f65e0074bd4732dc274c1bd6c273ded9357a
--! Message: sealed for tenant and column

-- Sealing bound to its tenant and column, with key ids (issue 18, items 14 and 15): sealed values
-- are now "v2:<key id>:..." (app/lib/crypto.server.ts), and the Slack link, a credential, is sealed
-- too and left out of the snapshot. Values sealed the old way (v1, no associated data) cannot be
-- told apart from one moved between tenants, so they are cleared: they are short-lived (a PKCE
-- verifier, a typed code) or come back with the owner's next save (the Slack link, a calendar
-- connection to make again). No production database holds any yet.

update ob_calmsg set calendar_oauth_verifier = null, calendar_oauth_state_hash = null, calendar_oauth_started_at = null
  where calendar_oauth_verifier !~ '^v2:';
update ob_calmsg set calendar_refresh_token = null, calendar_connected = false where calendar_refresh_token !~ '^v2:';
update ob_calmsg set slack_webhook_url = null where slack_webhook_url !~ '^v2:';
update ob_a2p set otp_code = null where otp_code !~ '^v2:';
update ob_number set port_in = null, start_port_in = false
  where port_in is not null and (port_in->>'accountNumber' !~ '^v2:' or port_in->>'pin' !~ '^v2:');

alter table ob_calmsg drop constraint ob_calmsg_calendar_refresh_token_check,
  add constraint ob_calmsg_calendar_refresh_token_check check (calendar_refresh_token ~ '^v2:[0-9a-f]{8}:'),
  drop constraint ob_calmsg_calendar_oauth_verifier_check,
  add constraint ob_calmsg_calendar_oauth_verifier_check check (calendar_oauth_verifier ~ '^v2:[0-9a-f]{8}:'),
  drop constraint ob_calmsg_slack_webhook_url_check,
  add constraint ob_calmsg_slack_webhook_url_check check (slack_webhook_url ~ '^v2:[0-9a-f]{8}:' and char_length(slack_webhook_url) <= 1024);
alter table ob_a2p drop constraint ob_a2p_otp_code_check,
  add constraint ob_a2p_otp_code_check check (otp_code ~ '^v2:[0-9a-f]{8}:' and char_length(otp_code) <= 200);
comment on column ob_calmsg.slack_webhook_url is 'The Slack incoming-webhook link for missed-call alerts, sealed for this tenant and column (v2): a credential, never in the snapshot.';

create or replace function ob_snapshot_calmsg(c ob_calmsg) returns jsonb language sql stable as $$
  select jsonb_build_object('calendarProvider', c.calendar_provider, 'calendarConnected', c.calendar_connected,
    -- The refresh token and the OAuth state never leave this database: the copier gets the account and scopes.
    'calendarAccountEmail', c.calendar_account_email, 'calendarScopes', c.calendar_scopes,
    'calendarConnectedAt', c.calendar_connected_at, 'calendarLater', c.calendar_later_at is not null,
    'topServices', c.top_services, 'priceRanges', c.price_ranges, 'doubleBookPolicy', c.double_book_policy,
    'buffers', c.buffers, 'templates', c.templates, 'bilingual', c.bilingual,
    'revenuePromptsMins', c.revenue_prompts_mins, 'attributionDays', c.attribution_days,
    -- The Slack link is a credential, sealed here: the copier learns whether alerts go to Slack.
    'opsEmails', c.ops_emails, 'opsSms', c.ops_sms, 'slackAlerts', c.slack_webhook_url is not null,
    'lastSavedAt', c.last_saved_at)
$$;


create or replace function ob_snapshot_version() returns integer language sql immutable as $$ select 4 $$;
