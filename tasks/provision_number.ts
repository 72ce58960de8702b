import type { Task } from 'graphile-worker'
import { z } from 'zod'
import { db } from '../db/client.server'
import { recordProvisioned, recordProvisionProblem } from '../db/number.server'
import { env } from '../app/env.server'
import { fetchAvailability, purchaseNumber } from '../app/provisioning.server'
import { overlaysOf } from '../app/area-codes.server'

export const Payload = z.object({
  tenantId: z.string().uuid(),
  areaCode: z.string().regex(/^[2-9]\d{2}$/),
  generation: z.number().int().min(0),
  correlationId: z.string().uuid(),
})
export type ProvisionPayload = z.infer<typeof Payload>

/** The job key, which is also the provider's Idempotency-Key: one purchase per key, ever. */
export const provisionKey = (tenantId: string, generation: number) => `ob:prov:${tenantId}${generation ? `:${generation}` : ''}`

// Buys and configures the tenant's number. Retried by graphile-worker with backoff when the
// provider is busy; a worker dying after the provider answered retries under the same key, and
// the provider replays the same number, so a tenant never gets two.
export const provision_number: Task = async (raw, helpers) => {
  const p = Payload.parse(raw)
  const key = provisionKey(p.tenantId, p.generation)
  const body = { areaCode: p.areaCode, capabilities: ['sms', 'voice'] as ['sms', 'voice'], webhooks: env().webhooks }
  const result = await purchaseNumber(body, key, p.correlationId)
  if (result.kind === 'purchased') {
    const { number } = result
    const outcome = await recordProvisioned(db(), p.tenantId, {
      e164: number.e164, sid: number.sid, capabilities: number.capabilities, state: 'Configured',
      correlationId: p.correlationId, generation: p.generation,
    })
    helpers.logger.info(`provision_number ${key}: HTTP ${result.httpStatus} ${number.status}, ${outcome}`)
  } else if (result.kind === 'conflict') {
    // No retry: the owner picks again, helped by one fresh availability list.
    const availability = await fetchAvailability([...new Set([p.areaCode, ...overlaysOf(p.areaCode)])].slice(0, 5))
    await recordProvisionProblem(db(), p.tenantId, 'unavailable', p.correlationId, availability)
  } else if (result.kind === 'busy') {
    await recordProvisionProblem(db(), p.tenantId, 'busy', p.correlationId)
    throw new Error(`Provisioning API busy (HTTP ${result.httpStatus}, correlation ${p.correlationId}); retrying`)
  } else {
    throw new Error(`Provisioning API refused ${key} (HTTP ${result.httpStatus}): ${result.error}`)
  }
}
