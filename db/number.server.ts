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
    numberGeneration: 'value',
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

export type Provisioned = { e164: string; sid: string; capabilities: object; state: 'Configured'; correlationId: string; generation: number }

/**
 * The provider's answer, in one transaction: the number on ob_number (which re-derives
 * ob_flow.number_state), and ob_event rows. A number bought for an older "Change number" round,
 * or replaced by a newer one, is logged as number.release for the porting/release service.
 */
export async function recordProvisioned(sql: Sql, tenantId: string, p: Provisioned): Promise<'recorded' | 'stale' | 'same'> {
  return sql.begin(async (tx) => {
    const [row] = await tx`select e164, provider_sid, number_generation from ob_number where tenant_id = ${tenantId} for update`
    const event = (type: string, data: Record<string, unknown>) => logEvent(tx, tenantId, type, data)
    if (row && row.numberGeneration !== p.generation) {
      await event('number.release', { e164: p.e164, providerSid: p.sid, reason: 'superseded before it was used' })
      return 'stale'
    }
    if (row?.providerSid === p.sid) return 'same'
    if (row?.e164) await event('number.release', { e164: row.e164, providerSid: row.providerSid, reason: 'owner changed number' })
    await tx`
      insert into ob_number (tenant_id, e164, provider_sid, capabilities, state, correlation_id, provision_error)
      values (${tenantId}, ${p.e164}, ${p.sid}, ${tx.json(p.capabilities as never)}, ${p.state}, ${p.correlationId}, null)
      on conflict (tenant_id) do update set e164 = excluded.e164, provider_sid = excluded.provider_sid,
        capabilities = excluded.capabilities, state = excluded.state, correlation_id = excluded.correlation_id, provision_error = null`
    await event('number.provisioned', { e164: p.e164, providerSid: p.sid, correlationId: p.correlationId, generation: p.generation })
    return 'recorded'
  }) as Promise<'recorded' | 'stale' | 'same'>
}

/** A refusal the owner sees as one line: busy (5xx, retried) or unavailable (409). */
export async function recordProvisionProblem(sql: Sql, tenantId: string, problem: 'busy' | 'unavailable', correlationId: string, availability?: unknown) {
  await sql.begin(async (tx) => {
    await tx`
      update ob_number set provision_error = ${problem}, correlation_id = ${correlationId}
        ${availability ? tx`, availability = ${tx.json(availability as never)}, availability_checked_at = now()` : tx``}
      where tenant_id = ${tenantId}`
    await logEvent(tx, tenantId, `number.${problem}`, { correlationId })
  })
}
