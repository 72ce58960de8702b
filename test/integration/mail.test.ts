import { describe, expect, it } from 'vitest'
import { copyTenant, prepareTarget } from '../../copier/copy'
import { connect } from '../../db/client.server'
import { fakesFor, hasBuild, startWeb, startWorker } from '../setup/app'
import { emptyDatabase, freshDatabase, loginIn } from '../setup/db'
import { until } from '../setup/wait'
import { html, pressed, walkToRegistration, where } from '../setup/walk'

// Issue 19, parts 1 and 2: the owner is told by mail at each step, and onboarding finishes by
// itself once carriers approve. Real HTTP to the built server, real workers, the A2P fake and the
// SMTP fake (a real SMTP server); no browser after Submit.
const { url } = await freshDatabase()
const sql = connect(url)
const { env, fake } = await fakesFor()
const a2p = fake('a2p')
const mail = fake('mail')
const appEnv = { DATABASE_URL: url, ...env, A2P_REFRESH_SECONDS: '0.2' }
const web = hasBuild() ? await startWeb(appEnv) : null
const workerEnv = { ...appEnv, APP_URL: web?.url ?? 'http://localhost' }
const workers = hasBuild() ? [startWorker(workerEnv), startWorker(workerEnv)] : []

type Sent = {
  to: string[]
  subject: string
  text: string
  html: string
  links: string[]
  messageId: string
  headers: Record<string, string>
}
const inbox = async (to: string) =>
  ((await (await fetch(`${mail.url}/__fake/messages`)).json()) as { messages: Sent[] }).messages.filter((m) =>
    m.to.includes(to),
  )
const phase = async (t: string) => (await sql`select phase from ob_flow where tenant_id = ${t}`)[0].phase as string
const mails = async (t: string) =>
  (await sql`select key, state, to_email from ob_mail where tenant_id = ${t} order by queued_at, key`).map(
    (r) => `${r.key}:${r.state}`,
  )
const OWNER_EMAIL = 'maria@riveraplumbing.example'

async function submitted(owner = `m-${crypto.randomUUID().slice(0, 8)}`, persona = 'verified') {
  const b = await web!.browser().signIn(persona, owner)
  const t = await walkToRegistration(sql, b, owner)
  return { b, t, submit: async () => where(await b.post('/onboarding/a2p', await pressed(b, 'a2p'), { js: false })) }
}

describe.runIf(hasBuild())('mail to the owner, and finishing by itself', { timeout: 90_000 }, () => {
  it('an owner who submits and never comes back: Submitted and Approved mails, once each with two workers, onboarding finishes on approval and the copier copies it', async () => {
    await a2p.switches({ approveInstantly: true })
    const { t, submit } = await submitted()
    await mail.reset()
    expect(await submit()).toBe('302 /onboarding/a2p')
    // No browser from here on: approval moves the tenant to FINALIZE in the transaction that records it.
    await until('FINALIZE', async () => (await phase(t)) === 'FINALIZE')
    const target = connect(await emptyDatabase())
    await prepareTarget(target)
    expect(await copyTenant(connect(await loginIn(url, 'ob_copier')), target, t)).toBe(true)
    expect(await phase(t)).toBe('COMPLETE')
    await until('both mails sent', async () => (await mails(t)).join() === 'submitted:1:sent,approved:sent')
    const got = await inbox(OWNER_EMAIL)
    expect(got.map((m) => m.subject)).toEqual([
      'Rivera Plumbing & Heating: your texting registration is in',
      'Rivera Plumbing & Heating: texting is on and your setup is complete',
    ])
    for (const m of got) {
      expect(m.links.every((l) => l.startsWith(web!.url))).toBe(true)
      expect(m.html).toContain('<a href=')
      expect(m.text).not.toMatch(/sk_|whsec_|v2:/)
    }
    expect(got[0].text).toContain('at least two days')
  })

  it('an owner who chose Spanish on the pages gets the mails in Spanish, and the rejection reason too', async () => {
    await a2p.reset()
    await a2p.switches({ approveInstantly: true, rejectCampaign: '30896' })
    const { b, t, submit } = await submitted()
    expect((await b.post('/language', { lng: 'es', back: '/onboarding/a2p' }, { js: false })).status).toBe(303)
    await mail.reset()
    expect(await submit()).toBe('302 /onboarding/a2p')
    await until('the rejection mail', async () => (await mails(t)).includes('rejected:1:sent'))
    const got = await inbox(OWNER_EMAIL)
    expect(got.map((m) => m.subject)).toEqual([
      'Rivera Plumbing & Heating: su registro para textos está enviado',
      'Rivera Plumbing & Heating: las operadoras rechazaron su registro para textos',
    ])
    expect(got[0].text).toMatch(/^Hola, Maria:/)
    expect(got[0].html).toContain('<html lang="es">')
    expect(got[1].text).toContain('Su sitio web necesita una política de privacidad y términos de SMS')
    expect(got[1].links).toContain(`${web!.url}/onboarding/a2p#hostedPolicy`)
  })

  it('a sole proprietor gets the code mail with the masked mobile and no code', async () => {
    await a2p.reset()
    await a2p.switches({ approveInstantly: true })
    const { b, t, submit } = await submitted()
    await sql`update ob_a2p set brand_type = 'SOLE_PROP', tax_id = null, stripe_tax_id_provided = false, legal_business_name = 'Maria Rivera' where tenant_id = ${t}`
    await mail.reset()
    const sent = await submit()
    expect(sent, await html(b, '/onboarding/a2p').then((p) => p.match(/data-blocker="[A-Z_]+"/g)?.join())).toBe(
      '302 /onboarding/a2p',
    )
    await until('the code mail', async () => (await mails(t)).includes('otp:1:sent'))
    const [code] = (await inbox(OWNER_EMAIL)).filter((m) => m.subject.includes('confirm the code'))
    expect(code.text).toContain('(xxx) xxx-0123')
    expect(code.text).not.toMatch(/\b\d{6}\b/)
    expect(code.links).toContain(`${web!.url}/onboarding/a2p#otp`)
    expect(await phase(t)).toBe('A2P')
  })

  it('a rejection mail gives the one-line reason and a link that opens the field to fix', async () => {
    await a2p.reset()
    await a2p.switches({ approveInstantly: true, rejectCampaign: '30896' })
    const { t, submit } = await submitted()
    await mail.reset()
    expect(await submit()).toBe('302 /onboarding/a2p')
    await until('the rejection mail', async () => (await mails(t)).includes('rejected:1:sent'))
    const [rejected] = (await inbox(OWNER_EMAIL)).filter((m) => m.subject.includes('turned down'))
    expect(rejected.text).toContain('Your website needs a privacy policy and SMS terms')
    expect(rejected.links).toContain(`${web!.url}/onboarding/a2p#hostedPolicy`)
    expect(await phase(t)).toBe('A2P')
  })

  it('SMTP down: the registration goes on and finishes; the mails arrive once the server is back, once each', async () => {
    await a2p.reset()
    await a2p.switches({ approveInstantly: true })
    const { t, submit } = await submitted()
    await mail.reset()
    await mail.switches({ down: true })
    expect(await submit()).toBe('302 /onboarding/a2p')
    await until('FINALIZE', async () => (await phase(t)) === 'FINALIZE')
    expect(await mails(t)).toEqual(['submitted:1:queued', 'approved:queued'])
    await mail.switches({ down: false })
    await until('both mails sent', async () => (await mails(t)).join() === 'submitted:1:sent,approved:sent', 60_000)
    expect((await inbox(OWNER_EMAIL)).length).toBe(2)
  })

  it('an address refused for good is recorded once, not retried, and the summary says so in one line', async () => {
    await a2p.reset()
    await a2p.switches({ readsToDecide: 1000 })
    const { b, t, submit } = await submitted()
    await mail.reset()
    await mail.switches({ refuse: [OWNER_EMAIL] })
    expect(await submit()).toBe('302 /onboarding/a2p')
    await until('the refusal', async () => (await mails(t)).includes('submitted:1:refused'))
    expect((await mail.counters()).refused).toBe(1)
    const summary = await html(b, '/onboarding/finalize')
    expect(summary).toContain(`We could not email you at ${OWNER_EMAIL}`)
    // Only the carriers' answer is left: the summary says setup finishes by itself.
    expect(summary).toContain('Your setup will finish by itself when carriers approve')
    await mail.reset()
  })

  it('"let me check first" keeps the tenant in A2P after approval, and the approved mail says one click is left', async () => {
    await a2p.reset()
    await a2p.switches({ approveInstantly: true })
    const { b, t, submit } = await submitted()
    const choice = await pressed(b, 'finalize', 'reviewFirst')
    choice.set('reviewFirst', 'on')
    expect(where(await b.post('/onboarding/finalize', choice, { js: false }))).toBe('302 /onboarding/finalize')
    await mail.reset()
    expect(await submit()).toBe('302 /onboarding/a2p')
    await until('the approved mail', async () => (await mails(t)).includes('approved:sent'))
    expect(await phase(t)).toBe('A2P')
    const [approved] = (await inbox(OWNER_EMAIL)).filter((m) => m.subject.includes('texting is on'))
    expect(approved.subject).toContain('one click left')
    expect(where(await b.post('/onboarding/finalize', await pressed(b, 'finalize', 'finish'), { js: false }))).toBe(
      '302 /onboarding/finalize?dashboard',
    )
    expect(await phase(t)).toBe('FINALIZE')
  })
})

describe.runIf(hasBuild())('a worker killed while sending', { timeout: 90_000 }, () => {
  it('after the SMTP server accepted the mail, before we recorded it: sent again by the next worker, one duplicate with the same Message-ID', async () => {
    await a2p.reset()
    await a2p.switches({ readsToDecide: 1000 })
    const { t, submit } = await submitted()
    await mail.reset()
    await mail.switches({ slowMs: 8000 })
    expect(await submit()).toBe('302 /onboarding/a2p')
    await until('the server has the mail', async () => (await inbox(OWNER_EMAIL)).length === 1)
    await Promise.all(workers.splice(0).map((w) => w.stop('SIGKILL')))
    expect(await mails(t)).toEqual(['submitted:1:queued'])
    await mail.switches({ slowMs: 0 })
    workers.push(startWorker(workerEnv))
    await until('the mail recorded as sent', async () => (await mails(t)).includes('submitted:1:sent'), 60_000)
    const got = await inbox(OWNER_EMAIL)
    expect(got).toHaveLength(2)
    expect(got[1].messageId).toBe(got[0].messageId)
  })
})

describe.runIf(hasBuild())('reminders', () => {
  it('an owner who stopped before Submit gets a reminder after 24 h, the next after 3 days, at most 3, none after the link turns them off', async () => {
    const owner = `m-${crypto.randomUUID().slice(0, 8)}`
    await web!.browser().signIn('verified', owner)
    const [{ tenantId: t }] = await sql`select tenant_id from ob_employee where clerk_user_id = ${`dev:${owner}`}`
    const sweep = async () => (await sql`select ob_mail_sweep() as n`)[0].n as number
    const age = (what: string) => sql.unsafe(`update ${what} where tenant_id = $1`, [t])
    expect(await sweep()).toBe(0)
    await age(`ob_flow set created_at = created_at - interval '25 hours'`)
    await age(`ob_event set ts = ts - interval '25 hours'`)
    await sweep()
    expect((await mails(t))[0]).toMatch(/^reminder:1:/)
    expect(await sweep()).toBe(0) // the next one waits 3 days
    await age(`ob_mail set queued_at = queued_at - interval '73 hours'`)
    await sweep()
    expect((await mails(t)).filter((k) => k.startsWith('reminder')).length).toBe(2)
    await until('the reminders sent', async () => (await mails(t)).every((k) => k.endsWith(':sent')))
    const [reminder] = (await inbox(OWNER_EMAIL)).filter((m) => m.subject.includes('waiting for you'))
    const off = reminder.links.find((l) => l.includes('/mail/reminders-off'))!
    expect(reminder.headers['list-unsubscribe']).toContain('/mail/reminders-off')
    // The link shows a button; a forged token changes nothing.
    expect(await (await fetch(off)).text()).toContain('Turn reminders off')
    expect((await fetch(off.replace(/t=[^.]+\./, `t=${crypto.randomUUID()}.`), { method: 'POST' })).status).toBe(400)
    expect(
      (await fetch(off, { method: 'POST', body: new URLSearchParams({ 'List-Unsubscribe': 'One-Click' }) })).status,
    ).toBe(200)
    await age(`ob_mail set queued_at = queued_at - interval '73 hours'`)
    expect(await sweep()).toBe(0)
  })
})
