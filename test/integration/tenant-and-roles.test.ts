import type postgres from 'postgres'
import { describe, expect, it } from 'vitest'
import { ensureTenant, identityFlags } from '../../db/flow.server'
import { migrateDatabase } from '../../db/migrate'
import { freshDatabase, makeTenant } from '../setup/db'

const { sql, url } = await freshDatabase()

const owner = (userId: string, verified = false) => ({
  userId,
  email: 'sam@example.com',
  mobileE164: '+16465550100',
  name: 'Sam',
  emailVerified: verified,
  mobileVerified: verified,
  stripeCustomerId: `cus_${userId}`,
  stripeAccountId: null,
})

describe('ensureTenant', () => {
  it('creates exactly one tenant, owner and account even for 20 concurrent first visits', async () => {
    const ids = await Promise.all(Array.from({ length: 20 }, () => ensureTenant(sql, owner('user_concurrent'))))
    expect(new Set(ids).size).toBe(1)
    const [{ flows }] = await sql`select count(*)::int as flows from ob_flow where tenant_id = ${ids[0]}`
    const employees =
      await sql`select role, name, email, mobile_e164 from ob_employee where clerk_user_id = 'user_concurrent'`
    expect(flows).toBe(1)
    expect(employees).toEqual([{ role: 'owner', name: 'Sam', email: 'sam@example.com', mobileE164: '+16465550100' }])
    const [account] = await sql`select owner_email, timezone, defaulted from ob_account where tenant_id = ${ids[0]}`
    expect(account).toEqual({ ownerEmail: 'sam@example.com', timezone: 'America/New_York', defaulted: ['timezone'] })
    // The Stripe prefill job was enqueued once, by the transaction that created the tenant.
    const jobs = await sql`select type, payload, job_key from ob_outbox where tenant_id = ${ids[0]}`
    expect(jobs).toEqual([{ type: 'STRIPE_PREFILL', payload: { tenantId: ids[0] }, jobKey: `ob:stripe:${ids[0]}` }])
  })

  it('refreshes identity flags on a later visit without touching the version', async () => {
    const id = await ensureTenant(sql, owner('user_flags'))
    expect(await identityFlags(sql, id)).toEqual({ emailVerified: false, mobileVerified: false, stripeActive: false })
    expect(await ensureTenant(sql, owner('user_flags', true))).toBe(id)
    expect(await identityFlags(sql, id)).toEqual({ emailVerified: true, mobileVerified: true, stripeActive: false })
    const [{ version }] = await sql`select version from ob_flow where tenant_id = ${id}`
    expect(version).toBe(0)
  })
})

describe('roles', () => {
  // Each check runs as the role inside a transaction that is rolled back.
  const as = <T>(role: string, fn: (tx: postgres.TransactionSql) => Promise<T>) =>
    sql.begin(async (tx) => {
      await tx`select set_config('role', ${role}, true)`
      return fn(tx)
    })

  it('lets the copier read ob_snapshot and complete a FINALIZE flow, and nothing else', async () => {
    const t = await makeTenant(sql, { email: true, mobile: true, stripe: true })
    await sql`update ob_flow set phase = 'FINALIZE' where tenant_id = ${t}`
    const rows = await as(
      'ob_copier',
      (tx) => tx`select tenant_id, phase, snapshot from ob_snapshot where phase = 'FINALIZE'`,
    )
    expect(rows).toHaveLength(1)
    expect(rows[0].snapshot.account.displayName).toBe('Acme Plumbing')
    expect(
      await as(
        'ob_copier',
        (tx) =>
          tx`select ob_mark_complete(${t}, (select (snapshot->'flow'->>'revision')::bigint from ob_snapshot where tenant_id = ${t})) as ok`,
      ),
    ).toEqual([{ ok: true }])
    for (const table of ['ob_account', 'ob_flow', 'ob_number', 'ob_event', 'ob_outbox']) {
      await expect(as('ob_copier', (tx) => tx`select * from ${tx(table)}`)).rejects.toMatchObject({ code: '42501' })
    }
    await expect(as('ob_copier', (tx) => tx`update ob_snapshot set phase = 'COMPLETE'`)).rejects.toThrow()
  })

  it('lets the app role save, advance and enqueue, but not mark complete or drop tables', async () => {
    const t = await makeTenant(sql)
    await as('ob_app', async (tx) => {
      await tx`update ob_account set display_name = 'By the app role' where tenant_id = ${t}`
      await tx`select ob_advance(${t})`
      await tx`select ob_enqueue('provision_number', json_build_object('tenantId', ${t}::text), ${`ob:prov:${t}`})`
    })
    await expect(as('ob_app', (tx) => tx`select ob_mark_complete(${t}, 0)`)).rejects.toMatchObject({ code: '42501' })
    await expect(as('ob_app', (tx) => tx`drop table ob_event`)).rejects.toMatchObject({ code: '42501' })
    await expect(
      as('ob_app', (tx) => tx`select ob_enqueue('drop_everything', '{}', 'not-ours')`),
    ).rejects.toMatchObject({ code: '23514' })
  })
})

describe('db:migrate', () => {
  it('is a no-op on an up-to-date database', async () => {
    const before = await sql`select count(*)::int as n from graphile_migrate.migrations`
    await migrateDatabase(url)
    expect(await sql`select count(*)::int as n from graphile_migrate.migrations`).toEqual(before)
  })
})
