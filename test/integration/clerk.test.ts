import { createSign, generateKeyPairSync, randomBytes } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import { freshDatabase } from '../setup/db'
import { startClerkFake } from '../fakes/clerk'

// The Clerk path for real: @clerk/remix verifies session tokens without network (CLERK_JWT_KEY, a key
// pair made here) and the owner is read from the Clerk fake's Backend API over HTTP.
const { url, sql } = await freshDatabase()
const fake = await startClerkFake(0)
const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
const ISSUER = 'https://clerk.wizard.example'
Object.assign(process.env, {
  DATABASE_URL: url,
  CLERK_PUBLISHABLE_KEY: `pk_live_${Buffer.from('clerk.wizard.example$').toString('base64')}`,
  CLERK_SECRET_KEY: 'sk_live_fake_secret',
  CLERK_JWT_KEY: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  CLERK_API_URL: fake.url,
})
const { requireIdentity, signOut } = await import('../../app/auth/session.server')
const { refreshIdentityFlags } = await import('../../app/auth/identity.server')
const { pool: dbPool } = await import('../../platform/db.server')
afterAll(async () => {
  await fake.close()
  await dbPool().end()
})

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')
function sessionToken(sub: string, o: { expiresIn?: number; key?: typeof privateKey; sid?: string } = {}) {
  const iat = Math.floor(Date.now() / 1000) - 5
  const body = `${b64({ alg: 'RS256', typ: 'JWT', kid: 'ins_test' })}.${b64({ sub, sid: o.sid ?? `sess_${randomBytes(4).toString('hex')}`, iss: ISSUER, iat, nbf: iat, exp: iat + (o.expiresIn ?? 60) })}`
  const signature = createSign('RSA-SHA256')
    .update(body)
    .sign(o.key ?? privateKey)
    .toString('base64url')
  return { token: `${body}.${signature}`, iat }
}
const request = (token?: { token: string; iat: number }) =>
  new Request('https://wizard.example/onboarding/account', {
    headers: { accept: 'text/html', ...(token && { cookie: `__session=${token.token}; __client_uat=${token.iat}` }) },
  })
const redirectOf = async (p: Promise<unknown>) => {
  const thrown = await p.then(
    () => null,
    (e) => e,
  )
  expect(thrown).toBeInstanceOf(Response)
  return (thrown as Response).headers.get('location')
}

describe('Clerk identity', () => {
  it('creates one tenant from Clerk’s user on the first visit, even for two concurrent requests', async () => {
    const token = sessionToken('user_verified')
    const [a, b] = await Promise.all([requireIdentity(request(token)), requireIdentity(request(token))])
    expect(a.tenantId).toBe(b.tenantId)
    expect(a).toMatchObject({ userId: 'user_verified', persona: 'clerk' })
    const flows = await sql`select f.tenant_id, email_verified, mobile_verified, stripe_customer_id from ob_flow f
      join ob_employee e using (tenant_id) where e.clerk_user_id = 'user_verified'`
    expect(flows).toEqual([
      { tenantId: a.tenantId, emailVerified: true, mobileVerified: true, stripeCustomerId: 'cus_verified' },
    ])
    const [account] = await sql`select owner_email, owner_mobile_e164 from ob_account where tenant_id = ${a.tenantId}`
    expect(account).toEqual({ ownerEmail: 'maria@riveraplumbing.example', ownerMobileE164: '+14155550123' })
    expect((await requireIdentity(request(sessionToken('user_verified')))).tenantId).toBe(a.tenantId)
  })

  it('takes the unverified mobile from Clerk', async () => {
    const { tenantId } = await requireIdentity(request(sessionToken('user_unverified_mobile')))
    const [row] = await sql`select email_verified, mobile_verified from ob_flow where tenant_id = ${tenantId}`
    expect(row).toEqual({ emailVerified: true, mobileVerified: false })
  })

  it('sends visitors without a valid session to Clerk’s sign-in, creating nothing', async () => {
    const before = (await sql`select count(*)::int as n from ob_flow`)[0].n
    const signIn = /^https:\/\/accounts\.wizard\.example\/sign-in\?redirect_url=/
    expect(await redirectOf(requireIdentity(request()))).toMatch(signIn)
    // A forged token is signed out; an expired one goes to Clerk's handshake, which refreshes it.
    const handshake = /^https:\/\/clerk\.wizard\.example\/v1\/client\/handshake\?/
    const { privateKey: otherKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    expect(
      await redirectOf(requireIdentity(request(sessionToken('user_inactive_subscription', { key: otherKey })))),
    ).toMatch(signIn)
    expect(
      await redirectOf(requireIdentity(request(sessionToken('user_inactive_subscription', { expiresIn: -30 })))),
    ).toMatch(handshake)
    expect((await sql`select count(*)::int as n from ob_flow`)[0].n).toBe(before)
  })

  it('keeps the last known flags when Clerk does not answer in time', async () => {
    const identity = await requireIdentity(request(sessionToken('user_verified')))
    await fetch(`${fake.url}/__fake/switches`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        delayMs: 3000,
        users: {
          user_verified: {
            email: 'maria@riveraplumbing.example',
            emailVerified: false,
            phone: '+14155550123',
            phoneVerified: false,
            firstName: 'M',
            lastName: 'R',
          },
        },
      }),
    })
    // Clerk answers in 3 s with both flags false: flags still true mean the refresh gave up waiting first.
    await refreshIdentityFlags(identity)
    const [row] = await sql`select email_verified, mobile_verified from ob_flow where tenant_id = ${identity.tenantId}`
    expect(row).toEqual({ emailVerified: true, mobileVerified: true })
    // Once Clerk answers again, its word wins.
    await fetch(`${fake.url}/__fake/switches`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"delayMs":0}',
    })
    await refreshIdentityFlags(identity)
    const [after] =
      await sql`select email_verified, mobile_verified from ob_flow where tenant_id = ${identity.tenantId}`
    expect(after).toEqual({ emailVerified: false, mobileVerified: false })
  })

  it('16. with Clerk slow (1.4 s), 10 Account loads of one owner at once read Clerk once, hold no transaction while it answers, and later loads within a minute do not call it', async () => {
    const { accountPage } = await import('../../app/pages/account.server')
    const identity = await requireIdentity(request(sessionToken('user_unverified_mobile')))
    const calls = async () =>
      ((await (await fetch(`${fake.url}/__fake`)).json()) as { counters: Record<string, number> }).counters[
        'GET /v1/users/:id'
      ] ?? 0
    await fetch(`${fake.url}/__fake/switches`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"delayMs":1400}',
    })
    try {
      const before = await calls()
      const load = () =>
        accountPage.loader({ request: request(sessionToken('user_unverified_mobile')), params: {}, context: {} })
      await sql`update ob_account set prefilled_at = now() where tenant_id = ${identity.tenantId}` // no prefill to wait for
      let done = false
      const loads = Promise.all(Array.from({ length: 10 }, load)).finally(() => (done = true))
      // While Clerk takes its time, no transaction of ours stays open: the oldest one seen stays young.
      let oldest = 0
      while (!done) {
        const [row] =
          await sql`select coalesce(max(extract(epoch from now() - xact_start)), 0)::float as age from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid() and xact_start is not null`
        oldest = Math.max(oldest, row.age)
        await new Promise((r) => setTimeout(r, 20))
      }
      expect(oldest).toBeLessThan(1)
      const replies = await loads
      expect(replies.every((r) => r.status === 200)).toBe(true)
      expect((await calls()) - before).toBe(1)
      await load()
      await load()
      expect((await calls()) - before).toBe(1)
      expect(identity.tenantId).toMatch(/^[0-9a-f-]{36}$/)
    } finally {
      await fetch(`${fake.url}/__fake/switches`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"delayMs":0}',
      })
    }
  })

  it("signs out through Clerk: the session is revoked there, its cookies cleared here, and Clerk's sign-in shows (issue 20, part 5)", async () => {
    const sid = `sess_${randomBytes(4).toString('hex')}`
    const token = sessionToken('user_verified', { sid })
    const res = await signOut(
      new Request('https://wizard.example/sign-out', {
        method: 'POST',
        headers: { cookie: `__session=${token.token}; __client_uat=${token.iat}` },
      }),
    )
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('https://accounts.wizard.example/sign-in')
    const cookies = res.headers.getSetCookie()
    expect(cookies.some((c) => /^__session=;.*Max-Age=0/.test(c))).toBe(true)
    expect(cookies.some((c) => /^__client_uat=0;.*Max-Age=0/.test(c))).toBe(true)
    expect(fake.counters.get(`revoke:${sid}`)).toBe(1)
  })

  it('signing out while Clerk is down still clears the cookies and shows the sign-in', async () => {
    fake.switches.down = true
    try {
      const res = await signOut(
        new Request('https://wizard.example/sign-out', {
          method: 'POST',
          headers: { cookie: `__session=${sessionToken('user_verified').token}` },
        }),
      )
      expect(res.headers.get('location')).toBe('https://accounts.wizard.example/sign-in')
      expect(res.headers.getSetCookie().some((c) => /^__session=;/.test(c))).toBe(true)
    } finally {
      delete fake.switches.down
    }
  })
})
