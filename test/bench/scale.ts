import { performance } from 'node:perf_hooks'
import { SECTIONS } from '../../core/pages'
import { connect } from '../../db/client.server'
import { ms, print, quantile, type Bench } from './lib'

// The guards and the copier's query at scale: `tenants` tenants generated in the bench database
// (nearly all COMPLETE, 100 waiting in FINALIZE, some still onboarding), then, beside a bare
// primary-key select on ob_flow as the floor: ob_wizard_state for one tenant, and the copier's
// "select ... from ob_snapshot where phase = 'FINALIZE'" with its plan.
const WAITING = 100

export async function scaleBench(b: Bench, tenants: number) {
  const sql = connect(b.databaseUrl, { max: 1 })
  try {
    const t0 = performance.now()
    await generate(sql, tenants)
    console.log(
      `(${tenants.toLocaleString('en-US')} tenants generated in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    )
    const ids = (await sql`select tenant_id from ob_flow tablesample system (5) limit 500`).map(
      (r) => r.tenantId as string,
    )
    const time = async (runs: number, op: (i: number) => Promise<unknown>) => {
      const list: number[] = []
      for (let i = 0; i < runs; i++) {
        const t = performance.now()
        await op(i)
        list.push(performance.now() - t)
      }
      return { p50: quantile(list, 0.5), p99: quantile(list, 0.99) }
    }
    const floor = await time(
      2000,
      (i) => sql`select tenant_id, version from ob_flow where tenant_id = ${ids[i % ids.length]}`,
    )
    const state = await time(2000, (i) => sql`select * from ob_wizard_state(${ids[i % ids.length]})`)
    const finalize = await time(50, () => sql`select tenant_id, snapshot from ob_snapshot where phase = 'FINALIZE'`)
    const row = (name: string, r: { p50: number; p99: number }) => [
      name,
      ms(r.p50),
      ms(r.p99),
      `${(r.p50 / floor.p50).toFixed(1)}x`,
    ]
    print(
      ['query', 'p50', 'p99', 'vs floor'],
      [
        row('floor: ob_flow by primary key', floor),
        row('ob_wizard_state(tenant)', state),
        row(`copier: ob_snapshot where phase = 'FINALIZE' (${WAITING} rows)`, finalize),
      ],
    )
    const plan = await sql`explain select tenant_id, snapshot from ob_snapshot where phase = 'FINALIZE'`
    console.log(
      plan
        .map((r) => `  ${r['QUERY PLAN']}`)
        .filter(
          (l) =>
            !new RegExp(
              `^\\s+SubPlan|^\\s+-> {2}(Index|Seq) Scan on (${[...SECTIONS.map((s) => s.section), 'ob_employee'].join('|')})|^\\s+(Index|Filter|Sort)`,
            ).test(l) || /ob_flow/.test(l),
        )
        .slice(0, 6)
        .join('\n'),
    )
    console.log()
  } finally {
    await sql.end()
  }
}

/** Tenants as the wizard leaves them, written in bulk with triggers off (only this benchmark database). */
async function generate(sql: ReturnType<typeof connect>, n: number) {
  await sql.begin(async (tx) => {
    await tx`set local session_replication_role = replica`
    await tx`
      create temp table gen on commit drop as
      select gen_random_uuid() as tenant_id, i,
        case when i <= ${WAITING}::int then 'FINALIZE' when i <= ${WAITING + Math.floor(n / 20)}::int then 'A2P' else 'COMPLETE' end::ob_phase as phase
      from generate_series(1, ${n}::int) i`
    await tx`insert into ob_flow (tenant_id, phase, email_verified, mobile_verified, stripe_active, texting_eligible, completion)
      select tenant_id, phase, true, true, true, phase <> 'A2P', '{"account":100,"number":100,"calmsg":100,"a2p":100}' from gen`
    await tx`insert into ob_account (tenant_id, display_name, vertical, timezone, owner_email) select tenant_id, 'Business ' || i, 'plumbing', 'America/New_York', 'owner' || i || '@example.com' from gen`
    await tx`insert into ob_number (tenant_id, area_code, e164, provider_sid, state, capabilities)
      select tenant_id, '415', '+1' || (2000000000 + i)::text, 'PNgen' || i, 'Configured', '{"sms":true,"mms":true,"voice":true}' from gen`
    await tx`insert into ob_calmsg (tenant_id, top_services, price_ranges, calendar_provider) select tenant_id, '{Repairs}', '{"Repairs":{"min":100,"max":300,"currency":"USD"}}', 'none' from gen`
    await tx`insert into ob_a2p (tenant_id, brand_type, legal_business_name, brand_phase, campaign_phase, binding_phase, submitted_at)
      select tenant_id, 'SOLE_PROP', 'Business ' || i, 'VETTED', 'ACTIVE', case when phase = 'A2P' then 'PENDING' else 'VERIFIED' end, now() from gen`
    await tx`insert into ob_employee (tenant_id, clerk_user_id, role, name, email) select tenant_id, 'gen_' || i, 'owner', 'Owner ' || i, 'owner' || i || '@example.com' from gen`
  })
  await sql`analyze`
}
