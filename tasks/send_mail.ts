import type { Task } from 'graphile-worker'
import { ownerName, readA2p } from '../db/a2p.server'
import { readAccount } from '../db/account.server'
import { readPayload } from '../db/jobs.server'
import { mailFacts, readMail, recordMail } from '../db/mail.server'
import { linkToken } from '../platform/crypto.server'
import { pool } from '../platform/db.server'
import { env } from '../platform/env.server'
import { message } from '../platform/messages.server'
import { sendMail } from '../platform/providers/mail.server'

// One mail to the owner (an ob_mail row SQL queued with this job). A failure to reach the SMTP
// server throws, so graphile-worker retries it with its backoff; nothing waits for it. An address
// the server refuses for good is recorded (one line on the pages) and not tried again.
// At most one duplicate: a worker that dies after the server accepted the mail, before the row
// says sent, leaves the job to be run again; its fixed Message-ID lets mail systems drop the copy.
export const send_mail: Task = async (payload, helpers) => {
  const p = readPayload('send_mail', payload)
  const sql = pool()
  const mail = await readMail(sql, p.tenantId, p.key)
  if (mail?.state !== 'queued') return
  const [account, a2p, flow, owner] = await Promise.all([
    readAccount(sql, p.tenantId),
    readA2p(sql, p.tenantId),
    mailFacts(sql, p.tenantId),
    ownerName(sql, p.tenantId),
  ])
  // A reminder that is no longer due (the owner submitted, finished or turned reminders off since).
  if (
    mail.kind === 'reminder' &&
    (flow.remindersOffAt || a2p.submissionCount > 0 || ['FINALIZE', 'COMPLETE'].includes(flow.phase))
  )
    return
  const to = account.ownerEmail
  if (!to) return recordMail(sql, p.tenantId, p.key, { state: 'refused', to: '', error: 'no owner email' })
  const base = env().appBase
  // The page it opens speaks the mail's language (?lng=), signed in or not.
  const offUrl = `${base}/mail/reminders-off?t=${linkToken('reminders-off', p.tenantId)}&lng=${flow.ownerLang}`
  const m = message({
    kind: mail.kind,
    lang: flow.ownerLang,
    base,
    displayName: account.displayName,
    ownerName: owner,
    mobileE164: account.ownerMobileE164,
    legalName: a2p.legalBusinessName,
    brandType: a2p.brandType,
    phase: flow.phase,
    reasonCode: a2p.reasonCode,
    remindersOffUrl: offUrl,
  })
  const domain = new URL(base).hostname
  // Reminders carry the one-click unsubscribe of RFC 8058 (a POST to the same link).
  const headers: Record<string, string> =
    mail.kind === 'reminder'
      ? { 'List-Unsubscribe': `<${offUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
      : {}
  const sent = await sendMail({ to, ...m, messageId: `<${p.key.replace(':', '.')}.${p.tenantId}@${domain}>`, headers })
  if ('refused' in sent) {
    helpers.logger.warn(`send_mail ${p.tenantId} ${p.key}: ${to} refused for good: ${sent.refused}`)
    return recordMail(sql, p.tenantId, p.key, { state: 'refused', to, error: sent.refused })
  }
  await recordMail(sql, p.tenantId, p.key, { state: 'sent', to, messageId: sent.sent })
}
