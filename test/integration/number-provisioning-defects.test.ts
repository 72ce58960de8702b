import { translator } from '../../core/i18n/translate'
import { describe, expect, it } from 'vitest'
import { fakesFor, hasBuild, startWeb, startWorker } from '../setup/app'
import { connect } from '../../db/client.server'
import { freshDatabase } from '../setup/db'

// Money defects found by outside testing: numbers bought twice, a purchase stranded by a worker
// crash, and no cap on "Change number". Real HTTP, a real worker process, the Provisioning fake.
const { url } = await freshDatabase()
const sql = connect(url)
const { env, fake } = await fakesFor()
const appEnv = { DATABASE_URL: url, ...env }
const web = hasBuild() ? await startWeb(appEnv) : null
const provisioning = fake('provisioning')

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const version = async (tenantId: string) =>
  String((await sql`select version from ob_flow where tenant_id = ${tenantId}`)[0].version)
const numberRow = async (tenantId: string) =>
  (await sql`select e164, provision_error from ob_number where tenant_id = ${tenantId}`)[0]
const jobsLeft = async (tenantId: string) =>
  (await sql`select count(*)::int as n from ob_outbox where tenant_id = ${tenantId}`)[0].n as number
// graphile-worker's backoff would make this test wait minutes; run retries now instead.
const retryNow = () =>
  sql`select graphile_worker.reschedule_jobs(array(select id from graphile_worker.jobs where locked_at is null), run_at := now())`

async function until<T>(
  what: string,
  check: () => Promise<T>,
  timeoutMs: number,
  tick?: () => Promise<unknown>,
): Promise<T> {
  for (const start = Date.now(); Date.now() - start < timeoutMs; await sleep(200)) {
    const value = await check()
    if (value) return value
    await tick?.()
  }
  throw new Error(`timed out waiting for ${what}`)
}

/** A verified owner, past the Account page, on the Number page. */
async function onNumberPage() {
  const browser = await web!.browser().signIn('verified')
  const [{ tenantId }] = await sql`select tenant_id from ob_employee order by created_at desc limit 1`
  await until(
    'the Stripe prefill',
    async () => (await sql`select prefilled_at from ob_account where tenant_id = ${tenantId}`)[0].prefilledAt,
    20_000,
  )
  await browser.post('/onboarding/account', {
    intent: 'continue',
    version: await version(tenantId),
    displayName: 'Rivera Plumbing',
    vertical: 'plumbing',
  })
  return { browser, tenantId: tenantId as string }
}
const looksGood = async (o: Awaited<ReturnType<typeof onNumberPage>>, areaCode: string) =>
  o.browser.post('/onboarding/number', {
    intent: 'continue',
    version: await version(o.tenantId),
    areaCode,
    'hours.start': '08:00',
    'hours.end': '18:00',
    'hours.weekends': 'off',
    'hours.custom': 'off',
    serviceRadiusMi: '15',
  })

describe.runIf(hasBuild())('provisioning money defects', () => {
  it('1. two numbers bought: script [503,503,503,503,201,201], "Looks good" on 415, "Provider busy", then 628 and "Looks good" again buys exactly one number', async () => {
    const worker = startWorker(appEnv)
    try {
      await provisioning.switches({ script: [503, 503, 503, 503, 201, 201] })
      const o = await onNumberPage()
      expect((await looksGood(o, '415')).status).toBeLessThan(300)
      await until('"Provider busy"', async () => (await numberRow(o.tenantId)).provisionError === 'busy', 20_000)
      expect(await (await o.browser.get('/onboarding/number')).text()).toContain('Provider busy; try again')
      expect((await looksGood(o, '628')).status).toBeLessThan(300)
      const { e164 } = await until(
        'a number',
        async () => (await numberRow(o.tenantId)).e164 && numberRow(o.tenantId),
        60_000,
        retryNow,
      )
      // Whatever was still queued runs out too, and buys nothing more.
      await until('no jobs left', async () => (await jobsLeft(o.tenantId)) === 0, 30_000, retryNow)
      expect(e164).toMatch(/^\+1628/)
      expect((await provisioning.counters())[`purchased:${o.tenantId}`]).toBe(1)
      expect(
        await sql`select 1 from ob_event where tenant_id = ${o.tenantId} and event_type = 'number.release'`,
      ).toHaveLength(0)
      expect((await numberRow(o.tenantId)).e164).toBe(e164)
    } finally {
      await provisioning.reset()
      await worker.stop()
    }
  }, 120_000)

  it('2. a worker killed by SIGKILL 1.2 s into a slow purchase (slowMs 3000) is taken over: the retry replays the same key, one purchase, the banner shows it', async () => {
    await provisioning.switches({ slowMs: 3000 })
    const first = startWorker(appEnv)
    const o = await onNumberPage()
    expect((await looksGood(o, '415')).status).toBeLessThan(300)
    await until(
      'the purchase reaching the provider',
      async () => (await provisioning.counters())[`purchased:${o.tenantId}`] === 1,
      20_000,
    )
    await sleep(1200 - 200)
    first.child.kill('SIGKILL')
    await first.exited
    await provisioning.switches({ slowMs: 0 })
    const second = startWorker(appEnv)
    try {
      const started = Date.now()
      const { e164 } = await until(
        'the stranded purchase recorded',
        async () => (await numberRow(o.tenantId)).e164 && numberRow(o.tenantId),
        75_000,
      )
      console.log(
        `stranded purchase recorded ${Math.round((Date.now() - started) / 1000)} s after the new worker started`,
      )
      const counters = await provisioning.counters()
      expect(counters[`purchased:${o.tenantId}`]).toBe(1)
      const html = await (await o.browser.get('/onboarding/number')).text()
      expect(html).toContain('Your texting number is ready')
      expect(html).toContain(`(415) 555-${e164.slice(-4)}`)
    } finally {
      await provisioning.reset()
      await second.stop()
    }
  }, 120_000)

  it('3. "Change number" is capped: of 10 change posts in a row 3 are accepted, the rest get one plain line and buy nothing', async () => {
    const worker = startWorker(appEnv)
    try {
      const o = await onNumberPage()
      await looksGood(o, '415')
      await until('a number', async () => (await numberRow(o.tenantId)).e164, 20_000)
      const statuses: number[] = []
      let refusal = ''
      for (let i = 0; i < 10; i++) {
        // Each change waits for the previous number to land, as an owner clicking through would.
        await until('the previous change', async () => (await jobsLeft(o.tenantId)) === 0, 20_000)
        const res = await o.browser.post('/onboarding/number', {
          intent: 'change',
          version: await version(o.tenantId),
          changeTo: i % 2 ? '415' : '628',
        })
        statuses.push(res.status)
        if (res.status === 429) refusal = translator('en').msg((await res.json()).message)
      }
      await until('no jobs left', async () => (await jobsLeft(o.tenantId)) === 0, 20_000)
      expect(statuses).toEqual([200, 200, 200, 429, 429, 429, 429, 429, 429, 429])
      expect(refusal).toBe(
        'You have changed your number 3 times in the last 24 hours; you can change it again tomorrow.',
      )
      expect((await provisioning.counters())[`purchased:${o.tenantId}`]).toBe(4)
      // The cap is the database's: a change requested past it is refused there too.
      await expect(sql`select ob_request_number_change(${o.tenantId}, '628')`).rejects.toMatchObject({
        code: 'OB429',
        message: 'NUMBER_CHANGES_TODAY',
        detail: '{"count" : 3}',
      })
    } finally {
      await worker.stop()
    }
  }, 120_000)
})
