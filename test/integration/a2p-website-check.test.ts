import { translator } from '../../core/i18n/translate'
import { describe, expect, it } from 'vitest'
import { fakesFor } from '../setup/app'
import { freshDatabase } from '../setup/db'

// The A2P website check against the sites fake (for *.example) and the SSRF guard (everything
// else): private, loopback and metadata addresses are refused at connect time, redirects too.
const { url } = await freshDatabase()
const { env, fake } = await fakesFor()
Object.assign(process.env, { DATABASE_URL: url, FAKE_SITES_URL: env.FAKE_SITES_URL })
const { checkSite } = await import('../../platform/providers/website.server')
const sites = fake('sites')

const said = (error: string | null) => translator('en').msg(error ?? '')

describe('website_check', () => {
  it('finds https, the privacy page by its link and the terms page by its link', async () => {
    // Where each page was found: the campaign request names both (2026).
    expect(await checkSite('https://riveraplumbing.example')).toEqual({
      httpsOk: true,
      privacyFound: true,
      termsFound: true,
      privacyUrl: 'https://riveraplumbing.example/privacy',
      termsUrl: 'https://riveraplumbing.example/terms',
      error: null,
      privacyNoSharing: true,
      termsFrequency: true,
      termsRates: true,
      termsContact: true,
    })
  })

  it('reads what the pages say: a privacy page that allows sharing, terms without rates or the business (issue 19, part 5)', async () => {
    await sites.switches({
      sites: {
        'sharing.example': {
          privacyHtml:
            '<p>We value you.</p><p>We may share your mobile number with our partners with your consent.</p>',
          termsHtml: '<p>Message frequency varies.</p><p>Reply STOP to cancel.</p>',
        },
      },
    })
    expect(await checkSite('https://sharing.example/', ['Rivera Plumbing'])).toMatchObject({
      privacyFound: true,
      termsFound: true,
      privacyNoSharing: false,
      termsFrequency: true,
      termsRates: false,
      termsContact: false,
    })
  })

  it('reports a site without policy pages, an http site and a site answering 500', async () => {
    await sites.switches({
      sites: { 'nopolicy.example': { privacy: false, terms: false }, 'down.example': { status: 500 } },
    })
    expect(await checkSite('https://nopolicy.example/')).toEqual({
      httpsOk: true,
      privacyFound: false,
      termsFound: false,
      privacyUrl: null,
      termsUrl: null,
      error: null,
      privacyNoSharing: null,
      termsFrequency: null,
      termsRates: null,
      termsContact: null,
    })
    expect(await checkSite('http://plain.example/')).toMatchObject({ httpsOk: false, privacyFound: true })
    const down = await checkSite('https://down.example/')
    expect(down.httpsOk).toBe(false)
    // Stored as a message with its values: the page words it in the owner's language.
    expect(said(down.error)).toBe('https://down.example/ answered with an error (500).')
    expect(translator('es').msg(down.error!)).toBe('https://down.example/ respondió con un error (500).')
  })

  it('refuses loopback, metadata, private and mapped addresses, localhost, odd ports, and a redirect to them', async () => {
    for (const target of [
      'https://127.0.0.1/',
      'http://169.254.169.254/latest/meta-data/',
      'https://10.0.0.8/',
      'http://[::ffff:127.0.0.1]/',
      'http://localhost/',
      'http://[::1]/',
    ]) {
      const r = await checkSite(target)
      expect(r, target).toMatchObject({ httpsOk: false, privacyFound: null })
      expect(said(r.error), target).toMatch(/private address/)
    }
    expect(said((await checkSite('https://example.org:8443/')).error)).toMatch(/is not a web address we open/)
    await sites.switches({ sites: { 'bounce.example': { redirect: 'https://169.254.169.254/' } } })
    expect(said((await checkSite('https://bounce.example/')).error)).toBe(
      'We could not open https://bounce.example/: 169.254.169.254 is a private address.',
    )
    expect((await sites.counters())['get:bounce.example']).toBe(1)
  })
})

describe('reading a page (issue 18, item 1)', () => {
  it('the time budget stops a page still being read: 1,000 chunks of a hostile page with the budget run out halfway', async () => {
    const { readPage, OverBudget } = await import('../../platform/providers/website.server')
    const budget = new AbortController()
    let sent = 0
    async function* chunks() {
      for (; sent < 1000; sent++) {
        if (sent === 500) budget.abort()
        yield new TextEncoder().encode("<a href='x' ".repeat(10))
      }
    }
    await expect(readPage(chunks(), budget.signal)).rejects.toBeInstanceOf(OverBudget)
    expect(sent).toBeLessThan(510)
  })

  it('finds links and their text through nested tags and entities, and skips scripts', async () => {
    const { readPage } = await import('../../platform/providers/website.server')
    const page = `<script>var a = "<a href='/nope'>Privacy</a>"</script><A HREF="/legal/p?x=1&amp;y=2"><span>Our</span> <b>Privacy</b></A><a href=/terms>SMS terms</a>`
    const { links, text } = await readPage([new TextEncoder().encode(page)] as never, new AbortController().signal)
    expect(links).toEqual([
      { href: '/legal/p?x=1&y=2', text: 'Our Privacy' },
      { href: '/terms', text: 'SMS terms' },
    ])
    expect(text).not.toContain('var a')
  })
})
