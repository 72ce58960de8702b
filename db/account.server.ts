import type { Db, Sql } from './client.server'
import { logEvent, saveSection, type SectionDef } from './save.server'

export const accountSection: SectionDef = {
  table: 'ob_account',
  columns: {
    displayName: 'value',
    vertical: 'value',
    logoUrl: 'value',
    brandColor: 'value',
    timezone: 'value',
    address: 'json',
    languages: 'value',
  },
}

export type Address = { line1: string; line2?: string; city: string; state: string; zip: string }
export type AccountRow = {
  displayName: string | null
  vertical: string | null
  logoUrl: string | null
  brandColor: string | null
  timezone: string | null
  address: Address | null
  languages: string[]
  ownerEmail: string | null
  ownerMobileE164: string | null
  defaulted: string[]
  prefilledAt: Date | null
}

export async function readAccount(sql: Db, tenantId: string): Promise<AccountRow> {
  const [row] = await sql<AccountRow[]>`
    select display_name, vertical, logo_url, brand_color, timezone, address, languages, owner_email,
           owner_mobile_e164, defaulted, prefilled_at
    from ob_account where tenant_id = ${tenantId}`
  if (!row) throw new Error(`no account row for tenant ${tenantId}`)
  return row
}

export type DefaultColumn = 'display_name' | 'vertical' | 'logo_url' | 'brand_color' | 'timezone' | 'address'
export type Defaults = Partial<Record<DefaultColumn, unknown>>

export type Prefill = { stripeActive: boolean; planCode: string | null; values: Defaults }

/** Saves the owner's fields, then fills the defaults guessed from them (timezone, brand colour). */
export function saveAccount(sql: Sql, input: Parameters<typeof saveSection>[2], defaults: Defaults = {}) {
  return saveSection(sql, accountSection, { ...input, after: (tx) => fillDefaults(tx, input.tenantId, defaults) })
}

/** What the Stripe prefill job found, in one transaction with the subscription flags. */
export async function applyPrefill(sql: Sql, tenantId: string, prefill: Prefill): Promise<string[]> {
  return sql.begin(async (tx) => {
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
