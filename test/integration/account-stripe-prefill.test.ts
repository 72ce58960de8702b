import { runJobsOnce } from '../setup/jobs'
import { mkdtempSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import Stripe from 'stripe'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { freshDatabase } from '../setup/db'
import { startStripeFake } from '../fakes/stripe'

// The Stripe prefill job and the subscription webhook against the Stripe fake over real HTTP, on a
// real database, run by graphile-worker itself.
const { url } = await freshDatabase()
const fake = await startStripeFake(0)
const uploads = mkdtempSync(path.join(os.tmpdir(), 'ob-uploads-'))
Object.assign(process.env, {
  DATABASE_URL: url,
  STRIPE_API_URL: fake.url,
  UPLOAD_DIR: uploads,
  STRIPE_WEBHOOK_SECRET: 'whsec_test_secret',
})
const { pool: db } = await import('../../platform/db.server')
const { ensureTenant } = await import('../../db/flow.server')
const { accountSection, readAccount } = await import('../../db/account.server')
const { saveSection } = await import('../../db/save.server')
const saveAccount = (s: typeof sql, input: Parameters<typeof saveSection>[2]) => saveSection(s, accountSection, input)
const { taskList } = await import('../../tasks/index')
const { handleStripeWebhook } = await import('../../app/stripe-webhook.server')
const sql = db()
afterAll(async () => {
  await fake.close()
  await sql.end()
})
beforeEach(() => fetch(`${fake.url}/__fake/reset`, { method: 'POST' }))

let n = 0
const newTenant = (customer = 'cus_verified', account = 'acct_verified') =>
  ensureTenant(sql, {
    userId: `user_prefill_${++n}`,
    email: 'maria@example.com',
    mobileE164: '+14155550123',
    name: 'Maria',
    emailVerified: true,
    mobileVerified: true,
    stripeCustomerId: `${customer}__${n}`,
    stripeAccountId: `${account}__${n}`,
  })
const runJobs = () => runJobsOnce(url, taskList)
const flow = async (tenantId: string) =>
  (await sql`select stripe_active, plan_code from ob_flow where tenant_id = ${tenantId}`)[0]

describe('stripe_prefill', () => {
  it('fills the Account page from Stripe: name, vertical from the MCC, address, timezone, logo and colour', async () => {
    const tenantId = await newTenant()
    expect((await readAccount(sql, tenantId)).prefilledAt).toBeNull()
    await runJobs()
    const account = await readAccount(sql, tenantId)
    expect(account).toMatchObject({
      displayName: 'Rivera Plumbing & Heating',
      vertical: 'plumbing',
      address: { line1: '1455 Market St', city: 'San Francisco', state: 'CA', zip: '94103' },
      timezone: 'America/Los_Angeles',
      brandColor: '#d62828',
      languages: ['en'],
    })
    expect(account.logoUrl).toMatch(/^\/uploads\/[a-f0-9]{32}\.png$/)
    expect(await readdir(uploads)).toContain(path.basename(account.logoUrl!))
    expect(account.prefilledAt).toBeInstanceOf(Date)
    expect(account.defaulted.sort()).toEqual([
      'address',
      'brand_color',
      'display_name',
      'logo_url',
      'timezone',
      'vertical',
    ])
    expect(await flow(tenantId)).toEqual({ stripeActive: true, planCode: 'pro_monthly' })
  })

  it('keeps what the owner typed before the job landed, and drops the chip of what they change', async () => {
    const tenantId = await newTenant('cus_inactive_subscription', 'acct_inactive_subscription')
    await saveAccount(sql, { tenantId, version: 0, fields: { displayName: 'Lena’s Cleaning Co' } })
    await runJobs()
    const account = await readAccount(sql, tenantId)
    expect(account).toMatchObject({
      displayName: 'Lena’s Cleaning Co',
      vertical: 'cleaning',
      timezone: 'America/Chicago',
    })
    expect(account.defaulted).not.toContain('display_name')
    expect(await flow(tenantId)).toEqual({ stripeActive: false, planCode: 'starter_monthly' })
    await saveAccount(sql, { tenantId, version: 1, fields: { vertical: 'pest_control', timezone: 'America/Chicago' } })
    // Saving the same timezone is not a change: it stays a default; the new vertical does not.
    expect((await readAccount(sql, tenantId)).defaulted.sort()).toEqual(['address', 'timezone'])
  })

  it('leaves the page usable when Stripe is down, and retries with backoff', async () => {
    const tenantId = await newTenant()
    await fetch(`${fake.url}/__fake/switches`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"down":true}',
    })
    await runJobs()
    const [job] = await sql`select attempts, last_error, next_attempt_at from ob_outbox where tenant_id = ${tenantId}`
    expect(job.attempts).toBe(1)
    expect(job.lastError).toMatch(/Stripe fake is down/)
    expect(job.nextAttemptAt.getTime()).toBeGreaterThan(Date.now())
    const account = await readAccount(sql, tenantId)
    expect(account).toMatchObject({ displayName: null, prefilledAt: null, timezone: 'America/New_York' })
    await saveAccount(sql, { tenantId, version: 0, fields: { displayName: 'Typed by hand', vertical: 'plumbing' } })
    expect((await readAccount(sql, tenantId)).displayName).toBe('Typed by hand')
  })
})

describe('POST /webhooks/stripe', () => {
  const stripe = new Stripe('sk_test_x')
  const subscriptionEvent = (customer: string, status: string) =>
    JSON.stringify({
      id: 'evt_1',
      object: 'event',
      type: 'customer.subscription.updated',
      api_version: '2025-01-01',
      created: Math.floor(Date.now() / 1000),
      data: {
        object: {
          id: 'sub_1',
          object: 'subscription',
          customer,
          status,
          items: { data: [{ price: { lookup_key: 'pro_yearly', product: 'prod_x' } }] },
        },
      },
    })
  const post = (body: string, signature?: string) =>
    handleStripeWebhook(
      new Request('http://app/webhooks/stripe', {
        method: 'POST',
        body,
        headers: signature ? { 'stripe-signature': signature } : {},
      }),
    )

  it('applies a correctly signed subscription event and enqueues a fresh prefill', async () => {
    const tenantId = await newTenant()
    await runJobs()
    const [{ stripeCustomerId }] = await sql`select stripe_customer_id from ob_flow where tenant_id = ${tenantId}`
    const body = subscriptionEvent(stripeCustomerId, 'past_due')
    const res = await post(
      body,
      stripe.webhooks.generateTestHeaderString({ payload: body, secret: 'whsec_test_secret' }),
    )
    expect(res.status).toBe(200)
    expect(await flow(tenantId)).toEqual({ stripeActive: false, planCode: 'pro_yearly' })
    const jobs = await sql`select type from ob_outbox where tenant_id = ${tenantId}`
    expect(jobs).toEqual([{ type: 'STRIPE_PREFILL' }])
  })

  it('refuses unsigned and wrongly signed requests with 400 and changes nothing', async () => {
    const tenantId = await newTenant()
    await runJobs()
    const [{ stripeCustomerId }] = await sql`select stripe_customer_id from ob_flow where tenant_id = ${tenantId}`
    const body = subscriptionEvent(stripeCustomerId, 'canceled')
    const wrong = stripe.webhooks.generateTestHeaderString({ payload: body, secret: 'whsec_someone_else' })
    for (const res of [await post(body), await post(body, wrong), await post(body, 't=1,v1=abc')]) {
      expect(res.status).toBe(400)
      expect(await res.json()).toEqual({ error: 'Missing or invalid Stripe signature' })
    }
    expect(await flow(tenantId)).toEqual({ stripeActive: true, planCode: 'pro_monthly' })
  })
})
