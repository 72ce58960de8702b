import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { copyTenant, prepareTarget } from '../../copier/copy'
import { connect } from '../../db/client.server'
import { fakesFor, hasBuild, startWeb, startWorker } from '../setup/app'
import { emptyDatabase, freshDatabase, loginIn } from '../setup/db'
import { until } from '../setup/wait'
import { pressed, walkToRegistration, where } from '../setup/walk'

// Issue 19, part 3: the A2P provider calls us back at POST /webhooks/a2p. The fake decides by
// itself after a while (decideAfterMs) and never on our reads, and the refresher's own schedule is
// 10 minutes away: only the provider's events can move the registration on quickly.
const { url } = await freshDatabase()
const sql = connect(url)
const { env, fake } = await fakesFor()
const a2p = fake('a2p')
const appEnv = { DATABASE_URL: url, ...env, A2P_REFRESH_SECONDS: '600' }
const web = hasBuild() ? await startWeb(appEnv) : null
if (web) startWorker(appEnv)
const SECRET = 'local-a2p-webhook-secret'

const phase = async (t: string) => (await sql`select phase from ob_flow where tenant_id = ${t}`)[0].phase as string
const registration = async (t: string) =>
  (await sql`select brand_id, brand_phase, campaign_phase, binding_phase from ob_a2p where tenant_id = ${t}`)[0]
const refreshRunAt = async (t: string) =>
  (await sql`select run_at from graphile_worker.jobs where key = ${`ob:a2p:refresh:${t}`}`)[0]?.runAt as
    | Date
    | undefined
function signed(event: object, o: { secret?: string; at?: number } = {}) {
  const body = JSON.stringify(event)
  const ts = String(Math.floor((o.at ?? Date.now()) / 1000))
  const signature = `v1=${createHmac('sha256', o.secret ?? SECRET)
    .update(`${ts}.${body}`)
    .digest('hex')}`
  return { body, headers: { 'content-type': 'application/json', 'x-a2p-timestamp': ts, 'x-a2p-signature': signature } }
}
const send = (s: { body: string; headers: Record<string, string> }) =>
  fetch(`${web!.url}/webhooks/a2p`, { method: 'POST', ...s })
const event = (objectId: string, id = `evt_${crypto.randomUUID().slice(0, 8)}`) => ({
  id,
  type: 'brand.updated',
  occurredAt: new Date().toISOString(),
  data: { objectId, status: { phase: 'FAILED' } },
})

async function submitted() {
  const owner = `cb-${crypto.randomUUID().slice(0, 8)}`
  const b = await web!.browser().signIn('verified', owner)
  const t = await walkToRegistration(sql, b, owner)
  expect(where(await b.post('/onboarding/a2p', await pressed(b, 'a2p'), { js: false }))).toBe('302 /onboarding/a2p')
  return t
}

describe.runIf(hasBuild())('A2P status events', { timeout: 90_000 }, () => {
  it('carriers approving days later, told by events only: onboarding finishes and the copier copies it, no browser involved', async () => {
    await a2p.switches({ callbackUrl: `${web!.url}/webhooks/a2p`, decideAfterMs: 300, readsToDecide: 100_000 })
    const t = await submitted()
    await until('FINALIZE', async () => (await phase(t)) === 'FINALIZE', 60_000)
    expect(await registration(t)).toMatchObject({
      brandPhase: 'VETTED',
      campaignPhase: 'ACTIVE',
      bindingPhase: 'VERIFIED',
    })
    const target = connect(await emptyDatabase())
    await prepareTarget(target)
    expect(await copyTenant(connect(await loginIn(url, 'ob_copier')), target, t)).toBe(true)
    expect(await phase(t)).toBe('COMPLETE')
    const events = await sql`select count(*)::int as n from ob_a2p_callback where tenant_id = ${t}`
    expect(events[0].n).toBeGreaterThanOrEqual(3)
    expect((await a2p.counters())['callback:200']).toBeGreaterThanOrEqual(3)
  })

  it('the same flow with every event sent twice and out of order still ends approved, never moving back', async () => {
    await a2p.reset()
    await a2p.switches({
      callbackUrl: `${web!.url}/webhooks/a2p`,
      decideAfterMs: 300,
      readsToDecide: 100_000,
      callbacks: ['duplicate', 'outOfOrder'],
    })
    const t = await submitted()
    const seen: string[] = []
    await until(
      'FINALIZE',
      async () => {
        const r = await registration(t)
        seen.push(`${r.brandPhase}/${r.campaignPhase}/${r.bindingPhase}`)
        return (await phase(t)) === 'FINALIZE'
      },
      60_000,
    )
    // Each step's phase only ever goes forward: once VETTED, never back to SUBMITTED.
    const vetted = seen.findIndex((s) => s.startsWith('VETTED'))
    expect(seen.slice(vetted).every((s) => s.startsWith('VETTED'))).toBe(true)
    // Each event twice: the second of each pair was a duplicate, recorded once.
    const c = await a2p.counters()
    expect(c['callback:200']).toBeGreaterThanOrEqual(6)
    const rows = await sql`select count(*)::int as n from ob_a2p_callback where tenant_id = ${t}`
    expect(rows[0].n * 2).toBe(c['callback:200'])
  })

  it('forged, unsigned, stale and replayed events change nothing; a late event saying FAILED does not undo an approval', async () => {
    await a2p.reset()
    await a2p.switches({ readsToDecide: 100_000 })
    const t = await submitted()
    await until('the brand', async () => Boolean((await registration(t)).brandId))
    const brand = (await registration(t)).brandId as string
    // The refresher's first look runs at once after the brand is created, then waits
    // A2P_REFRESH_SECONDS: once it waits, only an event can bring its next look forward (read
    // earlier, on a busy machine, the first look was still being scheduled).
    await until('the refresher waiting', async () => ((await refreshRunAt(t))?.getTime() ?? 0) > Date.now() + 60_000)
    const before = await refreshRunAt(t)
    expect((await send(signed(event(brand), { secret: 'not-the-secret' }))).status).toBe(400)
    expect(
      (await send({ body: JSON.stringify(event(brand)), headers: { 'content-type': 'application/json' } })).status,
    ).toBe(400)
    expect((await send(signed(event(brand), { at: Date.now() - 6 * 60_000 }))).status).toBe(400)
    expect((await send(signed(event(brand), { at: Date.now() + 6 * 60_000 }))).status).toBe(400)
    expect(await sql`select * from ob_a2p_callback where tenant_id = ${t}`).toHaveLength(0)
    expect(await refreshRunAt(t)).toEqual(before)

    // A good event refreshes now; the same event again is a duplicate and changes nothing more.
    const good = signed(event(brand, 'evt_once'))
    expect(await (await send(good)).json()).toEqual({ received: true, outcome: 'refreshed' })
    expect(await (await send(good)).json()).toEqual({ received: true, outcome: 'duplicate' })
    expect(await sql`select * from ob_a2p_callback where event_id = 'evt_once'`).toHaveLength(1)
    // The event says FAILED; the provider says SUBMITTED: the refresh records what the provider says.
    await until('the refresh', async () => (await refreshRunAt(t))?.getTime() !== (before?.getTime() ?? 0))
    expect((await registration(t)).brandPhase).toBe('SUBMITTED')
    // An event for an object we do not have is recorded, refreshes nobody, and is answered 200.
    expect(await (await send(signed(event('BN0000UNKNOWN')))).json()).toEqual({ received: true, outcome: 'unknown' })
    // Not an event at all, but signed: 200, ignored. Too large: 413.
    expect(await (await send(signed({ hello: 'world' }))).json()).toEqual({
      received: true,
      ignored: 'not a status event',
    })
    expect((await send(signed({ big: 'x'.repeat(70_000) }))).status).toBe(413)
  })
})

describe.runIf(hasBuild())('a chain that cannot go on', { timeout: 90_000 }, () => {
  it('a step out of retries (the registry down throughout) shows "Registration paused: try again", mails once, and Submit works again', async () => {
    await a2p.reset()
    const owner = `cb-${crypto.randomUUID().slice(0, 8)}`
    const b = await web!.browser().signIn('verified', owner)
    const t = await walkToRegistration(sql, b, owner)
    await a2p.switches({ approveInstantly: true, callbackUrl: `${web!.url}/webhooks/a2p`, script: Array(50).fill(503) })
    // Two attempts instead of 25 (a day and a half of backoff), so the test sees the last one.
    await sql`update graphile_worker._private_jobs set max_attempts = 2 where task_id = (select id from graphile_worker._private_tasks where identifier = 'a2p_step')`
    expect(where(await b.post('/onboarding/a2p', await pressed(b, 'a2p'), { js: false }))).toBe('302 /onboarding/a2p')
    await sql`update graphile_worker._private_jobs set max_attempts = 2 where task_id = (select id from graphile_worker._private_tasks where identifier = 'a2p_step')`
    await until(
      'paused',
      async () => (await sql`select reason_code from ob_a2p where tenant_id = ${t}`)[0].reasonCode === 'PAUSED',
      60_000,
    )
    const page = (await (await b.get('/onboarding/a2p')).text()).replaceAll('<!-- -->', '')
    expect(page).toContain('Registration paused: try again.')
    expect(page).toContain('>Paused<')
    expect((await sql`select key from ob_mail where tenant_id = ${t} and kind = 'rejected'`).map((r) => r.key)).toEqual(
      ['rejected:1'],
    )
    await a2p.switches({ script: [] })
    expect(where(await b.post('/onboarding/a2p', await pressed(b, 'a2p'), { js: false }))).toBe('302 /onboarding/a2p')
    await until('approved and finished', async () => (await phase(t)) === 'FINALIZE', 20_000).catch(async (e) => {
      console.log(
        await registration(t),
        await sql`select task_identifier, attempts, max_attempts, last_error, run_at, key from graphile_worker.jobs where key like ${`%${t}%`}`,
        await sql`select * from ob_a2p_callback where tenant_id = ${t}`,
        await a2p.counters(),
      )
      throw e
    })
  })
})
