import { z } from 'zod'
import { transaction, type Db } from './client.server'
import { logEvent } from './jobs.server'
import { defineSection } from './section.server'

const ADDRESS = z.object({
  line1: z.string(),
  line2: z.string().optional(),
  city: z.string(),
  state: z.string(),
  zip: z.string(),
})
export type Address = z.output<typeof ADDRESS>
const text = z.string().nullable()

// Page 1's row (ob_account). The owner's email and mobile come from the identity provider, and
// prefilledAt from the Stripe prefill job: never from a save.
export const accountSection = defineSection('ob_account', {
  displayName: { type: text, write: true },
  vertical: { type: text, write: true },
  logoUrl: { type: text, write: true },
  brandColor: { type: text, write: true },
  timezone: { type: text, write: true },
  address: { type: ADDRESS.nullable(), write: true },
  languages: { type: z.array(z.string()), write: true },
  ownerEmail: { type: text },
  ownerMobileE164: { type: text },
  defaulted: { type: z.array(z.string()) },
  prefilledAt: { type: z.date().nullable() },
})
export type AccountRow = z.output<typeof accountSection.row>

export const readAccount = (sql: Db, tenantId: string) => accountSection.read(sql, tenantId)

export type DefaultColumn = 'display_name' | 'vertical' | 'logo_url' | 'brand_color' | 'timezone' | 'address'
export type Defaults = Partial<Record<DefaultColumn, unknown>>

export type Prefill = { stripeActive: boolean; planCode: string | null; values: Defaults }

/** What the Stripe prefill job found, in one transaction with the subscription flags. */
export async function applyPrefill(sql: Db, tenantId: string, prefill: Prefill): Promise<string[]> {
  return transaction(sql, async (tx) => {
    await tx`update ob_flow set stripe_active = ${prefill.stripeActive}, plan_code = ${prefill.planCode} where tenant_id = ${tenantId}`
    const filled = await fillDefaults(tx, tenantId, prefill.values)
    await tx`update ob_account set prefilled_at = now() where tenant_id = ${tenantId}`
    await logEvent(tx, tenantId, 'stripe.prefilled', { fields: filled })
    return filled
  }) as Promise<string[]>
}

/**
 * Fills values for the owner without overwriting what they typed: a column is filled only while
 * it is empty or still holds a default, and is then listed as a default itself (the "Accepted
 * defaults" chip). ob.prefilling tells the ob_account_undefault trigger these are not edits.
 */
export async function fillDefaults(tx: Db, tenantId: string, values: Defaults): Promise<string[]> {
  const [row] = await tx`select * from ob_account where tenant_id = ${tenantId} for update`
  if (!row) return []
  const filled: Record<string, unknown> = {}
  for (const [column, value] of Object.entries(values)) {
    const camel = column.replace(/_(\w)/g, (_, c: string) => c.toUpperCase())
    if (value === null || value === undefined) continue
    if (row[camel] !== null && !row.defaulted.includes(column)) continue
    filled[column] = column === 'address' ? tx.json(value as never) : value
  }
  const columns = Object.keys(filled)
  if (columns.length === 0) return []
  await tx`select set_config('ob.prefilling', 'on', true)`
  await tx`
    update ob_account set ${tx(filled as never, columns)}, defaulted = array(select distinct unnest(defaulted || ${columns}::text[]))
    where tenant_id = ${tenantId}`
  await tx`select set_config('ob.prefilling', 'off', true)`
  return columns
}

/**
 * Whether a new tenant's Stripe prefill job (enqueued with the tenant) has yet to land: the first
 * page load waits a moment for it. A tenant older than a minute (Stripe slow or down) does not wait:
 * its page shows "Fetching your business details..." at once.
 */
export async function firstPrefillPending(sql: Db, tenantId: string): Promise<boolean> {
  const [row] = await sql`
    select a.prefilled_at is null and f.created_at > now() - interval '1 minute' as waiting
    from ob_account a join ob_flow f using (tenant_id) where tenant_id = ${tenantId}`
  return Boolean(row?.waiting)
}

/** Every logo a row points to (any tenant's: the same picture is one file). */
export async function referencedLogos(sql: Db): Promise<Set<string>> {
  const rows = await sql`select distinct logo_url from ob_account where logo_url like '/uploads/%'`
  return new Set(rows.map((r) => r.logoUrl as string))
}
