import os from 'node:os'
import { Readable } from 'node:stream'
import { Pool } from 'undici'
import { connect, type Sql } from '../../db/client.server'
import { closedLoop, interleaved, ms, print, signInAs, untilQuiet, type Bench } from './lib'
import { dataUrl, fetchPageData, plainReply } from '../setup/single-fetch'

// Autosave round trips through the real HTTP action (built app, one process per core) at 1 and 32
// concurrent owners, each its own tenant; the save followed by the revalidation Remix runs after it
// (what one autosave of an open page costs); the same request refused before the database (the HTTP
// stack's own cost); the save function (ob_save) called directly through postgres.js; and, beside
// them, a floor measured in the same run: one UPDATE of each owner's own ob_flow row at the same
// concurrency. The paths take turns of one second each. Also the web server's CPU milliseconds per
// HTTP request (per save and revalidation for the second path), and the issue's targets against
// this run's floor.
const LEVELS = [1, 32]
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)

type Owner = { cookie: string; tenantId: string; version: number; n: number }
const ACTION = dataUrl('/onboarding/account')
// The layout's shouldRevalidate skips its own loader after a save that stays on its page.
const REVALIDATION = dataUrl('/onboarding/account', 'routes/onboarding.account')

export async function autosaveBench(b: Bench) {
  const owners = await Promise.all(Array.from({ length: Math.max(...LEVELS) }, (_, i) => signIn(b, `bench-${i}`)))
  const sql = connect(b.databaseUrl, { max: Math.max(...LEVELS) })
  // The load's own HTTP client is undici's request API on kept-alive connections, as light on the
  // shared cores as postgres.js is for the floor (fetch cost the bench about 2.5 ms of CPU a request).
  const http = new Pool(b.base, { connections: Math.max(...LEVELS) })
  // Every web process has started (the first answers while the others may still be loading).
  await untilQuiet(b.webGroup)
  const rows: string[][] = []
  const targets: string[] = []
  for (const level of LEVELS) {
    const group = owners.slice(0, level)
    await closedLoop(group, 1, (o) => save(http, o)) // warm-up
    const { autosave, round, refused, direct, floor } = await interleaved(
      group,
      SECONDS,
      {
        autosave: (o) => save(http, o),
        round: (o) => save(http, o).then(() => revalidate(http, o)),
        refused: (o) => refusedSave(http, o),
        direct: (o) => saveDirect(sql, o),
        floor: (o) => sql`update ob_flow set updated_at = now() where tenant_id = ${o.tenantId}`.then(() => {}),
      },
      b.webGroup,
    )
    const cpu = (r: { cpuPerOp: number }) => `${r.cpuPerOp.toFixed(2)} ms`
    const share = (r: { rate: number }) => `${((r.rate / floor.rate) * 100).toFixed(0)}% of floor`
    // One row per path: its figures, and against this run's floor; the database paths have no web CPU.
    type Figures = { p50: number; p99: number; rate: number; cpuPerOp: number }
    const row = (path: string, r: Figures, web = true) => [
      `${level}`,
      path,
      ms(r.p50),
      ms(r.p99),
      r.rate.toFixed(0),
      `${(r.p50 / floor.p50).toFixed(1)}x`,
      share(r),
      web ? cpu(r) : '',
    ]
    rows.push(
      row('HTTP autosave', autosave),
      row('HTTP autosave + its revalidation', round),
      row('HTTP floor (no database)', refused),
      row('ob_save called directly', direct, false),
      [`${level}`, 'UPDATE floor', ms(floor.p50), ms(floor.p99), floor.rate.toFixed(0), '1x', '100%', ''],
    )
    // An autosave is at least the HTTP floor's work and ob_save's, on the same cores: the best it
    // could do is their two costs added (latency) or shared (throughput), whatever the page kit does.
    const best = { p50: refused.p50 + direct.p50, rate: 1 / (1 / refused.rate + 1 / direct.rate) }
    targets.push(
      level === 1
        ? `1 owner: HTTP p50 ${(autosave.p50 / floor.p50).toFixed(1)}x the floor (target <= 4x); HTTP floor + ob_save: ${(best.p50 / floor.p50).toFixed(1)}x`
        : `32 owners: ob_save ${share(direct)} (target >= 50%), HTTP ${share(autosave)} (target >= 25%); HTTP floor + ob_save: ${share(best)}`,
    )
  }
  await Promise.all([sql.end(), http.close()])
  print(['owners', 'path', 'p50', 'p99', 'saves/s', 'p50 vs floor', 'throughput', 'server CPU/request'], rows)
  console.log(targets.join('\n'))
  console.log(
    `(${SECONDS}s per path, in turns of 1 s, ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL'}, node ${process.version}, ${os.availableParallelism()} cores, web processes: WEB_CONCURRENCY or one per core)\n`,
  )
}

/** The save engine's database part alone: what an autosave of the business name sends. */
async function saveDirect(sql: Sql, o: Owner) {
  const [{ saved }] =
    await sql`select ob_save(${o.tenantId}, ${o.version}, 'ob_account', ${sql.json({ display_name: `Bench Plumbing ${++o.n}` })}, ${['displayName']}::text[], null, false, 'ACCOUNT') as saved`
  o.version = saved.version
}

/**
 * The HTTP floor: the same request through the same server, the session read and the body read,
 * refused (400) before the database and the page's schema: its intent is not one the page has.
 */
async function refusedSave(http: Pool, o: Owner) {
  const res = await post(http, o, {
    intent: 'bench-unknown',
    version: String(o.version),
    displayName: `Bench Plumbing ${o.n}`,
  })
  if (res.status !== 400) throw new Error(`the refused autosave answered ${res.status}`)
}

async function signIn(b: Bench, name: string): Promise<Owner> {
  const cookie = await signInAs(b.base, 'unverified-mobile', name)
  const state = await fetchPageData(`${b.base}/onboarding/account`, { headers: { cookie } }).then((r) => r.json())
  const sql = connect(b.databaseUrl, { max: 1 })
  const [{ tenantId }] = await sql`select tenant_id from ob_employee where clerk_user_id = ${`dev:${name}`}`
  await sql.end()
  return { cookie, tenantId, version: state.state.version, n: 0 }
}

/** What Remix asks for after the page's save: the page's loader alone (single fetch; the layout opts out). */
async function revalidate(http: Pool, o: Owner) {
  const { statusCode, body } = await http.request({ path: REVALIDATION, method: 'GET', headers: { cookie: o.cookie } })
  await body.text()
  if (statusCode !== 200) throw new Error(`the revalidation answered ${statusCode}`)
}

async function save(http: Pool, o: Owner) {
  const res = await post(http, o, {
    intent: 'autosave',
    version: String(o.version),
    displayName: `Bench Plumbing ${++o.n}`,
  })
  if (res.status !== 200) throw new Error(`autosave answered ${res.status}: ${JSON.stringify(res.reply)}`)
  o.version = res.reply.version
}

/** What the page's autosave posts (urlencoded, as it does without a file), and its reply as the page reads it. */
async function post(http: Pool, o: Owner, fields: Record<string, string>) {
  const { statusCode, headers, body } = await http.request({
    path: ACTION,
    method: 'POST',
    body: new URLSearchParams(fields).toString(),
    headers: { cookie: o.cookie, 'content-type': 'application/x-www-form-urlencoded' },
  })
  const reply = await plainReply(
    new Response(Readable.toWeb(body) as ReadableStream, {
      status: statusCode,
      headers: headers as Record<string, string>,
    }),
  )
  return { status: statusCode, reply: (await reply.json()) as { version: number } }
}
