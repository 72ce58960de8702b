import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { PrivacyPolicy, SmsTerms } from '../../app/components/policy'
import { privacyNoSharing, readTerms } from '../../core/policy-text'
import { readPage } from '../../platform/providers/website.server'

// What carriers read on the owner's pages (issue 19, part 5), read by the same code that reads an
// owner's site: our hosted pages pass every check by construction.
const details = {
  business: 'Rivera Plumbing & Heating LLC',
  name: 'Rivera Plumbing',
  address: '1455 Market St, San Francisco, CA 94103',
  email: 'maria@riveraplumbing.example',
  phone: '+14155550123',
  optIn:
    'Inbound only: we text a caller only after they call the business and the call is missed, to continue that conversation.',
  stopHelp: 'Reply STOP to opt out, HELP for help. Msg & data rates may apply.',
}
const textOf = async (html: string) =>
  (await readPage([new TextEncoder().encode(html)] as never, new AbortController().signal)).text
const business = { names: ['Rivera Plumbing & Heating LLC', 'Rivera Plumbing'], domain: 'riveraplumbing.example' }

describe('the hosted pages', () => {
  it('say what carriers look for: no sharing; frequency, rates, the business and a contact', async () => {
    expect(privacyNoSharing(await textOf(renderToStaticMarkup(createElement(PrivacyPolicy, { d: details }))))).toBe(
      true,
    )
    expect(readTerms(await textOf(renderToStaticMarkup(createElement(SmsTerms, { d: details }))), business)).toEqual({
      frequency: true,
      rates: true,
      contact: true,
    })
  })

  it('still pass with only a phone, or only an email, for contact', async () => {
    for (const d of [
      { ...details, email: null },
      { ...details, phone: null, address: null },
    ]) {
      expect(readTerms(await textOf(renderToStaticMarkup(createElement(SmsTerms, { d }))), business).contact).toBe(true)
    }
  })
})

describe('reading an owner page', () => {
  it('finds sentences across paragraphs, not glued together', async () => {
    const text = await textOf(
      '<p>We may share data with partners for marketing</p><p>No mobile numbers are shared.</p>',
    )
    expect(privacyNoSharing(text)).toBe(false)
  })

  it('a promise about mobile data, with "sell" and "rent" as well as "share"', () => {
    expect(privacyNoSharing('We do not sell or rent mobile phone numbers.')).toBe(true)
    expect(privacyNoSharing('We do not sell personal information.')).toBe(false)
    expect(
      privacyNoSharing(
        'We never share SMS opt-in data. We may disclose your information to affiliates for promotions.',
      ),
    ).toBe(false)
  })

  it('terms that name the business by its domain, with HELP as the contact', () => {
    expect(
      readTerms(
        'Texts from riveraplumbing.example. Message frequency varies. Msg&data rates may apply. Reply HELP for help.',
        business,
      ),
    ).toEqual({ frequency: true, rates: true, contact: true })
    expect(
      readTerms('Frequency varies. Message and data rates may apply. Reply HELP for help.', business).contact,
    ).toBe(false)
    expect(readTerms('Rivera Plumbing: 2 msgs per week. Data rates may apply. Call (415) 555-0123.', business)).toEqual(
      { frequency: true, rates: false, contact: true },
    )
  })

  it('is linear on a hostile page of 64 kB (no backtracking over a long run)', () => {
    const hostile = `${'a'.repeat(65_000)}@`
    const started = performance.now()
    readTerms(hostile, business)
    privacyNoSharing(`${'share '.repeat(10_000)}`)
    // Seconds, not milliseconds, would be the quadratic case; generous for a busy machine.
    expect(performance.now() - started).toBeLessThan(2000)
  })
})
