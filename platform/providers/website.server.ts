import { m, msg } from '../../core/i18n/languages'
import dns from 'node:dns'
import net from 'node:net'
import ipaddr from 'ipaddr.js'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { Parser } from 'htmlparser2'
import { Agent, buildConnector, fetch } from 'undici'
import { getDomain } from 'tldts'
import { env } from '../env.server'
import { privacyNoSharing, readTerms } from '../../core/policy-text'

// Reads an owner's website for the A2P checks without letting it reach inside our network: every
// address a host resolves to, and every IP written in a URL, must be public unicast (no loopback,
// private, link-local/metadata, CGNAT, multicast, ULA), checked at connect time so redirects and
// DNS rebinding are covered too (undici's connector; Node's fetch ignores http agents). At most 3
// redirects, 5 s a page, 15 s in all, 512 kB a page. In dev and tests, `*.example` sites are served
// by the local sites fake.
//
// Pages are read by htmlparser2's tokenizer, chunk by chunk as they arrive, never by a regular
// expression: an owner's page can be anything, and a backtracking pattern over it once froze the
// worker (every tenant's jobs) for minutes. The tokenizer's time grows with the page's length only,
// and the deadline is checked between chunks, with a turn of the event loop each time, so the
// budget stops a check even while it parses.
const MAX_BYTES = 512 * 1024
const MAX_LINKS = 500
const MAX_TEXT = 64 * 1024
const MAX_REDIRECTS = 3
const BLOCKS = new Set([
  'p',
  'div',
  'li',
  'br',
  'tr',
  'td',
  'section',
  'article',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'footer',
  'header',
])
export class Blocked extends Error {}
export class OverBudget extends Error {}

const publicAddress = (ip: string) => {
  let a = ipaddr.parse(ip)
  if (a.kind() === 'ipv6' && (a as ipaddr.IPv6).isIPv4MappedAddress()) a = (a as ipaddr.IPv6).toIPv4Address()
  return a.range() === 'unicast'
}
const lookup: typeof dns.lookup = ((host: string, options: dns.LookupOptions, callback: (...args: unknown[]) => void) =>
  dns.lookup(host, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error)
    if (!addresses.length || !addresses.every((a) => publicAddress(a.address)))
      return callback(new Blocked(msg(m('{{host}} resolves to a private address'), { host })))
    return options.all ? callback(null, addresses) : callback(null, addresses[0].address, addresses[0].family)
  })) as never
const connector = buildConnector({ lookup, timeout: 5000 } as never)
const guarded = new Agent({
  connect: (options, callback) => {
    const host = options.hostname.replace(/^\[|\]$/g, '')
    if (net.isIP(host) && !publicAddress(host))
      return callback(new Blocked(msg(m('{{host}} is a private address'), { host })), null)
    return connector(options, callback)
  },
})

/** Where a URL is really fetched: `*.example` hosts go to the sites fake in dev and tests. */
function target(url: URL): { href: string; dispatcher?: Agent } {
  const fake = env().FAKE_SITES_URL
  if (fake && url.hostname.endsWith('.example')) return { href: `${fake}/${url.hostname}${url.pathname}${url.search}` }
  return { href: url.href, dispatcher: guarded }
}

export type Link = { href: string; text: string }
export type Page = { url: URL; status: number; links: Link[]; text: string }

/** GET with our own redirect handling (each hop checked), a time limit and a size limit. */
export async function fetchPage(start: string, signal = AbortSignal.timeout(5000)): Promise<Page> {
  let url = new URL(start)
  for (let hop = 0; ; hop++) {
    if (!['http:', 'https:'].includes(url.protocol) || !['', '80', '443'].includes(url.port))
      throw new Blocked(msg(m('{{address}} is not a web address we open'), { address: `${url.protocol}//${url.host}` }))
    const t = target(url)
    const res = await fetch(t.href, {
      redirect: 'manual',
      signal,
      dispatcher: t.dispatcher,
      headers: { 'user-agent': 'OnboardingWizard-SiteCheck/1.0', accept: 'text/html' },
    })
    const location = res.headers.get('location')
    if (res.status >= 300 && res.status < 400 && location) {
      await res.body?.cancel()
      if (hop >= MAX_REDIRECTS) throw new Blocked(m('too many redirects'))
      url = new URL(location, url)
      continue
    }
    return { url, status: res.status, ...(await readPage(res.body as ReadableStream<Uint8Array> | null, signal)) }
  }
}

/** The links (href and their text) and the visible text of a page, read up to MAX_BYTES within `signal`'s time. */
export async function readPage(
  body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | null,
  signal: AbortSignal,
): Promise<Omit<Page, 'url' | 'status'>> {
  const links: Link[] = []
  let text = ''
  let open: Link | null = null
  let skip = 0 // inside <script> or <style>
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'script' || name === 'style') skip++
        if (name === 'a' && attrs.href && links.length < MAX_LINKS)
          links.push((open = { href: attrs.href.trim().slice(0, 2048), text: '' }))
      },
      ontext(t) {
        if (skip) return
        if (open && open.text.length < 200) open.text += t
        if (text.length < MAX_TEXT) text += t
      },
      onclosetag(name) {
        if (name === 'script' || name === 'style') skip = Math.max(0, skip - 1)
        // A block ends a sentence for the policy reader ("...purposes.</p><p>We...").
        if (BLOCKS.has(name) && text.length < MAX_TEXT) text += '\n'
        if (name === 'a') open = null
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  )
  const decoder = new TextDecoder()
  let size = 0
  if (body) {
    for await (const chunk of body as AsyncIterable<Uint8Array>) {
      if (signal.aborted) throw new OverBudget(m('the time to read it ran out'))
      const room = MAX_BYTES - size
      size += chunk.byteLength
      parser.write(decoder.decode(chunk.byteLength > room ? chunk.subarray(0, room) : chunk, { stream: true }))
      if (size >= MAX_BYTES) break
      // A turn of the event loop: timers (the deadline among them) and other jobs run between chunks.
      await nextTurn()
    }
  }
  parser.end()
  return { links, text }
}

/** What the pages say (null: the page was not found or not read): see core/policy-text.ts. */
export type PageFacts = {
  privacyNoSharing: boolean | null
  termsFrequency: boolean | null
  termsRates: boolean | null
  termsContact: boolean | null
}
export type SiteCheck = PageFacts & {
  httpsOk: boolean
  privacyFound: boolean | null
  termsFound: boolean | null
  privacyUrl: string | null
  termsUrl: string | null
  error: string | null
}
/** A site that could not be read: one line for the owner, nothing found. */
const unreadable = (error: string): SiteCheck => ({
  httpsOk: false,
  privacyFound: null,
  termsFound: null,
  privacyUrl: null,
  termsUrl: null,
  error,
  privacyNoSharing: null,
  termsFrequency: null,
  termsRates: null,
  termsContact: null,
})
const PRIVACY = { words: /privacy/i, paths: ['/privacy', '/privacy-policy', '/legal/privacy'] }
const TERMS = {
  words: /terms|conditions|sms-terms/i,
  paths: ['/terms', '/terms-of-service', '/terms-and-conditions', '/sms-terms', '/legal/terms'],
}

/**
 * https reachable, a privacy and a terms page found by the home page's links or the usual paths,
 * and what each says (`names`: the business's names, looked for in the terms).
 */
export async function checkSite(websiteUrl: string, names: (string | null)[] = []): Promise<SiteCheck> {
  const deadline = AbortSignal.timeout(15_000)
  let home: Page
  try {
    home = await fetchPage(websiteUrl, AbortSignal.any([deadline, AbortSignal.timeout(5000)]))
  } catch (error) {
    // undici wraps the connector's refusal: "fetch failed", caused by our Blocked.
    const blocked = [error, (error as Error).cause].find((e) => e instanceof Blocked || e instanceof OverBudget) as
      | Error
      | undefined
    const why = blocked
      ? blocked.message
      : (error as Error).name === 'TimeoutError'
        ? m('it did not answer within 5 seconds')
        : m('it could not be reached')
    return unreadable(msg(m('We could not open {{url}}: {{_why}}.'), { url: websiteUrl, _why: why }))
  }
  const httpsOk = home.url.protocol === 'https:' && home.status < 400
  if (home.status >= 400)
    return unreadable(msg(m('{{url}} answered with an error ({{status}}).'), { url: websiteUrl, status: home.status }))
  // The page's address where it was found (the campaign request names both pages since 2026).
  // An http page is found (the site's own blocker says https), but it is no address to give carriers.
  const find = async (kind: typeof PRIVACY): Promise<{ found: boolean; url: string | null; text: string }> => {
    const linked = home.links.find((l) => kind.words.test(l.href) || kind.words.test(l.text))
    const candidates = [...(linked ? [linked.href] : []), ...kind.paths]
    for (const c of candidates) {
      try {
        const page = await fetchPage(new URL(c, home.url).href, AbortSignal.any([deadline, AbortSignal.timeout(5000)]))
        if (page.status < 400 && kind.words.test(page.text))
          return { found: true, url: page.url.protocol === 'https:' ? page.url.href : null, text: page.text }
      } catch {
        // a candidate that cannot be opened is simply not the page
      }
    }
    return { found: false, url: null, text: '' }
  }
  const [privacy, terms] = await Promise.all([find(PRIVACY), find(TERMS)])
  const said = readTerms(terms.text, { names, domain: getDomain(home.url.hostname) })
  return {
    httpsOk,
    privacyFound: privacy.found,
    termsFound: terms.found,
    privacyUrl: privacy.url,
    termsUrl: terms.url,
    error: null,
    privacyNoSharing: privacy.found ? privacyNoSharing(privacy.text) : null,
    termsFrequency: terms.found ? said.frequency : null,
    termsRates: terms.found ? said.rates : null,
    termsContact: terms.found ? said.contact : null,
  }
}
