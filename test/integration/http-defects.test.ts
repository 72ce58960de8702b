import { mkdtempSync, readdirSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import Stripe from 'stripe'
import { describe, expect, it } from 'vitest'
import { fakesFor, hasBuild, startWeb, startWorker } from '../setup/app'
import { connect } from '../../db/client.server'
import { freshDatabase } from '../setup/db'

// Defects found by outside testing (issue "Defects found by outside testing of Account and Number"),
// each reproduced through real HTTP against the built server, its worker and the fakes.
const { url } = await freshDatabase()
const sql = connect(url)
const uploads = mkdtempSync(path.join(os.tmpdir(), 'ob-uploads-'))
const { env } = await fakesFor()
const appEnv = { DATABASE_URL: url, UPLOAD_DIR: uploads, ...env }
const web = hasBuild() ? await startWeb(appEnv) : null
if (web) startWorker(appEnv)

const SECRET_ACCOUNT = 'ACCT-SECRET-778899'
const SECRET_PIN = '913746'

async function owner(persona = 'verified') {
  const browser = await web!.browser().signIn(persona)
  const [{ tenantId }] = await sql`select tenant_id from ob_employee order by created_at desc limit 1`
  // The Stripe prefill (a job) lands first, as it does for an owner who waits a moment.
  for (let i = 0; i < 100; i++) {
    const [row] = await sql`select prefilled_at from ob_account where tenant_id = ${tenantId}`
    if (row.prefilledAt) break
    await new Promise((r) => setTimeout(r, 100))
  }
  return { browser, tenantId: tenantId as string }
}
const version = async (tenantId: string) =>
  String((await sql`select version from ob_flow where tenant_id = ${tenantId}`)[0].version)

async function onNumberPage() {
  const o = await owner()
  const res = await o.browser.post('/onboarding/account', {
    intent: 'continue',
    version: await version(o.tenantId),
    displayName: 'Rivera Plumbing',
    vertical: 'plumbing',
  })
  // Continue moves on: the fetch is told to go to the next page.
  expect(res.headers.get('location')).toBe('/onboarding/number')
  expect((await sql`select phase from ob_flow where tenant_id = ${o.tenantId}`)[0].phase).toBe('NUMBER')
  return o
}

describe.runIf(hasBuild())('outside testing of Account and Number', () => {
  it('4. port-in account number and PIN are never echoed back: saving JSON reply, refused JSON reply, refused no-JS 400 page, the page after', async () => {
    const { browser, tenantId } = await onNumberPage()
    const secrets = { startPortIn: ['off', 'on'], 'portIn.accountNumber': SECRET_ACCOUNT, 'portIn.pin': SECRET_PIN }
    const bodies: string[] = []
    const refusedJs = await browser.post('/onboarding/number', {
      intent: 'autosave',
      version: await version(tenantId),
      ...secrets,
      'portIn.phoneNumber': '123',
    })
    expect(refusedJs.status).toBe(400)
    bodies.push(await refusedJs.text())
    const refusedPage = await browser.post(
      '/onboarding/number',
      { intent: 'autosave', version: await version(tenantId), ...secrets, 'portIn.phoneNumber': '123' },
      { js: false },
    )
    expect(refusedPage.status).toBe(400)
    bodies.push(await refusedPage.text())
    // As the page's autosave sends it: multipart.
    const multipart = new FormData()
    for (const [k, v] of Object.entries({
      intent: 'autosave',
      version: await version(tenantId),
      ...secrets,
      'portIn.phoneNumber': '(415) 555-0199',
    }))
      for (const x of [v].flat()) multipart.append(k, x)
    const saved = await browser.post('/onboarding/number', multipart)
    expect(saved.status).toBe(200)
    bodies.push(await saved.text())
    const savedNoJs = await browser.post(
      '/onboarding/number',
      { intent: 'autosave', version: await version(tenantId), ...secrets, 'portIn.phoneNumber': '(415) 555-0199' },
      { js: false },
    )
    expect(savedNoJs.status).toBe(302)
    bodies.push(await savedNoJs.text(), await (await browser.get('/onboarding/number')).text())
    expect(bodies[1]).toContain('Enter the US number you want to move')
    for (const body of bodies) {
      expect(body).not.toContain(SECRET_ACCOUNT)
      expect(body).not.toContain(SECRET_PIN)
    }
  })

  it('5. a NUL byte in a text field (displayName=abc%00def, address.line1=a%00) is a field error, not a 500, in both modes', async () => {
    const { browser, tenantId } = await owner('unverified-mobile')
    const before = await sql`select display_name, address from ob_account where tenant_id = ${tenantId}`
    const address = {
      'address.line1': 'a\u0000',
      'address.city': 'New York',
      'address.state': 'NY',
      'address.zip': '10118',
    }
    const cases = [
      await browser.post('/onboarding/account', {
        intent: 'autosave',
        version: await version(tenantId),
        displayName: 'abc\u0000def',
      }),
      await browser.post('/onboarding/account', {
        intent: 'continue',
        version: await version(tenantId),
        displayName: 'abc\u0000def',
        vertical: 'electrical',
      }),
      await browser.post('/onboarding/account', { intent: 'autosave', version: await version(tenantId), ...address }),
      await browser.post(
        '/onboarding/account',
        { intent: 'continue', version: await version(tenantId), displayName: 'abc\u0000def', vertical: 'electrical' },
        { js: false },
      ),
    ]
    expect(cases.map((r) => r.status)).toEqual([400, 400, 400, 400])
    expect((await cases[0].json()).result.error.displayName[0]).toMatch(/characters/)
    expect((await cases[2].json()).result.error['address.line1'][0]).toMatch(/characters/)
    expect(await cases[3].text()).toMatch(/characters/)
    expect(await sql`select display_name, address from ob_account where tenant_id = ${tenantId}`).toEqual(before)
    const number = await onNumberPage()
    const stop = await number.browser.post('/onboarding/number', {
      intent: 'autosave',
      version: await version(number.tenantId),
      stopHelpText: 'Reply STOP or HELP\u0000 now',
    })
    expect(stop.status).toBe(400)
    expect((await stop.json()).result.error.stopHelpText[0]).toMatch(/characters/)
  })

  it('6. a correctly signed Stripe webhook with no customer answers 2xx with a reason and changes nothing', async () => {
    const payload = JSON.stringify({
      id: 'evt_1',
      object: 'event',
      type: 'customer.subscription.updated',
      data: { object: {} },
    })
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_local_fake' })
    const before = await sql`select count(*)::int as n from ob_event`
    const res = await fetch(`${web!.url}/webhooks/stripe`, {
      method: 'POST',
      body: payload,
      headers: { 'stripe-signature': signature, 'content-type': 'application/json' },
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ received: true, ignored: expect.stringMatching(/subscription/) })
    expect(await sql`select count(*)::int as n from ob_event`).toEqual(before)
    await web!.logged(/Stripe webhook evt_1 ignored/)
  })

  it('7. a 20 MB urlencoded body and a 19 MB multipart of small text parts get 413 with one line (the body read to its end, so the connection stays usable); a chunked one too', async () => {
    const { browser, tenantId } = await owner('unverified-mobile')
    const v = await version(tenantId)
    const huge = await browser.post('/onboarding/account', {
      intent: 'autosave',
      version: v,
      displayName: 'x'.repeat(20 * 1024 * 1024),
    })
    expect(huge.status).toBe(413)
    expect((await huge.text()).split('\n').filter(Boolean)).toHaveLength(1)
    const parts = new FormData()
    parts.set('intent', 'autosave')
    parts.set('version', v)
    for (let i = 0; i < 19 * 1024; i++) parts.append(`p${i}`, 'y'.repeat(1000))
    expect((await browser.post('/onboarding/account', parts)).status).toBe(413)
    // A form post a few kB beyond its largest field is refused by the page itself, with its own line.
    const big = await browser.post('/onboarding/account', {
      intent: 'autosave',
      version: v,
      displayName: 'Name '.repeat(8000),
    })
    expect(big.status).toBe(413)
    expect((await big.json()).message).toMatch(/too much/)
    // Without a Content-Length (chunked), the page stops reading at its limit.
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 100; i++)
          c.enqueue(new TextEncoder().encode(`intent=autosave&version=${v}&a${i}=${'z'.repeat(10_000)}&`))
        c.close()
      },
    })
    const chunked = await browser.send('/onboarding/account.data', {
      method: 'POST',
      body: stream,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: web!.url },
    })
    expect(chunked.status).toBe(413)
    expect((await sql`select display_name from ob_account where tenant_id = ${tenantId}`)[0].displayName).toBe(
      'Bright Spark Electric',
    )
  })

  it('8. a logo sent with a stale version is not decoded (409, not a picture error), and a refused save writes no file', async () => {
    const { browser, tenantId } = await owner('unverified-mobile')
    const stale = await version(tenantId)
    expect(
      (
        await browser.post('/onboarding/account', {
          intent: 'autosave',
          version: stale,
          displayName: 'Bright Spark Electric Co',
        })
      ).status,
    ).toBe(200)
    const logo = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#2a9d8f' } })
      .png()
      .toBuffer()
    const form = (v: string, extra: Record<string, string> = {}, picture: Buffer = logo) => {
      const f = new FormData()
      f.set('intent', 'autosave')
      f.set('version', v)
      for (const [k, value] of Object.entries(extra)) f.set(k, value)
      f.set('logo', new Blob([new Uint8Array(picture)], { type: 'image/png' }), 'logo.png')
      return f
    }
    const stored = readdirSync(uploads) // logos the Stripe prefill stored for earlier owners
    const notAPicture = await browser.post('/onboarding/account', form(stale, {}, Buffer.from('not a picture')))
    expect(notAPicture.status).toBe(409)
    const refused = await browser.post('/onboarding/account', form(await version(tenantId), { displayName: '' }))
    expect(refused.status).toBe(400)
    expect(readdirSync(uploads)).toEqual(stored)
    const accepted = await browser.post('/onboarding/account', form(await version(tenantId)))
    expect(accepted.status).toBe(200)
    expect(readdirSync(uploads)).toHaveLength(stored.length + 1)
  })

  it('9. cross-origin posts get 403: a page post from another site, a data post with the owner cookie, a sibling subdomain, the sign-in', async () => {
    const { browser, tenantId } = await owner('unverified-mobile')
    const v = await version(tenantId)
    const evil = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }
    const cases = [
      await browser.post(
        '/onboarding/account',
        { intent: 'autosave', version: v, displayName: 'Evil page' },
        { js: false, headers: evil },
      ),
      await browser.post(
        '/onboarding/account',
        { intent: 'autosave', version: v, displayName: 'Evil fetch' },
        { headers: evil },
      ),
      await browser.post(
        '/onboarding/account',
        { intent: 'autosave', version: v, displayName: 'Sibling' },
        { headers: { origin: 'https://shop.localhost', 'sec-fetch-site': 'same-site' } },
      ),
      await browser.post(
        '/onboarding/account',
        { intent: 'autosave', version: v, displayName: 'Null origin' },
        { headers: { origin: 'null' } },
      ),
      await browser.post('/dev/sign-in', { persona: 'verified' }, { js: false, headers: evil }),
    ]
    expect(cases.map((r) => r.status)).toEqual([403, 403, 403, 403, 403])
    expect((await sql`select display_name from ob_account where tenant_id = ${tenantId}`)[0].displayName).toBe(
      'Bright Spark Electric',
    )
    // Our own pages still post.
    expect(
      (await browser.post('/onboarding/account', { intent: 'autosave', version: v, displayName: 'Bright Spark' }))
        .status,
    ).toBe(200)
  })

  it('10. every response carries frame, content-security, referrer and nosniff headers: pages, data, assets, errors', async () => {
    const { browser } = await owner('unverified-mobile')
    const page = await browser.get('/onboarding/account')
    const html = await page.text()
    const asset = html.match(/\/assets\/[^"]+\.js/)![0]
    const responses = [
      page,
      await browser.data('/onboarding/account'),
      await browser.get(asset),
      await browser.get('/uploads/missing.png'),
      await browser.get('/no-such-page'),
    ]
    for (const res of responses) {
      expect(res.headers.get('x-frame-options')).toBe('DENY')
      expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/)
      expect(res.headers.get('referrer-policy')).toBe('same-origin')
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    }
    // Inline scripts run only with this response's nonce.
    const nonce = page.headers.get('content-security-policy')!.match(/'nonce-([^']+)'/)![1]
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1])
    expect(scripts.length).toBeGreaterThan(0)
    for (const attrs of scripts) expect(attrs).toContain(`nonce="${nonce}"`)
  })

  it('11. a connection kept alive and idle for 6 s still carries the next form post (no dropped request)', async () => {
    const { browser, tenantId } = await owner('unverified-mobile')
    const port = new URL(web!.url).port
    const socket = net.connect(Number(port), '127.0.0.1')
    let received = ''
    socket.on('data', (c) => (received += c))
    const closed = new Promise((r) => socket.once('close', r))
    const send = async (name: string) => {
      const body = `intent=autosave&version=${await version(tenantId)}&displayName=${name}`
      socket.write(
        `POST /onboarding/account.data HTTP/1.1\r\nHost: localhost:${port}\r\nCookie: ${browser.cookie}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\nConnection: keep-alive\r\n\r\n${body}`,
      )
    }
    await send('First')
    // The reply is chunked: its last chunk ends it.
    const answered = () => received.endsWith('\r\n0\r\n\r\n')
    for (let i = 0; i < 50 && !answered(); i++) await new Promise((r) => setTimeout(r, 100))
    expect(received).toMatch(/^HTTP\/1.1 200/)
    await new Promise((r) => setTimeout(r, 6000))
    received = ''
    await send('Second')
    for (let i = 0; i < 30 && !answered(); i++) await Promise.race([closed, new Promise((r) => setTimeout(r, 100))])
    expect(received).toMatch(/^HTTP\/1.1 200/)
    socket.destroy()
  }, 20_000)
})
