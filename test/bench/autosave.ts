import { connect } from '../../db/client.server'
import { closedLoop, ms, print, signInAs, type Bench } from './lib'

// Autosave round trips through the real HTTP action (built app) at 1 and 32 concurrent owners, each
// its own tenant, beside a floor measured in the same run: one UPDATE of each owner's own ob_flow
// row through postgres.js at the same concurrency.
const LEVELS = [1, 32]
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)

type Owner = { cookie: string; tenantId: string; version: number; n: number }

export async function autosaveBench(b: Bench) {
  const owners = await Promise.all(Array.from({ length: Math.max(...LEVELS) }, (_, i) => signIn(b, `bench-${i}`)))
  const sql = connect(b.databaseUrl, { max: Math.max(...LEVELS) })
  const rows: string[][] = []
  for (const level of LEVELS) {
    const group = owners.slice(0, level)
    await closedLoop(group.slice(0, 1), 1, (o) => save(b, o)) // warm-up
    const http = await closedLoop(group, SECONDS, (o) => save(b, o))
    const floor = await closedLoop(group, SECONDS, (o) => sql`update ob_flow set updated_at = now() where tenant_id = ${o.tenantId}`.then(() => {}))
    rows.push(
      [`${level}`, 'HTTP autosave', ms(http.p50), ms(http.p99), http.rate.toFixed(0)],
      [`${level}`, 'UPDATE floor', ms(floor.p50), ms(floor.p99), floor.rate.toFixed(0)],
      [`${level}`, 'ratio', `${(http.p50 / floor.p50).toFixed(1)}x`, `${(http.p99 / floor.p99).toFixed(1)}x`, `${(floor.rate / http.rate).toFixed(1)}x fewer`],
    )
  }
  await sql.end()
  print(['owners', 'path', 'p50', 'p99', 'saves/s'], rows)
  console.log(`(${SECONDS}s per measurement, ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL'}, node ${process.version}, app pool max 10)\n`)
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
