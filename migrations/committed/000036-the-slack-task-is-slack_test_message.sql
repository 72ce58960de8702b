--! Previous: sha1:1692650114d8505acecfb6b841b3c83485ec477f
--! Hash: sha1:ec654c1ee0bfb10cbe76d8dbcae7a48ea736642a
--! Message: The Slack task is slack_test_message

-- The Slack task is named for what it sends (issue 21, part 4: tasks/slack_test.ts read as a test file).
-- A job queued under the old name as this deploys stays unrun; the owner presses "Send a test message" again.
update ob_job_task set task = 'slack_test_message' where task = 'slack_test';
