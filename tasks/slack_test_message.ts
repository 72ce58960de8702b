import type { Task } from 'graphile-worker'
import { recordSlackTest } from '../db/calmsg.server'
import { readPayload } from '../db/jobs.server'
import { unsealOrNull } from '../platform/crypto.server'
import { pool } from '../platform/db.server'
import { postToSlack, slackEscape } from '../platform/providers/slack.server'

// "Send a test message" on Page 3: posts to the saved Slack link and records one outcome. It is not
// retried: the owner is waiting on the page for the answer, and can press the button again.
export const slack_test_message: Task = async (payload, helpers) => {
  const { tenantId } = readPayload('slack_test_message', payload)
  const [row] = await pool()`
    select c.slack_webhook_url, a.display_name from ob_calmsg c join ob_account a using (tenant_id) where c.tenant_id = ${tenantId}`
  if (!row?.slackWebhookUrl) return // removed since the press
  const name = slackEscape(row.displayName ?? 'Your business')
  const url = unsealOrNull(row.slackWebhookUrl, { tenantId, field: 'ob_calmsg.slack_webhook_url' })
  if (!url) return recordSlackTest(pool(), tenantId, 'refused') // a link that does not open for this tenant is no link
  const result = await postToSlack(url, `Test from ${name}: missed-call alerts will show up in this channel.`)
  await recordSlackTest(pool(), tenantId, result)
  helpers.logger.info(`slack_test_message ${tenantId}: ${result}`)
}
