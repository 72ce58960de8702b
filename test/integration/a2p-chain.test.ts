import { describe, expect, it } from 'vitest'
import { connect } from '../../db/client.server'
import { enqueue, jobFor } from '../../db/jobs.server'
import { fakesFor, startWorker } from '../setup/app'
import { readyA2pTenant, submitA2p } from '../setup/a2p'
import { freshDatabase } from '../setup/db'

// The registration chain through real worker processes and the A2P fake over HTTP: brand ->
// campaign -> number as idempotent jobs, the refresher, rejection and resubmission, and the gate.
const { url } = await freshDatabase()
const sql = connect(url)
const { env, fake } = await fakesFor()
const a2pFake = fake('a2p')
const workerEnv = { DATABASE_URL: url, ...env, A2P_REFRESH_SECONDS: '0.2' }
let worker = startWorker(workerEnv)

const readyTenant = () => readyA2pTenant(sql)
const submit = (t: string) => submitA2p(sql, t)
const row = async (t: string) =>
  (
    await sql`select a.*, f.texting_eligible, f.blockers from ob_a2p a join ob_flow f using (tenant_id) where tenant_id = ${t}`
  )[0]
async function until(what: string, probe: () => Promise<boolean>, ms = 30_000, watch?: () => Promise<void>) {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
    await watch?.()
    if (await probe()) return
  }
  throw new Error(`timed out waiting for ${what}\n${worker.output().slice(-3000)}`)
}
const counters = async (t: string) => {
  const c = await a2pFake.counters()
  return { brands: c[`brands:${t}`] ?? 0, campaigns: c[`campaigns:${t}`] ?? 0, attachments: c[`attachments:${t}`] ?? 0 }
}

describe('the A2P registration chain', { timeout: 60_000 }, () => {
  it('one submission goes brand -> campaign -> number to texting eligible; the gate never opens before all three', async () => {
    const t = await readyTenant()
    expect(await submit(t)).toEqual({ submission: 1, step: 'brand' })
    // Watch every state on the way: eligible only ever with VETTED / ACTIVE / VERIFIED.
    const seen = new Set<string>()
    await until(
      'texting eligible',
      async () => (await row(t)).textingEligible,
      30_000,
      async () => {
        const r = await row(t)
        seen.add(`${r.brandPhase}/${r.campaignPhase}/${r.bindingPhase}`)
        if (r.textingEligible)
          expect([r.brandPhase, r.campaignPhase, r.bindingPhase]).toEqual(['VETTED', 'ACTIVE', 'VERIFIED'])
      },
    )
    expect([...seen].some((s) => s !== 'VETTED/ACTIVE/VERIFIED')).toBe(true)
    expect(await counters(t)).toEqual({ brands: 1, campaigns: 1, attachments: 1 })
    const r = await row(t)
    expect(r.brandId).toMatch(/^BN/)
    expect(r.campaignId).toMatch(/^CM/)
    expect((await sql`select (ob_state_a2p(f)).blockers from ob_flow f where tenant_id = ${t}`)[0].blockers).toEqual([])
    const events =
      await sql`select event_type from ob_event where tenant_id = ${t} and event_type like 'registration.%'`
    expect(events.map((e) => e.eventType)).toEqual(
      expect.arrayContaining(['registration.brand', 'registration.campaign', 'registration.binding']),
    )
    // A second submit while registered is refused by SQL.
    await expect(submit(t)).rejects.toMatchObject({ code: 'OB409' })
  })

  it('a double click on Submit starts one submission: the second is refused while the first is under way; one brand, one campaign, one number', async () => {
    const t = await readyTenant()
    const [a, b] = await Promise.allSettled([submit(t), submit(t)])
    expect([a.status, b.status].sort()).toEqual(['fulfilled', 'rejected'])
    expect(((a.status === 'rejected' ? a : b) as PromiseRejectedResult).reason).toMatchObject({ code: 'OB409' })
    await until('texting eligible', async () => (await row(t)).textingEligible)
    expect(await counters(t)).toEqual({ brands: 1, campaigns: 1, attachments: 1 })
    expect((await row(t)).submissionCount).toBe(1)
  })

  it('replays with the same Idempotency-Key give the same status and body and create nothing', async () => {
    const t = await readyTenant()
    const post = (key: string, body: object) =>
      fetch(`${a2pFake.url}/brands`, {
        method: 'POST',
        headers: {
          authorization: 'Bearer local-a2p-token',
          'content-type': 'application/json',
          'idempotency-key': key,
          'correlation-id': crypto.randomUUID(),
        },
        body: JSON.stringify(body),
      })
    const body = {
      country: 'US',
      legalName: 'Rivera Plumbing LLC',
      displayName: 'Rivera Plumbing',
      websiteDomain: 'riveraplumbing.example',
      brandType: 'SOLE_PROP',
    }
    const first = await post(`ob:a2p:brand:${t}`, body)
    const again = await post(`ob:a2p:brand:${t}`, body)
    expect(again.status).toBe(first.status)
    expect(await again.text()).toBe(await first.text())
    expect((await post(`ob:a2p:brand:${t}`, { ...body, legalName: 'Other LLC' })).status).toBe(422)
    expect((await counters(t)).brands).toBe(1)
  })

  it('a rejected campaign stores its reason; Resubmit keeps the vetted brand and reruns the campaign with new keys', async () => {
    const t = await readyTenant()
    await a2pFake.switches({ rejectCampaign: '30896' })
    await submit(t)
    await until('the rejection', async () => (await row(t)).campaignPhase === 'REJECTED')
    await a2pFake.switches({ rejectCampaign: null }) // the owner fixed it
    let r = await row(t)
    expect(r).toMatchObject({
      reasonCode: '30896',
      reasonStep: 'campaign',
      brandPhase: 'VETTED',
      textingEligible: false,
    })
    expect(r.blockers).toContain('A2P_REJECTED')
    expect(await submit(t)).toEqual({ submission: 2, step: 'campaign' })
    await until('texting eligible after resubmission', async () => (await row(t)).textingEligible)
    r = await row(t)
    expect(r.reasonCode).toBeNull()
    const keys = Object.keys(await a2pFake.counters()).filter((k) => k.startsWith('key:') && k.includes(t))
    expect(keys).toEqual(expect.arrayContaining([`key:ob:a2p:resubmit:${t}:1:camp`, `key:ob:a2p:resubmit:${t}:1:bind`]))
    expect(keys.some((k) => k.includes(':resubmit:') && k.endsWith(':brand'))).toBe(false)
  })

  it('a sole proprietor confirms the code: a wrong one and an expired one say so; the right one opens the gate; resends are capped', async () => {
    process.env.DATABASE_URL ??= url
    const { seal } = await import('../../platform/crypto.server')
    const t = await readyTenant()
    await sql`update ob_a2p set brand_type = 'SOLE_PROP', tax_id = null, legal_business_name = 'Maria Rivera' where tenant_id = ${t}`
    await submit(t)
    await until('the code texted', async () => (await row(t)).identityStatus === 'UNVERIFIED')
    let r = await row(t)
    expect(r.otpSentAt).not.toBeNull()
    expect((await sql`select (ob_state_a2p(f)).blockers from ob_flow f where tenant_id = ${t}`)[0].blockers).toEqual([
      'CONFIRM_OTP',
    ])
    expect(r.campaignId).toBeNull() // the campaign waits for the code
    const tryCode = async (code: string) => {
      await sql.begin(async (tx) => {
        await tx`update ob_a2p set otp_code = ${seal(code, { tenantId: t, field: 'ob_a2p.otp_code' })}, otp_error = null where tenant_id = ${t}`
        await enqueue(tx, jobFor('a2p_otp', { tenantId: t, action: 'verify', correlationId: crypto.randomUUID() }))
      })
      await until(
        'the code checked',
        async () =>
          (await row(t)).otpCode === null &&
          ((await row(t)).otpError !== null || (await row(t)).identityStatus === 'VERIFIED'),
      )
    }
    // The registry answers slowly: until its answer is recorded the page must still say "Checking
    // your code" (the code is kept), not a state with neither a code nor an outcome.
    await a2pFake.switches({ slowMs: 1500 })
    const checking = tryCode('000000')
    await until('the registry asked', async () =>
      Object.keys(
        ((await (await fetch(`${a2pFake.url}/__fake`)).json()) as { counters: Record<string, number> }).counters,
      ).some((k) => k.startsWith(`key:ob:a2p:otp:${t}`)),
    )
    expect(await row(t)).toMatchObject({ otpError: null, identityStatus: 'UNVERIFIED' })
    expect((await row(t)).otpCode).not.toBeNull()
    await checking
    await a2pFake.switches({ slowMs: 0 })
    expect((await row(t)).otpError).toBe('invalid')
    await sql`select ob_a2p_resend_otp(${t})`
    await expect(sql`select ob_a2p_resend_otp(${t})`).rejects.toMatchObject({ code: 'OB429' })
    await a2pFake.switches({ otpTtlMs: 0 })
    const { code } = (await (await fetch(`${a2pFake.url}/__fake/otp/${r.brandId}`)).json()) as { code: string }
    await tryCode(code)
    expect((await row(t)).otpError).toBe('expired')
    await a2pFake.switches({ otpTtlMs: null })
    await tryCode(code)
    r = await row(t)
    expect(r).toMatchObject({ identityStatus: 'VERIFIED', otpError: null })
    await until('texting eligible after the code', async () => (await row(t)).textingEligible)
  })

  it('a worker killed after the provider created the brand, before our commit: the retry replays it, one brand, one campaign, one number', async () => {
    const t = await readyTenant()
    await a2pFake.switches({ slowMs: 2500 })
    await submit(t)
    await until('the brand created at the provider', async () => (await counters(t)).brands === 1)
    await worker.stop('SIGKILL')
    expect((await row(t)).brandId).toBeNull() // the answer never reached us
    await a2pFake.switches({ slowMs: 0 })
    worker = startWorker(workerEnv)
    startWorker(workerEnv) // two workers from here on
    await until('texting eligible after the crash', async () => (await row(t)).textingEligible, 60_000)
    expect(await counters(t)).toEqual({ brands: 1, campaigns: 1, attachments: 1 })
  }, 90_000)
})
