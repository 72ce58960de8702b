import { startFake } from './http'

// Slack incoming webhooks (hooks.slack.com/services/T…/B…/…) as a real HTTP server: a JSON body
// with `text` answers 200 "ok", as Slack does. Switches: status: 404 (no_service, a deleted
// webhook), 403 (invalid_token) or 500; Counters: posted, posted:<path>, text:<the text posted>.
export function startSlackFake(port: number) {
  const answers: Record<number, string> = {
    403: 'invalid_token',
    404: 'no_service',
    410: 'channel_is_archived',
    500: 'internal_error',
  }
  return startFake('slack', port, {
    'POST /services/:team/:bot/:key': (req) => {
      const text = (req.body as { text?: unknown } | undefined)?.text
      if (typeof text !== 'string' || !text)
        return { status: 400, raw: Buffer.from('invalid_payload'), headers: { 'content-type': 'text/plain' } }
      const status = Number(req.switches.status ?? 200)
      if (status !== 200)
        return { status, raw: Buffer.from(answers[status] ?? 'error'), headers: { 'content-type': 'text/plain' } }
      req.count('posted')
      req.count(`posted:${req.path}`)
      req.count(`text:${text}`)
      return { status: 200, raw: Buffer.from('ok'), headers: { 'content-type': 'text/plain' } }
    },
  })
}
