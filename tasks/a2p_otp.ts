import type { Task } from 'graphile-worker'
import { readA2p, recordOtp } from '../db/a2p.server'
import { jobFor, readPayload } from '../db/jobs.server'
import { unsealOrNull } from '../platform/crypto.server'
import { pool } from '../platform/db.server'
import * as a2p from '../platform/providers/a2p.server'

// A sole proprietor's one-time code: the code the owner typed goes to the registry (each attempt
// its own Idempotency-Key, as each carries another code), or a new code is asked for. A confirmed
// code lets the refresher go on to the campaign at once.
export const a2p_otp: Task = async (payload, helpers) => {
  const p = readPayload('a2p_otp', payload)
  const r = await readA2p(pool(), p.tenantId)
  if (!r.brandId || r.identityStatus !== 'UNVERIFIED') return
  const call = { key: `ob:a2p:otp:${p.tenantId}:${p.correlationId}`, correlationId: p.correlationId }
  if (p.action === 'resend') {
    const sent = await a2p.resendOtp(r.brandId, call)
    await recordOtp(pool(), p.tenantId, a2p.isRefused(sent) ? 'provider' : 'resent')
    return
  }
  // The code stays stored until its outcome is recorded: a retry after a crash sends it again under
  // the same Idempotency-Key, and the page keeps saying it is being checked meanwhile.
  const sealed = r.otpCode
  if (!sealed) return
  const code = unsealOrNull(sealed, { tenantId: p.tenantId, field: 'ob_a2p.otp_code' })
  if (code === null) {
    // Not sealed for this tenant (copied from another row) or under a key we no longer hold: the owner types it again.
    helpers.logger.warn(`a2p_otp ${p.tenantId}: the stored code does not open for this tenant`)
    return recordOtp(pool(), p.tenantId, 'invalid', sealed)
  }
  const verified = await a2p.verifyOtp(r.brandId, code, call)
  if (a2p.isRefused(verified)) {
    await recordOtp(
      pool(),
      p.tenantId,
      verified.status === 410 ? 'expired' : verified.status === 422 ? 'invalid' : 'provider',
      sealed,
    )
    return
  }
  await recordOtp(pool(), p.tenantId, 'verified', sealed)
  const refresh = jobFor('a2p_refresh', { tenantId: p.tenantId, attempt: 0 })
  await helpers.addJob('a2p_refresh', refresh.payload, { jobKey: refresh.key, queueName: refresh.queue })
}
