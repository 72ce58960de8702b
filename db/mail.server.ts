import { z } from 'zod'
import type { Db } from './client.server'

// Mail to the owner (ob_mail): SQL queues each event's mail once, with its send_mail job
// (ob_mail_queue, from the triggers and the hourly sweep); the task reads it here and records
// what the SMTP server said.
export const MailKind = z.enum(['submitted', 'otp', 'approved', 'rejected', 'in_review', 'reminder'])
export type MailKind = z.infer<typeof MailKind>
const MailRow = z.object({ kind: MailKind, key: z.string(), state: z.enum(['queued', 'sent', 'refused']) })

export async function readMail(sql: Db, tenantId: string, key: string) {
  const [row] = await sql`select kind, key, state from ob_mail where tenant_id = ${tenantId} and key = ${key}`
  return row ? MailRow.parse(row) : null
}

/** Where the tenant's onboarding stands, as a mail tells it: its phase, whether reminders are off, the owner's language. */
export async function mailFacts(sql: Db, tenantId: string) {
  const [f] = await sql`select phase, reminders_off_at, owner_lang from ob_flow where tenant_id = ${tenantId}`
  return f as { phase: string; remindersOffAt: Date | null; ownerLang: 'en' | 'es' }
}

export async function recordMail(
  sql: Db,
  tenantId: string,
  key: string,
  o: { state: 'sent' | 'refused'; to: string; messageId?: string; error?: string },
) {
  await sql`select ob_mail_done(${tenantId}, ${key}, ${o.state}, ${o.to}, ${o.messageId ?? null}, ${o.error ?? null})`
}

/** The hourly sweep: reminders and "still in review" mails that are due (ob_mail_sweep). */
export async function sweepMail(sql: Db): Promise<number> {
  const [r] = await sql`select ob_mail_sweep() as queued`
  return r.queued as number
}

/** A mail the address refused for good: one line on the pages (null when none). */
export async function refusedMail(sql: Db, tenantId: string): Promise<string | null> {
  const [r] =
    await sql`select to_email from ob_mail where tenant_id = ${tenantId} and state = 'refused' order by queued_at desc limit 1`
  return (r?.toEmail as string | undefined) ?? null
}

export async function turnRemindersOff(sql: Db, tenantId: string) {
  await sql`select ob_reminders_off(${tenantId})`
}
