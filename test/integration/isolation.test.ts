import { afterAll, describe, expect, it } from 'vitest'
import { SECTIONS } from '../../core/pages'
import { asTenant, connect } from '../../db/client.server'
import { freshDatabase, loginIn, makeTenant } from '../setup/db'

// Tenant isolation in PostgreSQL: the web app's login (a member of ob_app, not the tables' owner,
// not a superuser) sees and changes only the tenant its transaction names, even when a statement
// forgets "where tenant_id = ...", and nothing when it names none.
const { sql, url } = await freshDatabase()
const app = connect(await loginIn(url, 'ob_app'), { max: 2 })
afterAll(() => app.end())
const a = await makeTenant(sql, { displayName: 'Tenant A Plumbing' })
const b = await makeTenant(sql, { displayName: 'Tenant B Roofing' })
const TABLES = ['ob_flow', ...SECTIONS.map((s) => s.section), 'ob_employee', 'ob_event']

describe('row-level security for the web app', () => {
  it('runs as a login in ob_app that is neither a superuser nor the owner of the tables', async () => {
    const [me] =
      await app`select rolsuper, rolbypassrls, pg_has_role(current_user, 'ob_app', 'member') as in_app from pg_roles where rolname = current_user`
    expect(me).toEqual({ rolsuper: false, rolbypassrls: false, inApp: true })
    const owners = await app`select distinct tableowner from pg_tables where tablename = any(${TABLES})`
    expect(owners.map((o) => o.tableowner)).not.toContain((await app`select current_user as u`)[0].u)
  })

  it.each(TABLES)(
    '%s: a query that forgets its where clause sees only the tenant the transaction names',
    async (table) => {
      const mine = await asTenant(app, a, (tx) => tx.unsafe(`select distinct tenant_id from ${table}`))
      expect(mine.map((r) => r.tenantId)).toEqual([a])
      const [{ n }] = await asTenant(app, a, (tx) =>
        tx.unsafe(`select count(*)::int as n from ${table} where tenant_id = $1`, [b]),
      )
      expect(n).toBe(0) // asking for another tenant by id finds nothing either
    },
  )

  it("an update that forgets its where clause changes only its own tenant; another tenant's rows cannot be written", async () => {
    const changed = await asTenant(app, a, (tx) => tx`update ob_account set display_name = 'Changed by A'`)
    expect(changed.count).toBe(1)
    const byId = await asTenant(
      app,
      a,
      (tx) => tx`update ob_account set display_name = 'Changed by A' where tenant_id = ${b}`,
    )
    expect(byId.count).toBe(0)
    await expect(
      asTenant(app, a, (tx) => tx`insert into ob_event (tenant_id, event_type) values (${b}, 'audit.forged')`),
    ).rejects.toMatchObject({ code: '42501' })
    await expect(asTenant(app, a, (tx) => tx`update ob_account set tenant_id = ${b}`)).rejects.toMatchObject({
      code: '42501',
    })
    expect((await sql`select display_name from ob_account where tenant_id = ${b}`)[0].displayName).toBe(
      'Tenant B Roofing',
    )
    expect((await sql`select display_name from ob_account where tenant_id = ${a}`)[0].displayName).toBe('Changed by A')
  })

  it('a transaction (or a statement) that names no tenant reads nothing and changes nothing', async () => {
    for (const table of TABLES) {
      const [{ n }] = await app.begin((tx) => tx.unsafe(`select count(*)::int as n from ${table}`))
      expect(n, table).toBe(0)
    }
    expect((await app`select count(*)::int as n from ob_flow`)[0].n).toBe(0)
    expect((await app`update ob_account set display_name = 'Nobody'`).count).toBe(0)
    // The setting lasts only as long as its transaction: the next one on the same connection sees nothing.
    const once = connect(await loginIn(url, 'ob_app'), { max: 1 })
    await asTenant(once, a, (tx) => tx`select 1`)
    expect((await once`select count(*)::int as n from ob_account`)[0].n).toBe(0)
    await once.end()
  })

  it("the views are not the app's to read (they run past the policies); its own snapshot comes through ob_tenant_snapshot", async () => {
    await expect(app`select * from ob_snapshot`).rejects.toMatchObject({ code: '42501' })
    await expect(app`select * from ob_outbox`).rejects.toMatchObject({ code: '42501' })
    const [{ snapshot }] = await asTenant(app, a, (tx) => tx`select ob_tenant_snapshot() as snapshot`)
    expect(snapshot.tenantId).toBe(a)
    expect((await app`select ob_tenant_snapshot() as snapshot`)[0].snapshot).toBeNull()
  })
})
