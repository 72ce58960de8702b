import { createDecipheriv } from 'node:crypto'
import { describe, expect, it, onTestFinished } from 'vitest'
import { connect } from '../../db/client.server'
import { fakesFor, hasBuild, startWeb, startWorker, type Browser } from '../setup/app'
import { freshDatabase } from '../setup/db'

// Page 3 through real HTTP: the built server, its worker, PostgreSQL, and the OAuth and Slack fakes.
const { url } = await freshDatabase()
const sql = connect(url)
const { env, fake } = await fakesFor()
const appEnv = { DATABASE_URL: url, ...env }
const web = hasBuild() ? await startWeb(appEnv) : null
if (web) startWorker(appEnv)
const oauth = fake('oauth')
const slack = fake('slack')

const DEV_KEY = Buffer.alloc(32, 7) // the dev/test PORT_IN_KEY (platform/env.server.ts)
const version = async (t: string) => String((await sql`select version from ob_flow where tenant_id = ${t}`)[0].version)
const row = async (t: string) => (await sql`select * from ob_calmsg where tenant_id = ${t}`)[0]
async function until<T>(what: string, probe: () => Promise<T | false | null | undefined>, ms = 30_000): Promise<T> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 150))) {
    const v = await probe()
    if (v) return v
  }
  throw new Error(`timed out waiting for ${what}`)
}

/** A new owner through Account and Number (a real purchase on the fake), on Page 3 with its defaults stored. */
async function onCalmsgPage() {
  const browser = await web!.browser().signIn('verified')
  const [{ tenantId: t }] = await sql`select tenant_id from ob_employee order by created_at desc limit 1`
  await until(
    'the Stripe prefill',
    async () => (await sql`select prefilled_at from ob_account where tenant_id = ${t}`)[0].prefilledAt,
  )
  await browser.post('/onboarding/account', {
    intent: 'continue',
    version: await version(t),
    displayName: 'Rivera Plumbing',
    vertical: 'plumbing',
  })
  const number = {
    areaCode: '415',
    'hours.start': '08:00',
    'hours.end': '18:00',
    'hours.weekends': 'off',
    'hours.custom': 'off',
    serviceRadiusMi: '15',
  }
  await browser.post('/onboarding/number', { intent: 'continue', version: await version(t), ...number })
  await until('a number', async () => (await sql`select e164 from ob_number where tenant_id = ${t}`)[0].e164)
  await browser.post('/onboarding/number', { intent: 'continue', version: await version(t), ...number })
  expect((await sql`select phase from ob_flow where tenant_id = ${t}`)[0].phase).toBe('CALMSG')
  expect((await browser.get('/onboarding/calmsg')).status).toBe(200)
  return { browser, t: t as string }
}

/** Connect -> the fake's consent page -> Allow or Deny -> the callback URL the fake redirects to. */
async function consent(browser: Browser, decision: 'allow' | 'deny') {
  const start = await browser.get('/onboarding/calmsg/connect')
  expect(start.status).toBe(302)
  const authorize = new URL(start.headers.get('location')!)
  expect(authorize.origin).toBe(oauth.url)
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256')
  expect(authorize.searchParams.get('scope')).toContain('https://www.googleapis.com/auth/calendar.events')
  const page = await fetch(authorize)
  expect(await page.text()).toContain('Allow')
  const decided = await fetch(`${oauth.url}/authorize/decision`, {
    method: 'POST',
    body: new URLSearchParams({ ...Object.fromEntries(authorize.searchParams), decision }),
    redirect: 'manual',
  })
  const callback = new URL(decided.headers.get('location')!)
  return `${callback.pathname}${callback.search}`
}

async function back(browser: Browser, callback: string) {
  const res = await browser.get(callback)
  expect(res.status).toBe(302)
  expect(res.headers.get('location')).toBe('/onboarding/calmsg#calendar')
  const page = await browser.get('/onboarding/calmsg')
  return (await page.text()).replaceAll('<!-- -->', '') // React's separators between text parts
}

/** AES-256-GCM as written down in platform/crypto.server.ts (v2:<key id>:<iv>:<tag>:<body>, the tenant and column as associated data), opened here independently. */
function openSealed(sealed: string, key: Buffer, aad: string) {
  const [, , iv, tag, body] = sealed.split(':')
  const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
  d.setAAD(Buffer.from(aad))
  d.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([d.update(Buffer.from(body, 'base64url')), d.final()]).toString('utf8')
}

describe.runIf(hasBuild())('Page 3: calendar, services and prices, alerts', () => {
  it('stores the trade defaults when first shown: three services at typical prices, the reply, the owner as alert contact', async () => {
    const { t } = await onCalmsgPage()
    const c = await row(t)
    expect(c.topServices).toEqual(['Drain cleaning', 'Water heater repair', 'Leak repair'])
    expect(c.priceRanges['Drain cleaning']).toEqual({ min: 150, max: 450, currency: 'USD' })
    expect(c.templates.title).toContain('{displayName}')
    expect(c.opsEmails).toHaveLength(1)
    expect(c.opsSms[0]).toMatch(/^\+1\d{10}$/)
    const [{ blockers }] = await sql`select (ob_state_calmsg(f)).blockers from ob_flow f where tenant_id = ${t}`
    expect(blockers).toEqual(['CONNECT_CALENDAR'])
  })

  it('merges partial saves: advanced fields keep the services; a new service gets its typical price, a dropped one loses its price', async () => {
    const { browser, t } = await onCalmsgPage()
    const saved = await browser.post('/onboarding/calmsg', {
      intent: 'autosave',
      version: await version(t),
      'buffers.beforeMin': '30',
      'buffers.afterMin': '0',
    })
    expect(saved.status).toBe(200)
    let c = await row(t)
    expect(c.buffers).toEqual({ beforeMin: 30, afterMin: 0 })
    expect(c.topServices).toHaveLength(3)
    expect(c.templates.title).toContain('{displayName}')
    await browser.post('/onboarding/calmsg', {
      intent: 'autosave',
      version: await version(t),
      'priceRanges.Drain cleaning.min': '',
      'priceRanges.Drain cleaning.max': '$1,200',
    })
    await browser.post('/onboarding/calmsg', {
      intent: 'autosave',
      version: await version(t),
      topServices: ['', 'Drain cleaning', 'Toilet repair'],
    })
    c = await row(t)
    expect(c.buffers).toEqual({ beforeMin: 30, afterMin: 0 })
    expect(c.priceRanges).toEqual({
      'Drain cleaning': { min: null, max: 1200, currency: 'USD' },
      'Toilet repair': { min: 120, max: 350, currency: 'USD' },
    })
  })

  it('refuses a 4th service, a reversed range, an unknown token and a foreign Slack link, and changes nothing', async () => {
    const { browser, t } = await onCalmsgPage()
    const before = await row(t)
    const bad: Record<string, string | string[]>[] = [
      { topServices: ['Drain cleaning', 'Leak repair', 'Toilet repair', 'Sewer line repair'] },
      { 'priceRanges.Leak repair.min': '900', 'priceRanges.Leak repair.max': '100' },
      { 'templates.title': 'Hi from {displayname}', 'templates.description': 'We call back. {hours}' },
      { slackWebhookUrl: 'https://hooks.slack.com.evil.example/services/T1/B2/x' },
      { slackWebhookUrl: 'http://hooks.slack.com/services/T1/B2/x' },
      { opsEmails: ['a@example.com', 'A@example.com'] },
      { revenuePromptsMins: '1e9' },
    ]
    for (const fields of bad) {
      for (const js of [true, false]) {
        const res = await browser.post(
          '/onboarding/calmsg',
          { intent: 'autosave', version: await version(t), ...fields },
          { js },
        )
        expect(res.status, JSON.stringify(fields)).toBe(400)
      }
    }
    const refused = await browser.post('/onboarding/calmsg', {
      intent: 'continue',
      version: await version(t),
      calendarProvider: 'google',
      topServices: ['a', 'b', 'c', 'd'],
    })
    expect(JSON.stringify(await refused.json())).toContain('Pick at most 3 services')
    expect(await row(t)).toEqual(before)
    expect((await sql`select phase from ob_flow where tenant_id = ${t}`)[0].phase).toBe('CALMSG')
  })

  it('connects through Allow: connected with the account and scopes; the refresh token sealed, never in the snapshot or the page', async () => {
    const { browser, t } = await onCalmsgPage()
    await oauth.switches({ email: 'maria@riveraplumbing.example' })
    const page = await back(browser, await consent(browser, 'allow'))
    expect(page).toContain('Connected as maria@riveraplumbing.example')
    const c = await row(t)
    expect(c).toMatchObject({
      calendarConnected: true,
      calendarAccountEmail: 'maria@riveraplumbing.example',
      calendarError: null,
      calendarOauthStateHash: null,
    })
    expect(c.calendarScopes).toContain('https://www.googleapis.com/auth/calendar.events')
    expect(c.calendarRefreshToken).toMatch(/^v2:[0-9a-f]{8}:/)
    expect(c.calendarRefreshToken).not.toContain('fake')
    const token = openSealed(c.calendarRefreshToken, DEV_KEY, `${t}:ob_calmsg.calendar_refresh_token`)
    expect(token).toMatch(/^1\/\/fake-/)
    expect(() =>
      openSealed(c.calendarRefreshToken, Buffer.alloc(32, 8), `${t}:ob_calmsg.calendar_refresh_token`),
    ).toThrow()
    expect(() =>
      openSealed(c.calendarRefreshToken, DEV_KEY, `${crypto.randomUUID()}:ob_calmsg.calendar_refresh_token`),
    ).toThrow()
    const [{ snapshot }] = await sql`select snapshot from ob_snapshot where tenant_id = ${t}`
    expect(snapshot.calmsg).toMatchObject({
      calendarConnected: true,
      calendarAccountEmail: 'maria@riveraplumbing.example',
    })
    expect(JSON.stringify(snapshot)).not.toContain(token)
    expect(JSON.stringify(snapshot)).not.toContain(c.calendarRefreshToken)
    expect(page).not.toContain(token)
    const [{ blockers }] = await sql`select (ob_state_calmsg(f)).blockers from ob_flow f where tenant_id = ${t}`
    expect(blockers).toEqual([])
    await oauth.reset()
  })

  it('Deny, a forged state, a replayed callback, an expired attempt, an expired code and a failing token endpoint: one line each, never connected', async () => {
    const { browser, t } = await onCalmsgPage()
    const expectProblem = async (page: string, line: string) => {
      expect(page).toContain(line)
      expect((await row(t)).calendarConnected).toBe(false)
    }
    await expectProblem(await back(browser, await consent(browser, 'deny')), 'You pressed Deny')
    await expectProblem(
      await back(browser, '/onboarding/calmsg/callback?code=abc&state=forged'),
      'could not be matched',
    )

    // Replay: a callback that worked once, used again after Disconnect, connects nothing.
    const callback = await consent(browser, 'allow')
    await back(browser, callback)
    expect((await row(t)).calendarConnected).toBe(true)
    await browser.post('/onboarding/calmsg', { intent: 'disconnect', version: await version(t) })
    expect(await row(t)).toMatchObject({
      calendarConnected: false,
      calendarRefreshToken: null,
      calendarAccountEmail: null,
    })
    await expectProblem(await back(browser, callback), 'could not be matched')

    // Our own window: an attempt older than 10 minutes is not exchanged at all.
    const late = await consent(browser, 'allow')
    await sql`update ob_calmsg set calendar_oauth_started_at = now() - interval '11 minutes' where tenant_id = ${t}`
    const exchanged = (await oauth.counters()).exchanged ?? 0
    await expectProblem(await back(browser, late), 'took too long')
    expect((await oauth.counters()).exchanged ?? 0).toBe(exchanged)

    await oauth.switches({ codeTtlMs: 0 })
    await expectProblem(await back(browser, await consent(browser, 'allow')), 'took too long')
    await oauth.reset()
    await oauth.switches({ tokenStatus: 500 })
    await expectProblem(await back(browser, await consent(browser, 'allow')), 'Google did not answer')
    await oauth.reset()
    const [{ count }] =
      await sql`select count(*)::int from ob_event where tenant_id = ${t} and event_type = 'calendar.failed'`
    expect(count).toBe(6)
  })

  it('Google down when the owner presses Connect: one line on the page, nothing half-started', async () => {
    // The same app and database, with an issuer nothing answers on (the discard port).
    const down = await startWeb({ ...appEnv, OAUTH_ISSUER: 'http://127.0.0.1:9' })
    onTestFinished(() => down.stop()) // (afterAll, from inside a test, would never run)
    const { browser, t } = await onCalmsgPage()
    const there = down.browser()
    there.cookie = browser.cookie // the same session: both servers sign with the same secret
    const res = await there.get('/onboarding/calmsg/connect')
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/onboarding/calmsg#calendar')
    expect(await row(t)).toMatchObject({
      calendarConnected: false,
      calendarError: 'provider',
      calendarOauthStateHash: null,
    })
    expect((await (await there.get('/onboarding/calmsg')).text()).replaceAll('<!-- -->', '')).toContain(
      'Google did not answer',
    )
  })

  it("another owner's callback (their code and state) does nothing to either tenant", async () => {
    const a = await onCalmsgPage()
    const b = await onCalmsgPage()
    const callbackOfA = await consent(a.browser, 'allow')
    await back(b.browser, callbackOfA)
    expect(await row(b.t)).toMatchObject({ calendarConnected: false, calendarError: 'state' })
    expect((await row(a.t)).calendarConnected).toBe(false)
    // A's own attempt is still whole: it finishes for A.
    expect(await back(a.browser, callbackOfA)).toContain('Connected as owner@example.com')
  })

  it('Continue with the defaults and no calendar connected is "connect it later": one click to Page 4', async () => {
    for (const js of [true, false]) {
      const { browser, t } = await onCalmsgPage()
      const c = await row(t)
      const res = await browser.post(
        '/onboarding/calmsg',
        {
          intent: 'continue',
          version: await version(t),
          calendarProvider: 'google',
          topServices: ['', ...c.topServices],
          ...Object.fromEntries(
            c.topServices.flatMap((s: string) => [
              [`priceRanges.${s}.min`, String(c.priceRanges[s].min)],
              [`priceRanges.${s}.max`, String(c.priceRanges[s].max)],
            ]),
          ),
        },
        { js },
      )
      expect(res.status).toBeLessThan(400)
      expect((await sql`select phase from ob_flow where tenant_id = ${t}`)[0].phase).toBe('A2P')
      expect((await row(t)).calendarLaterAt).not.toBeNull()
    }
  })

  it('"Send a test message" goes through the slack_test_message job to the Slack fake, with one line for each outcome', async () => {
    const { browser, t } = await onCalmsgPage()
    const noLink = await browser.post('/onboarding/calmsg', { intent: 'slackTest', version: await version(t) })
    expect(JSON.stringify(await noLink.json())).toContain('Paste your Slack link first')
    const link = 'https://hooks.slack.com/services/T0001/B0001/abcdef'
    await browser.post('/onboarding/calmsg', { intent: 'autosave', version: await version(t), slackWebhookUrl: link })
    const pressed = await browser.post('/onboarding/calmsg', { intent: 'slackTest', version: await version(t) })
    expect(pressed.status).toBe(200)
    expect((await row(t)).slackTestResult).toBe('pending')
    await until('the test sent', async () => (await row(t)).slackTestResult === 'sent')
    expect((await slack.counters())['posted:/services/T0001/B0001/abcdef']).toBe(1)
    expect(await (await browser.get('/onboarding/calmsg')).text()).toContain('Test message sent')
    await slack.switches({ status: 404 })
    await browser.post('/onboarding/calmsg', { intent: 'slackTest', version: await version(t) })
    await until('the refusal', async () => (await row(t)).slackTestResult === 'refused')
    expect(await (await browser.get('/onboarding/calmsg')).text()).toContain('Slack refused the test')
    await slack.switches({ status: 500 })
    await browser.post('/onboarding/calmsg', { intent: 'slackTest', version: await version(t) })
    await until('Slack down', async () => (await row(t)).slackTestResult === 'unreachable')
    expect(await (await browser.get('/onboarding/calmsg')).text()).toContain('Slack did not answer')
    await slack.reset()
    // Emptying the field removes the link.
    await browser.post('/onboarding/calmsg', { intent: 'autosave', version: await version(t), slackWebhookUrl: '' })
    expect((await row(t)).slackWebhookUrl).toBeNull()
  })

  it('14. a business named "Acme <!channel> & Co" pings nobody: its name reaches Slack escaped; the link is stored sealed and stays out of the snapshot', async () => {
    const { browser, t } = await onCalmsgPage()
    await sql`update ob_account set display_name = 'Acme <!channel> & Co' where tenant_id = ${t}`
    const link = 'https://hooks.slack.com/services/T0002/B0002/ghijkl'
    expect(
      (
        await browser.post('/onboarding/calmsg', {
          intent: 'autosave',
          version: await version(t),
          slackWebhookUrl: link,
        })
      ).status,
    ).toBe(200)
    const stored = (await row(t)).slackWebhookUrl as string
    expect(stored).toMatch(/^v2:[0-9a-f]{8}:/)
    expect(stored).not.toContain('hooks.slack.com')
    expect(await (await browser.get('/onboarding/calmsg')).text()).toContain(link) // its owner sees it
    await browser.post('/onboarding/calmsg', { intent: 'slackTest', version: await version(t) })
    await until('the test sent', async () => (await row(t)).slackTestResult === 'sent')
    const texts = Object.keys(await slack.counters()).filter((k) => k.startsWith('text:'))
    expect(texts).toContain(
      'text:Test from Acme &lt;!channel&gt; &amp; Co: missed-call alerts will show up in this channel.',
    )
    expect(texts.join()).not.toContain('<!channel>')
    const [{ snapshot }] = await sql`select snapshot from ob_snapshot where tenant_id = ${t}`
    expect(snapshot.calmsg.slackAlerts).toBe(true)
    expect(JSON.stringify(snapshot)).not.toContain('hooks.slack.com')
    expect(JSON.stringify(snapshot)).not.toContain(stored)
  })
})
