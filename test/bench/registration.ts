import { performance } from 'node:perf_hooks'
import { Logger, run, type Runner } from 'graphile-worker'
import { Pool } from 'undici'
import { a2pSignature } from '../../app/a2p-webhook.server'
import { connect, type Sql } from '../../db/client.server'
import { nextRefreshSeconds } from '../../tasks/a2p_refresh'
import { ms, print, quantile as q, signInAs, until, type Bench } from './lib'
import { postPage } from '../setup/single-fetch'

// The registration's weeks (issue 19). (1) A carrier's approval, from its status event at our
// webhook to the owner's page reading "Texting enabled", beside the A2P fake's own answer to the
// status read the refresher makes. (2) At `tenants` registrations in review: the refresher's jobs
// per second and the callbacks' (signed events over HTTP, each a refresh), beside a no-op
// graphile-worker job in the same run; and the provider requests a tenant costs per day.
const SECRET = 'local-a2p-webhook-secret'
const A2P_TOKEN = 'local-a2p-token'

type Fake = (path: string, body?: unknown) => Promise<unknown>
const fakeOf =
  (b: Bench): Fake =>
  (path, body) =>
    fetch(
      `http://127.0.0.1:${b.fakesPort + 1}${path}`,
      body === undefined
        ? {}
        : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    ).then((r) => r.json())

/** A status event as the provider signs it. */
function signedEvent(type: string, objectId: string) {
  const body = JSON.stringify({
    id: `evt_${crypto.randomUUID()}`,
    type,
    occurredAt: new Date().toISOString(),
    data: { objectId },
  })
  const ts = String(Math.floor(Date.now() / 1000))
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'x-a2p-timestamp': ts,
      'x-a2p-signature': a2pSignature(SECRET, ts, body),
    },
  }
}
const post = (http: Pool, e: ReturnType<typeof signedEvent>) =>
  http
    .request({ path: '/webhooks/a2p', method: 'POST', headers: e.headers, body: e.body })
    .then(async (r) => (await r.body.text(), r.statusCode))

const a2pRow = async (sql: Sql, t: string) =>
  (
    await sql`select brand_id, brand_phase, campaign_id, campaign_phase, binding_phase from ob_a2p where tenant_id = ${t}`
  )[0]
async function untilRow(sql: Sql, t: string, done: (r: Record<string, unknown>) => boolean) {
  for (let i = 0; i < 4000; i++) {
    if (done(await a2pRow(sql, t))) return
    await new Promise((r) => setTimeout(r, 5))
  }
  const jobs =
    await sql`select task_identifier, run_at, attempts, last_error from graphile_worker.jobs where queue_name = ${`ob:a2p:${t}`}`
  throw new Error(
    `registration of ${t} did not get there: ${JSON.stringify(await a2pRow(sql, t))} ${JSON.stringify(jobs)}`,
  )
}

export async function approvalLatency(b: Bench, n: number) {
  const fake = fakeOf(b)
  // The carriers decide only when told (POST /__fake/decide), never by being read.
  await fake('/__fake/reset', {})
  await fake('/__fake/switches', { readsToDecide: 1e9 })
  const sql = connect(b.databaseUrl, { max: 2 })
  const http = new Pool(b.base, { connections: 2 })
  const total: number[] = []
  const provider: number[] = []
  for (let i = 0; i < n; i++) {
    const owner = `bench-approve-${i}`
    const cookie = await signInAs(b.base, 'verified', owner)
    const data = `${b.base}/onboarding/a2p`
    const summary = `${b.base}/onboarding/finalize`
    await until(`${b.base}/onboarding/account`, cookie, (d) => d.account.prefilledAt !== null)
    const [{ tenantId: t }] = await sql`select tenant_id from ob_employee where clerk_user_id = ${`dev:${owner}`}`
    await sql`update ob_number set area_code = '415', e164 = ${`+1628556${String(1000 + i)}`}, provider_sid = ${`PNappr${i}`}, state = 'Configured',
      capabilities = ${sql.json({ sms: true, mms: true, voice: true })} where tenant_id = ${t}`
    await sql`update ob_calmsg set top_services = '{Repairs}', price_ranges = ${sql.json({ Repairs: { min: 100, max: 300, currency: 'USD' } })}, calendar_later_at = now() where tenant_id = ${t}`
    for (let k = 0; k < 3; k++) await sql`select ob_advance(${t})`
    const page = await until(data, cookie, (d) => d.a2p.websiteCheckedAt !== null)
    const a = page.a2p
    const body = new URLSearchParams({
      intent: 'continue',
      version: String(page.state.version),
      brandType: a.brandType,
      legalBusinessName: a.legalBusinessName,
      websiteUrl: a.websiteUrl,
      taxId: a.taxId ?? '',
      'authorizedContact.name': a.authorizedContact.name,
      'authorizedContact.email': a.authorizedContact.email,
      'authorizedContact.phone': a.authorizedContact.phoneE164,
    })
    const res = await postPage(data, { body, headers: { cookie } })
    if (res.status !== 200) throw new Error(`Submit answered ${res.status}: ${await res.text()}`)
    // In review: the brand approved, the campaign and the number waiting for the carriers.
    await untilRow(sql, t, (r) => r.brandPhase === 'SUBMITTED')
    const { brandId } = await a2pRow(sql, t)
    await fake(`/__fake/decide/${t}`, {})
    await post(http, signedEvent('brand.updated', brandId))
    await untilRow(sql, t, (r) => Boolean(r.campaignId))
    await post(http, signedEvent('campaign.updated', (await a2pRow(sql, t)).campaignId))
    await untilRow(sql, t, (r) => r.campaignPhase === 'PENDING' && r.bindingPhase === 'PENDING')
    // The poller's next look is removed once it is scheduled (no refresh running), so only the
    // event can bring the approval in.
    const key = `ob:a2p:refresh:${t}`
    for (let k = 0; ; k++) {
      const [job] = await sql`select locked_at from graphile_worker.jobs where key = ${key}`
      if (job && !job.lockedAt) break
      if (k > 4000) throw new Error('the refresher did not schedule its next look')
      await new Promise((r) => setTimeout(r, 5))
    }
    await sql`select graphile_worker.remove_job(${key})`
    const { campaignId } = await a2pRow(sql, t)
    await fake(`/__fake/decide/${t}`, {})
    const t0 = performance.now()
    if ((await post(http, signedEvent('campaign.updated', campaignId))) !== 200)
      throw new Error('the webhook refused the event')
    // The summary: where Page 4 leads once the approval has finished onboarding (FINALIZE).
    await until(summary, cookie, (d) => d.state.textingEligible === true, 5)
    total.push(performance.now() - t0)
    const t1 = performance.now()
    await fetch(`http://127.0.0.1:${b.fakesPort + 1}/campaigns/${campaignId}`, {
      headers: { authorization: `Bearer ${A2P_TOKEN}` },
    }).then((r) => r.json())
    provider.push(performance.now() - t1)
    if (i === n - 1) {
      const page = (await (await fetch(`${b.base}/onboarding/finalize`, { headers: { cookie } })).text()).replaceAll(
        '<!-- -->',
        '',
      )
      if (!page.includes('Texting enabled'))
        throw new Error(
          `the page does not read "Texting enabled": ${page
            .replace(/<[^>]+>/g, ' ')
            .replace(/\s+/g, ' ')
            .slice(0, 600)}`,
        )
    }
  }
  await Promise.all([sql.end(), http.close(), fake('/__fake/switches', {})])
  print(
    ['path', 'p50', 'p99'],
    [
      ['approval event at /webhooks/a2p → summary "Texting enabled"', ms(q(total, 0.5)), ms(q(total, 0.99))],
      ['A2P fake GET /campaigns/{id} itself', ms(q(provider, 0.5)), ms(q(provider, 0.99))],
      [
        'ratio',
        `${(q(total, 0.5) / q(provider, 0.5)).toFixed(1)}x`,
        `${(q(total, 0.99) / q(provider, 0.99)).toFixed(1)}x`,
      ],
    ],
  )
  console.log(
    `(${n} owners one after another; the page's data read every 5 ms; the refresh reads the campaign and the number, records both, and the approval finishes onboarding in its transaction)\n`,
  )
}

const SAMPLE = 2000

export async function reviewScale(b: Bench, tenants: number) {
  const sql = connect(b.databaseUrl, { max: 4 })
  const fake = fakeOf(b)
  const http = new Pool(b.base, { connections: 16 })
  let noop: Runner | undefined
  try {
    const t0 = performance.now()
    const ids = await generateInReview(sql, tenants)
    console.log(
      `(${tenants.toLocaleString('en-US')} registrations in review generated in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${SAMPLE} of them known to the A2P fake)`,
    )
    const sample = ids.slice(0, SAMPLE * 2)
    await fake('/__fake/reset', {})
    await fake('/__fake/switches', { readsToDecide: 1e9 })
    await fake('/__fake/seed', {
      campaigns: sample.map((r) => ({ id: r.campaignId, tenant: r.tenantId, brandId: r.brandId })),
      bindings: sample.map((r) => ({ e164: r.e164, tenant: r.tenantId, campaignId: r.campaignId })),
    })
    const reads = async () => {
      const c = ((await fake('/__fake')) as { counters: Record<string, number> }).counters
      return (c['GET /campaigns/:id'] ?? 0) + (c['GET /numbers/:e164'] ?? 0) + (c['GET /brands/:id'] ?? 0)
    }
    const keys = (group: typeof ids) => group.map((r) => `ob:a2p:refresh:${r.tenantId}`)
    // Done: every one of the group's refreshes has run and scheduled its next look an hour on.
    const drained = async (group: typeof ids, prefix = 'ob:a2p:refresh:') => {
      for (;;) {
        const [{ due }] = await sql`select count(*)::int as due from graphile_worker.jobs
          where key = any(${group.map((r) => `${prefix}${r.tenantId}`)}) and (run_at < now() + interval '30 minutes' or locked_at is not null)`
        if (due === 0) return
        await new Promise((r) => setTimeout(r, 20))
      }
    }

    // The refresher: one job per tenant, as its own schedule enqueues them.
    const refresh = sample.slice(0, SAMPLE)
    const before = await reads()
    const r0 = performance.now()
    await sql`select graphile_worker.add_job('a2p_refresh', json_build_object('tenantId', t, 'attempt', 12), queue_name => 'ob:a2p:' || t, job_key => k)
      from unnest(${refresh.map((r) => r.tenantId)}::uuid[], ${keys(refresh)}::text[]) as x(t, k)`
    await drained(refresh)
    const refreshRate = SAMPLE / ((performance.now() - r0) / 1000)
    const perRefresh = ((await reads()) - before) / SAMPLE

    // The callbacks: a signed event per tenant over HTTP, 16 at a time; each refreshes its tenant.
    const called = sample.slice(SAMPLE)
    const c0 = performance.now()
    let next = 0
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < called.length) {
          const r = called[next++]
          if ((await post(http, signedEvent('campaign.updated', r.campaignId))) !== 200)
            throw new Error('the webhook refused an event')
        }
      }),
    )
    const accepted = SAMPLE / ((performance.now() - c0) / 1000)
    await drained(called)
    const callbackRate = SAMPLE / ((performance.now() - c0) / 1000)

    // The floor: a no-op task in a graphile-worker of the same concurrency, jobs of the same shape.
    const concurrency = Number(process.env.WORKER_CONCURRENCY ?? 2)
    noop = await run({
      connectionString: b.databaseUrl,
      concurrency,
      noHandleSignals: true,
      logger: new Logger(() => () => {}),
      taskList: { bench_noop: async () => {} },
    })
    const n0 = performance.now()
    await sql`select graphile_worker.add_job('bench_noop', json_build_object('i', i), queue_name => 'bench:' || i, job_key => 'bench:noop:' || i)
      from generate_series(1, ${SAMPLE}::int) i`
    for (;;) {
      const [{ left }] =
        await sql`select count(*)::int as left from graphile_worker.jobs where task_identifier = 'bench_noop'`
      if (left === 0) break
      await new Promise((r) => setTimeout(r, 20))
    }
    const noopRate = SAMPLE / ((performance.now() - n0) / 1000)

    print(
      ['jobs', 'per second', 'vs no-op job'],
      [
        [
          'a2p_refresh (reads the campaign and the number, records nothing new)',
          refreshRate.toFixed(0),
          `${((refreshRate / noopRate) * 100).toFixed(0)}%`,
        ],
        [
          'callbacks: signed event over HTTP → refresh job done',
          callbackRate.toFixed(0),
          `${((callbackRate / noopRate) * 100).toFixed(0)}%`,
        ],
        ['  of which the webhook accepting events (16 at a time)', accepted.toFixed(0), ''],
        ['no-op graphile-worker job (floor)', noopRate.toFixed(0), '100%'],
      ],
    )
    // Provider requests: what one refresh asked, times how often the schedule looks (production's
    // A2P_REFRESH_SECONDS of 60), by how long the registration has been in review.
    const looks = (fromH: number, toH: number) => {
      let t = 0
      let count = 0
      for (let attempt = 0; t < toH * 3600; attempt++) {
        const s = nextRefreshSeconds(t * 1000, attempt, 60)
        if (s === null) break
        t += s
        if (t >= fromH * 3600 && t < toH * 3600) count++
      }
      return count / ((toH - fromH) / 24)
    }
    const perDay = (fromH: number, toH: number) => (looks(fromH, toH) * perRefresh).toFixed(1)
    print(
      ['in review for', 'provider requests per tenant per day'],
      [
        ['day 1', perDay(0, 24)],
        ['days 2 and 3', perDay(24, 72)],
        ['days 4 to 30', perDay(72, 720)],
        ['after 30 days', '0 (status events only)'],
      ],
    )
    const mix = (looks(0, 24) + 2 * looks(24, 72) + 27 * looks(72, 720)) / 30
    console.log(
      `(${perRefresh.toFixed(2)} requests a refresh, measured; each status event adds one refresh. ${tenants.toLocaleString('en-US')} tenants spread evenly over 30 days of review: ${((tenants * mix * perRefresh) / 86400).toFixed(2)} provider requests/s, ${((tenants * mix) / 86400).toFixed(2)} refresh jobs/s needed of the ${refreshRate.toFixed(0)} measured)\n`,
    )
  } finally {
    await noop?.stop()
    await Promise.all([sql.end(), http.close(), fake('/__fake/switches', {})])
  }
}

/** Registrations in review (brand approved, campaign and number pending), written in bulk with triggers off. */
async function generateInReview(sql: Sql, n: number) {
  await sql.begin(async (tx) => {
    await tx`set local session_replication_role = replica`
    await tx`create temp table gen on commit drop as
      select gen_random_uuid() as tenant_id, i, now() - (i % 30) * interval '1 day' - interval '2 hours' as submitted_at from generate_series(1, ${n}::int) i`
    await tx`insert into ob_flow (tenant_id, phase, email_verified, mobile_verified, stripe_active, texting_eligible, completion)
      select tenant_id, 'A2P', true, true, true, false, '{"account":100,"number":100,"calmsg":100,"a2p":100}' from gen`
    await tx`insert into ob_account (tenant_id, display_name, vertical, timezone, owner_email) select tenant_id, 'Review ' || i, 'plumbing', 'America/New_York', 'review' || i || '@example.com' from gen`
    await tx`insert into ob_number (tenant_id, area_code, e164, provider_sid, state, capabilities)
      select tenant_id, '415', '+1' || (3000000000 + i)::text, 'PNrev' || i, 'Configured', '{"sms":true,"mms":true,"voice":true}' from gen`
    await tx`insert into ob_calmsg (tenant_id, top_services, price_ranges, calendar_provider) select tenant_id, '{Repairs}', '{"Repairs":{"min":100,"max":300,"currency":"USD"}}', 'none' from gen`
    await tx`insert into ob_a2p (tenant_id, brand_type, legal_business_name, brand_id, brand_phase, identity_status, campaign_id, campaign_phase, binding_phase, submitted_at, submission_count)
      select tenant_id, 'STANDARD', 'Review ' || i || ' LLC', 'BNrev' || i, 'VETTED', 'VERIFIED', 'CMrev' || i, 'PENDING', 'PENDING', submitted_at, 1 from gen`
    await tx`insert into ob_employee (tenant_id, clerk_user_id, role, name, email) select tenant_id, 'rev_' || i, 'owner', 'Owner ' || i, 'review' || i || '@example.com' from gen`
  })
  await sql`analyze`
  return (await sql`select a.tenant_id, a.brand_id, a.campaign_id, n.e164 from ob_a2p a join ob_number n using (tenant_id)
    where a.campaign_id like 'CMrev%' order by a.campaign_id limit ${SAMPLE * 2}`) as unknown as {
    tenantId: string
    brandId: string
    campaignId: string
    e164: string
  }[]
}
