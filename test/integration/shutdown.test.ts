import { describe, expect, it } from 'vitest'
import { connect } from '../../db/client.server'
import { readyA2pTenant, submitA2p } from '../setup/a2p'
import { fakesFor, hasBuild, startWeb, startWorker, type Browser } from '../setup/app'
import { freshDatabase } from '../setup/db'
import { tenantOf } from '../setup/walk'
import { until } from '../setup/wait'

// An orderly stop (issue 20, part 3). SIGTERM to the web server under 32 owners' autosaves: every
// request it accepted is answered (200, or 409 for a stale version), none cut off; then it exits.
// SIGTERM to the worker while a job waits on a slow provider: the job finishes, nothing stays locked.
const { url } = await freshDatabase()
const sql = connect(url)
const { env, fake } = await fakesFor()

async function autosaves(
  b: Browser,
  stop: () => boolean,
  tally: { answered: Map<number, number>; refused: number; lost: string[] },
) {
  const page = await (await b.data('/onboarding/account')).json()
  let version = Number(page.state.version)
  for (let n = 0; !stop(); n++) {
    try {
      const res = await b.post(
        '/onboarding/account',
        { intent: 'autosave', version: String(version), displayName: `Shutdown Plumbing ${n}` },
        { js: true },
      )
      tally.answered.set(res.status, (tally.answered.get(res.status) ?? 0) + 1)
      const reply = await res.json().catch(() => ({}))
      if (typeof reply.version === 'number') version = reply.version
    } catch (error) {
      // Refused at connect: the server had stopped accepting (the load balancer had been told by /readyz).
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ECONNREFUSED') return void tally.refused++
      tally.lost.push(String(code ?? error))
      return
    }
  }
}

describe.runIf(hasBuild())('an orderly stop', { timeout: 90_000 }, () => {
  it("SIGTERM under 32 owners' autosaves: readyz turns 503, and every request sent until then is answered 200 or 409, none cut off; exit 0", async () => {
    // The delay is the load balancer's time to see /readyz say 503 (2 s by default in production).
    // Here the test's own balancer polls a server busy with 32 owners: on a loaded machine it saw
    // the 503 more than 1 s late once, and its owners' next saves met closing connections.
    const web = await startWeb({ DATABASE_URL: url, ...env, SHUTDOWN_DELAY_MS: '5000' })
    const owners = await Promise.all(Array.from({ length: 32 }, () => web.browser().signIn('verified')))
    const tally = { answered: new Map<number, number>(), refused: 0, lost: [] as string[] }
    // As a load balancer does: new requests stop once /readyz says 503 (read every 50 ms).
    let ready = true
    const loops = owners.map((b) => autosaves(b, () => !ready, tally))
    await until('a few hundred saves', async () => [...tally.answered.values()].reduce((a, b) => a + b, 0) >= 300)
    const exit = new Promise<number | null>((resolve) => web.child.once('exit', (code) => resolve(code)))
    web.child.kill('SIGTERM')
    const killedAt = Date.now()
    while (ready) {
      ready = await fetch(`${web.url}/readyz`).then(
        (r) => r.status === 200,
        () => false,
      )
      await new Promise((r) => setTimeout(r, 50))
    }
    const seenAfterMs = Date.now() - killedAt
    await Promise.all(loops)
    const code = await exit
    expect(tally.lost, `the balancer saw 503 after ${seenAfterMs} ms\n${web.output().slice(-4000)}`).toEqual([])
    expect(tally.refused).toBe(0)
    expect(
      [...tally.answered.keys()].every((s) => s === 200 || s === 409),
      JSON.stringify([...tally.answered]),
    ).toBe(true)
    expect(code).toBe(0)
  })

  it('a save begun before SIGTERM and answered during the stop closes its connection: its client opens a new one rather than reuse one the server is about to drop', async () => {
    const web = await startWeb({ DATABASE_URL: url, ...env, SHUTDOWN_DELAY_MS: '60000' })
    const b = await web.browser().signIn('verified', 'shutdown-inflight')
    const t = await tenantOf(sql, 'shutdown-inflight')
    const page = await (await b.data('/onboarding/account')).json()
    // The account row held by another transaction: the save waits on it until released.
    let release = () => {}
    const held = new Promise<void>((r) => (release = r))
    const locked = new Promise<void>((r) => {
      void sql.begin(async (tx) => {
        await tx`select 1 from ob_account where tenant_id = ${t} for update`
        r()
        await held
      })
    })
    await locked
    const save = b.post('/onboarding/account', {
      intent: 'autosave',
      version: String(page.state.version),
      displayName: 'In Flight Plumbing',
    })
    await until(
      'the save waiting on the row',
      async () =>
        (await sql`select 1 from pg_stat_activity where wait_event_type = 'Lock' and query like '%ob_save%'`).length >
        0,
    )
    web.child.kill('SIGTERM')
    await until('readyz 503', async () => (await fetch(`${web.url}/readyz`)).status === 503)
    release()
    const res = await save
    expect(res.status).toBe(200)
    expect(res.headers.get('connection')).toBe('close')
    await web.stop('SIGKILL')
  })

  it('SIGTERM to the worker while a job waits on a slow provider: the job finishes, nothing is left locked', async () => {
    const a2p = fake('a2p')
    await a2p.switches({ slowMs: 1500 })
    const worker = startWorker({ DATABASE_URL: url, ...env })
    const t = await readyA2pTenant(sql)
    await submitA2p(sql, t)
    await until(
      'the brand step running',
      async () =>
        (await sql`select 1 from graphile_worker.jobs where task_identifier = 'a2p_step' and locked_at is not null`)
          .length === 1,
    )
    // Its heartbeat (issue 20, part 2), renewed every 5 s; removed when it stops in order.
    await until(
      'its heartbeat',
      async () =>
        (await sql`select 1 from ob_heartbeat where role = 'worker' and process like ${`%:${worker.child.pid}`}`)
          .length === 1,
    )
    worker.child.kill('SIGTERM')
    const exit = await new Promise<string>((resolve) =>
      worker.child.once('exit', (c, signal) => resolve(signal ?? `code ${c}`)),
    )
    expect(exit).toBe('code 0')
    expect(await sql`select 1 from ob_heartbeat where process like ${`%:${worker.child.pid}`}`).toEqual([])
    expect(
      await sql`select id, task_identifier, key, queue_name, created_at, locked_at, run_at, attempts from graphile_worker.jobs where locked_at is not null`,
      worker.output(),
    ).toEqual([])
    // It finished rather than failing mid-transaction: the brand is recorded, and no step errored.
    expect((await sql`select brand_id from ob_a2p where tenant_id = ${t}`)[0].brandId).toMatch(/^BN/)
    expect(
      await sql`select last_error from graphile_worker.jobs where task_identifier = 'a2p_step' and last_error is not null`,
    ).toEqual([])
    await a2p.switches({ slowMs: 0 })
  })
})
