import { describe, expect, it } from 'vitest'
import type { Sql } from '../../db/client.server'
import { advance, wizardState } from '../../db/flow.server'
import { freshDatabase, makeTenant } from '../setup/db'

const { sql } = await freshDatabase()

// Each case builds one ob_* permutation with plain SQL, then reads ob_wizard_state.
type Case = {
  name: string
  identity?: { email?: boolean; mobile?: boolean; stripe?: boolean }
  prefill?: { displayName?: string | null; vertical?: string | null }
  build?: (sql: Sql, t: string) => Promise<unknown>
  completion: [number, number, number, number]
  blockers: string[]
  eligible?: boolean
}

const VERIFIED = { email: true, mobile: true, stripe: true }
const A2P_TODO = ['ENTER_LEGAL_NAME', 'ENTER_WEBSITE', 'ENTER_AUTHORIZED_CONTACT', 'SAMPLES_COUNT', 'SUBMIT_A2P']
const LATER = ['RESERVE_NUMBER', 'CHOOSE_SERVICES', 'CONNECT_CALENDAR', ...A2P_TODO]
const EARLIER = ['RESERVE_NUMBER', 'CHOOSE_SERVICES', 'CONNECT_CALENDAR']
const SAMPLES = [
  'Acme Plumbing: sorry we missed your call! Reply here and we will text you back. Reply STOP to opt out.',
  'Acme Plumbing: we can come Tue 9am. Reply HELP for help, STOP to opt out.',
]
const update = (sql: Sql, table: string, t: string, cols: Record<string, unknown>) =>
  sql`update ${sql(table)} set ${sql(cols as never)} where tenant_id = ${t}`
const number = (sql: Sql, t: string, cols: Record<string, unknown>) =>
  update(sql, 'ob_number', t, { areaCode: '415', ...cols })
const calmsg = (
  sql: Sql,
  t: string,
  services: string[],
  prices: Record<string, unknown>,
  calendar: Record<string, unknown> = {},
) => update(sql, 'ob_calmsg', t, { topServices: services, priceRanges: sql.json(prices as never), ...calendar })
const LATER_CALENDAR = { calendarLaterAt: new Date() }
const contact = { name: 'Ann Owner', email: 'ann@acme.example', phoneE164: '+14155550100' }
const a2p = (sql: Sql, t: string, cols: Record<string, unknown>) =>
  update(sql, 'ob_a2p', t, {
    brandType: 'SOLE_PROP',
    legalBusinessName: 'Acme Plumbing',
    websiteUrl: 'https://acme.example',
    authorizedContact: sql.json(contact),
    sampleMessages: SAMPLES,
    linkDomains: ['acme.example'],
    httpsOk: true,
    privacyFound: true,
    termsFound: true,
    websiteCheckedAt: new Date(),
    ...cols,
  })
const mms = (yes: boolean) => sql.json({ sms: true, mms: yes, voice: true })

const cases: Case[] = [
  {
    name: 'fresh tenant, nothing known',
    prefill: { displayName: null, vertical: null },
    completion: [0, 0, 0, 0],
    blockers: [
      'VERIFY_EMAIL',
      'VERIFY_MOBILE',
      'ACTIVATE_SUBSCRIPTION',
      'ENTER_DISPLAY_NAME',
      'CHOOSE_VERTICAL',
      ...LATER,
    ],
  },
  {
    name: 'name only',
    prefill: { vertical: null },
    identity: VERIFIED,
    completion: [50, 0, 0, 0],
    blockers: ['CHOOSE_VERTICAL', ...LATER],
  },
  { name: 'verified, prefilled, subscription active', identity: VERIFIED, completion: [100, 0, 0, 0], blockers: LATER },
  {
    name: 'mobile unverified',
    identity: { email: true, stripe: true },
    completion: [100, 0, 0, 0],
    blockers: ['VERIFY_MOBILE', ...LATER],
  },
  {
    name: 'subscription inactive',
    identity: { email: true, mobile: true },
    completion: [100, 0, 0, 0],
    blockers: ['ACTIVATE_SUBSCRIPTION', ...LATER],
  },
  {
    name: 'number settings saved, no number yet',
    identity: VERIFIED,
    build: (s, t) => number(s, t, {}),
    completion: [100, 50, 0, 0],
    blockers: LATER,
  },
  {
    name: 'number reserved with MMS',
    identity: VERIFIED,
    build: (s, t) =>
      number(s, t, { state: 'Configured', capabilities: mms(true), e164: '+14155550001', providerSid: 'PN0001' }),
    completion: [100, 100, 0, 0],
    blockers: LATER.slice(1),
  },
  {
    name: 'number without MMS does not count',
    identity: VERIFIED,
    build: (s, t) =>
      number(s, t, { state: 'Configured', capabilities: mms(false), e164: '+14155550002', providerSid: 'PN0002' }),
    completion: [100, 50, 0, 0],
    blockers: LATER,
  },
  {
    name: 'port-in started, details missing',
    identity: VERIFIED,
    build: (s, t) =>
      number(s, t, { startPortIn: true, state: 'Porting', portIn: s.json({ phoneNumber: '+14155550003' }) }),
    completion: [100, 50, 0, 0],
    blockers: ['COMPLETE_PORT_IN', ...LATER.slice(1)],
  },
  {
    name: 'port-in with complete details',
    identity: VERIFIED,
    build: (s, t) =>
      number(s, t, {
        startPortIn: true,
        state: 'Porting',
        portIn: s.json({ phoneNumber: '+14155550004', accountNumber: 'enc:1', pin: 'enc:2' }),
      }),
    completion: [100, 100, 0, 0],
    blockers: LATER.slice(1),
  },
  {
    name: 'services chosen, a price missing',
    identity: VERIFIED,
    build: (s, t) =>
      calmsg(s, t, ['Drain cleaning', 'Water heaters'], { 'Drain cleaning': { min: 99, max: 250, currency: 'USD' } }),
    completion: [100, 0, 50, 0],
    blockers: ['RESERVE_NUMBER', 'SET_PRICES', 'CONNECT_CALENDAR', ...A2P_TODO],
  },
  {
    name: 'a price with neither bound is not a price',
    identity: VERIFIED,
    build: (s, t) =>
      calmsg(s, t, ['Drain cleaning'], { 'Drain cleaning': { min: null, max: null, currency: 'USD' } }, LATER_CALENDAR),
    completion: [100, 0, 50, 0],
    blockers: ['RESERVE_NUMBER', 'SET_PRICES', ...A2P_TODO],
  },
  {
    name: 'services and prices complete, calendar not connected',
    identity: VERIFIED,
    build: (s, t) => calmsg(s, t, ['Drain cleaning'], { 'Drain cleaning': { min: 99, max: null, currency: 'USD' } }),
    completion: [100, 0, 50, 0],
    blockers: ['RESERVE_NUMBER', 'CONNECT_CALENDAR', ...A2P_TODO],
  },
  ...[
    ['calendar left for later', LATER_CALENDAR],
    ['calendar connected', { calendarConnected: true }],
    ['no calendar wanted', { calendarProvider: 'none' }],
  ].map(([name, calendar]) => ({
    name: `services and prices complete, ${name}`,
    identity: VERIFIED,
    build: (s: Sql, t: string) =>
      calmsg(
        s,
        t,
        ['Drain cleaning'],
        { 'Drain cleaning': { min: 99, max: 250, currency: 'USD' } },
        calendar as Record<string, unknown>,
      ),
    completion: [100, 0, 100, 0] as Case['completion'],
    blockers: ['RESERVE_NUMBER', ...A2P_TODO],
  })),
  {
    name: 'A2P: only a legal name',
    identity: VERIFIED,
    build: (s, t) => s`update ob_a2p set legal_business_name = 'Acme LLC' where tenant_id = ${t}`,
    completion: [100, 0, 0, 50],
    blockers: [...EARLIER, 'ENTER_WEBSITE', 'ENTER_AUTHORIZED_CONTACT', 'SAMPLES_COUNT', 'SUBMIT_A2P'],
  },
  {
    name: 'A2P: ready to submit',
    identity: VERIFIED,
    build: (s, t) => a2p(s, t, {}),
    completion: [100, 0, 0, 50],
    blockers: [...EARLIER, 'SUBMIT_A2P'],
  },
  {
    name: 'A2P: STANDARD brand without EIN',
    identity: VERIFIED,
    build: (s, t) => a2p(s, t, { brandType: 'STANDARD' }),
    completion: [100, 0, 0, 50],
    blockers: [...EARLIER, 'ENTER_TAX_ID', 'SUBMIT_A2P'],
  },
  {
    name: 'A2P: website checks failed (null checks are not blockers); samples without an opt-out instruction (issue 19: the locked STOP reply is not in the messages)',
    identity: VERIFIED,
    build: (s, t) =>
      a2p(s, t, {
        httpsOk: true,
        privacyFound: false,
        termsFound: null,
        sampleMessages: SAMPLES.map((m) => m.replace(/ ?Reply STOP to opt out\.?|, STOP to opt out/, '')),
      }),
    completion: [100, 0, 0, 50],
    blockers: [...EARLIER, 'WEBSITE_PRIVACY_MISSING', 'STOP_HELP_MISSING', 'SUBMIT_A2P'],
  },
  {
    name: 'A2P: hosted policy pages stand in for missing ones',
    identity: VERIFIED,
    build: (s, t) => a2p(s, t, { privacyFound: false, termsFound: false, hostedPolicy: true }),
    completion: [100, 0, 0, 50],
    blockers: [...EARLIER, 'SUBMIT_A2P'],
  },
  {
    name: 'A2P: website not checked yet',
    identity: VERIFIED,
    build: (s, t) => a2p(s, t, { httpsOk: null, privacyFound: null, termsFound: null, websiteCheckedAt: null }),
    completion: [100, 0, 0, 50],
    blockers: [...EARLIER, 'WEBSITE_CHECKING', 'SUBMIT_A2P'],
  },
  {
    name: 'A2P: a shortener, a link off the listed domains, a sole proprietor with an EIN, a free-mail website, no business name',
    identity: VERIFIED,
    build: (s, t) =>
      a2p(s, t, {
        sampleMessages: [
          'We missed your call. Book at https://bit.ly/x. Reply STOP to opt out.',
          'See https://other.example/a. Reply HELP for help.',
        ],
        taxId: '12-3456789',
        websiteUrl: 'https://gmail.com',
        linkDomains: ['gmail.com'],
      }),
    completion: [100, 0, 0, 50],
    blockers: [
      ...EARLIER,
      'WEBSITE_FREE_MAIL',
      'SAMPLE_NAME_MISSING',
      'SHORTENER_LINK',
      'LINK_DOMAIN_MISSING',
      'SOLE_PROP_HAS_EIN',
      'SUBMIT_A2P',
    ],
  },
  {
    name: 'A2P: http website',
    identity: VERIFIED,
    build: (s, t) => a2p(s, t, { websiteUrl: 'http://acme.example' }),
    completion: [100, 0, 0, 50],
    blockers: [...EARLIER, 'WEBSITE_NOT_HTTPS', 'SUBMIT_A2P'],
  },
  {
    name: 'A2P: submitted, pending review',
    identity: VERIFIED,
    build: (s, t) =>
      a2p(s, t, {
        submittedAt: new Date(),
        brandId: 'BN1',
        brandPhase: 'SUBMITTED',
        campaignPhase: null,
        bindingPhase: null,
      }),
    completion: [100, 0, 0, 100],
    blockers: [...EARLIER, 'A2P_PENDING'],
  },
  {
    name: 'A2P: sole proprietor brand vetted, code not confirmed',
    identity: VERIFIED,
    build: (s, t) =>
      a2p(s, t, { submittedAt: new Date(), brandId: 'BN5', brandPhase: 'VETTED', identityStatus: 'UNVERIFIED' }),
    completion: [100, 0, 0, 100],
    blockers: [...EARLIER, 'CONFIRM_OTP'],
  },
  {
    name: 'A2P: campaign rejected',
    identity: VERIFIED,
    build: (s, t) =>
      a2p(s, t, {
        submittedAt: new Date(),
        brandId: 'BN2',
        brandPhase: 'VETTED',
        campaignPhase: 'REJECTED',
        reason: 'Opt-in unclear',
      }),
    completion: [100, 0, 0, 50],
    blockers: [...EARLIER, 'A2P_REJECTED'],
  },
  {
    name: 'A2P: VETTED / ACTIVE / VERIFIED makes texting eligible',
    identity: VERIFIED,
    build: (s, t) =>
      a2p(s, t, {
        submittedAt: new Date(),
        brandId: 'BN3',
        brandPhase: 'VETTED',
        campaignPhase: 'ACTIVE',
        bindingPhase: 'VERIFIED',
      }),
    completion: [100, 0, 0, 100],
    blockers: EARLIER,
    eligible: true,
  },
  {
    name: 'A2P: VETTED / ACTIVE but binding pending is not eligible',
    identity: VERIFIED,
    build: (s, t) =>
      a2p(s, t, {
        submittedAt: new Date(),
        brandId: 'BN4',
        brandPhase: 'VETTED',
        campaignPhase: 'ACTIVE',
        bindingPhase: 'PENDING',
      }),
    completion: [100, 0, 0, 100],
    blockers: [...EARLIER, 'A2P_PENDING'],
  },
]

describe('ob_wizard_state', () => {
  it.each(cases)('$name', async (c) => {
    const t = await makeTenant(sql, { ...c.identity, ...c.prefill })
    await c.build?.(sql, t)
    const state = await wizardState(sql, t)
    const [account, num, cal, a2pPct] = c.completion
    expect(state).toMatchObject({
      phase: 'ACCOUNT',
      completion: { account, number: num, calmsg: cal, a2p: a2pPct },
      textingEligible: c.eligible ?? false,
    })
    expect(state.blockers).toEqual(c.blockers)
    // The cached columns on ob_flow always agree with the pure read.
    const [flow] = await sql`select completion, blockers, texting_eligible from ob_flow where tenant_id = ${t}`
    expect(flow).toEqual({
      completion: state.completion,
      blockers: state.blockers,
      textingEligible: state.textingEligible,
    })
  })

  it('is a pure read: calling it changes nothing', async () => {
    const t = await makeTenant(sql)
    const [before] = await sql`select * from ob_flow where tenant_id = ${t}`
    await sql`select ob_wizard_state(${t})`
    const [after] = await sql`select * from ob_flow where tenant_id = ${t}`
    expect(after).toEqual(before)
  })

  it('returns nothing for an unknown tenant', async () => {
    const [row] = await sql`select ob_wizard_state(gen_random_uuid()) as s`
    expect(row.s).toBeNull()
  })
})

describe('ob_advance', () => {
  const phase = async (t: string) => (await wizardState(sql, t)).phase

  it('stays on ACCOUNT until email, mobile and subscription are all true', async () => {
    for (const identity of [
      { email: true, mobile: true },
      { email: true, stripe: true },
      { mobile: true, stripe: true },
    ]) {
      const t = await makeTenant(sql, identity)
      await advance(sql, t)
      expect(await phase(t)).toBe('ACCOUNT')
    }
  })

  it('leaves ACCOUNT for NUMBER, and NUMBER only with an MMS number or a complete port-in', async () => {
    const t = await makeTenant(sql, VERIFIED)
    await advance(sql, t)
    expect(await phase(t)).toBe('NUMBER')
    await number(sql, t, { state: 'Configured', capabilities: mms(false), e164: '+14155550011', providerSid: 'PN0011' })
    await advance(sql, t)
    expect(await phase(t)).toBe('NUMBER')
    await sql`update ob_number set capabilities = ${mms(true)} where tenant_id = ${t}`
    await advance(sql, t)
    expect(await phase(t)).toBe('CALMSG')

    const p = await makeTenant(sql, VERIFIED)
    await number(sql, p, {
      startPortIn: true,
      state: 'Porting',
      portIn: sql.json({ phoneNumber: '+14155550012', accountNumber: 'enc', pin: 'enc' }),
    })
    await advance(sql, p)
    expect(await phase(p)).toBe('CALMSG')
  })

  it('reaches FINALIZE only on Finish and when texting is eligible, and never COMPLETE', async () => {
    const t = await makeTenant(sql, VERIFIED)
    await number(sql, t, { state: 'Configured', capabilities: mms(true), e164: '+14155550021', providerSid: 'PN0021' })
    await calmsg(sql, t, ['Repairs'], { Repairs: { min: 80, max: 200, currency: 'USD' } }, LATER_CALENDAR)
    await a2p(sql, t, {
      brandId: 'BN21',
      brandPhase: 'VETTED',
      campaignPhase: 'ACTIVE',
      bindingPhase: 'PENDING',
      submittedAt: new Date(),
    })
    await advance(sql, t, { finish: true })
    expect(await phase(t)).toBe('A2P')
    // The owner chose to check first: the approval does not finish by itself.
    await sql`update ob_flow set review_first = true where tenant_id = ${t}`
    await sql`update ob_a2p set binding_phase = 'VERIFIED' where tenant_id = ${t}`
    // Eligible now, but a page's Continue (no finish) stops at A2P: only Finish moves on.
    await advance(sql, t)
    expect(await phase(t)).toBe('A2P')
    await advance(sql, t, { finish: true })
    await advance(sql, t, { finish: true })
    expect(await phase(t)).toBe('FINALIZE')
    const moves =
      await sql`select data from ob_event where tenant_id = ${t} and event_type = 'flow.advanced' order by id`
    expect(moves.map((m) => m.data)).toEqual([
      { from: 'ACCOUNT', to: 'A2P' },
      { from: 'A2P', to: 'FINALIZE' },
    ])
  })

  it("the approval itself moves to FINALIZE by Finish's guard, in the transaction that records it, unless the owner chose to check first", async () => {
    const t = await makeTenant(sql, VERIFIED)
    await number(sql, t, { state: 'Configured', capabilities: mms(true), e164: '+14155550022', providerSid: 'PN0022' })
    await calmsg(sql, t, ['Repairs'], { Repairs: { min: 80, max: 200, currency: 'USD' } }, LATER_CALENDAR)
    await a2p(sql, t, {
      brandId: 'BN22',
      brandPhase: 'VETTED',
      campaignPhase: 'ACTIVE',
      bindingPhase: 'PENDING',
      submittedAt: new Date(),
    })
    await advance(sql, t)
    expect(await phase(t)).toBe('A2P')
    await sql.begin(async (tx) => {
      await tx`update ob_a2p set binding_phase = 'VERIFIED' where tenant_id = ${t}`
      expect((await tx`select phase from ob_flow where tenant_id = ${t}`)[0].phase).toBe('FINALIZE')
    })
    const mail = await sql`select key from ob_mail where tenant_id = ${t} and kind = 'approved'`
    expect(mail).toHaveLength(1)
  })

  it('never moves backwards, even when a guard stops holding', async () => {
    const t = await makeTenant(sql, VERIFIED)
    await advance(sql, t)
    await sql`update ob_flow set email_verified = false where tenant_id = ${t}`
    await advance(sql, t)
    expect(await phase(t)).toBe('NUMBER')
    await expect(sql`update ob_flow set phase = 'ACCOUNT' where tenant_id = ${t}`).rejects.toThrow(
      'cannot move backwards',
    )
  })

  it('lets only the copier mark a FINALIZE flow COMPLETE', async () => {
    const t = await makeTenant(sql, VERIFIED)
    const [{ done: early }] =
      await sql`select ob_mark_complete(${t}, (select revision from ob_flow where tenant_id = ${t})) as done`
    expect(early).toBe(false)
    await sql`update ob_flow set phase = 'FINALIZE' where tenant_id = ${t}`
    const [{ done }] =
      await sql`select ob_mark_complete(${t}, (select revision from ob_flow where tenant_id = ${t})) as done`
    expect(done).toBe(true)
    expect(await phase(t)).toBe('COMPLETE')
  })
})
