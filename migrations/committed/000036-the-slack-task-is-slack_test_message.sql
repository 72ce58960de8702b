--! Previous: sha1:1692650114d8505acecfb6b841b3c83485ec477f
--! Hash: sha1:6b1fe6c8c17076879f85d53ada3903ec0511ea1e
--! Message: The Slack task is slack_test_message

-- The Slack task is named for what it sends (issue 21, part 4: tasks/slack_test.ts read as a test file),
-- in the tasks ob_enqueue accepts and in the throttle ob_enqueue applies by task name. A job queued
-- under the old name as this deploys stays unrun; the owner presses "Send a test message" again.
update ob_job_task set task = 'slack_test_message' where task = 'slack_test';
insert into ob_rate_limit (action, max_count, per, refusal)
  select 'slack_test_message', max_count, per, refusal from ob_rate_limit where action = 'slack_test';
update ob_rate_event set action = 'slack_test_message' where action = 'slack_test';
delete from ob_rate_limit where action = 'slack_test';
