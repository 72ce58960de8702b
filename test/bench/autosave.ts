import os from 'node:os'
import { connect, type Sql } from '../../db/client.server'
import { closedLoop, groupCpuMs, ms, print, signInAs, type Bench } from './lib'

// Autosave round trips through the real HTTP action (built app, one process per core) at 1 and 32
// concurrent owners, each its own tenant; the save function (ob_save) called directly through
// postgres.js; and, beside them, a floor measured in the same run: one UPDATE of each owner's own
// ob_flow row at the same concurrency. Also the web server's CPU milliseconds per HTTP save, and
// the issue's targets against this run's floor.
const LEVELS = [1, 32]
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)

type Owner = { cookie: string; tenantId: string; version: number; n: number }

export async function autosaveBench(b: Bench) {
  const owners = await Promise.all(Array.from({ length: Math.max(...LEVELS) }, (_, i) => signIn(b, `bench-${i}`)))
  const sql = connect(b.databaseUrl, { max: Math.max(...LEVELS) })
  const rows: string[][] = []
  const targets: string[] = []
  for (const level of LEVELS) {
    const group = owners.slice(0, level)
    await closedLoop(group.slice(0, 1), 1, (o) => save(b, o)) // warm-up
    const cpu0 = groupCpuMs(b.webGroup)
    const http = await closedLoop(group, SECONDS, (o) => save(b, o))
    const cpuPerSave = (groupCpuMs(b.webGroup) - cpu0) / (http.rate * SECONDS)
    const direct = await closedLoop(group, SECONDS, (o) => saveDirect(sql, o))
    const floor = await closedLoop(group, SECONDS, (o) => sql`update ob_flow set updated_at = now() where tenant_id = ${o.tenantId}`.then(() => {}))
    const share = (r: { rate: number }) => `${((r.rate / floor.rate) * 100).toFixed(0)}% of floor`
    rows.push(
      [`${level}`, 'HTTP autosave', ms(http.p50), ms(http.p99), http.rate.toFixed(0), `${(http.p50 / floor.p50).toFixed(1)}x`, share(http), `${cpuPerSave.toFixed(2)} ms`],
      [`${level}`, 'ob_save called directly', ms(direct.p50), ms(direct.p99), direct.rate.toFixed(0), `${(direct.p50 / floor.p50).toFixed(1)}x`, share(direct), ''],
      [`${level}`, 'UPDATE floor', ms(floor.p50), ms(floor.p99), floor.rate.toFixed(0), '1x', '100%', ''],
    )
    targets.push(level === 1
      ? `1 owner: HTTP p50 ${(http.p50 / floor.p50).toFixed(1)}x the floor (target <= 4x)`
      : `32 owners: ob_save ${share(direct)} (target >= 50%), HTTP ${share(http)} (target >= 25%)`)
  }
  await sql.end()
  print(['owners', 'path', 'p50', 'p99', 'saves/s', 'p50 vs floor', 'throughput', 'server CPU/save'], rows)
  console.log(targets.join('\n'))
  console.log(`(${SECONDS}s per measurement, ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL'}, node ${process.version}, ${os.availableParallelism()} cores, web processes: WEB_CONCURRENCY or one per core)\n`)
}

/** The save engine's database part alone: what an autosave of the business name sends. */
async function saveDirect(sql: Sql, o: Owner) {
  const [{ saved }] = await sql`select ob_save(${o.tenantId}, ${o.version}, 'ob_account', ${sql.json({ display_name: `Bench Plumbing ${++o.n}` })}, ${['displayName']}::text[], null, false, 'ACCOUNT') as saved`
  o.version = saved.version
}

async function signIn(b: Bench, name: string): Promise<Owner> {
  const cookie = await signInAs(b.base, 'unverified-mobile', name)
  const state = await fetch(`${b.base}/onboarding/account?_data=routes%2Fonboarding.account`, { headers: { cookie } }).then((r) => r.json())
  const sql = connect(b.databaseUrl, { max: 1 })
  const [{ tenantId }] = await sql`select tenant_id from ob_employee where clerk_user_id = ${`dev:${name}`}`
  await sql.end()
  return { cookie, tenantId, version: state.state.version, n: 0 }
}

async function save(b: Bench, o: Owner) {
  const body = new URLSearchParams({ intent: 'autosave', version: String(o.version), displayName: `Bench Plumbing ${++o.n}` })
  const res = await fetch(`${b.base}/onboarding/account?_data=routes%2Fonboarding.account`, { method: 'POST', body, headers: { cookie: o.cookie } })
  const reply = await res.json()
  if (res.status !== 200) throw new Error(`autosave answered ${res.status}: ${JSON.stringify(reply)}`)
  o.version = reply.version
}
