import { describe, expect, it } from 'vitest'
import { connect } from '../../db/client.server'
import { fakesFor, hasBuild, startWeb, startWorker } from '../setup/app'
import { freshDatabase } from '../setup/db'
import { until } from '../setup/wait'
import { html, pressed, tenantOf as tenantOfOwner, where } from '../setup/walk'

// Issue 18, item 18: a no-JS owner pressed Continue on Services with the defaults and stayed there
// with "Saved". Reproduced by a double click: the browser sends the form twice, the first post saves
// and moves on (its redirect's cookie carries the "Saved" flash), the second carries the same version
// and was refused as "changed in another tab", so the page stayed with both lines. Here every
// page's button is pressed twice, as such a browser does, through real HTTP, a real worker and fakes.
const { url } = await freshDatabase()
const sql = connect(url)
const { env, fake } = await fakesFor()
const appEnv = { DATABASE_URL: url, ...env }
const web = hasBuild() ? await startWeb(appEnv) : null
if (web) startWorker(appEnv)

const tenantOf = (owner: string) => tenantOfOwner(sql, owner)
const events = async (t: string, type: string) =>
  Number((await sql`select count(*) from ob_event where tenant_id = ${t} and event_type = ${type}`)[0].count)

describe.runIf(hasBuild())('a button pressed twice without JavaScript', () => {
  it('18. Continue on Services pressed twice (a double click) goes on to the registration both times, and saves once', async () => {
    await fake('a2p').switches({ approveInstantly: true })
    const owner = `r-${crypto.randomUUID().slice(0, 8)}`
    const b = await web!.browser().signIn('verified', owner)
    const t = await tenantOf(owner)
    await until(
      'the prefill',
      async () => !(await html(b, '/onboarding/account')).includes('Fetching your business details'),
    )
    expect(where(await b.post('/onboarding/account', await pressed(b, 'account'), { js: false }))).toBe(
      '302 /onboarding/number',
    )
    expect(where(await b.post('/onboarding/number', await pressed(b, 'number'), { js: false }))).toBe(
      '302 /onboarding/number',
    )
    await until('the number', async () => (await html(b, '/onboarding/number')).includes('data-testid="number-banner"'))
    expect(where(await b.post('/onboarding/number', await pressed(b, 'number'), { js: false }))).toBe(
      '302 /onboarding/calmsg',
    )

    const services = await pressed(b, 'calmsg')
    const first = await b.post('/onboarding/calmsg', services, { js: false })
    const second = await b.post('/onboarding/calmsg', services, { js: false })
    expect(where(first)).toBe('302 /onboarding/a2p')
    expect(where(second)).toBe('302 /onboarding/a2p')
    expect(await events(t, 'calmsg.saved')).toBe(1)
    expect(await html(b, '/onboarding/a2p')).not.toContain('changed in another tab')

    // The owner checks everything before it finishes (else the approval finishes by itself).
    const choice = await pressed(b, 'finalize', 'reviewFirst')
    choice.set('reviewFirst', 'on')
    expect(where(await b.post('/onboarding/finalize', choice, { js: false }))).toBe('302 /onboarding/finalize')

    // The registration's Submit, both posts at once: one submission to the carriers.
    await until(
      'the website check',
      async () => !(await html(b, '/onboarding/a2p')).includes('data-blocker="WEBSITE_CHECKING"'),
    )
    const submit = await pressed(b, 'a2p')
    const both = await Promise.all([
      b.post('/onboarding/a2p', submit, { js: false }),
      b.post('/onboarding/a2p', submit, { js: false }),
    ])
    expect(both.map(where)).toEqual(['302 /onboarding/a2p', '302 /onboarding/a2p'])
    expect(Number((await sql`select submission_count from ob_a2p where tenant_id = ${t}`)[0].submissionCount)).toBe(1)
    await until('texting enabled', async () => (await html(b, '/onboarding/a2p')).includes('Texting enabled'))
    expect(where(await b.post('/onboarding/a2p', await pressed(b, 'a2p'), { js: false }))).toBe(
      '302 /onboarding/finalize',
    )

    // Finish twice: the second finds it done and leads to the same place.
    const finish = await pressed(b, 'finalize', 'finish')
    expect(where(await b.post('/onboarding/finalize', finish, { js: false }))).toBe(
      '302 /onboarding/finalize?dashboard',
    )
    expect(where(await b.post('/onboarding/finalize', finish, { js: false }))).toBe(
      '302 /onboarding/finalize?dashboard',
    )
  })

  it('a different form from the same version (another tab) is still a conflict, and changes nothing', async () => {
    const owner = `r-${crypto.randomUUID().slice(0, 8)}`
    const b = await web!.browser().signIn('verified', owner)
    const t = await tenantOf(owner)
    await until(
      'the prefill',
      async () => !(await html(b, '/onboarding/account')).includes('Fetching your business details'),
    )
    const tabA = await pressed(b, 'account', 'autosave')
    const tabB = new URLSearchParams(tabA)
    tabA.set('displayName', 'Tab A Plumbing')
    tabB.set('displayName', 'Tab B Plumbing')
    expect((await b.post('/onboarding/account', tabA, { js: false })).status).toBe(302)
    expect((await b.post('/onboarding/account', tabB, { js: false })).status).toBe(409)
    expect((await sql`select display_name from ob_account where tenant_id = ${t}`)[0].displayName).toBe(
      'Tab A Plumbing',
    )
    // The same form again two minutes later is not a double click any more.
    await sql`update ob_event set ts = ts - interval '3 minutes' where tenant_id = ${t}`
    expect((await b.post('/onboarding/account', tabA, { js: false })).status).toBe(409)
  })

  it('a tab reloaded while its own autosave was on its way is not "another tab"; another tab, or no tab named, still is', async () => {
    const owner = `r-${crypto.randomUUID().slice(0, 8)}`
    const b = await web!.browser().signIn('verified', owner)
    const t = await tenantOf(owner)
    await until(
      'the prefill',
      async () => !(await html(b, '/onboarding/account')).includes('Fetching your business details'),
    )
    const form = await pressed(b, 'account', 'autosave')
    const version = form.get('version')!
    const [tab, other] = [crypto.randomUUID(), crypto.randomUUID()]
    const autosave = (fields: Record<string, string>, o: { tab?: string; from?: string } = {}) =>
      b.post('/onboarding/account', {
        intent: 'autosave',
        version: o.from ?? version,
        ...(o.tab && { tab: o.tab }),
        ...fields,
      })
    // The save in flight when the page reloaded, then the reloaded page's first save from the version it read before.
    expect((await autosave({ displayName: 'Rivera Plumbing One' }, { tab })).status).toBe(200)
    expect((await autosave({ brandColor: '#1d4ed8' }, { tab })).status).toBe(200)
    expect((await sql`select display_name, brand_color from ob_account where tenant_id = ${t}`)[0]).toEqual({
      displayName: 'Rivera Plumbing One',
      brandColor: '#1d4ed8',
    })
    // Another tab, or a post naming none, from that old version: the other tab's change stays.
    expect((await autosave({ displayName: 'Other Tab Plumbing' }, { tab: other })).status).toBe(409)
    expect((await autosave({ displayName: 'No Tab Plumbing' })).status).toBe(409)
    expect((await autosave({ displayName: 'Not A Uuid Plumbing' }, { tab: 'x'.repeat(36) })).status).toBe(409)
    for (const bad of [`${tab}\u0000`, tab.repeat(300), `${tab.slice(0, 35)}'`])
      expect((await autosave({ displayName: 'Bad Tab Plumbing' }, { tab: bad })).status).toBe(409)
    // 100 kB of it: more than any page takes, refused before it is read.
    expect((await autosave({ displayName: 'Huge Tab Plumbing' }, { tab: tab.repeat(3000) })).status).toBe(413)
    // Once another tab has saved in between, this tab's old version is stale too.
    const now = String((await sql`select version from ob_flow where tenant_id = ${t}`)[0].version)
    expect((await autosave({ displayName: 'Other Tab Plumbing' }, { tab: other, from: now })).status).toBe(200)
    expect((await autosave({ brandColor: '#aa0000' }, { tab, from: now })).status).toBe(409)
    expect((await sql`select display_name, brand_color from ob_account where tenant_id = ${t}`)[0]).toEqual({
      displayName: 'Other Tab Plumbing',
      brandColor: '#1d4ed8',
    })
  })
})
