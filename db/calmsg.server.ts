import { z } from 'zod'
import { transaction, type Db } from './client.server'
import { logEvent } from './jobs.server'
import { defineSection } from './section.server'

const PRICE = z.object({
  min: z.number().int().nullable(),
  max: z.number().int().nullable(),
  currency: z.literal('USD'),
})
const TEMPLATE = z.object({ title: z.string(), description: z.string() })
const time = z.date().nullable()

// Page 3's row (ob_calmsg). The calendar connection is written by the OAuth routes below and the
// Slack test's outcome by its job; the owner's saves write the rest.
export const calmsgSection = defineSection('ob_calmsg', {
  calendarProvider: { type: z.enum(['google', 'none']), write: true },
  calendarLaterAt: { type: time, write: true },
  topServices: { type: z.array(z.string()), write: true },
  priceRanges: { type: z.record(z.string(), PRICE), write: true },
  doubleBookPolicy: { type: z.enum(['block', 'allow']), write: true },
  buffers: { type: z.object({ beforeMin: z.number().int(), afterMin: z.number().int() }), write: true },
  templates: { type: z.union([TEMPLATE.extend({ es: TEMPLATE.optional() }), z.object({})]), write: true },
  bilingual: { type: z.boolean(), write: true },
  revenuePromptsMins: { type: z.number().int(), write: true },
  attributionDays: { type: z.number().int(), write: true },
  opsEmails: { type: z.array(z.string()), write: true },
  opsSms: { type: z.array(z.string()), write: true },
  slackWebhookUrl: { type: z.string().nullable(), write: true },
  slackTestResult: { type: z.enum(['pending', 'sent', 'refused', 'unreachable']).nullable(), write: true },
  slackTestAt: { type: time, write: true },
  calendarConnected: { type: z.boolean() },
  calendarAccountEmail: { type: z.string().nullable() },
  calendarScopes: { type: z.array(z.string()) },
  calendarError: { type: z.enum(['denied', 'state', 'expired', 'provider']).nullable() },
  lastSavedAt: { type: time },
})
export type CalmsgRow = z.output<typeof calmsgSection.row>

export const readCalmsg = (sql: Db, tenantId: string) => calmsgSection.read(sql, tenantId)

export type CalmsgDefaults = {
  topServices: string[]
  priceRanges: Record<string, unknown>
  templates: object
  opsEmails: string[]
  opsSms: string[]
}

/**
 * The trade's defaults, stored when the page is first shown so the guard and the snapshot see what
 * the owner sees; never over anything the owner chose (the row must be untouched).
 */
export async function fillCalmsgDefaults(sql: Db, tenantId: string, d: CalmsgDefaults) {
  await sql`
    update ob_calmsg set top_services = ${d.topServices}, price_ranges = ${sql.json(d.priceRanges as never)},
      templates = ${sql.json(d.templates as never)}, ops_emails = ${d.opsEmails}, ops_sms = ${d.opsSms}
    where tenant_id = ${tenantId} and last_saved_at is null and top_services = '{}' and templates = '{}'`
}

/** How long an owner may take at Google's consent screen before the attempt counts as expired. */
export const OAUTH_WINDOW_MINUTES = 10

/** "Connect": the attempt's state (hashed) and sealed PKCE verifier, replacing any earlier attempt. */
export async function startCalendarConnect(sql: Db, tenantId: string, stateHash: string, sealedVerifier: string) {
  await sql`
    update ob_calmsg set calendar_oauth_state_hash = ${stateHash}, calendar_oauth_verifier = ${sealedVerifier},
      calendar_oauth_started_at = now(), calendar_error = null
    where tenant_id = ${tenantId}`
}

export type Attempt = { verifier: string } | { error: 'state' | 'expired' }

/**
 * The callback takes the attempt whose state it carries, once: the row's state is cleared in the
 * same statement, so a replayed or forged state finds nothing. Too old an attempt is "expired".
 */
export async function takeCalendarAttempt(sql: Db, tenantId: string, stateHash: string): Promise<Attempt> {
  return transaction(sql, async (tx) => {
    const [row] = await tx`
      select calendar_oauth_verifier as verifier,
        calendar_oauth_started_at < now() - make_interval(mins => ${OAUTH_WINDOW_MINUTES}) as expired
      from ob_calmsg where tenant_id = ${tenantId} and calendar_oauth_state_hash = ${stateHash} for update`
    if (!row) return { error: 'state' }
    await tx`
      update ob_calmsg set calendar_oauth_state_hash = null, calendar_oauth_verifier = null, calendar_oauth_started_at = null
      where tenant_id = ${tenantId}`
    return row.expired ? { error: 'expired' } : { verifier: row.verifier }
  }) as Promise<Attempt>
}

export async function recordCalendarError(
  sql: Db,
  tenantId: string,
  error: 'denied' | 'state' | 'expired' | 'provider',
) {
  await transaction(sql, async (tx) => {
    await tx`update ob_calmsg set calendar_error = ${error} where tenant_id = ${tenantId}`
    await logEvent(tx, tenantId, 'calendar.failed', { error })
  })
}

export type Connection = { email: string; scopes: string[]; sealedRefreshToken: string | null }

export async function recordCalendarConnected(sql: Db, tenantId: string, c: Connection) {
  await transaction(sql, async (tx) => {
    await tx`
      update ob_calmsg set calendar_connected = true, calendar_provider = 'google', calendar_account_email = ${c.email},
        calendar_scopes = ${c.scopes}, calendar_refresh_token = ${c.sealedRefreshToken}, calendar_connected_at = now(),
        calendar_error = null
      where tenant_id = ${tenantId}`
    await logEvent(tx, tenantId, 'calendar.connected', { scopes: c.scopes })
  })
}

export async function disconnectCalendar(tx: Db, tenantId: string) {
  await tx`
    update ob_calmsg set calendar_connected = false, calendar_account_email = null, calendar_scopes = '{}',
      calendar_refresh_token = null, calendar_connected_at = null, calendar_error = null
    where tenant_id = ${tenantId}`
  await logEvent(tx, tenantId, 'calendar.disconnected', {})
}

export async function recordSlackTest(sql: Db, tenantId: string, result: 'sent' | 'refused' | 'unreachable') {
  await sql`update ob_calmsg set slack_test_result = ${result}, slack_test_at = now() where tenant_id = ${tenantId}`
}
