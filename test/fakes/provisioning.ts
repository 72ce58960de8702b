import { createHash, randomBytes, randomInt } from 'node:crypto'
import { startFake, type FakeRequest, type FakeResponse } from './http'

// The Provisioning API (spec, "STEP 2 — Page 2 (Provisioning API)") as a real HTTP server.
// - Bearer auth; POST /numbers needs Idempotency-Key and Correlation-Id.
// - Idempotency store: the same key with the same body replays the first answer (200 Replay);
//   the same key with another body is refused (422). Forced failures are not stored.
// - Switches (POST /__fake/switches): script: [201|207|409|500|502|503, ...] forces the next
//   POST /numbers answers in order; soldOut: ['415'] answers 409 for those codes; slowMs delays
//   POST /numbers; webhooksScript: [503|500|422, ...] forces the next PUT /numbers/{sid}/webhooks
//   answers; a 4xx in script (400, 401, 403, 422) refuses the POST with it. Counters (GET /__fake): purchased, purchased:<tenantId>, key:<Idempotency-Key>
//   (requests per key), webhooksPut.
type NumberRecord = {
  sid: string
  e164: string
  areaCode: string
  state: 'Configured' | 'PurchasedButUnconfigured'
  webhooks: unknown
}
type Stored = { bodyHash: string; sid: string }

export const PROVISIONING_TOKEN = 'local-provisioning-token'

export function startProvisioningFake(port: number, token = PROVISIONING_TOKEN) {
  const numbers = new Map<string, NumberRecord>()
  const keys = new Map<string, Stored>()
  // A random start: `npm run dev` keeps its database across restarts, and a fake that restarts at the
  // same number would sell numbers the database already holds.
  let sequence = randomInt(0, 10000)
  const reset = () => (numbers.clear(), keys.clear())

  const view = (n: NumberRecord, status: string) => ({
    status,
    sid: n.sid,
    e164: n.e164,
    state: n.state === 'Configured' ? 'Configured' : 'PurchasedButUnconfigured',
    capabilities: { sms: true, mms: true, voice: true },
  })
  const authed =
    (handler: (req: FakeRequest) => FakeResponse) =>
    (req: FakeRequest): FakeResponse =>
      req.headers.authorization === `Bearer ${token}` ? handler(req) : { status: 401, body: { error: 'unauthorized' } }

  return startFake(
    'provisioning',
    port,
    {
      'POST /numbers': authed((req) => {
        const key = String(req.headers['idempotency-key'] ?? '')
        const correlationId = String(req.headers['correlation-id'] ?? '')
        if (!/^ob:prov:[0-9a-f-]{36}(:\d+)?$/.test(key))
          return { status: 400, body: { error: 'Idempotency-Key must be ob:prov:<tenantId>[:<n>]' } }
        if (!/^[0-9a-f-]{36}$/.test(correlationId))
          return { status: 400, body: { error: 'Correlation-Id must be a UUID' } }
        const problem = invalidPurchase(req.body)
        if (problem) return { status: 422, body: { error: problem } }
        req.count(`key:${key}`)
        const bodyHash = createHash('sha256').update(req.rawBody).digest('hex')
        const delayMs = Number(req.switches.slowMs ?? 0)
        const stored = keys.get(key)
        if (stored) {
          if (stored.bodyHash !== bodyHash)
            return { status: 422, body: { error: 'Idempotency-Key reused with a different body' } }
          return { status: 200, body: view(numbers.get(stored.sid)!, 'Replay'), delayMs }
        }
        const script = (req.switches.script as number[] | undefined) ?? []
        const forced = script.shift()
        const areaCode = (req.body as { areaCode: string }).areaCode
        if (forced === 409 || (req.switches.soldOut as string[] | undefined)?.includes(areaCode)) {
          return { status: 409, body: { status: 'Conflict', error: `No numbers left in ${areaCode}` }, delayMs }
        }
        if (forced && forced >= 500) return { status: forced, body: { error: 'Provider busy' }, delayMs }
        if (forced && forced >= 400) return { status: forced, body: { error: `Refused (forced ${forced})` }, delayMs }
        const tenant = key.split(':')[2]
        req.count('purchased')
        req.count(`purchased:${tenant}`)
        const n: NumberRecord = {
          sid: `PN${randomBytes(16).toString('hex')}`,
          e164: `+1${areaCode}555${String(sequence++ % 10000).padStart(4, '0')}`,
          areaCode,
          state: forced === 207 ? 'PurchasedButUnconfigured' : 'Configured',
          webhooks: forced === 207 ? null : (req.body as { webhooks: unknown }).webhooks,
        }
        numbers.set(n.sid, n)
        keys.set(key, { bodyHash, sid: n.sid })
        return forced === 207
          ? { status: 207, body: view(n, 'PurchasedButUnconfigured'), delayMs }
          : { status: 201, body: view(n, 'Configured'), delayMs }
      }),
      'PUT /numbers/:sid/webhooks': authed((req) => {
        const n = numbers.get(req.params.sid)
        if (!n) return { status: 404, body: { error: 'no such number' } }
        const problem = invalidWebhooks(req.body)
        if (problem) return { status: 422, body: { error: problem } }
        const forced = ((req.switches.webhooksScript as number[] | undefined) ?? []).shift()
        if (forced) return { status: forced, body: { error: `Webhooks not set (forced ${forced})` } }
        req.count('webhooksPut')
        n.webhooks = req.body
        n.state = 'Configured'
        return { status: 200, body: view(n, 'Configured') }
      }),
      'GET /availability': authed((req) => {
        const codes = (req.query.get('areaCodes') ?? '').split(',').filter((c) => /^[2-9]\d{2}$/.test(c))
        if (codes.length === 0 || codes.length > 5)
          return { status: 400, body: { error: 'areaCodes: 1 to 5 three-digit codes' } }
        const soldOut = (req.switches.soldOut as string[] | undefined) ?? []
        return {
          status: 200,
          body: {
            areaCodes: codes.map((areaCode) => ({
              areaCode,
              available: soldOut.includes(areaCode) ? 0 : 20 + (Number(areaCode) % 7),
            })),
          },
        }
      }),
      'GET /numbers/:e164': authed((req) => {
        const n = [...numbers.values()].find((x) => x.e164 === req.params.e164)
        return n
          ? { status: 200, body: { ...view(n, n.state), webhooks: n.webhooks } }
          : { status: 404, body: { error: 'no such number' } }
      }),
    },
    reset,
  )
}

function invalidWebhooks(w: unknown): string | null {
  const hooks = (w ?? {}) as Record<string, unknown>
  const https = (v: unknown) =>
    typeof v === 'string' && v.startsWith('https://') && !/[?&][^=]*(token|secret|key|pass|sig)/i.test(v)
  if (!https(hooks.smsWebhookUrl) || !https(hooks.statusCallbackUrl))
    return 'webhooks must be https URLs without secrets'
  if (Boolean(hooks.voiceUrl) === Boolean(hooks.voiceAppSid)) return 'exactly one of voiceUrl and voiceAppSid'
  if (hooks.voiceUrl && !https(hooks.voiceUrl)) return 'voiceUrl must be an https URL without secrets'
  return null
}

function invalidPurchase(body: unknown): string | null {
  const b = (body ?? {}) as Record<string, unknown>
  if (typeof b.areaCode !== 'string' || !/^[2-9]\d{2}$/.test(b.areaCode)) return 'areaCode must be 3 digits'
  if (JSON.stringify(b.capabilities) !== '["sms","voice"]') return 'capabilities must be ["sms","voice"]'
  return invalidWebhooks(b.webhooks)
}
