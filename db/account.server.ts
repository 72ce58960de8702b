import type { Db, Sql } from './client.server'
import { saveSection, type SectionDef } from './save.server'

export const accountSection: SectionDef = {
  table: 'ob_account',
  columns: { displayName: 'value', vertical: 'value' },
}

export type AccountRow = {
  displayName: string | null
  vertical: string | null
  ownerEmail: string | null
  ownerMobileE164: string | null
}

export async function readAccount(sql: Db, tenantId: string): Promise<AccountRow> {
  const [row] = await sql<AccountRow[]>`
    select display_name, vertical, owner_email, owner_mobile_e164 from ob_account where tenant_id = ${tenantId}`
  return row ?? { displayName: null, vertical: null, ownerEmail: null, ownerMobileE164: null }
}

export function saveAccount(sql: Sql, input: Parameters<typeof saveSection>[2]) {
  return saveSection(sql, accountSection, input)
}
