import { describe, expect, it } from 'vitest'
import { connect } from '../../db/client.server'
import { fakesFor, hasBuild, startWeb, startWorker } from '../setup/app'
import { freshDatabase } from '../setup/db'
import { until } from '../setup/wait'
import { pressed, walkToRegistration } from '../setup/walk'

// Issue 20, part 2: one id from the owner's click to the provider. The Submit answers its request
// id (X-Request-Id); the web server's log line for it, the jobs it queued, the worker's lines, the
// provider's requests (Correlation-Id) and the ob_event rows of the whole registration, carriers'
// approval included, carry that id. Secrets in a URL never reach the log.
const { url } = await freshDatabase()
const sql = connect(url)
const { env, fake } = await fakesFor()
const a2p = fake('a2p')
const appEnv = { DATABASE_URL: url, ...env, A2P_REFRESH_SECONDS: '600' }
const web = hasBuild() ? await startWeb(appEnv) : null
const worker = web ? startWorker(appEnv) : null

/** The JSON lines of a process's output (other lines, tsx's say, are left out). */
const lines = (output: string) =>
  output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>)

describe.runIf(hasBuild())('one correlation id', { timeout: 90_000 }, () => {
  it("Submit's request id is on its log line, its jobs' lines, the provider's requests and every event of the registration up to approval", async () => {
    await a2p.switches({ callbackUrl: `${web!.url}/webhooks/a2p`, decideAfterMs: 300, readsToDecide: 100_000 })
    const owner = `co-${crypto.randomUUID().slice(0, 8)}`
    const b = await web!.browser().signIn('verified', owner)
    const t = await walkToRegistration(sql, b, owner)
    const submit = await b.post('/onboarding/a2p', await pressed(b, 'a2p'), { js: false })
    expect(submit.status).toBe(302)
    const id = submit.headers.get('x-request-id')!
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    await until(
      'carriers approve',
      async () => (await sql`select phase from ob_flow where tenant_id = ${t}`)[0].phase === 'FINALIZE',
      60_000,
    )

    // The request's line names the request and its tenant.
    const request = lines(web!.output()).find((l) => l.reqId === id)
    expect(request).toMatchObject({
      tenant: t,
      req: { method: 'POST', url: '/onboarding/a2p' },
      res: { statusCode: 302 },
    })
    // The worker's lines for the registration's jobs carry it: each step, and the refreshes after the carriers' events.
    const tasks = new Set(
      lines(worker!.output())
        .filter((l) => l.correlationId === id)
        .map((l) => l.task),
    )
    expect([...tasks].sort()).toEqual(expect.arrayContaining(['a2p_refresh', 'a2p_step']))
    // The provider saw it on the registration's requests, writes and reads.
    const counters = await a2p.counters()
    for (const route of ['POST /brands', 'POST /campaigns', 'GET /brands/:id'])
      expect(counters[`correlation:${id}:${route}`], route).toBeGreaterThan(0)
    // Every event of the registration, the submission's and the approval's, has it.
    const events =
      await sql`select event_type, correlation_id from ob_event where tenant_id = ${t} and event_type like 'registration.%' and ts >= (select submitted_at from ob_a2p where tenant_id = ${t}) order by id`
    expect(events.length).toBeGreaterThan(2)
    expect(events.filter((e) => e.correlationId !== id)).toEqual([])
    expect(events.map((e) => e.eventType)).toEqual(
      expect.arrayContaining(['registration.brand', 'registration.campaign', 'registration.binding']),
    )
    // An earlier click of the same owner has an id of its own.
    const before =
      await sql`select distinct correlation_id from ob_event where tenant_id = ${t} and correlation_id is not null and correlation_id <> ${id}`
    expect(before.length).toBeGreaterThan(0)
  })

  it("the OAuth callback's code and state, a mail link's token and the session cookie never reach the log", async () => {
    const b = await web!.browser().signIn('verified', `co-${crypto.randomUUID().slice(0, 8)}`)
    await b.get('/onboarding/calmsg/callback?code=SECRET-CODE-4711&state=SECRET-STATE-4712')
    await fetch(`${web!.url}/mail/reminders-off?t=SECRET-TOKEN-4713`)
    await until(
      'both lines',
      async () =>
        lines(web!.output()).filter((l) => /callback|reminders-off/.test(String((l.req as { url?: string })?.url)))
          .length >= 2,
    )
    const output = web!.output()
    for (const secret of [
      'SECRET-CODE-4711',
      'SECRET-STATE-4712',
      'SECRET-TOKEN-4713',
      b.cookie.split('=')[1]?.split(';')[0],
    ])
      expect(output).not.toContain(secret)
    expect(output).toContain('/onboarding/calmsg/callback?code=[Redacted]&state=[Redacted]')
  })
})
