import { randomBytes } from 'node:crypto'
import postgres from 'postgres'
import { afterAll, inject } from 'vitest'
import { connect, type Sql } from '../../db/client.server'
import { dropDatabase } from '../../dev/embedded'
import { loginFor } from '../../dev/stack'
import { ensureTenant } from '../../db/flow.server'

export const TEMPLATE = 'ob_test_template'

export const adminUrlFor = (url: string, database: string) => {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}

/** A fresh, migrated database for this test file (cloned from the template), dropped afterwards. */
export async function freshDatabase(): Promise<{ sql: Sql; url: string; name: string }> {
  const adminUrl = inject('adminUrl')
  const name = `ob_test_${randomBytes(6).toString('hex')}`
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
  await admin`create database ${admin(name)} template ${admin(TEMPLATE)}`
  await admin.end()
  const url = adminUrlFor(adminUrl, name)
  const sql = connect(url, { max: 60 })
  afterAll(async () => {
    await sql.end()
    await dropDatabase(adminUrl, name)
  })
  return { sql, url, name }
}

/** A tenant made by the app's own ensureTenant, with the given identity flags and prefill. */
export function makeTenant(
  sql: Sql,
  o: {
    email?: boolean
    mobile?: boolean
    stripe?: boolean
    displayName?: string | null
    vertical?: string | null
  } = {},
) {
  return ensureTenant(sql, {
    userId: `user_${randomBytes(6).toString('hex')}`,
    email: 'owner@example.com',
    mobileE164: '+14155550100',
    name: 'Owner',
    emailVerified: o.email ?? false,
    mobileVerified: o.mobile ?? false,
    stripeCustomerId: null,
    stripeAccountId: null,
  }).then(async (tenantId) => {
    // What the Stripe prefill would have found, written directly.
    await sql`update ob_flow set stripe_active = ${o.stripe ?? false} where tenant_id = ${tenantId}`
    await sql`
      update ob_account set display_name = ${o.displayName === undefined ? 'Acme Plumbing' : o.displayName},
        vertical = ${o.vertical === undefined ? 'plumbing' : o.vertical}
      where tenant_id = ${tenantId}`
    return tenantId
  })
}

/** An empty database on the same server (the copier's target, say), dropped afterwards. */
export async function emptyDatabase(): Promise<string> {
  const adminUrl = inject('adminUrl')
  const name = `ob_test_${randomBytes(6).toString('hex')}_main`
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
  await admin`create database ${admin(name)}`
  await admin.end()
  afterAll(() => dropDatabase(adminUrl, name))
  return adminUrlFor(adminUrl, name)
}

/** A login in a group role (ob_app, ob_copier), as a DBA would make it: its connection string for `url`. */
export const loginIn = (url: string, group: 'ob_app' | 'ob_copier') => loginFor(url, group)
