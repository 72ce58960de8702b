import { describe, expect, it } from 'vitest'
import { connect } from '../../db/client.server'
import { readTimeline } from '../../db/a2p.server'
import { readyA2pTenant } from '../setup/a2p'
import { freshDatabase } from '../setup/db'

// Issue 19, part 4: the registration as one timeline, with usual dates for what is under way.
const { url } = await freshDatabase()
const sql = connect(url)
const at = async (t: string, type: string, data: object, ts: string) =>
  sql`insert into ob_event (tenant_id, event_type, data, ts) values (${t}, ${type}, ${sql.json(data as never)}, ${ts})`

describe('the registration timeline', () => {
  it('counts business days over weekends (Friday + 2 is Tuesday, + 7 is the next Tuesday but one)', async () => {
    const [r] =
      await sql`select ob_add_business_days('2026-12-04T15:00:00Z', 2) as two, ob_add_business_days('2026-12-04T15:00:00Z', 7) as seven, ob_add_business_days('2026-12-04T15:00:00Z', 0) as zero`
    expect([r.two, r.seven, r.zero].map((d: Date) => d.toISOString().slice(0, 10))).toEqual([
      '2026-12-08',
      '2026-12-15',
      '2026-12-04',
    ])
  })

  it('is empty before Submit; then each step with the date it happened, usual dates while under way, "late" once past them', async () => {
    const t = await readyA2pTenant(sql)
    expect(await readTimeline(sql, t)).toEqual([])
    // Submitted on Friday 4 December; the brand vetted the same afternoon; the campaign still in review.
    await sql`update ob_a2p set submitted_at = '2026-12-04T15:00:00Z', submission_count = 1, brand_id = 'BN1', brand_phase = 'VETTED', identity_status = 'VERIFIED',
      campaign_id = 'CM1', campaign_phase = 'PENDING' where tenant_id = ${t}`
    await at(t, 'registration.brand', { phase: 'VETTED' }, '2026-12-04T15:20:00Z')
    const steps = await readTimeline(sql, t)
    expect(steps.map((s) => [s.step, s.status])).toEqual([
      ['brand', 'done'],
      ['campaign', 'pending'],
      ['binding', 'notStarted'],
    ])
    expect(steps[0].at).toMatch(/^2026-12-04T15:20:00/)
    expect([steps[1].usuallyFrom, steps[1].usuallyBy].map((d) => d!.slice(0, 10))).toEqual(['2026-12-08', '2026-12-15'])
    // Today (2026-12) is before 15 December only in this test's story: the dates gone by make it late.
    expect(steps[1].late).toBe(Date.now() > Date.parse(steps[1].usuallyBy!))
    await sql`update ob_a2p set submitted_at = now() - interval '30 days' where tenant_id = ${t}`
    await sql`delete from ob_event where tenant_id = ${t}`
    await at(t, 'registration.brand', { phase: 'VETTED' }, new Date(Date.now() - 29 * 86_400_000).toISOString())
    expect((await readTimeline(sql, t))[1]).toMatchObject({ status: 'pending', late: true })
  })

  it('a sole proprietor has the code step, waiting for the owner with no date; the campaign counts from the code', async () => {
    const t = await readyA2pTenant(sql)
    await sql`update ob_a2p set brand_type = 'SOLE_PROP', tax_id = null, submitted_at = now(), submission_count = 1, brand_id = 'BN2', brand_phase = 'VETTED',
      identity_status = 'UNVERIFIED' where tenant_id = ${t}`
    await at(t, 'registration.brand', { phase: 'VETTED' }, new Date().toISOString())
    const waiting = await readTimeline(sql, t)
    expect(waiting.map((s) => [s.step, s.status])).toEqual([
      ['brand', 'done'],
      ['code', 'waiting'],
      ['campaign', 'notStarted'],
      ['binding', 'notStarted'],
    ])
    expect(waiting[1]).toMatchObject({ usuallyFrom: null, usuallyBy: null, late: false })
    await sql`update ob_a2p set identity_status = 'VERIFIED' where tenant_id = ${t}`
    await at(t, 'registration.otp', { outcome: 'verified' }, new Date().toISOString())
    const confirmed = await readTimeline(sql, t)
    expect(confirmed[1].status).toBe('done')
    expect(confirmed[2]).toMatchObject({ status: 'pending', late: false })
  })

  it("is in the copier's snapshot (schemaVersion 5)", async () => {
    const t = await readyA2pTenant(sql)
    await sql`update ob_a2p set submitted_at = now(), submission_count = 1 where tenant_id = ${t}`
    const [row] = await sql`select snapshot from ob_snapshot where tenant_id = ${t}`
    expect(row.snapshot.schemaVersion).toBe(5)
    expect(row.snapshot.a2p.timeline.map((s: { step: string }) => s.step)).toEqual(['brand', 'campaign', 'binding'])
  })
})
