import { describe, expect, it } from 'vitest'
import { copyTenant, prepareTarget, TABLE } from '../../copier/copy'
import { connect } from '../../db/client.server'
import { fakesFor, hasBuild, startWeb, startWorker } from '../setup/app'
import { emptyDatabase, freshDatabase, loginIn } from '../setup/db'
import { until } from '../setup/wait'
import { onboardedTenant } from '../setup/onboarded'

// Saves after Finish (issue 18, item 2), reproduced through real HTTP against the built server,
// a real worker, a slow Provisioning fake and the reference copier.
const { url } = await freshDatabase()
const sql = connect(url)
const { env, fake } = await fakesFor()
const appEnv = { DATABASE_URL: url, ...env }
const web = hasBuild() ? await startWeb(appEnv) : null
const provisioning = fake('provisioning')

const version = async (t: string) => String((await sql`select version from ob_flow where tenant_id = ${t}`)[0].version)
const flow = async (t: string) => (await sql`select phase, blockers, revision from ob_flow where tenant_id = ${t}`)[0]
/** An owner signed in to a tenant that has been through every page, on the summary. */
async function onboardedOwner() {
  const owner = `f-${crypto.randomUUID().slice(0, 8)}`
  const tenantId = await onboardedTenant(sql, `dev:${owner}`)
  await provisioning.reset()
  // The fake sells the fixture's number to nobody: the change buys the first number of this fake.
  const browser = await web!.browser().signIn('verified', owner)
  return { browser, tenantId }
}

describe.runIf(hasBuild())('saves after Finish', () => {
  it('2a. "Change number" with the provider slow, then Finish: Finish is refused while the new number is on its way, and goes through once it is recorded', async () => {
    startWorker(appEnv)
    const { browser, tenantId } = await onboardedOwner()
    await provisioning.switches({ slowMs: 1500 })
    const change = await browser.post('/onboarding/number', {
      intent: 'change',
      version: await version(tenantId),
      changeTo: '628',
    })
    expect(change.status).toBe(200)
    const early = await browser.post('/onboarding/finalize', { intent: 'finish', version: await version(tenantId) })
    expect(early.status).toBe(409)
    expect((await flow(tenantId)).phase).toBe('A2P')
    expect((await flow(tenantId)).blockers).toContain('NUMBER_CHANGING')
    expect(await (await browser.get('/onboarding/finalize')).text()).toContain('Your new number is on its way')
    await until(
      'the new number',
      async () => (await sql`select e164 from ob_number where tenant_id = ${tenantId} and e164 like '+1628%'`)[0],
    )
    const finish = await browser.post(
      '/onboarding/finalize',
      { intent: 'finish', version: await version(tenantId) },
      { js: false },
    )
    expect(finish.status).toBe(302)
    expect((await flow(tenantId)).phase).toBe('FINALIZE')
    expect((await provisioning.counters())[`purchased:${tenantId}`]).toBe(1)
  })

  it('2b. after Finish every save is refused with one line and buys nothing: intent=change, an autosave, Continue; the pages lead to the summary', async () => {
    const { browser, tenantId } = await onboardedOwner()
    expect(
      (
        await browser.post(
          '/onboarding/finalize',
          { intent: 'finish', version: await version(tenantId) },
          { js: false },
        )
      ).status,
    ).toBe(302)
    const before = await sql`select * from ob_number where tenant_id = ${tenantId}`
    const posts = [
      ['/onboarding/number', { intent: 'change', changeTo: '628' }],
      ['/onboarding/number', { intent: 'autosave', serviceRadiusMi: '40' }],
      ['/onboarding/account', { intent: 'autosave', displayName: 'Changed after Finish' }],
      [
        '/onboarding/calmsg',
        {
          intent: 'continue',
          calendarProvider: 'none',
          topServices: 'Leak repair',
          'priceRanges.Leak repair.min': '100',
          'priceRanges.Leak repair.max': '200',
        },
      ],
    ] as const
    for (const [path, fields] of posts) {
      const res = await browser.post(path, { ...fields, version: await version(tenantId) })
      // Refused with the line, or sent to the summary (a redirect, as test/setup/single-fetch.ts reads it).
      if (res.status === 409)
        expect(((await res.json()) as { message: string }).message).toBe(
          'You have pressed Finish: your business is moving to your dashboard, where you can change it.',
        )
      else
        expect(res.headers.get('location'), `${path} ${fields.intent} answered ${res.status}`).toBe(
          '/onboarding/finalize',
        )
    }
    expect(await sql`select * from ob_number where tenant_id = ${tenantId}`).toEqual(before)
    expect((await sql`select display_name from ob_account where tenant_id = ${tenantId}`)[0].displayName).toBe(
      'Rivera Plumbing & Heating',
    )
    expect(await sql`select 1 from ob_outbox where tenant_id = ${tenantId} and type = 'provision_number'`).toHaveLength(
      0,
    )
    const page = await browser.get('/onboarding/number')
    expect(page.status).toBe(302)
    expect(page.headers.get('location')).toBe('/onboarding/finalize')
  })

  it('2c. the copier marks COMPLETE only the snapshot it copied: a tenant changed between its copy and ob_mark_complete is copied again', async () => {
    const target = connect(await emptyDatabase())
    const source = connect(await loginIn(url, 'ob_copier'))
    await prepareTarget(target)
    const { browser, tenantId } = await onboardedOwner()
    expect(
      (
        await browser.post(
          '/onboarding/finalize',
          { intent: 'finish', version: await version(tenantId) },
          { js: false },
        )
      ).status,
    ).toBe(302)
    let changed = false
    const done = await copyTenant(source, target, tenantId, {
      afterCopy: async () => {
        // What a worker or a webhook may still write in FINALIZE: here, the subscription's plan.
        if (!changed) await sql`update ob_flow set plan_code = 'pro_yearly' where tenant_id = ${tenantId}`
        changed = true
      },
    })
    expect(done).toBe(true)
    const [copy] = await target`select snapshot, copies from ${target(TABLE)} where tenant_id = ${tenantId}`
    expect(copy.copies).toBe(2)
    expect(copy.snapshot.account.planCode).toBe('pro_yearly')
    expect(copy.snapshot.flow.revision).toBe(Number((await flow(tenantId)).revision) - 1) // COMPLETE moved it once more
    expect((await flow(tenantId)).phase).toBe('COMPLETE')
    const [{ stale }] = await sql`select ob_mark_complete(${tenantId}, 0) as stale`
    expect(stale).toBe(false)
    await Promise.all([target.end(), source.end()])
  })
})
