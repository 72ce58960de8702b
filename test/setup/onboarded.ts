import { readFileSync, writeFileSync } from 'node:fs'
import type { Sql } from '../../db/client.server'
import { ensureTenant } from '../../db/flow.server'

// A tenant that accepted every default and got through every page, built with plain SQL as the
// pages and jobs leave it: the fixture behind the snapshot example and the copier's tests. Its
// secrets (port-in PIN and account number, the calendar's refresh token, a typed code) are sealed
// values the snapshot must never show.
export const SECRETS = [
  'v2:0badc0de:portin-acct-SECRET',
  'v2:0badc0de:portin-pin-SECRET',
  'v2:0badc0de:calendar-refresh-SECRET',
  'v2:0badc0de:otp-SECRET',
  'deadbeef'.repeat(8),
  'v2:0badc0de:oauth-verifier-SECRET',
]

export async function onboardedTenant(sql: Sql, userId = `user_${crypto.randomUUID()}`): Promise<string> {
  const t = await ensureTenant(sql, {
    userId,
    email: 'maria@riveraplumbing.example',
    mobileE164: '+14155550123',
    name: 'Maria Rivera',
    emailVerified: true,
    mobileVerified: true,
    stripeCustomerId: null,
    stripeAccountId: null,
  })
  const suffix = t.replace(/-/g, '').slice(0, 12)
  await sql`update ob_flow set stripe_active = true, plan_code = 'pro_monthly', stripe_customer_id = ${`cus_${suffix}`}, stripe_account_id = ${`acct_${suffix}`} where tenant_id = ${t}`
  await sql`update ob_account set display_name = 'Rivera Plumbing & Heating', vertical = 'plumbing', timezone = 'America/Los_Angeles',
    address = ${sql.json({ line1: '100 Market St', city: 'San Francisco', state: 'CA', zip: '94103' })}, languages = '{en,es}',
    prefilled_at = now(), last_saved_at = now() where tenant_id = ${t}`
  await sql`update ob_number set area_code = '415', preferred_area_codes = '{415,628}', e164 = ${`+1415${String(Math.floor(Math.random() * 9_000_000) + 1_000_000)}`},
    provider_sid = ${`PN${suffix}`}, capabilities = ${sql.json({ sms: true, mms: true, voice: true })}, state = 'Configured',
    correlation_id = '3f2a1c3e-0000-4000-8000-00000000c0de', holidays = '{2027-01-01,2027-07-05,2027-12-24}',
    start_port_in = false, port_in = ${sql.json({ phoneNumber: '+14155550199', accountNumber: SECRETS[0], pin: SECRETS[1] })}, last_saved_at = now()
    where tenant_id = ${t}`
  await sql`update ob_calmsg set calendar_provider = 'google', calendar_connected = true, calendar_account_email = 'owner@example.com',
    calendar_scopes = '{openid,email,https://www.googleapis.com/auth/calendar.events}', calendar_refresh_token = ${SECRETS[2]},
    calendar_connected_at = now(), calendar_oauth_state_hash = ${SECRETS[4]}, calendar_oauth_verifier = ${SECRETS[5]},
    top_services = '{Drain cleaning,Water heater repair,Leak repair}',
    price_ranges = ${sql.json({ 'Drain cleaning': { min: 150, max: 450, currency: 'USD' }, 'Water heater repair': { min: 200, max: null, currency: 'USD' }, 'Leak repair': { min: 150, max: 600, currency: 'USD' } })},
    templates = ${sql.json({ title: '{displayName}: sorry we missed your call!', description: 'Need {service}? Reply here and we will text you back.' })},
    ops_emails = '{maria@riveraplumbing.example}', ops_sms = '{+14155550123}', last_saved_at = now()
    where tenant_id = ${t}`
  await sql`update ob_a2p set brand_type = 'STANDARD', legal_business_name = 'Rivera Plumbing & Heating LLC', tax_id = '12-3456789',
    website_url = 'https://riveraplumbing.example/', link_domains = '{riveraplumbing.example}', hosted_policy = true,
    authorized_contact = ${sql.json({ name: 'Maria Rivera', email: 'maria@riveraplumbing.example', phoneE164: '+14155550123' })},
    sample_messages = ${['Rivera Plumbing & Heating: sorry we missed your call! Reply here and we will text you back. Reply STOP to opt out, HELP for help.', 'Rivera Plumbing & Heating: a plumber can come [day] at [time]. Reply YES to book. Reply STOP to opt out, HELP for help.']},
    https_ok = true, privacy_found = false, terms_found = false, website_checked_at = now(), legal_matches_tax_id_like = true,
    brand_id = ${`BN${suffix}`}, brand_phase = 'VETTED', campaign_id = ${`CM${suffix}`}, campaign_phase = 'ACTIVE', binding_phase = 'VERIFIED',
    correlation_id = '3f2a1c3e-0000-4000-8000-00000000a2b0', submission_count = 1, submitted_at = now(), otp_code = ${SECRETS[3]}, last_saved_at = now()
    where tenant_id = ${t}`
  // The registration's audit rows, as the chain writes them (the timeline's dates).
  for (const [step, phase] of [
    ['brand', 'VETTED'],
    ['campaign', 'ACTIVE'],
    ['binding', 'VERIFIED'],
  ]) {
    await sql`insert into ob_event (tenant_id, event_type, data) values (${t}, ${`registration.${step}`}, ${sql.json({ phase, id: null, reasonCode: null })})`
  }
  await sql`select ob_advance(${t})`
  return t
}

/**
 * A snapshot with what differs from run to run made fixed: ids in order of first appearance
 * (tenant 1, then employees), provider ids and timestamps, so it can be compared with the example.
 */
export function normalized(snapshot: unknown): unknown {
  const ids = new Map<string, string>()
  const text = JSON.stringify(snapshot)
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => {
      if (id.startsWith('3f2a1c3e-')) return id // fixed correlation ids of the fixture
      if (!ids.has(id)) ids.set(id, `00000000-0000-4000-8000-${String(ids.size + 1).padStart(12, '0')}`)
      return ids.get(id)!
    })
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(\+00:00|Z)/g, '2026-12-01T12:00:00+00:00')
    .replace(/"(cus_|acct_|PN|BN|CM)[0-9a-f]{12}"/g, (_, p) => `"${p}000000000001"`)
  const doc = JSON.parse(text)
  // Numbers are unique across tenants, so each fixture tenant has its own.
  if (doc.number?.e164) doc.number.e164 = '+14155550100'
  // How many changes the fixture made: counted by triggers, not part of what the example shows.
  if (doc.flow?.revision !== undefined) doc.flow.revision = 1
  return doc
}

export const EXAMPLE = new URL('../../docs/snapshot-example.json', import.meta.url)
/** The committed example document (UPDATE_EXAMPLE=1 rewrites it from the fixture). */
export function example(actual: unknown): unknown {
  if (process.env.UPDATE_EXAMPLE === '1') writeFileSync(EXAMPLE, `${JSON.stringify(actual, null, 2)}\n`)
  return JSON.parse(readFileSync(EXAMPLE, 'utf8'))
}
