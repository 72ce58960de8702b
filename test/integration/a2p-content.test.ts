import { describe, expect, it } from 'vitest'
import { connect } from '../../db/client.server'
import { fakesFor, hasBuild, startWeb, startWorker } from '../setup/app'
import { freshDatabase } from '../setup/db'
import { html, pressed, walkToRegistration, where } from '../setup/walk'

// Issue 19, part 5, end to end over HTTP without JavaScript: the website check reads what the
// owner's pages say, the page shows one line per failed check with the hosted pages as the Fix,
// Submit is refused until then, and the hosted pages clear every line.
const { url } = await freshDatabase()
const sql = connect(url)
const { env, fake } = await fakesFor()
const sites = fake('sites')
const appEnv = { DATABASE_URL: url, ...env }
const web = hasBuild() ? await startWeb(appEnv) : null
if (hasBuild()) startWorker({ ...appEnv, APP_URL: web!.url })

const lines = (page: string) => [...page.matchAll(/data-blocker="([A-Z_]+)"/g)].map((m) => m[1])

describe.runIf(hasBuild())("what the owner's pages say", { timeout: 90_000 }, () => {
  it('a privacy page that allows sharing and terms without rates: two lines, Submit refused, the hosted pages fix both', async () => {
    await sites.switches({
      sites: {
        'riveraplumbing.example': {
          privacyHtml: '<p>We may share your mobile information with our partners with your consent.</p>',
          termsHtml:
            '<p>Rivera Plumbing texts. Message frequency varies.</p><p>Reply STOP to cancel. Help: support@riveraplumbing.example</p>',
        },
      },
    })
    const owner = `c-${crypto.randomUUID().slice(0, 8)}`
    const b = await web!.browser().signIn('verified', owner)
    const t = await walkToRegistration(sql, b, owner)
    const page = await html(b, '/onboarding/a2p')
    expect(lines(page)).toEqual(['PRIVACY_SHARES_DATA', 'TERMS_RATES_MISSING'])
    expect(page).toContain('Your privacy policy must say mobile numbers and opt-in data are never shared or sold.')
    expect(page).toContain('value="useHostedPolicy"')
    expect(page).toMatch(/<details id="advanced" open=""/)

    const refused = await b.post('/onboarding/a2p', await pressed(b, 'a2p'), { js: false })
    expect(refused.status).not.toBe(302)
    expect((await sql`select submitted_at from ob_a2p where tenant_id = ${t}`)[0].submittedAt).toBeNull()

    expect(where(await b.post('/onboarding/a2p', await pressed(b, 'a2p', 'useHostedPolicy'), { js: false }))).toBe(
      '302 /onboarding/a2p',
    )
    expect(lines(await html(b, '/onboarding/a2p'))).toEqual([])
    expect(where(await b.post('/onboarding/a2p', await pressed(b, 'a2p'), { js: false }))).toBe('302 /onboarding/a2p')
    expect((await sql`select submission_count from ob_a2p where tenant_id = ${t}`)[0].submissionCount).toBe(1)
  })

  it("Submit's rules across fields are SQL's: a Standard brand without its EIN, a sole proprietor with one, the website's domain left out of the link domains: 422, each line on its field, nothing saved or sent", async () => {
    await sites.reset()
    const owner = `c-${crypto.randomUUID().slice(0, 8)}`
    const b = await web!.browser().signIn('verified', owner)
    const t = await walkToRegistration(sql, b, owner)
    const form = await pressed(b, 'a2p')
    const submit = async (fields: Record<string, string | null>) => {
      const body = new URLSearchParams(form)
      for (const [name, value] of Object.entries(fields)) value === null ? body.delete(name) : body.set(name, value)
      const res = await b.post('/onboarding/a2p', body)
      return { status: res.status, reply: await res.json() }
    }
    // An owner with no EIN stored (an empty field sends nothing, so the row is set as a first visit leaves it).
    await sql`update ob_a2p set tax_id = null where tenant_id = ${t}`
    const noEin = await submit({ brandType: 'STANDARD', taxId: null })
    expect(noEin.status).toBe(422)
    expect(noEin.reply.result.error).toEqual({ taxId: ['Add your EIN.'] })
    expect(noEin.reply.message).toMatch(/^Fix the lines above first/)
    const soleWithEin = await submit({ brandType: 'SOLE_PROP', taxId: '12-3456789' })
    expect(soleWithEin.status).toBe(422)
    expect(soleWithEin.reply.result.error.brandType).toEqual([
      'You have an EIN, so register as a business (Standard), not a sole proprietor.',
    ])
    const otherDomain = await submit({ linkDomains: 'elsewhere.example' })
    expect(otherDomain.status).toBe(422)
    expect(otherDomain.reply.result.error).toEqual({
      linkDomains: ["List your website's domain (and any domain your samples link to) under link domains."],
    })
    // The refused Submits rolled back with what they carried: the row is as it was, nothing went out.
    expect(
      (await sql`select brand_type, tax_id, link_domains, submitted_at from ob_a2p where tenant_id = ${t}`)[0],
    ).toEqual({
      brandType: 'STANDARD',
      taxId: null,
      linkDomains: ['riveraplumbing.example'],
      submittedAt: null,
    })
    expect(await sql`select 1 from graphile_worker.jobs where key like ${`ob:a2p:%${t}%`}`).toEqual([])
  })

  it('samples with a shortener written bare and "emergency alert" wording, a gmail contact: one line each, where they are fixed; after a rejection the fee of resubmitting', async () => {
    await sites.reset()
    const owner = `c-${crypto.randomUUID().slice(0, 8)}`
    const b = await web!.browser().signIn('verified', owner)
    const t = await walkToRegistration(sql, b, owner)
    await sql`update ob_a2p set sample_messages = ${['Rivera Plumbing & Heating EMERGENCY ALERT: book at bit.ly/rvr. Reply STOP to opt out.', 'Rivera Plumbing & Heating: a plumber can come Tue 9am. Reply STOP to opt out.']},
      authorized_contact = authorized_contact || ${sql.json({ email: 'maria.rivera@gmail.com' })} where tenant_id = ${t}`
    const page = await html(b, '/onboarding/a2p')
    expect(lines(page)).toEqual(['SHORTENER_LINK', 'EMERGENCY_ALERT_WORDING', 'CONTACT_FREE_MAIL'])
    expect(page).toMatch(/<details id="authorizedContact" open=""/)
    expect(page).not.toContain('data-testid="resubmit-fee"')

    // Turned down, with a check still failing: the page says the next review may be charged.
    await sql`update ob_a2p set submitted_at = now(), submission_count = 1, campaign_phase = 'REJECTED', reason_step = 'campaign', reason_code = '30929' where tenant_id = ${t}`
    expect(await html(b, '/onboarding/a2p')).toContain(
      'Fix the lines above before you resubmit: a resubmission may cost $15.',
    )
    await sql`update ob_a2p set sample_messages = ${['Rivera Plumbing & Heating: sorry we missed your call! Reply STOP to opt out.', 'Rivera Plumbing & Heating: a plumber can come Tue 9am. Reply STOP to opt out.']},
      authorized_contact = authorized_contact || ${sql.json({ email: 'maria@riveraplumbing.example' })} where tenant_id = ${t}`
    const fixed = await html(b, '/onboarding/a2p')
    expect(lines(fixed)).toEqual([])
    expect(fixed).not.toContain('data-testid="resubmit-fee"')
  })
})
