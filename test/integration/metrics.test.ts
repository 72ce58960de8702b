import { describe, expect, it } from 'vitest'
import { connect } from '../../db/client.server'
import { fakesFor, freePort, hasBuild, startWeb, startWorker } from '../setup/app'
import { freshDatabase } from '../setup/db'
import { until } from '../setup/wait'
import { html, pressed } from '../setup/walk'

// Issue 20, part 2: Prometheus metrics on ports of their own. The web server (two processes, as in
// production: its primary answers for both) times requests by route and counts saves and 409s; the
// worker counts jobs by task and outcome and reads what the database says at each scrape.
const { url } = await freshDatabase()
const sql = connect(url)
const { env } = await fakesFor()
const [webMetrics, workerMetrics] = [await freePort(), await freePort()]
const appEnv = { DATABASE_URL: url, ...env }
const web = hasBuild() ? await startWeb({ ...appEnv, WEB_CONCURRENCY: '2', METRICS_PORT: String(webMetrics) }) : null
if (web) startWorker({ ...appEnv, WORKER_METRICS_PORT: String(workerMetrics) })

const scrape = async (port: number) => (await fetch(`http://localhost:${port}/metrics`)).text()
/** The value of one series (labels in any order), or undefined. */
function value(text: string, name: string, labels: Record<string, string> = {}) {
  const line = text
    .split('\n')
    .find((l) =>
      l.startsWith(`${name}{`) || l.startsWith(`${name} `)
        ? Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`))
        : false,
    )
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1))
}

describe.runIf(hasBuild())('metrics', { timeout: 90_000 }, () => {
  it("the web server's: request durations by route, saves and 409s, summed over its processes, on its own port only", async () => {
    const b = await web!.browser().signIn('verified', `m-${crypto.randomUUID().slice(0, 8)}`)
    await until(
      'the prefill',
      async () => !(await html(b, '/onboarding/account')).includes('Fetching your business details'),
    )
    const tabA = await pressed(b, 'account', 'autosave')
    const tabB = new URLSearchParams(tabA)
    tabA.set('displayName', 'Tab A Plumbing')
    tabB.set('displayName', 'Tab B Plumbing')
    expect((await b.post('/onboarding/account', tabA, { js: false })).status).toBe(302)
    expect((await b.post('/onboarding/account', tabB, { js: false })).status).toBe(409)
    for (let i = 0; i < 6; i++) await b.get('/onboarding/account')

    const text = await scrape(webMetrics)
    expect(value(text, 'ob_saves_total', { page: 'account', outcome: 'saved' })).toBe(1)
    expect(value(text, 'ob_saves_total', { page: 'account', outcome: 'conflict' })).toBe(1)
    expect(
      value(text, 'ob_http_request_duration_seconds_count', {
        route: '/onboarding/account',
        method: 'POST',
        status: '409',
      }),
    ).toBe(1)
    // Both processes answered some of the GETs: the count is their sum.
    expect(
      value(text, 'ob_http_request_duration_seconds_count', {
        route: '/onboarding/account',
        method: 'GET',
        status: '200',
      }),
    ).toBeGreaterThanOrEqual(7)
    // A tenant's id is never a label (one series per route, not per tenant).
    expect(text).not.toMatch(/route="\/p\/[0-9a-f-]{36}/)
    expect((await fetch(`${web!.url}/metrics`)).status).toBe(404)
  })

  it("the worker's: jobs by task and outcome, the oldest job waiting, registrations by state, tenants in FINALIZE", async () => {
    const text = (await until('a job counted', async () => {
      const t = await scrape(workerMetrics)
      return (value(t, 'ob_jobs_total', { task: 'stripe_prefill', outcome: 'success' }) ?? 0) >= 1 ? t : null
    }))!
    expect(value(text, 'ob_job_duration_seconds_count', { task: 'stripe_prefill' })).toBeGreaterThanOrEqual(1)
    const [{ n }] = await sql`select count(*)::int as n from ob_a2p where submitted_at is null`
    expect(value(text, 'ob_registrations', { state: 'not_submitted' })).toBe(n)
    expect(value(text, 'ob_registrations', { state: 'approved' })).toBe(0)
    expect(value(text, 'ob_finalize_tenants')).toBe(0)

    // A job due a minute ago that nobody can take (no such task here): the oldest waiting says so.
    await sql`select graphile_worker.add_job('nobody_runs_this', '{}', run_at => now() - interval '60 seconds')`
    const later = await scrape(workerMetrics)
    expect(value(later, 'ob_job_oldest_waiting_seconds')).toBeGreaterThanOrEqual(60)
  })
})
