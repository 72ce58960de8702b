import { describe, expect, it } from 'vitest'
import { freshDatabase, makeTenant } from '../setup/db'

const { sql } = await freshDatabase()

describe('ob_snapshot', () => {
  it('holds one document per tenant with every section, and never port-in secrets', async () => {
    const t = await makeTenant(sql, { email: true, mobile: true, stripe: true })
    await sql`update ob_number set area_code = '212', start_port_in = true, state = 'Porting',
      port_in = ${sql.json({ phoneNumber: '+12125550100', accountNumber: 'enc:acct-9911', pin: 'enc:pin-4321' })} where tenant_id = ${t}`
    await sql`update ob_calmsg set top_services = ${['Drain cleaning']} where tenant_id = ${t}`
    await sql`update ob_a2p set brand_type = 'SOLE_PROP' where tenant_id = ${t}`
    const rows = await sql`select tenant_id, phase, texting_eligible, snapshot from ob_snapshot where tenant_id = ${t}`
    expect(rows).toHaveLength(1)
    const { snapshot } = rows[0]
    expect(Object.keys(snapshot).sort()).toEqual([
      'a2p',
      'account',
      'calmsg',
      'employees',
      'flow',
      'number',
      'schemaVersion',
      'tenantId',
    ])
    expect(snapshot.account).toMatchObject({
      displayName: 'Acme Plumbing',
      vertical: 'plumbing',
      languages: ['en'],
      stripeActive: true,
    })
    expect(snapshot.number).toMatchObject({
      areaCode: '212',
      state: 'Porting',
      portIn: { requested: true, phoneNumber: '+12125550100' },
      ownerWindowSec: 60,
    })
    expect(snapshot.calmsg).toMatchObject({ topServices: ['Drain cleaning'], calendarProvider: 'google' })
    expect(snapshot.a2p).toMatchObject({ brandType: 'SOLE_PROP', useCase: 'CustomerCare.MissedCallRecovery' })
    expect(snapshot.employees).toEqual([expect.objectContaining({ role: 'owner', email: 'owner@example.com' })])
    expect(snapshot.flow).toMatchObject({ phase: 'ACCOUNT', teamSizeLimit: 1 })
    expect(JSON.stringify(snapshot)).not.toMatch(/acct-9911|pin-4321|accountNumber|"pin"/)
  })

  // Every section row exists from the tenant's first visit (ob_ensure_tenant), so a section not
  // yet started shows its defaults, not null.
  it('shows sections not yet started with their defaults rather than leaving the tenant out', async () => {
    const t = await makeTenant(sql)
    const [{ snapshot }] = await sql`select snapshot from ob_snapshot where tenant_id = ${t}`
    expect(snapshot).toMatchObject({
      number: { areaCode: null, serviceRadiusMi: 15, e164: null },
      calmsg: { topServices: [] },
      a2p: { brandId: null },
    })
  })
})

describe('ob_a2p.stop_help_present', () => {
  it('says whether a sample tells the reader how to opt out, as the STOP_HELP_MISSING check reads them, and the snapshot publishes it', async () => {
    const t = await makeTenant(sql)
    const published = async () =>
      (await sql`select snapshot from ob_snapshot where tenant_id = ${t}`)[0].snapshot.a2p.checklist.stopHelpPresent
    await sql`update ob_a2p set sample_messages = '{}' where tenant_id = ${t}`
    expect(await published()).toBeNull()
    await sql`update ob_a2p set sample_messages = ${['Rivera Plumbing: we can stop by Tuesday.', 'Rivera Plumbing: your quote is ready.']} where tenant_id = ${t}`
    expect(await published()).toBe(false)
    await sql`update ob_a2p set sample_messages = ${['Rivera Plumbing: we can stop by Tuesday. Reply STOP to opt out.']} where tenant_id = ${t}`
    expect(await published()).toBe(true)
    // Written by nobody but the database.
    await expect(sql`update ob_a2p set stop_help_present = false where tenant_id = ${t}`).rejects.toMatchObject({
      code: '428C9',
    })
  })
})

describe('ob_outbox', () => {
  it('lists pending onboarding jobs and marks permanently failed ones', async () => {
    const t = await makeTenant(sql)
    await sql`select ob_enqueue('provision_number', json_build_object('tenantId', ${t}::text), ${`ob:prov:${t}`})`
    await sql`select ob_enqueue('a2p_step', json_build_object('tenantId', ${t}::text), ${`ob:a2p:brand:${t}`})`
    const [failing] = await sql`select id from ob_outbox where job_key = ${`ob:a2p:brand:${t}`}`
    await sql`select graphile_worker.permanently_fail_jobs(array[${failing.id}::bigint], 'Provider busy')`
    const rows =
      await sql`select type, status, attempts, last_error, payload from ob_outbox where tenant_id = ${t} order by type`
    expect(rows).toEqual([
      { type: 'A2P_STEP', status: 'failed', attempts: 25, lastError: 'Provider busy', payload: { tenantId: t } },
      { type: 'PROVISION_NUMBER', status: 'pending', attempts: 0, lastError: null, payload: { tenantId: t } },
    ])
  })
})
