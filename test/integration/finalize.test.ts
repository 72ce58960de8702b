import { describe, expect, it } from 'vitest'
import { connect } from '../../db/client.server'
import { advance, wizardState } from '../../db/flow.server'
import { enqueue, jobFor } from '../../db/jobs.server'
import { finishOnboarding, NotFinished } from '../../db/save.server'
import { fakesFor, startWorker } from '../setup/app'
import { freshDatabase } from '../setup/db'
import { example, normalized, onboardedTenant, SECRETS } from '../setup/onboarded'

// Finish (FINALIZE's guard), the copier being told, the snapshot in full, and the rows frozen
// after COMPLETE. The copier itself: copier.test.ts.
const { sql, url } = await freshDatabase()
const phase = async (t: string) => (await wizardState(sql, t)).phase
const version = async (t: string) => (await wizardState(sql, t)).version

describe('Finish', () => {
  it('moves a fully onboarded tenant to FINALIZE, once, with the time it happened', async () => {
    const t = await onboardedTenant(sql)
    expect(await phase(t)).toBe('A2P') // every page's Continue stops here
    const { state } = await finishOnboarding(sql, t, await version(t))
    expect(state.phase).toBe('FINALIZE')
    const [flow] = await sql`select finished_at from ob_flow where tenant_id = ${t}`
    expect(flow.finishedAt).toBeInstanceOf(Date)
    const moves =
      await sql`select data from ob_event where tenant_id = ${t} and event_type = 'flow.advanced' and data->>'to' = 'FINALIZE'`
    expect(moves).toHaveLength(1)
  })

  it("is refused while a section's Basic is missing, and changes nothing", async () => {
    const t = await onboardedTenant(sql)
    await sql`update ob_calmsg set top_services = '{}', price_ranges = '{}' where tenant_id = ${t}`
    const before = await sql`select * from ob_flow where tenant_id = ${t}`
    const refused = await finishOnboarding(sql, t, before[0].version).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(NotFinished)
    expect((refused as NotFinished).state.blockers).toContain('CHOOSE_SERVICES')
    expect(await sql`select * from ob_flow where tenant_id = ${t}`).toEqual(before) // not even the version
  })

  it("while only the carriers' answer is left, is recorded and finishes on approval, also for an owner who chose to check first", async () => {
    const t = await onboardedTenant(sql)
    await sql`update ob_flow set review_first = true where tenant_id = ${t}`
    await sql`update ob_a2p set binding_phase = 'PENDING' where tenant_id = ${t}`
    const { state, requested } = await finishOnboarding(sql, t, await version(t))
    expect({ phase: state.phase, requested, blockers: state.blockers }).toEqual({
      phase: 'A2P',
      requested: true,
      blockers: ['A2P_PENDING'],
    })
    await sql`update ob_a2p set binding_phase = 'VERIFIED' where tenant_id = ${t}`
    expect(await phase(t)).toBe('FINALIZE')
  })

  it('refuses a stale version (another tab) with nothing written', async () => {
    const t = await onboardedTenant(sql)
    const v = await version(t)
    await expect(finishOnboarding(sql, t, v - 1)).rejects.toMatchObject({
      message: 'This page changed in another tab; reload to see the latest',
    })
    expect(await phase(t)).toBe('A2P')
  })
})

describe('the copier is told', () => {
  it('NOTIFY ob_finalize carries the tenant id when the move commits, and nothing for a move rolled back', async () => {
    const listener = connect(url, { max: 1 })
    const heard: string[] = []
    await listener.listen('ob_finalize', (payload) => heard.push(payload))
    const rolledBack = await onboardedTenant(sql)
    await sql
      .begin(async (tx) => {
        await tx`select ob_advance(${rolledBack}, true)`
        throw new Error('rolled back')
      })
      .catch(() => {})
    const t = await onboardedTenant(sql)
    await advance(sql, t, { finish: true })
    await advance(sql, t, { finish: true }) // already there: no second notification
    for (let i = 0; i < 50 && heard.length === 0; i++) await new Promise((r) => setTimeout(r, 20))
    await new Promise((r) => setTimeout(r, 200))
    expect(heard).toEqual([t])
    await listener.end()
  })

  it("finds the copier's rows through the partial index", async () => {
    const [plan] =
      await sql`select count(*) from pg_indexes where indexname = 'ob_flow_finalize_idx' and indexdef like '%WHERE (phase = ''FINALIZE''::ob_phase)%'`
    expect(Number(plan.count)).toBe(1)
    await sql.begin(async (tx) => {
      await tx`set local enable_seqscan = off`
      const lines = (await tx`explain select tenant_id, snapshot from ob_snapshot where phase = 'FINALIZE'`).map(
        (r) => r['QUERY PLAN'] as string,
      )
      expect(lines.join('\n')).toMatch(/ob_flow_finalize_idx/)
    })
  })
})

describe('ob_snapshot of a fully onboarded tenant', () => {
  it('is the committed example document (docs/snapshot-example.json), with no secret anywhere', async () => {
    const t = await onboardedTenant(sql, 'user_example')
    await finishOnboarding(sql, t, await version(t))
    const [{ snapshot }] = await sql`select snapshot from ob_snapshot where tenant_id = ${t}`
    const text = JSON.stringify(snapshot)
    for (const secret of SECRETS) expect(text).not.toContain(secret)
    expect(text).not.toMatch(/refreshToken|accountNumber|"pin"|otpCode|oauthState|verifier/i)
    const doc = normalized(snapshot)
    expect(doc).toEqual(example(doc))
    // Stable: the same tenant read twice gives the same text, keys in the same order.
    const [{ again }] = await sql`select snapshot::text as again from ob_snapshot where tenant_id = ${t}`
    const [{ first }] = await sql`select snapshot::text as first from ob_snapshot where tenant_id = ${t}`
    expect(again).toBe(first)
  })
})

describe('after COMPLETE', () => {
  const completed = async () => {
    const t = await onboardedTenant(sql)
    await finishOnboarding(sql, t, await version(t))
    const [{ done }] =
      await sql`select ob_mark_complete(${t}, (select revision from ob_flow where tenant_id = ${t})) as done`
    expect(done).toBe(true)
    return t
  }

  it.each([
    [
      'ob_flow',
      "update ob_flow set plan_code = 'other' where tenant_id = $1",
      'delete from ob_flow where tenant_id = $1',
    ],
    [
      'ob_account',
      "update ob_account set display_name = 'Changed' where tenant_id = $1",
      'delete from ob_account where tenant_id = $1',
    ],
    [
      'ob_number',
      'update ob_number set service_radius_mi = 30 where tenant_id = $1',
      'delete from ob_number where tenant_id = $1',
    ],
    [
      'ob_calmsg',
      'update ob_calmsg set bilingual = true where tenant_id = $1',
      'delete from ob_calmsg where tenant_id = $1',
    ],
    ['ob_a2p', "update ob_a2p set reason = 'changed' where tenant_id = $1", 'delete from ob_a2p where tenant_id = $1'],
    [
      'ob_employee',
      "update ob_employee set name = 'Changed' where tenant_id = $1",
      'delete from ob_employee where tenant_id = $1',
    ],
    ['ob_event', "update ob_event set data = '{}' where tenant_id = $1", 'delete from ob_event where tenant_id = $1'],
  ])('%s refuses updates and deletes (OB423), and its rows stay as they were', async (table, update, remove) => {
    const t = await completed()
    const before = await sql.unsafe(`select * from ${table} where tenant_id = $1 order by 1`, [t])
    expect(before.length).toBeGreaterThan(0)
    for (const statement of [update, remove])
      await expect(sql.unsafe(statement, [t])).rejects.toMatchObject({ code: 'OB423' })
    expect(await sql.unsafe(`select * from ${table} where tenant_id = $1 order by 1`, [t])).toEqual(before)
  })

  it('refuses new section and employee rows, keeps taking audit events, and is still COMPLETE', async () => {
    const t = await completed()
    await expect(
      sql`insert into ob_employee (tenant_id, role, name) values (${t}, 'staff', 'New hire')`,
    ).rejects.toMatchObject({ code: 'OB423' })
    await sql`insert into ob_event (tenant_id, event_type) values (${t}, 'audit.read')`
    expect(await phase(t)).toBe('COMPLETE')
    expect((await sql`select completed_at from ob_flow where tenant_id = ${t}`)[0].completedAt).toBeInstanceOf(Date)
  })

  it('a job that was still waiting for a completed tenant ends as done, not retried for days', async () => {
    const { env } = await fakesFor()
    const worker = startWorker({ DATABASE_URL: url, ...env })
    const t = await completed()
    await sql.begin((tx) =>
      enqueue(tx, jobFor('website_check', { tenantId: t, url: 'https://riveraplumbing.example/' })),
    )
    for (let i = 0; i < 100; i++) {
      const [row] = await sql`select count(*)::int as n from graphile_worker.jobs where key like ${`ob:web:${t}:%`}`
      if (row.n === 0) break
      await new Promise((r) => setTimeout(r, 100))
    }
    expect(
      (await sql`select count(*)::int as n from graphile_worker.jobs where key like ${`ob:web:${t}:%`}`)[0].n,
    ).toBe(0)
    await worker.logged(/website_check: the tenant's onboarding is complete; nothing more to do/)
  })
})
