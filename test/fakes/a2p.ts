import { createHash, createHmac, randomBytes, randomInt } from 'node:crypto'
import { startFake, type FakeRequest, type FakeResponse } from './http'

// The A2P Registration API (spec, "STEP 4 — Page 4 (A2P Registration API)") as a real HTTP server
// with the carriers' lifecycle: brand SUBMITTED -> VETTED | FAILED, campaign PENDING -> ACTIVE |
// REJECTED, binding PENDING -> VERIFIED | FAILED. A submitted object is decided on its
// `readsToDecide`-th GET (switch, default 2), or at once with approveInstantly.
// - Bearer auth; every POST needs Idempotency-Key and Correlation-Id. The same key with the same
//   body replays the first status and body; with another body 422. Forced failures are not stored.
// - A campaign needs a VETTED brand (409 BRAND_NOT_APPROVED), and a sole proprietor's brand its OTP
//   confirmed; a binding is VERIFIED only once its campaign is ACTIVE. As Twilio since 2026-06-30, a
//   campaign without https privacyPolicyUrl and termsAndConditionsUrl, or without messageFlow, or
//   with a linking sample and no embeddedLinkSample, is refused (422).
// - Switches: approveInstantly; readsToDecide; rejectBrand / rejectCampaign / rejectBinding: a
//   Twilio-style code ("30896"), or { "<tenantId>": "30896" } for one tenant; script: [503, ...] forces the next POST answers; slowMs.
// - Sole proprietors: a VETTED brand is identityStatus UNVERIFIED with a 6-digit code "texted" to the
//   mobile (GET /__fake/otp/{brandId} shows it; GET /__fake/brands/{tenantId} lists a tenant's brands); POST /brands/{id}/otp resends, POST
//   /brands/{id}/otp:verify {code} confirms (422 OTP_INVALID, 410 OTP_EXPIRED after otpTtlMs).
// - Status events: with the switch callbackUrl, every lifecycle change is POSTed there, signed as the
//   provider signs them (X-A2P-Timestamp, X-A2P-Signature v1=HMAC-SHA256 of "<ts>.<body>" under
//   callbackSecret, default the dev A2P_WEBHOOK_SECRET). callbacks (one or a list): 'duplicate'
//   sends each twice, 'outOfOrder' each after the next one, 'badSignature' with the wrong secret;
//   decideAfterMs decides a submitted object after that long by itself (no reads needed).
// POST /__fake/seed {campaigns, bindings} adds objects in review; POST /__fake/decide/{tenantId} decides
// a tenant's pending objects now (as the reject switches say), with its status events.
// Counters: brands, campaigns, attachments, each also :<tenantId> (from the key), submits, key:<key>,
// callback:<status answered>.
export const A2P_TOKEN = 'local-a2p-token'
type Decision = { phase: string; reason?: { code: string; message: string } }
type Brand = {
  id: string
  tenant: string
  body: Record<string, unknown>
  phase: string
  reads: number
  reason?: Decision['reason']
  identityStatus?: string
  otp?: { code: string; sentAt: number }
}
type Campaign = {
  id: string
  tenant: string
  brandId: string
  body: Record<string, unknown>
  phase: string
  reads: number
  reason?: Decision['reason']
}
type Binding = {
  e164: string
  tenant: string
  campaignId: string
  phase: string
  reads: number
  reason?: Decision['reason']
}

const REASONS: Record<string, string> = {
  '30795': 'EIN and legal name do not match IRS records',
  '30896': 'Opt-in insufficient: website lacks privacy policy or terms',
  '30908': 'Missing or non-compliant privacy policy',
  '30892': 'Public URL shortener or http link in samples',
  '30893': 'Sample messages do not match the use case',
}

export function startA2PFake(port: number, token = A2P_TOKEN) {
  const brands = new Map<string, Brand>()
  const campaigns = new Map<string, Campaign>()
  const bindings = new Map<string, Binding>()
  const keys = new Map<string, { hash: string; reply: FakeResponse }>()
  const reset = () => (brands.clear(), campaigns.clear(), bindings.clear(), keys.clear())
  const id = (prefix: string) => `${prefix}${randomBytes(8).toString('hex').toUpperCase()}`
  let counters = new Map<string, number>()
  const held: (() => Promise<void>)[] = []

  /** A status event to the configured callback URL (none without the switch). */
  async function emit(switches: Record<string, unknown>, type: string, objectId: string, status: unknown) {
    const url = switches.callbackUrl as string | undefined
    if (!url) return
    const body = JSON.stringify({
      id: `evt_${randomBytes(8).toString('hex')}`,
      type,
      occurredAt: new Date().toISOString(),
      data: { objectId, status },
    })
    const ts = String(Math.floor(Date.now() / 1000))
    const modes = [switches.callbacks].flat()
    const secret = modes.includes('badSignature')
      ? 'not-the-secret'
      : String(switches.callbackSecret ?? 'local-a2p-webhook-secret')
    const signature = `v1=${createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex')}`
    const bump = (c: string) => void counters.set(c, (counters.get(c) ?? 0) + 1)
    const once = () =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-a2p-timestamp': ts, 'x-a2p-signature': signature },
        body,
      })
        .then(async (r) => (await r.body?.cancel(), bump(`callback:${r.status}`)))
        .catch(() => bump('callback:failed'))
    const send = async () => {
      await once()
      if (modes.includes('duplicate')) await once()
    }
    if (modes.includes('outOfOrder')) {
      // Events go in swapped pairs: this one waits for the next (or a second, if none comes).
      const earlier = held.splice(0)
      if (earlier.length === 0) {
        held.push(send)
        setTimeout(() => void Promise.all(held.splice(0).map((f) => f())), 1000)
        return
      }
      await send()
      await Promise.all(earlier.map((f) => f()))
      return
    }
    await send()
  }
  /** decideAfterMs: the carriers answer by themselves after a while, as real ones do. */
  const later = (switches: Record<string, unknown>, decide: () => void) => {
    const ms = Number(switches.decideAfterMs ?? 0)
    if (ms > 0) setTimeout(decide, ms)
  }

  // A reject switch is a code for everyone, or { "<tenantId>": code } for some tenants only.
  const decide = (switches: Record<string, unknown>, reject: string, tenant: string): Decision => {
    const v = switches[reject] as string | Record<string, string | null> | undefined | null
    const code = typeof v === 'string' ? v : v?.[tenant]
    return code
      ? {
          phase: reject === 'rejectCampaign' ? 'REJECTED' : 'FAILED',
          reason: { code, message: REASONS[code] ?? 'Rejected by the carrier' },
        }
      : { phase: '' }
  }
  const due = (o: { reads: number }, req: FakeRequest) => ++o.reads >= Number(req.switches.readsToDecide ?? 2)
  const brandView = (b: Brand) => ({
    brandId: b.id,
    brandType: b.body.brandType,
    status: { phase: b.phase, reason: b.reason ?? null },
    identityStatus: b.identityStatus ?? null,
  })
  const campaignView = (c: Campaign) => ({
    campaignId: c.id,
    brandId: c.brandId,
    status: { phase: c.phase, reason: c.reason ?? null },
  })
  const bindingView = (n: Binding) => ({
    e164: n.e164,
    campaignId: n.campaignId,
    status: { phase: n.phase, reason: n.reason ?? null },
  })

  function settleBrand(b: Brand, req: FakeRequest) {
    const d = decide(req.switches, 'rejectBrand', b.tenant)
    b.phase = d.phase || 'VETTED'
    b.reason = d.reason
    if (b.phase === 'VETTED' && b.body.brandType === 'SOLE_PROP') {
      b.identityStatus = 'UNVERIFIED'
      b.otp = { code: String(randomInt(100000, 1000000)), sentAt: Date.now() }
    } else if (b.phase === 'VETTED') b.identityStatus = 'VERIFIED'
    void emit(req.switches, 'brand.updated', b.id, brandView(b).status)
  }
  function settleCampaign(c: Campaign, req: FakeRequest) {
    const d = decide(req.switches, 'rejectCampaign', c.tenant)
    c.phase = d.phase || 'ACTIVE'
    c.reason = d.reason
    void emit(req.switches, 'campaign.updated', c.id, campaignView(c).status)
  }
  function settleBinding(n: Binding, req: FakeRequest) {
    if (campaigns.get(n.campaignId)?.phase !== 'ACTIVE') return
    const d = decide(req.switches, 'rejectBinding', n.tenant)
    n.phase = d.phase || 'VERIFIED'
    n.reason = d.reason
    void emit(req.switches, 'binding.updated', n.e164, bindingView(n).status)
  }

  /** Auth, headers, the forced script, and the idempotency store around a POST handler. */
  const post =
    (counter: string, handler: (req: FakeRequest, tenant: string) => FakeResponse) =>
    (req: FakeRequest): FakeResponse => {
      if (req.headers.authorization !== `Bearer ${token}`) return { status: 401, body: { error: 'unauthorized' } }
      const key = String(req.headers['idempotency-key'] ?? '')
      const tenant = /^ob:a2p:(?:[a-z]+:)?([0-9a-f-]{36})(?::|$)/.exec(key)?.[1]
      if (!tenant) return { status: 400, body: { error: 'Idempotency-Key must be ob:a2p:<op>:<tenantId>[...]' } }
      if (!/^[0-9a-f-]{36}$/.test(String(req.headers['correlation-id'] ?? '')))
        return { status: 400, body: { error: 'Correlation-Id must be a UUID' } }
      const delayMs = Number(req.switches.slowMs ?? 0)
      const forced = (req.switches.script as number[] | undefined)?.shift()
      if (forced && forced >= 500) return { status: forced, body: { error: 'A2P provider unavailable' }, delayMs }
      req.count(`key:${key}`)
      const hash = createHash('sha256').update(`${req.path} ${req.rawBody}`).digest('hex')
      const stored = keys.get(key)
      if (stored)
        return stored.hash === hash
          ? { ...stored.reply, delayMs }
          : { status: 422, body: { error: 'Idempotency-Key reused with a different request' }, delayMs }
      const reply = handler(req, tenant)
      if (reply.status < 300) {
        keys.set(key, { hash, reply })
        req.count(counter)
        req.count(`${counter}:${tenant}`)
      }
      return { ...reply, delayMs }
    }
  const body = (req: FakeRequest) => (req.body ?? {}) as Record<string, unknown>

  return startFake(
    'a2p',
    port,
    {
      'POST /brands': post('brands', (req, tenant) => {
        const b = body(req)
        if (
          b.country !== 'US' ||
          !b.legalName ||
          !b.displayName ||
          !b.websiteDomain ||
          !['SOLE_PROP', 'STANDARD'].includes(String(b.brandType))
        ) {
          return {
            status: 422,
            body: { error: 'country US, legalName, displayName, websiteDomain and brandType are required' },
          }
        }
        if (b.brandType === 'STANDARD' && !/^\d{2}-?\d{7}$/.test(String(b.taxId ?? '')))
          return { status: 422, body: { error: 'taxId is required for STANDARD brands' } }
        const brand: Brand = { id: id('BN'), tenant, body: b, phase: 'DRAFT', reads: 0 }
        brands.set(brand.id, brand)
        return { status: 201, body: brandView(brand) }
      }),
      'POST /brands/:id:submit': post('submits', (req) => {
        const b = brands.get(req.params.id)
        if (!b) return { status: 404, body: { error: 'no such brand' } }
        b.phase = 'SUBMITTED'
        if (req.switches.approveInstantly) settleBrand(b, req)
        else later(req.switches, () => b.phase === 'SUBMITTED' && settleBrand(b, req))
        return { status: 200, body: brandView(b) }
      }),
      'GET /brands/:id': (req) => {
        const b = brands.get(req.params.id)
        if (!b) return { status: 404, body: { error: 'no such brand' } }
        if (b.phase === 'SUBMITTED' && due(b, req)) settleBrand(b, req)
        return { status: 200, body: brandView(b) }
      },
      'POST /brands/:id/otp': post('otpSent', (req) => {
        const b = brands.get(req.params.id)
        if (!b?.otp) return { status: 409, body: { error: 'NO_OTP_PENDING' } }
        b.otp = { code: String(randomInt(100000, 1000000)), sentAt: Date.now() }
        return { status: 202, body: { sent: true } }
      }),
      'POST /brands/:id/otp:verify': post('otpVerified', (req) => {
        const b = brands.get(req.params.id)
        if (!b?.otp) return { status: 409, body: { error: 'NO_OTP_PENDING' } }
        if (Date.now() - b.otp.sentAt > Number(req.switches.otpTtlMs ?? 24 * 3600_000))
          return { status: 410, body: { error: 'OTP_EXPIRED' } }
        if (String(body(req).code) !== b.otp.code) return { status: 422, body: { error: 'OTP_INVALID' } }
        b.identityStatus = 'VERIFIED'
        b.otp = undefined
        void emit(req.switches, 'brand.updated', b.id, brandView(b).status)
        return { status: 200, body: brandView(b) }
      }),
      // For benchmarks: registrations already in review (their objects PENDING), and the carriers'
      // decision on one tenant's pending objects at a moment of the caller's choosing.
      'POST /__fake/seed': (req) => {
        const body = req.body as {
          campaigns?: { id: string; tenant: string; brandId: string }[]
          bindings?: { e164: string; tenant: string; campaignId: string }[]
        }
        for (const c of body.campaigns ?? []) campaigns.set(c.id, { ...c, body: {}, phase: 'PENDING', reads: 0 })
        for (const n of body.bindings ?? []) bindings.set(n.e164, { ...n, phase: 'PENDING', reads: 0 })
        return { status: 200, body: { campaigns: campaigns.size, bindings: bindings.size } }
      },
      'POST /__fake/decide/:tenant': (req) => {
        const mine = <T extends { tenant: string; phase: string }>(m: Map<string, T>, phase: string) =>
          [...m.values()].filter((o) => o.tenant === req.params.tenant && o.phase === phase)
        for (const b of mine(brands, 'SUBMITTED')) settleBrand(b, req)
        for (const c of mine(campaigns, 'PENDING')) settleCampaign(c, req)
        for (const n of mine(bindings, 'PENDING')) settleBinding(n, req)
        return { status: 200, body: { ok: true } }
      },
      'GET /__fake/otp/:id': (req) => ({ status: 200, body: { code: brands.get(req.params.id)?.otp?.code ?? null } }),
      'GET /__fake/brands/:tenant': (req) => ({
        status: 200,
        body: { brandIds: [...brands.values()].filter((b) => b.tenant === req.params.tenant).map((b) => b.id) },
      }),
      'POST /campaigns': post('campaigns', (req, tenant) => {
        const c = body(req)
        const brand = brands.get(String(c.brandId))
        if (!brand) return { status: 404, body: { error: 'no such brand' } }
        if (brand.phase !== 'VETTED' || brand.identityStatus !== 'VERIFIED')
          return { status: 409, body: { error: 'BRAND_NOT_APPROVED' } }
        const samples = c.sampleMessages as string[] | undefined
        if (
          c.useCase !== 'CustomerCare.MissedCallRecovery' ||
          !Array.isArray(samples) ||
          samples.length < 2 ||
          !c.optInDescription ||
          !c.stopHelpText
        ) {
          return {
            status: 422,
            body: { error: 'useCase, optInDescription, 2+ sampleMessages and stopHelpText are required' },
          }
        }
        // Twilio since 2026-06-30: new campaigns name their privacy policy and terms (https), and say how consent is given.
        // (http on localhost too: the dev app's own hosted pages; production's APP_URL is public https.)
        const https = (v: unknown) =>
          typeof v === 'string' && /^(https:\/\/|http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\/)\S+$/.test(v)
        if (
          !https(c.privacyPolicyUrl) ||
          !https(c.termsAndConditionsUrl) ||
          typeof c.messageFlow !== 'string' ||
          c.messageFlow.length < 40
        ) {
          return {
            status: 422,
            body: { error: 'privacyPolicyUrl and termsAndConditionsUrl (https) and messageFlow are required' },
          }
        }
        if (samples.some((m) => /https?:\/\//.test(String(m))) && !https(c.embeddedLinkSample)) {
          return { status: 422, body: { error: 'embeddedLinkSample is required when a sample holds a link' } }
        }
        const campaign: Campaign = { id: id('CM'), tenant, brandId: brand.id, body: c, phase: 'DRAFT', reads: 0 }
        campaigns.set(campaign.id, campaign)
        return { status: 201, body: campaignView(campaign) }
      }),
      'POST /campaigns/:id:submit': post('submits', (req) => {
        const c = campaigns.get(req.params.id)
        if (!c) return { status: 404, body: { error: 'no such campaign' } }
        c.phase = 'PENDING'
        if (req.switches.approveInstantly) settleCampaign(c, req)
        else later(req.switches, () => c.phase === 'PENDING' && settleCampaign(c, req))
        return { status: 200, body: campaignView(c) }
      }),
      'GET /campaigns/:id': (req) => {
        const c = campaigns.get(req.params.id)
        if (!c) return { status: 404, body: { error: 'no such campaign' } }
        if (c.phase === 'PENDING' && due(c, req)) settleCampaign(c, req)
        return { status: 200, body: campaignView(c) }
      },
      'POST /numbers:attach': post('attachments', (req, tenant) => {
        const { campaignId, e164 } = body(req) as { campaignId?: string; e164?: string }
        if (!campaignId || !campaigns.has(campaignId) || !/^\+1\d{10}$/.test(String(e164)))
          return { status: 422, body: { error: 'campaignId and a US e164 are required' } }
        const n: Binding = { e164: e164!, tenant, campaignId, phase: 'PENDING', reads: 0 }
        bindings.set(n.e164, n)
        if (req.switches.approveInstantly) settleBinding(n, req)
        else later(req.switches, () => n.phase === 'PENDING' && settleBinding(n, req))
        return { status: 201, body: bindingView(n) }
      }),
      'GET /numbers/:e164': (req) => {
        const n = bindings.get(req.params.e164)
        if (!n) return { status: 404, body: { error: 'number not attached' } }
        if (n.phase === 'PENDING' && due(n, req)) settleBinding(n, req)
        return { status: 200, body: bindingView(n) }
      },
    },
    reset,
  ).then((fake) => ((counters = fake.counters), fake))
}
