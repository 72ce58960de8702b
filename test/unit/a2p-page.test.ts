import { translator } from '../../core/i18n/translate'
import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, it } from 'vitest'
import { REASONS, reasonFix } from '../../core/data/a2p-reasons'
import { planA2pSave, planOtp } from '../../app/pages/a2p.server'
import { A2pSchema, einProblem, namesMatch } from '../../app/schemas/a2p'

const parse = (entries: [string, string][]) => {
  const fd = new FormData()
  for (const [k, v] of entries) fd.append(k, v)
  const s = parseWithZod(fd, { schema: A2pSchema.partial() })
  return s.status === 'success' ? { value: s.value } : { error: s.error }
}
const STOP = 'Rivera Plumbing: sorry we missed your call. Reply STOP to opt out.'
const HELP = 'Rivera Plumbing: we can come [day]. Reply HELP for help.'

describe('Page 4 schema (spec STEP 4 unit cases)', () => {
  it('takes EINs with an IRS prefix, in NN-NNNNNNN, and refuses SSNs and repeated digits', () => {
    expect(parse([['taxId', '123456789']]).value?.taxId).toBe('12-3456789')
    for (const bad of ['07-1234567', '00-1234567', '89-1234567', '96-1234567', '123-45-6789', '11-1111111', '1234'])
      expect(einProblem(bad), bad).not.toBeNull()
    for (const good of ['01-2345678', '98-7654321', '27-0000001']) expect(einProblem(good), good).toBeNull()
  })

  it('takes 2 to 5 samples, 20 to 1,024 characters each (what they say is checked in SQL: a2p-content.test.ts)', () => {
    expect(
      parse([
        ['sampleMessages', STOP],
        ['sampleMessages', HELP],
      ]).value?.sampleMessages,
    ).toHaveLength(2)
    expect(
      parse([
        ['sampleMessages', HELP],
        ['sampleMessages', HELP],
      ]).value?.sampleMessages,
    ).toHaveLength(2)
    expect(parse([['sampleMessages', `${STOP} HELP`]]).error).toEqual({
      sampleMessages: ['Carriers need at least 2 sample messages'],
    })
    expect(
      parse([
        ['sampleMessages', STOP],
        ['sampleMessages', 'HELP me'],
      ]).error?.['sampleMessages[1]'],
    ).toEqual(['Write at least 20 characters'])
  })

  it("refuses public shorteners among link domains (the website domain among them is SQL's LINK_DOMAIN_MISSING: a2p-content.test.ts)", () => {
    expect(parse([['linkDomains', 'bit.ly']]).error?.['linkDomains[0]']?.[0]).toMatch(/link shortener/)
    expect(parse([['linkDomains', 'go.bit.ly']]).error?.['linkDomains[0]']?.[0]).toMatch(/link shortener/)
    expect(parse([['linkDomains', 'https://www.RiveraPlumbing.com/book']]).value?.linkDomains).toEqual([
      'riveraplumbing.com',
    ])
  })

  it('takes an https website, adding https:// when left out, and refuses http and non-addresses', () => {
    expect(parse([['websiteUrl', 'riveraplumbing.com']]).value?.websiteUrl).toBe('https://riveraplumbing.com/')
    expect(parse([['websiteUrl', 'http://riveraplumbing.com']]).error).toEqual({
      websiteUrl: ['Carriers need an https:// website'],
    })
    expect(parse([['websiteUrl', 'not a site']]).error?.websiteUrl).toBeDefined()
    expect(parse([['websiteUrl', 'https://localhost']]).error?.websiteUrl).toBeDefined()
  })
})

describe('name similarity and rejection codes', () => {
  it('matches legal names across case, punctuation and suffixes; not different businesses', () => {
    expect(namesMatch('Acme Plumbing, Inc.', 'ACME PLUMBING INCORPORATED')).toBe(true)
    expect(namesMatch('Rivera Plumbing & Heating LLC', 'Rivera Plumbing and Heating')).toBe(true)
    expect(namesMatch('Blue Sky Dental', 'Sky Blue Dental')).toBe(false)
    expect(namesMatch('Rivera Plumbing', 'Bright Spark Electric')).toBe(false)
  })

  it('maps every code of a2p-10dlc.md section 3 to a line and, where one fixes it, a field of the page', () => {
    const codes = [
      '30880',
      '30881',
      '30882',
      '30883',
      '30884',
      '30885',
      '30886',
      '30887',
      '30888',
      '30889',
      '30890',
      '30891',
      '30892',
      '30893',
      '30894',
      '30895',
      '30896',
      '30897',
      '30898',
      '30899',
      '30900',
      '30901',
      '30902',
      '30903',
      '30907',
      '30908',
      '30909',
      '30924',
      '30990',
      '30991',
      '30994',
      '30795',
      '30701',
      '30703',
      '30754',
      '30757',
      '30796',
      '30797',
      '30798',
      '30799',
      '21731',
    ]
    const fields = [
      null,
      'brandType',
      'legalBusinessName',
      'websiteUrl',
      'taxId',
      'authorizedContact',
      'sampleMessages',
      'linkDomains',
      'hostedPolicy',
    ]
    for (const code of codes) {
      expect(REASONS[code], code).toBeDefined()
      expect(REASONS[code].line.length, code).toBeGreaterThan(10)
      expect(fields, code).toContain(REASONS[code].field)
    }
    const unknown = reasonFix('39999', 'Something new')
    expect(unknown.field).toBe(null)
    expect(translator('en').t(unknown.line, unknown.values)).toBe(
      'Carriers turned this down (code 39999: Something new). Check your details and resubmit, or contact support.',
    )
    expect(translator('es').t(unknown.line, unknown.values)).toMatch(
      /^Las operadoras lo rechazaron \(código 39999: Something new\)/,
    )
  })
})

describe('what a save of Page 4 changes', () => {
  const a2p = {
    websiteUrl: 'https://old.example/',
    linkDomains: ['old.example', 'book.old.example'],
    stripeCompanyName: 'Rivera Plumbing LLC',
    brandType: 'STANDARD',
    taxId: '12-3456789',
  } as never
  const plan = (intent: 'autosave' | 'continue', value: object, eligible = false) =>
    planA2pSave({
      tenantId: crypto.randomUUID(),
      intent,
      value,
      a2p,
      account: { displayName: 'Rivera Plumbing' },
      eligible,
    })

  it('checks a new website and puts its domain in place of the old one', () => {
    const p = plan('autosave', { websiteUrl: 'https://www.new.example/' }) as unknown as {
      fields: { linkDomains: string[] }
      job: { task: string }
    }
    expect(p.job.task).toBe('website_check')
    expect(p.fields.linkDomains).toEqual(['new.example', 'book.old.example'])
  })

  it('Submit leaves the rules across fields to SQL (it starts the submission, which ob_a2p_submit refuses: a2p-content.test.ts); once eligible, Continue only saves', () => {
    for (const value of [
      { taxId: undefined, brandType: 'STANDARD' },
      { brandType: 'SOLE_PROP', taxId: '12-3456789' },
      { linkDomains: ['elsewhere.example'] },
    ])
      expect(plan('continue', value), JSON.stringify(value)).toMatchObject({
        fields: expect.any(Object),
        after: expect.any(Function),
      })
    expect(plan('continue', {}, true)).not.toHaveProperty('after')
    // Saved as typed while editing, so the page keeps the line (SOLE_PROP_HAS_EIN) until the owner chooses.
    expect(
      (plan('autosave', { brandType: 'SOLE_PROP', taxId: '12-3456789' }) as { fields: object }).fields,
    ).toMatchObject({ taxId: '12-3456789' })
  })

  it('records whether the legal name matches the company name Stripe has', () => {
    expect(
      (plan('autosave', { legalBusinessName: 'Rivera Plumbing, L.L.C.' }) as { fields: object }).fields,
    ).toMatchObject({ legalMatchesTaxIdLike: true })
    expect(
      (plan('autosave', { legalBusinessName: 'Bright Spark Electric' }) as { fields: object }).fields,
    ).toMatchObject({ legalMatchesTaxIdLike: false })
  })
})

describe("a sole proprietor's code", () => {
  // Sealing reads the key from the configuration, which wants a database URL (never used here).
  process.env.DATABASE_URL ??= 'postgres://unit@127.0.0.1:1/none'
  it('is 6 digits, sealed before it is stored, and only when a code is waiting', () => {
    const t = crypto.randomUUID()
    expect(planOtp(t, 'verifyOtp', '12 34', { identityStatus: 'UNVERIFIED' })).toEqual({
      status: 400,
      message: 'Enter the 6-digit code from the text we sent.',
    })
    expect(planOtp(t, 'verifyOtp', '123456', { identityStatus: 'VERIFIED' })).toEqual({
      status: 409,
      message: 'There is no code waiting for you.',
    })
    const ok = planOtp(t, 'verifyOtp', '123 456', { identityStatus: 'UNVERIFIED' }) as unknown as {
      fields: { otpCode: string }
      job: { task: string }
    }
    expect(ok.fields.otpCode).toMatch(/^v2:[0-9a-f]{8}:/)
    expect(ok.fields.otpCode).not.toContain('123456')
    expect(ok.job.task).toBe('a2p_otp')
    expect(planOtp(t, 'resendOtp', '', { identityStatus: 'UNVERIFIED' })).toMatchObject({
      job: { task: 'a2p_otp' },
      after: expect.any(Function),
    })
  })
})
