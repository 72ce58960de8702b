import type { Task } from 'graphile-worker'
import { pool } from '../platform/db.server'
import { readPayload } from '../db/jobs.server'
import { claimPurchase, recordProvisioned, recordProvisionProblem } from '../db/number.server'
import { env } from '../platform/env.server'
import { fetchAvailability, purchaseNumber } from '../platform/providers/provisioning.server'
import { overlaysOf } from '../core/area-codes.server'

// Buys and configures the tenant's number: what to buy is read from ob_number when the job runs
// (claimPurchase), so a newer request replaces an older one instead of buying beside it. Retried by
// graphile-worker with backoff when the provider is busy; a worker dying mid-purchase leaves the
// purchase open, and the retry replays the same key and body, so the provider sells one number.
export const provision_number: Task = async (raw, helpers) => {
  const p = readPayload('provision_number', raw)
  const claim = await claimPurchase(pool(), p.tenantId)
  if (!claim) return helpers.logger.info(`provision_number ${p.tenantId}: nothing to buy`)
  const body = {
    areaCode: claim.areaCode,
    capabilities: ['sms', 'voice'] as ['sms', 'voice'],
    webhooks: env().webhooks,
  }
  const result = await purchaseNumber(body, claim.key, p.correlationId).catch(async (error) => {
    // No answer: the provider may have sold the number. The purchase stays open for the retry.
    await recordProvisionProblem(pool(), p.tenantId, 'busy', p.correlationId, { open: true })
    throw error
  })
  if (result.kind === 'purchased') {
    const { number } = result
    const outcome = await recordProvisioned(pool(), p.tenantId, {
      e164: number.e164,
      sid: number.sid,
      capabilities: number.capabilities,
      state: 'Configured',
      correlationId: p.correlationId,
      generation: claim.generation,
    })
    helpers.logger.info(`provision_number ${claim.key}: HTTP ${result.httpStatus} ${number.status}, ${outcome}`)
  } else if (result.kind === 'conflict') {
    // No retry: the owner picks again, helped by one fresh availability list.
    const availability = await fetchAvailability(
      [...new Set([claim.areaCode, ...overlaysOf(claim.areaCode)])].slice(0, 5),
    )
    await recordProvisionProblem(pool(), p.tenantId, 'unavailable', p.correlationId, { availability })
  } else if (result.kind === 'busy') {
    await recordProvisionProblem(pool(), p.tenantId, 'busy', p.correlationId)
    throw new Error(`Provisioning API busy (HTTP ${result.httpStatus}, correlation ${p.correlationId}); retrying`)
  } else if (result.kind === 'unconfigured') {
    // The number is sold to us: the purchase stays open, so whatever runs next (this retry, or the
    // owner's next "Looks good" for any area code) replays this key and finishes its webhooks.
    await recordProvisionProblem(pool(), p.tenantId, 'busy', p.correlationId, { open: true })
    const what = `Provisioning API bought ${result.sid} under ${claim.key} but refused its webhooks (HTTP ${result.httpStatus}, correlation ${p.correlationId})`
    if (result.retry) throw new Error(`${what}; retrying`)
    helpers.logger.error(`${what}; not retried: check SMS_WEBHOOK_URL, VOICE_URL/VOICE_APP_SID and STATUS_CALLBACK_URL`)
  } else {
    // Our request is wrong (4xx): the same request would be refused again, so it is not retried.
    await recordProvisionProblem(pool(), p.tenantId, 'busy', p.correlationId)
    helpers.logger.error(
      `provision_number ${claim.key}: refused with HTTP ${result.httpStatus} (${result.error}), correlation ${p.correlationId}; not retried`,
    )
  }
}
