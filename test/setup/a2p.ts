import { startSubmission } from '../../db/a2p.server'
import type { Sql } from '../../db/client.server'
import { enqueue, jobFor } from '../../db/jobs.server'
import { makeTenant } from './db'

// A tenant ready to submit its texting registration (every page done, the website checked), and
// a submission as Page 4's Submit starts it: for tests of the registration chain. Its number is one
// of 8 million (one of 9,000 collided within the 80 tenants of the corpus test).
const VERIFIED = { email: true, mobile: true, stripe: true }
export async function readyA2pTenant(sql: Sql) {
  const t = await makeTenant(sql, { ...VERIFIED, displayName: 'Rivera Plumbing' })
  await sql`update ob_number set area_code = '415', e164 = ${`+1415${String(2_000_000 + Math.floor(Math.random() * 7_999_999))}`}, provider_sid = ${`PN${crypto.randomUUID().replaceAll('-', '')}`},
    capabilities = ${sql.json({ sms: true, mms: true, voice: true })}, state = 'Configured' where tenant_id = ${t}`
  await sql`update ob_a2p set brand_type = 'STANDARD', legal_business_name = 'Rivera Plumbing LLC', tax_id = '12-3456789',
    website_url = 'https://riveraplumbing.example', link_domains = '{riveraplumbing.example}',
    authorized_contact = ${sql.json({ name: 'Maria Rivera', email: 'maria@riveraplumbing.example', phoneE164: '+14155550123' })},
    sample_messages = ${['Rivera Plumbing: sorry we missed your call! Reply here and we will text you back. Reply STOP to opt out.', 'Rivera Plumbing: a plumber can come Tue 9am. Reply YES to book. Reply HELP for help, STOP to opt out.']},
    https_ok = true, privacy_found = true, terms_found = true, privacy_url = 'https://riveraplumbing.example/privacy', terms_url = 'https://riveraplumbing.example/terms',
    website_checked_at = now() where tenant_id = ${t}`
  return t
}

export async function submitA2p(sql: Sql, t: string) {
  return sql.begin(async (tx) => {
    const { submission, step } = await startSubmission(tx, t)
    await enqueue(tx, jobFor('a2p_step', { tenantId: t, step, submission, correlationId: crypto.randomUUID() }))
    return { submission, step }
  })
}
