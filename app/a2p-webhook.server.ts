import { json } from '@remix-run/node'
import { createHmac, timingSafeEqual } from 'node:crypto'
import * as z from 'zod'
import { a2pCallback } from '../db/a2p.server'
import { BodyTooLarge, readBody } from './lib/body.server'
import { pool } from '../platform/db.server'
import { env } from '../platform/env.server'
import { log } from '../platform/log.server'

// The A2P provider's status events (brand, campaign, number binding). Signed: X-A2P-Signature is
// "v1=" and the hex HMAC-SHA256, under A2P_WEBHOOK_SECRET, of "<X-A2P-Timestamp>.<body>"; the
// timestamp (Unix seconds) must be within 5 minutes, so a captured event cannot be replayed later.
// A good event is recorded once by its id and refreshes its tenant now (ob_a2p_callback): the
// refresher reads the provider's state, so the event's own status is never applied as such, and a
// late or out-of-order event cannot move a phase backwards.
const MAX_EVENT_BYTES = 64 * 1024
const TOLERANCE_S = 5 * 60
const Event = z.object({
  id: z.string().regex(/^[A-Za-z0-9_.:-]{1,100}$/),
  type: z.enum(['brand.updated', 'campaign.updated', 'binding.updated']),
  occurredAt: z.string().datetime({ offset: true }),
  data: z.object({ objectId: z.string().regex(/^[A-Za-z0-9+]{1,64}$/) }).passthrough(),
})

/** The signature a body carries when it comes from the provider (the fake signs the same way). */
export const a2pSignature = (secret: string, timestamp: string, body: string) =>
  `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`

export async function handleA2pWebhook(request: Request) {
  if (request.method !== 'POST') return json({ error: 'Use POST' }, { status: 405 })
  let body: string
  try {
    body = new TextDecoder().decode(await readBody(request, MAX_EVENT_BYTES))
  } catch (error) {
    if (error instanceof BodyTooLarge) return json({ error: 'Event too large' }, { status: 413 })
    throw error
  }
  const timestamp = request.headers.get('x-a2p-timestamp') ?? ''
  const given = Buffer.from(request.headers.get('x-a2p-signature') ?? '')
  const expected = Buffer.from(a2pSignature(env().A2P_WEBHOOK_SECRET, timestamp, body))
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return json({ error: 'Missing or invalid signature' }, { status: 400 })
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > TOLERANCE_S) {
    return json({ error: 'Timestamp outside the 5 minutes allowed' }, { status: 400 })
  }
  let parsed: z.infer<typeof Event>
  try {
    parsed = Event.parse(JSON.parse(body))
  } catch {
    // Signed but not an event we know: answered 200 so the provider stops retrying, and logged.
    log().warn('A2P webhook: a signed body that is not a status event; ignored')
    return json({ received: true, ignored: 'not a status event' })
  }
  const outcome = await a2pCallback(pool(), {
    id: parsed.id,
    type: parsed.type,
    objectId: parsed.data.objectId,
    occurredAt: new Date(parsed.occurredAt),
  })
  if (outcome === 'unknown')
    log().warn(`A2P webhook ${parsed.id}: no registration has ${parsed.data.objectId}; recorded, nothing refreshed`)
  return json({ received: true, outcome })
}
