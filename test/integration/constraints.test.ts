import { describe, expect, it } from 'vitest'
import { VERTICALS } from '../../core/data/verticals'
import { freshDatabase, makeTenant } from '../setup/db'

const { sql } = await freshDatabase()

// Every statement must be refused by the database itself, whatever the app validated before.
const t = await makeTenant(sql)
const other = await makeTenant(sql)
await sql`update ob_number set e164 = '+14155550999', provider_sid = 'PN999' where tenant_id = ${other}`
const long = 'x'.repeat(10_000)

const refused: [string, () => Promise<unknown>][] = [
  ['phase outside the enum', () => sql`update ob_flow set phase = 'DONE' where tenant_id = ${t}`],
  ['ownerWindowSec below 30', () => sql`update ob_number set owner_window_sec = 29 where tenant_id = ${t}`],
  ['ownerWindowSec above 180', () => sql`update ob_number set owner_window_sec = 181 where tenant_id = ${t}`],
  ['area code starting with 1', () => sql`update ob_number set area_code = '123' where tenant_id = ${t}`],
  ['area code of two digits', () => sql`update ob_number set area_code = '41' where tenant_id = ${t}`],
  ['area code with letters', () => sql`update ob_number set area_code = '4a5' where tenant_id = ${t}`],
  ['numberState outside the enum', () => sql`update ob_number set state = 'Lost' where tenant_id = ${t}`],
  [
    'afterHoursMode outside the enum',
    () => sql`update ob_number set after_hours_mode = 'Voicemail' where tenant_id = ${t}`,
  ],
  ['serviceRadiusMi of 0', () => sql`update ob_number set service_radius_mi = 0 where tenant_id = ${t}`],
  ['number not in E.164', () => sql`update ob_number set e164 = '415-555-0100' where tenant_id = ${t}`],
  ['a duplicate e164', () => sql`update ob_number set e164 = '+14155550999' where tenant_id = ${t}`],
  ['a duplicate providerSid', () => sql`update ob_number set provider_sid = 'PN999' where tenant_id = ${t}`],
  [
    'port-in phone not in E.164',
    () => sql`update ob_number set port_in = '{"phoneNumber":"4155550100"}' where tenant_id = ${t}`,
  ],
  ['four top services', () => sql`update ob_calmsg set top_services = ${['a', 'b', 'c', 'd']} where tenant_id = ${t}`],
  [
    'calendarProvider outside the enum',
    () => sql`update ob_calmsg set calendar_provider = 'outlook' where tenant_id = ${t}`,
  ],
  [
    'doubleBookPolicy outside the enum',
    () => sql`update ob_calmsg set double_book_policy = 'maybe' where tenant_id = ${t}`,
  ],
  [
    'ops SMS number not in E.164',
    () => sql`update ob_calmsg set ops_sms = ${['+14155550100', '555']} where tenant_id = ${t}`,
  ],
  ['ops email without a domain', () => sql`update ob_calmsg set ops_emails = ${['owner@']} where tenant_id = ${t}`],
  [
    'Slack webhook over http',
    () => sql`update ob_calmsg set slack_webhook_url = 'http://hooks.slack.com/x' where tenant_id = ${t}`,
  ],
  ['brandType outside the enum', () => sql`update ob_a2p set brand_type = 'STARTER' where tenant_id = ${t}`],
  ['EIN of the wrong shape', () => sql`update ob_a2p set tax_id = '12-34' where tenant_id = ${t}`],
  [
    'contact phone not in E.164',
    () => sql`update ob_a2p set authorized_contact = '{"phoneE164":"5550100"}' where tenant_id = ${t}`,
  ],
  [
    'a use case other than missed-call recovery',
    () => sql`update ob_a2p set use_case = 'Marketing' where tenant_id = ${t}`,
  ],
  [
    'owner mobile not in E.164',
    () => sql`update ob_account set owner_mobile_e164 = '4155550100' where tenant_id = ${t}`,
  ],
  ['a 10 kB business name', () => sql`update ob_account set display_name = ${long} where tenant_id = ${t}`],
  ['a blank business name', () => sql`update ob_account set display_name = '   ' where tenant_id = ${t}`],
  ['vertical outside the enum', () => sql`update ob_account set vertical = 'astrology' where tenant_id = ${t}`],
  ['a language other than en/es', () => sql`update ob_account set languages = '{en,fr}' where tenant_id = ${t}`],
  ['no language at all', () => sql`update ob_account set languages = '{}' where tenant_id = ${t}`],
  ['brand colour that is not #rrggbb', () => sql`update ob_account set brand_color = 'red' where tenant_id = ${t}`],
  ['a second flow for the same tenant', () => sql`insert into ob_flow (tenant_id) values (${t})`],
  [
    'a second owner for the same tenant',
    () => sql`insert into ob_employee (tenant_id, clerk_user_id) values (${t}, 'someone_else')`,
  ],
  ['a negative version', () => sql`update ob_flow set version = -1 where tenant_id = ${t}`],
  [
    'an event type that is not dotted lower case',
    () => sql`insert into ob_event (tenant_id, event_type) values (${t}, 'Saved!')`,
  ],
]

describe('constraints', () => {
  it.each(refused)('refuses %s', async (_, statement) => {
    await expect(statement()).rejects.toMatchObject({ code: expect.stringMatching(/^(23|22)/) })
  })

  it('accepts the spec defaults in an otherwise empty section row', async () => {
    const fresh = await makeTenant(sql)
    const [n] =
      await sql`select ring_window_sec, owner_window_sec, service_radius_mi, after_hours_mode, hours->'mon' as mon, hours->'sat' as sat from ob_number where tenant_id = ${fresh}`
    expect(n).toEqual({
      ringWindowSec: 20,
      ownerWindowSec: 60,
      serviceRadiusMi: 15,
      afterHoursMode: 'AIOnly',
      mon: { open: true, start: '08:00', end: '18:00' },
      sat: { open: false, start: '08:00', end: '18:00' },
    })
    const [c] =
      await sql`select calendar_provider, double_book_policy, buffers, revenue_prompts_mins, attribution_days from ob_calmsg where tenant_id = ${fresh}`
    expect(c).toEqual({
      calendarProvider: 'google',
      doubleBookPolicy: 'block',
      buffers: { beforeMin: 15, afterMin: 15 },
      revenuePromptsMins: 120,
      attributionDays: 14,
    })
    const [a] = await sql`select languages from ob_account where tenant_id = ${fresh}`
    expect(a.languages).toEqual(['en'])
    const [f] = await sql`select team_size_limit from ob_flow where tenant_id = ${fresh}`
    expect(f.teamSizeLimit).toBe(1)
  })

  it('has the same verticals as the page offers', async () => {
    const [{ values }] = await sql`select enum_range(null::ob_vertical)::text[] as values`
    expect(values).toEqual(VERTICALS.map(([v]) => v))
  })

  it('keeps updated_at itself', async () => {
    const [before] = await sql`select updated_at from ob_account where tenant_id = ${t}`
    await sql`update ob_account set display_name = 'Renamed', updated_at = '2000-01-01' where tenant_id = ${t}`
    const [after] = await sql`select updated_at from ob_account where tenant_id = ${t}`
    expect(after.updatedAt.getTime()).toBeGreaterThanOrEqual(before.updatedAt.getTime())
  })

  it('keeps texting_eligible in step with ob_a2p, whatever is written to ob_flow', async () => {
    const x = await makeTenant(sql)
    await sql`update ob_flow set texting_eligible = true where tenant_id = ${x}`
    expect((await sql`select texting_eligible from ob_flow where tenant_id = ${x}`)[0].textingEligible).toBe(false)
    await sql`update ob_a2p set brand_phase = 'VETTED', campaign_phase = 'ACTIVE', binding_phase = 'VERIFIED' where tenant_id = ${x}`
    await sql`update ob_flow set texting_eligible = false where tenant_id = ${x}`
    expect((await sql`select texting_eligible from ob_flow where tenant_id = ${x}`)[0].textingEligible).toBe(true)
    await sql`update ob_a2p set campaign_phase = 'SUSPENDED' where tenant_id = ${x}`
    expect((await sql`select texting_eligible from ob_flow where tenant_id = ${x}`)[0].textingEligible).toBe(false)
  })

  it('keeps numberState in step with ob_number.state', async () => {
    const x = await makeTenant(sql)
    await sql`update ob_number set state = 'PendingActivation' where tenant_id = ${x}`
    expect((await sql`select number_state from ob_flow where tenant_id = ${x}`)[0].numberState).toBe(
      'PendingActivation',
    )
  })

  it('caps the team at team_size_limit', async () => {
    const x = await makeTenant(sql)
    await expect(
      sql`insert into ob_employee (tenant_id, clerk_user_id, role) values (${x}, 'staff_1', 'staff')`,
    ).rejects.toThrow('team size limit (1) reached')
    await sql`update ob_flow set team_size_limit = 2 where tenant_id = ${x}`
    await sql`insert into ob_employee (tenant_id, clerk_user_id, role) values (${x}, 'staff_1', 'staff')`
  })
})
