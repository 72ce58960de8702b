import { z } from 'zod'
import { env } from '../env.server'
import type { PurchaseBody } from './provisioning.schema'

// The Provisioning API client: the contract of the spec's "STEP 2 — Page 2 (Provisioning API)".
// Used by the provision_number task (purchases) and the Number action (availability, a read).
const Purchased = z.object({
  status: z.enum(['Configured', 'PurchasedButUnconfigured', 'Replay']),
  sid: z.string().min(1).max(100),
  e164: z.string().regex(/^\+[1-9]\d{6,14}$/),
  state: z.enum(['Configured', 'PurchasedButUnconfigured']),
  capabilities: z.object({ sms: z.boolean(), mms: z.boolean(), voice: z.boolean() }),
})
export type Purchased = z.infer<typeof Purchased>
const Availability = z.object({ areaCodes: z.array(z.object({ areaCode: z.string(), available: z.number().int() })) })
export type Availability = z.infer<typeof Availability>['areaCodes']

export type PurchaseResult =
  | { kind: 'purchased'; number: Purchased; httpStatus: number }
  | { kind: 'conflict' }
  | { kind: 'busy'; httpStatus: number }
  | { kind: 'refused'; httpStatus: number; error: string }
  /** Bought, and its webhooks not set: the number is ours, so the purchase stays open and its retry replays it. */
  | { kind: 'unconfigured'; sid: string; httpStatus: number; retry: boolean }

/** Whether a refusal can change on a retry: 5xx and 429 can; other 4xx say our request is wrong and stay so. */
export const retryable = (status: number) => status >= 500 || status === 429

async function call(
  method: string,
  path: string,
  init: { body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {},
) {
  const base = env().PROVISIONING_API_URL
  if (!base) throw new Error('PROVISIONING_API_URL is not set')
  return fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${env().PROVISIONING_TOKEN}`,
      ...(init.body ? { 'content-type': 'application/json' } : {}),
      ...init.headers,
    },
    body: init.body ? JSON.stringify(init.body) : undefined,
    signal: AbortSignal.timeout(init.timeoutMs ?? 15_000),
  })
}

/** POST /numbers under an idempotency key; 207 is finished here with PUT /numbers/{sid}/webhooks. */
export async function purchaseNumber(body: PurchaseBody, key: string, correlationId: string): Promise<PurchaseResult> {
  const res = await call('POST', '/numbers', {
    body,
    headers: { 'idempotency-key': key, 'correlation-id': correlationId },
  })
  if (res.status === 409) return { kind: 'conflict' }
  if (retryable(res.status)) return { kind: 'busy', httpStatus: res.status }
  const json = await res.json().catch(() => ({}))
  if (![200, 201, 207].includes(res.status))
    return {
      kind: 'refused',
      httpStatus: res.status,
      error: String((json as { error?: unknown }).error ?? res.statusText).slice(0, 200),
    }
  let number = Purchased.parse(json)
  if (number.state === 'PurchasedButUnconfigured') {
    const put = await call('PUT', `/numbers/${encodeURIComponent(number.sid)}/webhooks`, {
      body: body.webhooks,
      headers: { 'correlation-id': correlationId },
    }).catch(() => null) // no answer: as a 503, the purchase stays open
    if (!put?.ok)
      return {
        kind: 'unconfigured',
        sid: number.sid,
        httpStatus: put?.status ?? 503,
        retry: !put || retryable(put.status),
      }
    number = Purchased.parse(await put.json())
  }
  return { kind: 'purchased', number, httpStatus: res.status }
}

/** GET /availability for up to five area codes; null when the provider does not answer well. */
export async function fetchAvailability(areaCodes: string[]): Promise<Availability | null> {
  try {
    const res = await call('GET', `/availability?areaCodes=${areaCodes.slice(0, 5).join(',')}`, { timeoutMs: 5000 })
    return res.ok ? Availability.parse(await res.json()).areaCodes : null
  } catch {
    return null
  }
}
