import { describe, expect, it } from 'vitest'
import { connect } from '../../db/client.server'
import { fakesFor, hasBuild, startWeb } from '../setup/app'
import { freshDatabase } from '../setup/db'

// Issue 22, part 1: the owner's language, through real HTTP to the built server. ?lng=, then the
// choice kept in the session (and on the tenant, for mail), then Accept-Language, then English.
const { url } = await freshDatabase()
const sql = connect(url)
const { env } = await fakesFor()
const web = hasBuild() ? await startWeb({ DATABASE_URL: url, ...env }) : null

const lang = (html: string) => html.match(/<html lang="(\w+)"/)?.[1]
const tenantOf = async (owner: string) =>
  (await sql`select tenant_id from ob_employee where clerk_user_id = ${`dev:${owner}`} and role = 'owner'`)[0]
    ?.tenantId as string
const ownerLang = async (t: string) => (await sql`select owner_lang from ob_flow where tenant_id = ${t}`)[0].ownerLang

describe.runIf(hasBuild())('the language of the pages', () => {
  it("follows the browser's Accept-Language until the owner chooses, then the choice, signed in and out", async () => {
    const owner = `l-${crypto.randomUUID().slice(0, 8)}`
    const b = await web!.browser().signIn('verified', owner)
    const page = async (headers: Record<string, string> = {}) =>
      b.send('/onboarding/account', { method: 'GET', headers: { 'sec-fetch-mode': 'navigate', ...headers } })
    const english = await (await page()).text()
    expect(lang(english)).toBe('en')
    expect(english).toContain('Set up your business')
    const spanish = await (await page({ 'accept-language': 'es-MX,es;q=0.9,en;q=0.5' })).text()
    expect(lang(spanish)).toBe('es')
    expect(spanish).toContain('Configure su negocio')
    expect(spanish).toContain('<title>Su negocio - Configure su negocio</title>')
    expect(lang(await (await page({ 'accept-language': 'fr-FR,de;q=0.8' })).text())).toBe('en')

    // The header's button: a plain form post, back to the same page, kept over Accept-Language.
    const t = await tenantOf(owner)
    expect(await ownerLang(t)).toBe('en')
    const chose = await b.post('/language', { lng: 'es', back: '/onboarding/account?x=1' }, { js: false })
    expect(chose.status).toBe(303)
    expect(chose.headers.get('location')).toBe('/onboarding/account?x=1')
    expect(lang(await (await page({ 'accept-language': 'en-US' })).text())).toBe('es')
    expect(await ownerLang(t)).toBe('es')
    // ?lng= (a mail's link) wins for that page only.
    const once = await b.send('/onboarding/account?lng=en', {
      method: 'GET',
      headers: { 'sec-fetch-mode': 'navigate' },
    })
    expect(lang(await once.text())).toBe('en')
    expect(lang(await (await page()).text())).toBe('es')
  })

  it('refuses what is not a language or not a path of this site, changing nothing', async () => {
    const owner = `l-${crypto.randomUUID().slice(0, 8)}`
    const b = await web!.browser().signIn('verified', owner)
    const t = await tenantOf(owner)
    for (const [fields, to] of [
      [{ lng: 'fr', back: '/onboarding/number' }, '/onboarding/number'],
      [{ lng: 'es'.repeat(5000), back: '/onboarding' }, '/onboarding'],
      [{ lng: 'es', back: '//evil.example/x' }, '/onboarding'],
      [{ lng: 'es', back: 'https://evil.example/' }, '/onboarding'],
      [{ lng: 'es', back: '/\\evil.example' }, '/onboarding'],
    ] as const) {
      const res = await b.post('/language', fields, { js: false })
      expect([303, 413], JSON.stringify(fields).slice(0, 80)).toContain(res.status)
      if (res.status === 303) expect(res.headers.get('location')).toBe(to)
    }
    // Only the valid language of the three with a foreign back was taken; the tenant follows the session.
    expect(await ownerLang(t)).toBe('es')
    const fr = await b.post('/language', { lng: 'en', back: '/onboarding' }, { js: false })
    expect(fr.status).toBe(303)
    expect(await ownerLang(t)).toBe('en')
  })

  it('the hosted pages stay English for carriers whatever the reader asks for, with a Spanish version linked', async () => {
    const owner = `l-${crypto.randomUUID().slice(0, 8)}`
    await web!.browser().signIn('verified', owner)
    const t = await tenantOf(owner)
    await sql`update ob_a2p set hosted_policy = true where tenant_id = ${t}`
    const reader = web!.browser()
    // A reviewer whose browser asks for Spanish, who chose Spanish elsewhere on the site: still English.
    await reader.post('/language', { lng: 'es', back: '/' }, { js: false })
    for (const kind of ['privacy', 'terms']) {
      const get = (q = '') =>
        reader.send(`/p/${t}/${kind}${q}`, {
          method: 'GET',
          headers: { 'sec-fetch-mode': 'navigate', 'accept-language': 'es-US,es;q=0.9' },
        })
      const english = await (await get()).text()
      expect(lang(english), kind).toBe('en')
      expect(english).toContain('Msg &amp; data rates may apply')
      expect(english).toContain('href="?lng=es"')
      const spanish = await (await get('?lng=es')).text()
      expect(lang(spanish), kind).toBe('es')
      expect(spanish).toContain('Pueden aplicar tarifas de mensajes y datos')
      // The campaign's own opt-in line stays as registered, marked English.
      expect(spanish).toMatch(/<span lang="en">[^<]+<\/span>/)
    }
  })

  it('signed out: the sign-in and error pages follow Accept-Language; the choice needs no account', async () => {
    const b = web!.browser()
    const res = await b.post('/language', { lng: 'es', back: '/dev/sign-in' }, { js: false })
    expect(res.status).toBe(303)
    const missing = await b.send('/nothing-here', { method: 'GET', headers: { 'sec-fetch-mode': 'navigate' } })
    expect(missing.status).toBe(404)
    const html = await missing.text()
    expect(lang(html)).toBe('es')
    expect(html).toContain('No encontramos esa página.')
  })
})
