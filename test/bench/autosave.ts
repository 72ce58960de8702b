import { performance } from 'node:perf_hooks'
import { connect } from '../../db/client.server'
import { startBuiltApp } from '../../dev/stack'

// `npm run bench`: autosave round trips through the real HTTP action (built app, remix-serve) at 1
// and 32 concurrent owners, each its own tenant, beside a floor measured in the same run: one
// UPDATE of each owner's own ob_flow row through postgres.js at the same concurrency. Then the
// time from "Looks good" to the number being readable by the page (banner data), against the
// Provisioning fake, beside the fake's own POST /numbers round trip. Last, Page 4's Submit until the
// A2P fake sees the brand request (the a2p_step job), beside the fake's own POST /brands.
const LEVELS = [1, 32]
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const port = 3200

const stack = await startBuiltApp('bench', { pg: Number(process.env.BENCH_PG_PORT ?? 5457), fakes: 4210, web: port })
const base = `http://localhost:${port}`

try {
  await waitForServer()
  const owners = await Promise.all(Array.from({ length: Math.max(...LEVELS) }, (_, i) => signIn(`bench-${i}`)))
  const sql = connect(stack.databaseUrl, { max: Math.max(...LEVELS) })
  const rows: string[][] = []
  for (const level of LEVELS) {
    const group = owners.slice(0, level)
    await run(group.slice(0, 1), 1, (o) => save(o)) // warm-up
    const http = await run(group, SECONDS, (o) => save(o))
    const floor = await run(group, SECONDS, (o) => sql`update ob_flow set updated_at = now() where tenant_id = ${o.tenantId}`.then(() => {}))
    rows.push(
      [`${level}`, 'HTTP autosave', ms(http.p50), ms(http.p99), http.rate.toFixed(0)],
      [`${level}`, 'UPDATE floor', ms(floor.p50), ms(floor.p99), floor.rate.toFixed(0)],
      [`${level}`, 'ratio', `${(http.p50 / floor.p50).toFixed(1)}x`, `${(http.p99 / floor.p99).toFixed(1)}x`, `${(floor.rate / http.rate).toFixed(1)}x fewer`],
    )
  }
  await sql.end()
  print(['owners', 'path', 'p50', 'p99', 'saves/s'], rows)
  console.log(`(${SECONDS}s per measurement, ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL'}, node ${process.version}, app pool max 10)\n`)
  await provisioningLatency(Number(process.env.BENCH_NUMBERS ?? 20))
  await a2pLatency(Number(process.env.BENCH_NUMBERS ?? 20))
} finally {
  await stack.stop()
}

type Owner = { cookie: string; tenantId: string; version: number; n: number }

async function signIn(name: string): Promise<Owner> {
  const res = await fetch(`${base}/dev/sign-in`, { method: 'POST', body: new URLSearchParams({ persona: 'unverified-mobile', owner: name }), redirect: 'manual' })
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]
  const state = await fetch(`${base}/onboarding/account?_data=routes%2Fonboarding.account`, { headers: { cookie } }).then((r) => r.json())
  const sql = connect(stack.databaseUrl, { max: 1 })
  const [{ tenantId }] = await sql`select tenant_id from ob_employee where clerk_user_id = ${`dev:${name}`}`
  await sql.end()
  return { cookie, tenantId, version: state.state.version, n: 0 }
}

async function save(o: Owner) {
  const body = new URLSearchParams({ intent: 'autosave', version: String(o.version), displayName: `Bench Plumbing ${++o.n}` })
  const res = await fetch(`${base}/onboarding/account?_data=routes%2Fonboarding.account`, { method: 'POST', body, headers: { cookie: o.cookie } })
  const reply = await res.json()
  if (res.status !== 200) throw new Error(`autosave answered ${res.status}: ${JSON.stringify(reply)}`)
  o.version = reply.version
}

// Each owner saves in a closed loop for `seconds`; latencies from all owners are pooled.
async function run(group: Owner[], seconds: number, op: (o: Owner) => Promise<void>) {
  const latencies: number[] = []
  const end = performance.now() + seconds * 1000
  const start = performance.now()
  await Promise.all(
    group.map(async (o) => {
      while (performance.now() < end) {
        const t = performance.now()
        await op(o)
        latencies.push(performance.now() - t)
      }
    }),
  )
  const elapsed = (performance.now() - start) / 1000
  latencies.sort((a, b) => a - b)
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]
  return { p50: at(0.5), p99: at(0.99), rate: latencies.length / elapsed }
}

// One owner at a time: "Looks good" (POST, the job enqueued in its transaction), then the page's
// data is read every 5 ms until the worker has written the number.
async function provisioningLatency(n: number) {
  const total: number[] = []
  const post: number[] = []
  const provider: number[] = []
  const fakeUrl = 'http://127.0.0.1:4210'
  for (let i = 0; i < n; i++) {
    const cookie = (await fetch(`${base}/dev/sign-in`, { method: 'POST', body: new URLSearchParams({ persona: 'verified', owner: `bench-number-${i}` }), redirect: 'manual' })).headers.get('set-cookie')!.split(';')[0]
    const account = await until(`${base}/onboarding/account?_data=routes%2Fonboarding.account`, cookie, (d) => d.account.prefilledAt !== null)
    const continued = new URLSearchParams({ intent: 'continue', version: String(account.state.version), displayName: account.account.displayName, vertical: account.account.vertical })
    await fetch(`${base}/onboarding/account?_data=routes%2Fonboarding.account`, { method: 'POST', body: continued, headers: { cookie } })
    const page = await fetch(`${base}/onboarding/number?_data=routes%2Fonboarding.number`, { headers: { cookie } }).then((r) => r.json())
    const body = new URLSearchParams({ intent: 'continue', version: String(page.state.version), areaCode: page.number.areaCode, 'hours.start': '08:00', 'hours.end': '18:00', 'hours.weekends': 'off', serviceRadiusMi: '15' })
    const t0 = performance.now()
    const res = await fetch(`${base}/onboarding/number?_data=routes%2Fonboarding.number`, { method: 'POST', body, headers: { cookie } })
    if (res.status !== 200) throw new Error(`Looks good answered ${res.status}`)
    post.push(performance.now() - t0)
    await until(`${base}/onboarding/number?_data=routes%2Fonboarding.number`, cookie, (d) => Boolean(d.number.e164), 5)
    total.push(performance.now() - t0)
    const t1 = performance.now()
    await fetch(`${fakeUrl}/numbers`, {
      method: 'POST',
      headers: { authorization: 'Bearer local-provisioning-token', 'content-type': 'application/json', 'idempotency-key': `ob:prov:00000000-0000-0000-0000-${String(i).padStart(12, '0')}`, 'correlation-id': '00000000-0000-0000-0000-000000000000' },
      body: JSON.stringify({ areaCode: '415', capabilities: ['sms', 'voice'], webhooks: { smsWebhookUrl: 'https://h.example/s', voiceUrl: 'https://h.example/v', statusCallbackUrl: 'https://h.example/c' } }),
    })
    provider.push(performance.now() - t1)
  }
  const q = (list: number[], p: number) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(p * list.length))]
  print(['path', 'p50', 'p99'], [
    ['"Looks good" → number readable', ms(q(total, 0.5)), ms(q(total, 0.99))],
    ['  of which the POST', ms(q(post, 0.5)), ms(q(post, 0.99))],
    ['provider POST /numbers (fake)', ms(q(provider, 0.5)), ms(q(provider, 0.99))],
    ['ratio', `${(q(total, 0.5) / q(provider, 0.5)).toFixed(1)}x`, `${(q(total, 0.99) / q(provider, 0.99)).toFixed(1)}x`],
  ])
  console.log(`(${n} owners one after another; the page itself re-reads every 1 s with JavaScript, so owners see it up to 1 s later)`)
}

// One owner at a time, put on Page 4 through SQL (the pages before it are measured above): Submit
// (POST; the chain's first job enqueued in its transaction), then the A2P fake's counters are read
// every 5 ms until the brand request has arrived.
async function a2pLatency(n: number) {
  const total: number[] = []
  const provider: number[] = []
  const fakeUrl = 'http://127.0.0.1:4211'
  const sql = connect(stack.databaseUrl, { max: 2 })
  for (let i = 0; i < n; i++) {
    const cookie = (await fetch(`${base}/dev/sign-in`, { method: 'POST', body: new URLSearchParams({ persona: 'verified', owner: `bench-a2p-${i}` }), redirect: 'manual' })).headers.get('set-cookie')!.split(';')[0]
    await until(`${base}/onboarding/account?_data=routes%2Fonboarding.account`, cookie, (d) => d.account.prefilledAt !== null)
    const [{ tenantId }] = await sql`select tenant_id from ob_employee where clerk_user_id = ${`dev:bench-a2p-${i}`}`
    await sql`update ob_number set area_code = '415', e164 = ${`+1628555${String(1000 + i)}`}, provider_sid = ${`PNbench${i}`}, state = 'Configured',
      capabilities = ${sql.json({ sms: true, mms: true, voice: true })} where tenant_id = ${tenantId}`
    await sql`update ob_calmsg set top_services = '{Repairs}', price_ranges = ${sql.json({ Repairs: { min: 100, max: 300, currency: 'USD' } })}, calendar_later_at = now() where tenant_id = ${tenantId}`
    for (let k = 0; k < 3; k++) await sql`select ob_advance(${tenantId})`
    const page = await until(`${base}/onboarding/a2p?_data=routes%2Fonboarding.a2p`, cookie, (d) => d.a2p.websiteCheckedAt !== null)
    const a = page.a2p
    const body = new URLSearchParams({ intent: 'continue', version: String(page.state.version), brandType: a.brandType, legalBusinessName: a.legalBusinessName, websiteUrl: a.websiteUrl, taxId: a.taxId ?? '',
      'authorizedContact.name': a.authorizedContact.name, 'authorizedContact.email': a.authorizedContact.email, 'authorizedContact.phone': a.authorizedContact.phoneE164 })
    const t0 = performance.now()
    const res = await fetch(`${base}/onboarding/a2p?_data=routes%2Fonboarding.a2p`, { method: 'POST', body, headers: { cookie } })
    if (res.status !== 200) throw new Error(`Submit answered ${res.status}: ${await res.text()}`)
    for (let k = 0; k < 4000; k++) {
      const counters = ((await (await fetch(`${fakeUrl}/__fake`)).json()) as { counters: Record<string, number> }).counters
      if (counters[`brands:${tenantId}`]) break
      await new Promise((r) => setTimeout(r, 5))
    }
    total.push(performance.now() - t0)
    const t1 = performance.now()
    await fetch(`${fakeUrl}/brands`, {
      method: 'POST',
      headers: { authorization: 'Bearer local-a2p-token', 'content-type': 'application/json', 'idempotency-key': `ob:a2p:brand:00000000-0000-0000-0000-${String(i).padStart(12, '0')}`, 'correlation-id': '00000000-0000-0000-0000-000000000000' },
      body: JSON.stringify({ country: 'US', legalName: 'Bench LLC', displayName: 'Bench', websiteDomain: 'bench.example', brandType: 'SOLE_PROP' }),
    })
    provider.push(performance.now() - t1)
  }
  await sql.end()
  const q = (list: number[], p: number) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(p * list.length))]
  print(['path', 'p50', 'p99'], [
    ['Submit → brand request at the A2P fake', ms(q(total, 0.5)), ms(q(total, 0.99))],
    ['A2P fake POST /brands itself', ms(q(provider, 0.5)), ms(q(provider, 0.99))],
    ['ratio', `${(q(total, 0.5) / q(provider, 0.5)).toFixed(1)}x`, `${(q(total, 0.99) / q(provider, 0.99)).toFixed(1)}x`],
  ])
  console.log(`(${n} owners one after another; counters read every 5 ms)`)
}

async function until(url: string, cookie: string, done: (data: any) => boolean, everyMs = 50) {
  for (let i = 0; i < 2000; i++) {
    const data = await fetch(url, { headers: { cookie } }).then((r) => r.json())
    if (done(data)) return data
    await new Promise((r) => setTimeout(r, everyMs))
  }
  throw new Error(`${url} did not get there`)
}

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    if (await fetch(`${base}/dev/sign-in`).then((r) => r.ok, () => false)) return
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error('the app did not start within 20 s')
}

function ms(v: number) {
  return `${v.toFixed(2)} ms`
}

function print(head: string[], rows: string[][]) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()
  console.log(line(head))
  for (const r of rows) console.log(line(r))
}
