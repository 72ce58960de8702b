import { performance } from 'node:perf_hooks'
import { connect } from '../../db/client.server'
import { fakeBrandMs, fakeNumberMs, ms, print, quantile as q, signInAs, until, type Bench } from './lib'
import { fetchPageData, postPage } from '../setup/single-fetch'

// Provider side effects, end to end: "Looks good" until the number is readable by the page, beside
// the Provisioning fake's own POST /numbers; Page 4's Submit until the A2P fake sees the brand
// request (the a2p_step job), beside the fake's own POST /brands.
// One owner at a time: "Looks good" (POST, the job enqueued in its transaction), then the page's
// data is read every 5 ms until the worker has written the number.
export async function provisioningLatency(b: Bench, n: number) {
  const base = b.base
  const total: number[] = []
  const post: number[] = []
  const provider: number[] = []
  for (let i = 0; i < n; i++) {
    const cookie = await signInAs(base, 'verified', `bench-number-${i}`)
    const account = await until(`${base}/onboarding/account`, cookie, (d) => d.account.prefilledAt !== null)
    const continued = new URLSearchParams({
      intent: 'continue',
      version: String(account.state.version),
      displayName: account.account.displayName,
      vertical: account.account.vertical,
    })
    await postPage(`${base}/onboarding/account`, {
      body: continued,
      headers: { cookie },
    })
    const page = await fetchPageData(`${base}/onboarding/number`, { headers: { cookie } }).then((r) => r.json())
    const body = new URLSearchParams({
      intent: 'continue',
      version: String(page.state.version),
      areaCode: page.number.areaCode,
      'hours.start': '08:00',
      'hours.end': '18:00',
      'hours.weekends': 'off',
      serviceRadiusMi: '15',
    })
    const t0 = performance.now()
    const res = await postPage(`${base}/onboarding/number`, {
      body,
      headers: { cookie },
    })
    if (res.status !== 200) throw new Error(`Looks good answered ${res.status}`)
    post.push(performance.now() - t0)
    await until(`${base}/onboarding/number`, cookie, (d) => Boolean(d.number.e164), 5)
    total.push(performance.now() - t0)
    provider.push(await fakeNumberMs(b.fakesPort, `ob:prov:00000000-0000-0000-0000-${String(i).padStart(12, '0')}`))
  }
  print(
    ['path', 'p50', 'p99'],
    [
      ['"Looks good" → number readable', ms(q(total, 0.5)), ms(q(total, 0.99))],
      ['  of which the POST', ms(q(post, 0.5)), ms(q(post, 0.99))],
      ['provider POST /numbers (fake)', ms(q(provider, 0.5)), ms(q(provider, 0.99))],
      [
        'ratio',
        `${(q(total, 0.5) / q(provider, 0.5)).toFixed(1)}x`,
        `${(q(total, 0.99) / q(provider, 0.99)).toFixed(1)}x`,
      ],
    ],
  )
  console.log(
    `(${n} owners one after another; the page itself re-reads every 1 s with JavaScript, so owners see it up to 1 s later)`,
  )
}

// One owner at a time, put on Page 4 through SQL (the pages before it are measured above): Submit
// (POST; the chain's first job enqueued in its transaction), then the A2P fake's counters are read
// every 5 ms until the brand request has arrived.
export async function a2pLatency(b: Bench, n: number) {
  const base = b.base
  const total: number[] = []
  const provider: number[] = []
  const fakeUrl = `http://127.0.0.1:${b.fakesPort + 1}`
  const sql = connect(b.databaseUrl, { max: 2 })
  for (let i = 0; i < n; i++) {
    const cookie = await signInAs(base, 'verified', `bench-a2p-${i}`)
    await until(`${base}/onboarding/account`, cookie, (d) => d.account.prefilledAt !== null)
    const [{ tenantId }] = await sql`select tenant_id from ob_employee where clerk_user_id = ${`dev:bench-a2p-${i}`}`
    await sql`update ob_number set area_code = '415', e164 = ${`+1628555${String(1000 + i)}`}, provider_sid = ${`PNbench${i}`}, state = 'Configured',
      capabilities = ${sql.json({ sms: true, mms: true, voice: true })} where tenant_id = ${tenantId}`
    await sql`update ob_calmsg set top_services = '{Repairs}', price_ranges = ${sql.json({ Repairs: { min: 100, max: 300, currency: 'USD' } })}, calendar_later_at = now() where tenant_id = ${tenantId}`
    for (let k = 0; k < 3; k++) await sql`select ob_advance(${tenantId})`
    const page = await until(`${base}/onboarding/a2p`, cookie, (d) => d.a2p.websiteCheckedAt !== null)
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
    const t0 = performance.now()
    const res = await postPage(`${base}/onboarding/a2p`, {
      body,
      headers: { cookie },
    })
    if (res.status !== 200) throw new Error(`Submit answered ${res.status}: ${await res.text()}`)
    for (let k = 0; k < 4000; k++) {
      const counters = ((await (await fetch(`${fakeUrl}/__fake`)).json()) as { counters: Record<string, number> })
        .counters
      if (counters[`brands:${tenantId}`]) break
      await new Promise((r) => setTimeout(r, 5))
    }
    total.push(performance.now() - t0)
    provider.push(await fakeBrandMs(b.fakesPort, `ob:a2p:brand:00000000-0000-0000-0000-${String(i).padStart(12, '0')}`))
  }
  await sql.end()
  print(
    ['path', 'p50', 'p99'],
    [
      ['Submit → brand request at the A2P fake', ms(q(total, 0.5)), ms(q(total, 0.99))],
      ['A2P fake POST /brands itself', ms(q(provider, 0.5)), ms(q(provider, 0.99))],
      [
        'ratio',
        `${(q(total, 0.5) / q(provider, 0.5)).toFixed(1)}x`,
        `${(q(total, 0.99) / q(provider, 0.99)).toFixed(1)}x`,
      ],
    ],
  )
  console.log(`(${n} owners one after another; counters read every 5 ms)`)
}
