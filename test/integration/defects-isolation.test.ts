import { spawn } from 'node:child_process'
import { afterAll, describe, expect, it } from 'vitest'
import { SECTIONS } from '../../core/pages'
import { asTenant, connect, type Sql } from '../../db/client.server'
import { JOBS } from '../../db/jobs.server'
import { taskList } from '../../tasks/index'
import { freePort, hasBuild } from '../setup/app'
import { freshDatabase, loginIn, makeTenant } from '../setup/db'

const TABLES = ['ob_flow', ...SECTIONS.map((s) => s.section), 'ob_employee', 'ob_event']

// Isolation and limits found by outside testing (issue 18, items 9 and 11): the security-definer
// functions the web app may call, as the app's own login, with another tenant's id.
const { sql, url } = await freshDatabase()
const app = connect(await loginIn(url, 'ob_app'), { max: 2 })
afterAll(() => app.end())
const VERIFIED = { email: true, mobile: true, stripe: true }
const snapshotOf = async (t: string) =>
  (
    await sql`
  select f.version, f.phase, a.display_name, n.number_generation, r.submission_count, r.otp_resends
  from ob_flow f join ob_account a using (tenant_id) join ob_number n using (tenant_id) join ob_a2p r using (tenant_id)
  where f.tenant_id = ${t}`
  )[0]
const jobsOf = async (t: string) => (await sql`select count(*)::int as n from ob_outbox where tenant_id = ${t}`)[0].n

/** Tenant B with a number and a sole proprietor's code waiting, so every function has work to do. */
async function victim() {
  const b = await makeTenant(sql, { ...VERIFIED, displayName: 'Tenant B Roofing' })
  await sql`update ob_number set e164 = ${`+1415${String(Math.floor(Math.random() * 9_000_000) + 1_000_000)}`}, e164_generation = 0, state = 'Configured', capabilities = ${sql.json({ sms: true, mms: true, voice: true })} where tenant_id = ${b}`
  await sql`update ob_a2p set brand_id = 'BN1', brand_phase = 'VETTED', identity_status = 'UNVERIFIED', otp_sent_at = now() where tenant_id = ${b}`
  return b
}
const CALLS: [string, (tx: Sql, b: string, v: number) => Promise<unknown>][] = [
  [
    'ob_save',
    (tx, b, v) =>
      tx`select ob_save(${b}, ${v}, 'ob_account', ${tx.json({ display_name: 'x' })}, array['display_name'], null, false, 'ACCOUNT')`,
  ],
  ['ob_advance', (tx, b) => tx`select ob_advance(${b}, true)`],
  ['ob_request_number_change', (tx, b) => tx`select ob_request_number_change(${b}, '628')`],
  ['ob_a2p_submit', (tx, b) => tx`select * from ob_a2p_submit(${b})`],
  ['ob_a2p_resend_otp', (tx, b) => tx`select ob_a2p_resend_otp(${b})`],
  [
    'ob_enqueue',
    (tx, b) =>
      tx`select ob_enqueue('provision_number', json_build_object('tenantId', ${b}::text), ${`ob:prov:${b}`}, ${`ob:prov:${b}`})`,
  ],
]

describe("security-definer functions as the app's login", () => {
  it.each(CALLS)(
    "9. %s with another tenant's id, with tenant A named or none, is refused and changes nothing",
    async (_name, call) => {
      const a = await makeTenant(sql, VERIFIED)
      const b = await victim()
      const before = await snapshotOf(b)
      const jobs = await jobsOf(b)
      await expect(asTenant(app, a, (tx) => call(tx as never, b, before.version))).rejects.toMatchObject({
        code: '42501',
      })
      await expect(app.begin((tx) => call(tx as never, b, before.version))).rejects.toMatchObject({ code: '42501' })
      await expect(call(app, b, before.version)).rejects.toMatchObject({ code: '42501' })
      expect(await snapshotOf(b)).toEqual(before)
      expect(await jobsOf(b)).toBe(jobs)
      // Its own tenant named: the same call goes through (or refuses for its own reasons, never 42501).
      await asTenant(app, b, (tx) => call(tx as never, b, before.version)).catch((error) =>
        expect(error.code).not.toBe('42501'),
      )
    },
  )

  it('9. every security-definer function the app may execute checks its tenant, or takes none', async () => {
    const rows = await sql`
      select p.proname, p.prosrc, pg_get_function_identity_arguments(p.oid) as args from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'public' and p.prosecdef and p.prorettype <> 'trigger'::regtype and has_function_privilege('ob_app', p.oid, 'EXECUTE')`
    const unchecked = rows
      .filter((r) => !r.prosrc.includes('ob_assert_tenant'))
      .map((r) => r.proname)
      .sort()
    // Lookups before a request knows its tenant, the snapshot of the tenant the transaction names,
    // a signed provider event, whose object names its tenant, and /readyz's migration number.
    expect(unchecked, JSON.stringify(unchecked)).toEqual([
      'ob_a2p_callback',
      'ob_ensure_tenant',
      'ob_schema_version',
      'ob_tenant_of_customer',
      'ob_tenant_of_user',
      'ob_tenant_snapshot',
    ])
    expect(rows.length).toBeGreaterThan(unchecked.length + 5)
  })

  it("9. ob_enqueue takes our tasks only, and only jobs whose payload, key and queue name the caller's tenant", async () => {
    const a = await makeTenant(sql, VERIFIED)
    const b = await makeTenant(sql, VERIFIED)
    const enqueue = (task: string, tenant: string, key: string) =>
      asTenant(app, a, (tx) => tx`select ob_enqueue(${task}, json_build_object('tenantId', ${tenant}::text), ${key})`)
    await expect(enqueue('drop_everything', a, `ob:x:${a}`)).rejects.toMatchObject({ code: '23514' })
    await expect(enqueue('provision_number', a, `ob:prov:${b}`)).rejects.toMatchObject({ code: '23514' })
    await expect(enqueue('provision_number', b, `ob:prov:${b}`)).rejects.toMatchObject({ code: '42501' })
    await enqueue('slack_test_message', a, `ob:slack:${a}`)
    expect(await jobsOf(a)).toBe(1)
    expect(await jobsOf(b)).toBe(0)
    // The tasks SQL accepts are the tasks the worker runs and the contracts define.
    const tasks = (await sql`select task from ob_job_task order by task`).map((r) => r.task)
    expect(tasks).toEqual(Object.keys(JOBS).sort())
    expect(tasks).toEqual(
      Object.keys(taskList)
        .filter((t) => !['uploads_gc', 'mail_sweep'].includes(t))
        .sort(),
    ) // the worker's crontab, no tenant's
  })

  it('9. caps come from ob_setting, not from the caller: number_changes_per_day set to 1 refuses the second change', async () => {
    const b = await victim()
    await sql`update ob_setting set value = 1 where name = 'number_changes_per_day'`
    try {
      await asTenant(app, b, (tx) => tx`select ob_request_number_change(${b}, '628')`)
      await sql`update ob_number set e164_generation = number_generation where tenant_id = ${b}` // the new number arrived
      await expect(asTenant(app, b, (tx) => tx`select ob_request_number_change(${b}, '510')`)).rejects.toMatchObject({
        code: 'OB429',
      })
    } finally {
      await sql`update ob_setting set value = 3 where name = 'number_changes_per_day'`
    }
  })

  it("9. row-level security is forced: a login with the owner's rights and in ob_app sees one tenant; with the owner's rights alone (the worker), all", async () => {
    const a = await makeTenant(sql, VERIFIED)
    await makeTenant(sql, VERIFIED)
    const [{ owner }] = await sql`select tableowner as owner from pg_tables where tablename = 'ob_flow'`
    const login = async (name: string, inApp: boolean) => {
      await sql.unsafe(
        `do $$ begin create role ${name} login password '${name}'; exception when duplicate_object then null; end $$`,
      )
      await sql.unsafe(`grant ${owner} to ${name}`)
      if (inApp) await sql.unsafe(`grant ob_app to ${name}`)
      const u = new URL(url)
      u.username = name
      u.password = name
      return connect(u.toString(), { max: 1 })
    }
    const ownerAndApp = await login('ob_test_owner_app', true)
    const ownerOnly = await login('ob_test_owner_only', false)
    try {
      expect(
        (await sql`select count(*)::int as n from pg_class where relname = any(${TABLES}) and relforcerowsecurity`)[0]
          .n,
      ).toBe(TABLES.length)
      const seen = await asTenant(ownerAndApp, a, (tx) => tx`select distinct tenant_id from ob_flow`)
      expect(seen.map((r) => r.tenantId)).toEqual([a])
      expect((await ownerOnly`select count(*)::int as n from ob_flow`)[0].n).toBe(
        (await sql`select count(*)::int as n from ob_flow`)[0].n,
      )
    } finally {
      await Promise.all([ownerAndApp.end(), ownerOnly.end()])
    }
  })

  it.runIf(hasBuild())(
    "9. the web server refuses to start as the tables' owner (here a superuser), with one line",
    async () => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
        env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: url, PORT: String(await freePort()) },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let output = ''
      child.stdout.on('data', (c) => (output += c))
      child.stderr.on('data', (c) => (output += c))
      const code = await new Promise((resolve) => child.once('exit', resolve))
      expect(code).toBe(1)
      expect(output.trim()).toMatch(
        /^Configuration error: the database login \w+ is a superuser; the web app must connect as a login in ob_app \(README, For DBAs\)$/,
      )
    },
  )
})

describe("a sole proprietor's code", () => {
  it('11. code attempts are capped in SQL: the 6th attempt at one code and the 11th in a day are refused with a reason code', async () => {
    const b = await victim()
    const attempt = (n: number) =>
      asTenant(app, b, (tx) => tx`update ob_a2p set otp_code = ${`v2:0badc0de:attempt-${n}`} where tenant_id = ${b}`)
    for (let n = 1; n <= 5; n++) await attempt(n)
    await expect(attempt(6)).rejects.toMatchObject({
      code: 'OB429',
      message: 'OTP_TRIES_CODE', // a code; the page words it (core/refusals.ts)
    })
    // A new code (the registry texted again) allows 5 more, up to 10 in a day.
    await sql`update ob_a2p set otp_sent_at = now() + interval '1 second' where tenant_id = ${b}`
    for (let n = 7; n <= 11; n++) await attempt(n)
    await sql`update ob_a2p set otp_sent_at = now() + interval '2 seconds' where tenant_id = ${b}`
    await expect(attempt(12)).rejects.toMatchObject({
      code: 'OB429',
      message: 'OTP_TRIES_TODAY',
    })
  })
})
