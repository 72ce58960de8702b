import { describe, expect, it } from 'vitest'
import { campaignPages } from '../../tasks/a2p_step'

// Issue 19, part 5: what a 2026 campaign request carries besides the samples.
const t = '3f2a1c3e-0000-4000-8000-000000000001'
const samples = [
  'Rivera: sorry we missed your call! Reply STOP to opt out.',
  'Rivera: book at https://riveraplumbing.example/book today. Reply STOP to opt out.',
]

describe('the campaign request names its pages and its message flow', () => {
  it("the hosted pages, under the app's address, for an owner who uses them", () => {
    const c = campaignPages(
      'https://setup.example',
      t,
      { hostedPolicy: true, privacyUrl: null, termsUrl: null, sampleMessages: samples.slice(0, 1) },
      'Rivera Plumbing',
    )
    expect(c.privacyPolicyUrl).toBe(`https://setup.example/p/${t}/privacy`)
    expect(c.termsAndConditionsUrl).toBe(`https://setup.example/p/${t}/terms`)
    expect(c.messageFlow).toContain('Customers call Rivera Plumbing')
    expect(c.messageFlow).toContain(c.termsAndConditionsUrl)
    expect(c).not.toHaveProperty('embeddedLinkSample')
  })
  it("the owner's own pages where the website check found them, and the link a sample holds", () => {
    const c = campaignPages(
      'https://setup.example',
      t,
      {
        hostedPolicy: false,
        privacyUrl: 'https://riveraplumbing.example/privacy',
        termsUrl: 'https://riveraplumbing.example/sms-terms',
        sampleMessages: samples,
      },
      'Rivera',
    )
    expect([c.privacyPolicyUrl, c.termsAndConditionsUrl]).toEqual([
      'https://riveraplumbing.example/privacy',
      'https://riveraplumbing.example/sms-terms',
    ])
    expect(c.embeddedLinkSample).toBe('https://riveraplumbing.example/book')
  })
})
