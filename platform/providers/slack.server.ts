import { env } from '../env.server'

// Slack incoming webhooks. The saved link is always https://hooks.slack.com/services/... (schema
// and CHECK); in dev the host is swapped for the local fake (SLACK_HOOKS_URL), never the path.
export type SlackResult = 'sent' | 'refused' | 'unreachable'

/**
 * Text an owner typed, as Slack shows it: &, < and > are Slack's control characters (`<!channel>`
 * pings everyone, `<https://x|y>` makes a link), so they are escaped as Slack asks.
 */
export const slackEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

export async function postToSlack(webhookUrl: string, text: string): Promise<SlackResult> {
  const { pathname } = new URL(webhookUrl)
  const target = new URL(pathname, env().SLACK_HOOKS_URL)
  try {
    const res = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
      redirect: 'error',
      signal: AbortSignal.timeout(10_000),
    })
    await res.body?.cancel()
    // 4xx: Slack has no such webhook, or it was revoked or archived; 5xx: Slack is down.
    return res.ok ? 'sent' : res.status < 500 ? 'refused' : 'unreachable'
  } catch {
    return 'unreachable'
  }
}
