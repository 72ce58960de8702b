import { z } from 'zod'
import { transaction, type Db } from './client.server'
import { logEvent, purchaseKey } from './jobs.server'
import { defineSection } from './section.server'

const DAY = z.object({ open: z.boolean(), start: z.string(), end: z.string() })
const HOURS = z.object({ mon: DAY, tue: DAY, wed: DAY, thu: DAY, fri: DAY, sat: DAY, sun: DAY })
export type Hours = z.output<typeof HOURS>
const text = z.string().nullable()
const time = z.date().nullable()

// Page 2's row (ob_number). `write`: the owner's saves may set it; the rest is the provider's
// answer and the purchase's own state, written by provision_number.
export const numberSection = defineSection('ob_number', {
  areaCode: { type: text, write: true },
  preferredAreaCodes: { type: z.array(z.string()), write: true },
  hours: { type: HOURS, write: true },
  serviceRadiusMi: { type: z.number().int(), write: true },
  ringWindowSec: { type: z.number().int(), write: true },
  ownerWindowSec: { type: z.number().int(), write: true },
  afterHoursMode: { type: z.enum(['AIOnly', 'QueueForHuman', 'CloseWithMsg']), write: true },
  holidays: {
    type: z.array(z.string()),
    write: true,
    select: "array(select to_char(d, 'YYYY-MM-DD') from unnest(holidays) d order by d)",
  },
  stopHelpText: { type: z.string(), write: true },
  startPortIn: { type: z.boolean(), write: true },
  portIn: {
    type: z
      .object({ phoneNumber: z.string().optional(), accountNumber: z.string().optional(), pin: z.string().optional() })
      .nullable(),
    write: true,
  },
  state: { type: z.enum(['Configured', 'PendingActivation', 'Porting', 'Active']).nullable(), write: true },
  provisionRequestedAt: { type: time, write: true },
  provisionError: { type: z.enum(['busy', 'unavailable']).nullable(), write: true },
  availability: {
    type: z.array(z.object({ areaCode: z.string(), available: z.number().int() })).nullable(),
    write: true,
  },
  availabilityCheckedAt: { type: time, write: true },
  e164: { type: text },
  providerSid: { type: text },
  capabilities: { type: z.object({ sms: z.boolean(), mms: z.boolean(), voice: z.boolean() }).nullable() },
  correlationId: { type: text },
  numberGeneration: { type: z.number().int() },
  e164Generation: { type: z.number().int().nullable() },
})
export type NumberRow = z.output<typeof numberSection.row>

export const readNumber = (sql: Db, tenantId: string) => numberSection.read(sql, tenantId)

export type PurchaseClaim = { key: string; areaCode: string; generation: number; replay: boolean }

/**
 * What provision_number buys now, decided under the row lock and committed before the provider is
 * called: null when nothing is wanted (a number is in place, or a port-in replaces it). A key left
 * open by a crash or a timeout is replayed with its own area code; a key the provider answered is
 * reused for the same area code after "busy", and replaced by the next one for another area code
 * or after "unavailable" (the provider refuses a key sent with another body).
 */
export async function claimPurchase(sql: Db, tenantId: string): Promise<PurchaseClaim | null> {
  return transaction(sql, async (tx) => {
    const [n] = await tx`
      select area_code, e164, e164_generation, number_generation, purchase_area_code, purchase_open, provision_error, start_port_in
      from ob_number where tenant_id = ${tenantId} for update`
    if (!n || (n.startPortIn && !n.e164)) return null
    if (n.e164 && n.e164Generation === n.numberGeneration) return null
    if (n.purchaseOpen)
      return {
        key: purchaseKey(tenantId, n.numberGeneration),
        areaCode: n.purchaseAreaCode,
        generation: n.numberGeneration,
        replay: true,
      }
    if (!n.areaCode) return null
    const spent =
      n.purchaseAreaCode !== null && (n.purchaseAreaCode !== n.areaCode || n.provisionError === 'unavailable')
    const generation = n.numberGeneration + (spent ? 1 : 0)
    await tx`
      update ob_number set number_generation = ${generation}, purchase_area_code = ${n.areaCode}, purchase_open = true, provision_error = null
      where tenant_id = ${tenantId}`
    return { key: purchaseKey(tenantId, generation), areaCode: n.areaCode, generation, replay: false }
  }) as Promise<PurchaseClaim | null>
}

export type Provisioned = {
  e164: string
  sid: string
  capabilities: object
  state: 'Configured'
  correlationId: string
  generation: number
}

/**
 * The provider's answer, in one transaction: the number on ob_number (which re-derives
 * ob_flow.number_state), the purchase closed, and ob_event rows. A number replaced by this one
 * ("Change number") is logged as number.release for the porting/release service.
 */
export async function recordProvisioned(sql: Db, tenantId: string, p: Provisioned): Promise<'recorded' | 'same'> {
  return transaction(sql, async (tx) => {
    const [row] = await tx`select e164, provider_sid from ob_number where tenant_id = ${tenantId} for update`
    const event = (type: string, data: Record<string, unknown>) => logEvent(tx, tenantId, type, data)
    if (row?.providerSid === p.sid) {
      await tx`update ob_number set purchase_open = false where tenant_id = ${tenantId}`
      return 'same'
    }
    if (row?.e164)
      await event('number.release', { e164: row.e164, providerSid: row.providerSid, reason: 'owner changed number' })
    await tx`
      update ob_number set e164 = ${p.e164}, provider_sid = ${p.sid}, capabilities = ${tx.json(p.capabilities as never)},
        state = ${p.state}, correlation_id = ${p.correlationId}, e164_generation = ${p.generation},
        purchase_open = false, provision_error = null
      where tenant_id = ${tenantId}`
    await event('number.provisioned', {
      e164: p.e164,
      providerSid: p.sid,
      correlationId: p.correlationId,
      generation: p.generation,
    })
    return 'recorded'
  }) as Promise<'recorded' | 'same'>
}

/**
 * A refusal the owner sees as one line: busy (5xx, retried) or unavailable (409). `open` keeps the
 * purchase open when its outcome is unknown (no answer): the retry must replay it.
 */
export async function recordProvisionProblem(
  sql: Db,
  tenantId: string,
  problem: 'busy' | 'unavailable',
  correlationId: string,
  o: { availability?: unknown; open?: boolean } = {},
) {
  await transaction(sql, async (tx) => {
    await tx`
      update ob_number set provision_error = ${problem}, correlation_id = ${correlationId}, purchase_open = ${o.open ?? false}
        ${o.availability ? tx`, availability = ${tx.json(o.availability as never)}, availability_checked_at = now()` : tx``}
      where tenant_id = ${tenantId}`
    await logEvent(tx, tenantId, `number.${problem}`, { correlationId })
  })
}

/** "Change number", in the saving transaction: refused by the database past its daily cap (OB429, ob_setting). */
export async function requestNumberChange(tx: Db, tenantId: string, areaCode: string) {
  await tx`select ob_request_number_change(${tenantId}, ${areaCode})`
}
