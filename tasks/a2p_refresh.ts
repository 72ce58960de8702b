import type { Task } from 'graphile-worker'
import { readA2p, recordStep, refreshBy } from '../db/a2p.server'
import { jobFor, readPayload } from '../db/jobs.server'
import { readNumber } from '../db/number.server'
import { pool } from '../platform/db.server'
import { env } from '../platform/env.server'
import * as a2p from '../platform/providers/a2p.server'

// Reads the registration's status from the provider (never from the browser), records what
// changed, and continues the chain when the provider allows the next step: the campaign once the
// brand is approved (and, for a sole proprietor, its owner confirmed), the number once there is a
// campaign. It reschedules itself until the registration is final (texting eligible, or a step
// rejected): twice as long each time, at most hourly after the first hour and daily after 3 days;
// after 30 days in review it stops (the page says so; a status event from the provider still
// refreshes at once, as every event does).
export const a2p_refresh: Task = async (payload, helpers) => {
  const p = readPayload('a2p_refresh', payload)
  const sql = pool()
  const [r, number] = await Promise.all([readA2p(sql, p.tenantId), readNumber(sql, p.tenantId)])
  if (!r.submittedAt) return
  // The submission's id (the refresh carries it), so the registration's whole story has one.
  const correlationId = p.correlationId ?? crypto.randomUUID()
  const next = (step: 'campaign' | 'binding') => {
    const job = jobFor('a2p_step', { tenantId: p.tenantId, step, submission: r.submissionCount, correlationId })
    return helpers.addJob('a2p_step', job.payload, { jobKey: job.key, queueName: job.queue })
  }
  const got = <T>(reply: T | a2p.Refused): T | null =>
    a2p.isRefused(reply) ? (helpers.logger.warn(`a2p_refresh ${p.tenantId}: ${reply.refused}`), null) : reply

  let brand = { phase: r.brandPhase, identity: r.identityStatus }
  if (r.brandId && brand.phase !== 'FAILED' && !(brand.phase === 'VETTED' && brand.identity === 'VERIFIED')) {
    const b = got(await a2p.getBrand(r.brandId))
    if (b) {
      brand = { phase: b.status.phase, identity: b.identityStatus }
      if (b.status.phase !== r.brandPhase || b.identityStatus !== r.identityStatus) {
        await recordStep(sql, p.tenantId, {
          step: 'brand',
          phase: b.status.phase,
          reason: b.status.reason,
          identityStatus: b.identityStatus,
          correlationId,
        })
      }
    }
  }
  let campaign = r.campaignPhase
  if (brand.phase === 'VETTED' && brand.identity === 'VERIFIED' && !r.campaignId) await next('campaign')
  if (r.campaignId && campaign !== 'ACTIVE' && campaign !== 'REJECTED') {
    const c = got(await a2p.getCampaign(r.campaignId))
    if (c && c.status.phase !== campaign)
      await recordStep(sql, p.tenantId, {
        step: 'campaign',
        phase: c.status.phase,
        reason: c.status.reason,
        correlationId,
      })
    campaign = c?.status.phase ?? campaign
  }
  let binding = r.bindingPhase
  if (r.campaignId && campaign !== 'REJECTED' && binding === null && number.e164) await next('binding')
  if (binding === 'PENDING' && number.e164) {
    const n = got(await a2p.getBinding(number.e164))
    if (n && n.status.phase !== binding)
      await recordStep(sql, p.tenantId, {
        step: 'binding',
        phase: n.status.phase,
        reason: n.status.reason,
        correlationId,
      })
    binding = n?.status.phase ?? binding
  }
  const final =
    brand.phase === 'FAILED' ||
    campaign === 'REJECTED' ||
    binding === 'FAILED' ||
    (brand.phase === 'VETTED' && campaign === 'ACTIVE' && binding === 'VERIFIED')
  if (final) return
  const seconds = nextRefreshSeconds(Date.now() - r.submittedAt.getTime(), p.attempt, env().A2P_REFRESH_SECONDS)
  if (seconds === null)
    return helpers.logger.info(
      `a2p_refresh ${p.tenantId}: 30 days in review; polling stops (status events still refresh)`,
    )
  // Never later than a refresh a provider event asked for meanwhile.
  await refreshBy(sql, p.tenantId, new Date(Date.now() + seconds * 1000), p.attempt + 1)
}

const HOUR = 3600
/** When to look again, by how long the registration has been in review; null: stop polling. */
export function nextRefreshSeconds(inReviewMs: number, attempt: number, baseSeconds: number): number | null {
  const hours = inReviewMs / 3_600_000
  if (hours >= 30 * 24) return null
  if (hours >= 3 * 24) return 24 * HOUR
  if (hours >= 1) return HOUR
  return Math.min(HOUR, baseSeconds * 2 ** Math.min(attempt, 12))
}
