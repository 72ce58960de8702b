import type { Db, Sql } from './client.server'
import { logEvent, saveSection, type SectionDef } from './save.server'

export const numberSection: SectionDef = {
  table: 'ob_number',
  columns: {
    areaCode: 'value',
    preferredAreaCodes: 'value',
    hours: 'json',
    serviceRadiusMi: 'value',
    ringWindowSec: 'value',
    ownerWindowSec: 'value',
    afterHoursMode: 'value',
    holidays: 'value',
    stopHelpText: 'value',
    startPortIn: 'value',
    portIn: 'json',
    state: 'value',
    provisionRequestedAt: 'value',
    provisionError: 'value',
    availability: 'json',
    availabilityCheckedAt: 'value',
  },
}

export type Hours = Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', { open: boolean; start: string; end: string }>
export type NumberRow = {
  areaCode: string | null
  preferredAreaCodes: string[]
  hours: Hours
  serviceRadiusMi: number
  ringWindowSec: number
  ownerWindowSec: number
  afterHoursMode: 'AIOnly' | 'QueueForHuman' | 'CloseWithMsg'
  holidays: string[]
  stopHelpText: string
  startPortIn: boolean
  portIn: { phoneNumber?: string; accountNumber?: string; pin?: string } | null
  e164: string | null
  providerSid: string | null
  capabilities: { sms: boolean; mms: boolean; voice: boolean } | null
  state: string | null
  correlationId: string | null
  numberGeneration: number
  provisionRequestedAt: Date | null
  provisionError: 'busy' | 'unavailable' | null
  availability: { areaCode: string; available: number }[] | null
}

/**
 * The section row. A tenant's first visit creates it, so the defaults shown are the table's own
 * (one source of truth for them); creating it changes no progress.
 */
export async function readNumber(sql: Db, tenantId: string): Promise<NumberRow> {
  await sql`insert into ob_number (tenant_id) values (${tenantId}) on conflict (tenant_id) do nothing`
  const [row] = await sql<NumberRow[]>`
    select area_code, preferred_area_codes, hours, service_radius_mi, ring_window_sec, owner_window_sec,
           after_hours_mode, array(select to_char(d, 'YYYY-MM-DD') from unnest(holidays) d order by d) as holidays,
           stop_help_text, start_port_in, port_in, e164, provider_sid, capabilities, state,
           correlation_id, number_generation, provision_requested_at, provision_error, availability
    from ob_number where tenant_id = ${tenantId}`
  return row
}

export function saveNumber(sql: Sql, input: Parameters<typeof saveSection>[2]) {
  return saveSection(sql, numberSection, input)
}

/** The key a purchase is sent under (the provider's Idempotency-Key): one purchase per key, ever. */
export const provisionKey = (tenantId: string, generation: number) => `ob:prov:${tenantId}${generation ? `:${generation}` : ''}`

export type PurchaseClaim = { key: string; areaCode: string; generation: number; replay: boolean }

/**
 * What provision_number buys now, decided under the row lock and committed before the provider is
 * called: null when nothing is wanted (a number is in place, or a port-in replaces it). A key left
 * open by a crash or a timeout is replayed with its own area code; a key the provider answered is
 * reused for the same area code after "busy", and replaced by the next one for another area code
 * or after "unavailable" (the provider refuses a key sent with another body).
 */
export async function claimPurchase(sql: Sql, tenantId: string): Promise<PurchaseClaim | null> {
  return sql.begin(async (tx) => {
    const [n] = await tx`
      select area_code, e164, e164_generation, number_generation, purchase_area_code, purchase_open, provision_error, start_port_in
      from ob_number where tenant_id = ${tenantId} for update`
    if (!n || (n.startPortIn && !n.e164)) return null
    if (n.e164 && n.e164Generation === n.numberGeneration) return null
    if (n.purchaseOpen) return { key: provisionKey(tenantId, n.numberGeneration), areaCode: n.purchaseAreaCode, generation: n.numberGeneration, replay: true }
    if (!n.areaCode) return null
    const spent = n.purchaseAreaCode !== null && (n.purchaseAreaCode !== n.areaCode || n.provisionError === 'unavailable')
    const generation = n.numberGeneration + (spent ? 1 : 0)
    await tx`
      update ob_number set number_generation = ${generation}, purchase_area_code = ${n.areaCode}, purchase_open = true, provision_error = null
      where tenant_id = ${tenantId}`
    return { key: provisionKey(tenantId, generation), areaCode: n.areaCode, generation, replay: false }
  }) as Promise<PurchaseClaim | null>
}

export type Provisioned = { e164: string; sid: string; capabilities: object; state: 'Configured'; correlationId: string; generation: number }

/**
 * The provider's answer, in one transaction: the number on ob_number (which re-derives
 * ob_flow.number_state), the purchase closed, and ob_event rows. A number replaced by this one
 * ("Change number") is logged as number.release for the porting/release service.
 */
export async function recordProvisioned(sql: Sql, tenantId: string, p: Provisioned): Promise<'recorded' | 'same'> {
  return sql.begin(async (tx) => {
    const [row] = await tx`select e164, provider_sid from ob_number where tenant_id = ${tenantId} for update`
    const event = (type: string, data: Record<string, unknown>) => logEvent(tx, tenantId, type, data)
    if (row?.providerSid === p.sid) {
      await tx`update ob_number set purchase_open = false where tenant_id = ${tenantId}`
      return 'same'
    }
    if (row?.e164) await event('number.release', { e164: row.e164, providerSid: row.providerSid, reason: 'owner changed number' })
    await tx`
      update ob_number set e164 = ${p.e164}, provider_sid = ${p.sid}, capabilities = ${tx.json(p.capabilities as never)},
        state = ${p.state}, correlation_id = ${p.correlationId}, e164_generation = ${p.generation},
        purchase_open = false, provision_error = null
      where tenant_id = ${tenantId}`
    await event('number.provisioned', { e164: p.e164, providerSid: p.sid, correlationId: p.correlationId, generation: p.generation })
    return 'recorded'
  }) as Promise<'recorded' | 'same'>
}

/**
 * A refusal the owner sees as one line: busy (5xx, retried) or unavailable (409). `open` keeps the
 * purchase open when its outcome is unknown (no answer): the retry must replay it.
 */
export async function recordProvisionProblem(sql: Sql, tenantId: string, problem: 'busy' | 'unavailable', correlationId: string, o: { availability?: unknown; open?: boolean } = {}) {
  await sql.begin(async (tx) => {
    await tx`
      update ob_number set provision_error = ${problem}, correlation_id = ${correlationId}, purchase_open = ${o.open ?? false}
        ${o.availability ? tx`, availability = ${tx.json(o.availability as never)}, availability_checked_at = now()` : tx``}
      where tenant_id = ${tenantId}`
    await logEvent(tx, tenantId, `number.${problem}`, { correlationId })
  })
}

/** "Change number", in the saving transaction: refused by the database past the daily cap (OB429). */
export async function requestNumberChange(tx: Db, tenantId: string, areaCode: string, dailyCap: number) {
  await tx`select ob_request_number_change(${tenantId}, ${areaCode}, ${dailyCap})`
}
