import { describe, expect, it } from 'vitest'
import { connect } from '../../db/client.server'
import { enqueue, jobFor } from '../../db/jobs.server'
import { readyA2pTenant, submitA2p } from '../setup/a2p'
import { fakesFor, startWorker } from '../setup/app'
import { until } from '../setup/wait'
import { freshDatabase, makeTenant } from '../setup/db'

// Defects of the workers found by outside testing (issue 18, "Workers and money"), each reproduced
// with a real worker process, the fakes over HTTP and a real database.
const { url } = await freshDatabase()
const sql = connect(url)
const { env, fake } = await fakesFor()
const workerEnv = { DATABASE_URL: url, ...env, A2P_REFRESH_SECONDS: '0.2' }
const sites = fake('sites')
const provisioning = fake('provisioning')
const a2p = fake('a2p')
startWorker(workerEnv)

const numberOf = async (t: string) =>
  (await sql`select e164, purchase_open, provision_error, area_code from ob_number where tenant_id = ${t}`)[0]
const jobsOf = (t: string) =>
  sql`select attempts, last_error, status from ob_outbox where tenant_id = ${t} and type = 'PROVISION_NUMBER'`
// graphile-worker's backoff would make the test wait: its retries run now instead.
const retryNow = (t: string) =>
  sql`select graphile_worker.reschedule_jobs(array(select id from ob_outbox where tenant_id = ${t}), run_at := now())`
async function looksGood(t: string, areaCode: string) {
  await sql`update ob_number set area_code = ${areaCode}, provision_requested_at = now(), provision_error = null where tenant_id = ${t}`
  await sql.begin((tx) => enqueue(tx, jobFor('provision_number', { tenantId: t, correlationId: crypto.randomUUID() })))
}

describe('workers and money', () => {
  it("1. a website of \"<a href='x' \" repeated 90,000 times (1 MB, no '>') is checked within the budget while a second tenant's number is bought meanwhile", async () => {
    await sites.switches({ sites: { 'hostile.example': { home: "<a href='x' ", repeat: 90_000 } } })
    const a = await makeTenant(sql)
    await sql`update ob_a2p set website_url = 'https://hostile.example/' where tenant_id = ${a}`
    await sql.begin((tx) => enqueue(tx, jobFor('website_check', { tenantId: a, url: 'https://hostile.example/' })))
    await until('the check to start', async () => (await sites.counters())['get:hostile.example'] >= 1)
    const b = await makeTenant(sql)
    await sql`update ob_number set area_code = '415' where tenant_id = ${b}`
    await sql.begin((tx) =>
      enqueue(tx, jobFor('provision_number', { tenantId: b, correlationId: crypto.randomUUID() })),
    )
    const bought = await until(
      "the second tenant's number",
      async () => (await sql`select e164 from ob_number where tenant_id = ${b} and e164 is not null`)[0],
    )
    expect(bought.e164).toMatch(/^\+1415/)
    const checked = await until(
      'the check recorded',
      async () => (await sql`select * from ob_a2p where tenant_id = ${a} and website_checked_at is not null`)[0],
    )
    // Read, not frozen on: https answered; the policy pages were found at their usual paths.
    expect(checked).toMatchObject({ httpsOk: true, privacyFound: true, termsFound: true, websiteCheckError: null })
  })

  it('3a. POST /numbers answers 207 and PUT of its webhooks fails (503): the purchase stays open, and "Looks good" on another area code finishes that number instead of buying a second', async () => {
    await provisioning.switches({ script: [207], webhooksScript: [503, 503] })
    const t = await makeTenant(sql)
    await looksGood(t, '415')
    await until('"Provider busy"', async () => (await numberOf(t)).provisionError === 'busy')
    expect(await numberOf(t)).toMatchObject({ purchaseOpen: true, e164: null })
    // The owner tries another area code meanwhile: the open purchase is replayed, not replaced.
    await looksGood(t, '628')
    const n = await until('the number', async () => {
      await retryNow(t)
      return (await numberOf(t)).e164 ? numberOf(t) : null
    })
    expect(n).toMatchObject({ e164: expect.stringMatching(/^\+1415/), purchaseOpen: false, provisionError: null })
    const counters = await provisioning.counters()
    expect(counters[`purchased:${t}`]).toBe(1)
    expect(counters.webhooksPut).toBe(1)
  })

  it('3b. a refusal that will never succeed (POST answers 422) is tried once, not 25 times; the owner sees one line', async () => {
    await provisioning.reset()
    await provisioning.switches({ script: [422] })
    const t = await makeTenant(sql)
    await looksGood(t, '415')
    await until('the answer recorded', async () => (await numberOf(t)).provisionError === 'busy')
    await until(
      'the job to let go',
      async () => (await sql`select 1 from ob_outbox where tenant_id = ${t} and locked_at is not null`).length === 0,
    )
    expect(await jobsOf(t)).toEqual([]) // done: not waiting for 24 more attempts
    expect((await provisioning.counters())[`key:ob:prov:${t}`]).toBe(1)
    expect(await numberOf(t)).toMatchObject({ e164: null, purchaseOpen: false })
  })

  it('4. samples edited while the brand is in review (a bit.ly link): the campaign step sends nothing and says why with the same blocker lines; Resubmit after the fix registers the campaign', async () => {
    await a2p.switches({ readsToDecide: 1000 })
    const t = await readyA2pTenant(sql)
    await submitA2p(sql, t)
    await until(
      'the brand in review',
      async () => (await sql`select brand_phase from ob_a2p where tenant_id = ${t}`)[0].brandPhase === 'SUBMITTED',
    )
    // What an autosave of Page 4 writes (the page allows edits while carriers review).
    await sql`update ob_a2p set sample_messages = ${['Rivera Plumbing: we missed your call, book at https://bit.ly/x', 'Rivera Plumbing: a plumber can come Tue 9am.']} where tenant_id = ${t}`
    await a2p.switches({ readsToDecide: 1 })
    const r = await until(
      'the campaign step',
      async () =>
        (
          await sql`select a.*, f.blockers from ob_a2p a join ob_flow f using (tenant_id) where tenant_id = ${t} and campaign_phase is not null`
        )[0],
    )
    expect(r).toMatchObject({
      brandPhase: 'VETTED',
      campaignPhase: 'REJECTED',
      reasonCode: 'CHECKS',
      reasonStep: 'campaign',
    })
    expect(r.blockers).toEqual(expect.arrayContaining(['SHORTENER_LINK', 'A2P_REJECTED']))
    expect((await a2p.counters())[`campaigns:${t}`]).toBeUndefined()
    // Fixed and resubmitted: the campaign goes out as it is now.
    await sql`update ob_a2p set sample_messages = ${['Rivera Plumbing: sorry we missed your call! Reply STOP to opt out.', 'Rivera Plumbing: a plumber can come Tue 9am. Reply HELP for help, STOP to opt out.']} where tenant_id = ${t}`
    expect(await submitA2p(sql, t)).toMatchObject({ step: 'campaign' })
    await until(
      'texting eligible',
      async () => (await sql`select texting_eligible from ob_flow where tenant_id = ${t}`)[0].textingEligible,
    )
    expect((await a2p.counters())[`campaigns:${t}`]).toBe(1)
  })

  it('17. a page read while the code\'s verification commits sees one moment: never "Confirm the code" beside a verified registration (which left the page with no line to read itself again)', async () => {
    const t = await readyA2pTenant(sql)
    await sql`update ob_a2p set brand_type = 'SOLE_PROP', tax_id = null, brand_id = 'BN17', brand_phase = 'VETTED', identity_status = 'UNVERIFIED',
      otp_sent_at = now(), submitted_at = now(), submission_count = 1 where tenant_id = ${t}`
    Object.assign(process.env, { DATABASE_URL: url, NODE_ENV: 'test' })
    const { withTenant } = await import('../../platform/db.server')
    const { wizardState } = await import('../../db/flow.server')
    const { readA2p, recordOtp } = await import('../../db/a2p.server')
    const page = await withTenant(
      t,
      async (tx) => {
        const state = await wizardState(tx, t)
        await recordOtp(sql, t, 'verified') // the a2p_otp job commits between the page's two reads
        return { state, row: await readA2p(tx, t) }
      },
      { snapshot: true },
    )
    expect(page.state.blockers).toContain('CONFIRM_OTP')
    expect(page.row.identityStatus).toBe('UNVERIFIED')
    // The next read sees the verified registration, with its pending line.
    expect((await wizardState(sql, t)).blockers).toContain('A2P_PENDING')
  })
})
