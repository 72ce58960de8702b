import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { freshDatabase } from '../setup/db'
import { onboardedTenant } from '../setup/onboarded'

// The README's runbook stays true: every alert and retention query in "Running in production" runs as written.
const { sql } = await freshDatabase()
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
const section = readme.slice(readme.indexOf('## Running in production'), readme.indexOf('## Libraries and why'))
const queries = [...section.matchAll(/```sql\n([\s\S]*?)```/g)]
  .flatMap((m) => m[1].split(/;\s*\n/))
  .map((q) => q.replace(/--.*$/gm, '').trim())
  .filter(Boolean)

describe('the runbook', () => {
  it('has its alert and retention queries, and each runs', async () => {
    expect(queries.length).toBeGreaterThanOrEqual(8)
    for (const q of queries) await expect(sql.unsafe(q), q).resolves.toBeDefined()
  })

  it("deleting a tenant's ob_flow row takes all its rows with it, as the retention line says", async () => {
    const t = await onboardedTenant(sql)
    await sql`delete from ob_flow where tenant_id = ${t}`
    const left =
      await sql`select table_name from information_schema.columns c join information_schema.tables t using (table_schema, table_name)
      where c.table_schema = 'public' and c.column_name = 'tenant_id' and t.table_type = 'BASE TABLE'`
    for (const { tableName } of left)
      expect(
        (await sql.unsafe(`select count(*)::int as n from ${tableName} where tenant_id = $1`, [t]))[0].n,
        tableName,
      ).toBe(0)
  })
})
