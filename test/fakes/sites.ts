import { startFake, type FakeRequest, type FakeResponse } from './http'

// Owners' websites (any host under .example) for the A2P website check: GET /{host}/{path}. By
// default a site has a home page linking to /privacy and /terms. Switches: sites: { "<host>":
// { privacy: false, terms: false, status: 500, redirect: "https://127.0.0.1/", home: "<a href='x' ", repeat: 80000,
// privacyHtml: "<p>We may share ...</p>", termsHtml: "<p>...</p>" } } per host (`home`, `repeat` times over, replaces
// the home page: a hostile or huge page; `privacyHtml` and `termsHtml` replace what those pages say). By default
// both pages say what carriers look for (no sharing; frequency, rates, the business's domain and a contact).
// `delayMs` holds every answer of the host that long (a slow site: the check stays pending).
// Tests that run side by side set one host each, as "site:<host>": {...} (switches merge by their
// top-level key, so two tests' `sites` would replace each other's).
type Site = {
  privacy?: boolean
  terms?: boolean
  status?: number
  redirect?: string
  home?: string
  repeat?: number
  privacyHtml?: string
  termsHtml?: string
  delayMs?: number
}
const html = (body: string): FakeResponse => ({
  status: 200,
  raw: Buffer.from(`<!doctype html><meta charset="utf-8">${body}`),
  headers: { 'content-type': 'text/html; charset=utf-8' },
})

export function startSitesFake(port: number) {
  const site = (req: FakeRequest): Site =>
    (req.switches[`site:${req.params.host}`] as Site | undefined) ??
    (req.switches.sites as Record<string, Site> | undefined)?.[req.params.host] ??
    {}
  const page = (req: FakeRequest, path: string): FakeResponse => {
    const s = site(req)
    req.count(`get:${req.params.host}`)
    if (s.redirect) return { status: 302, headers: { location: s.redirect } }
    if (s.status) return { status: s.status, raw: Buffer.from('error'), headers: { 'content-type': 'text/plain' } }
    const origin = `https://${req.params.host}`
    if (path === '' && s.home !== undefined)
      return { status: 200, raw: Buffer.from(s.home.repeat(s.repeat ?? 1)), headers: { 'content-type': 'text/html' } }
    if (path === '') {
      return html(
        `<title>${req.params.host}</title><h1>Welcome</h1>${s.privacy === false ? '' : `<a href="${origin}/privacy">Privacy Policy</a>`} ${s.terms === false ? '' : `<a href="/terms">SMS Terms</a>`}`,
      )
    }
    if (path === 'privacy' && s.privacy !== false) {
      return html(
        `<h1>Privacy Policy</h1>${s.privacyHtml ?? '<p>No mobile information will be shared with third parties or affiliates for marketing purposes.</p>'}`,
      )
    }
    if (path === 'terms' && s.terms !== false) {
      return html(
        `<h1>SMS Terms and Conditions</h1>${s.termsHtml ?? `<p>Message frequency varies. Message and data rates may apply.</p><p>Reply STOP to opt out, HELP for help. Questions: support@${req.params.host}</p>`}`,
      )
    }
    return { status: 404, raw: Buffer.from('not found'), headers: { 'content-type': 'text/plain' } }
  }
  const slow = (req: FakeRequest, path: string): FakeResponse => ({ ...page(req, path), delayMs: site(req).delayMs })
  return startFake('sites', port, {
    'GET /:host': (req) => slow(req, ''),
    'GET /:host/': (req) => slow(req, ''),
    'GET /:host/:path': (req) => slow(req, req.params.path),
  })
}
