import { spawn } from 'node:child_process'
import postgres from 'postgres'
import { afterAll, describe, expect, it } from 'vitest'
import { copyTenant, copyWaiting, prepareTarget, TABLE } from '../../copier/copy'
import { wizardState } from '../../db/flow.server'
import { finishOnboarding } from '../../db/save.server'
import { emptyDatabase, freshDatabase, loginIn } from '../setup/db'
import { example, normalized, onboardedTenant } from '../setup/onboarded'

// The reference copier against a second database, connected as a login in the ob_copier role:
// its copy is the snapshot (the committed example), it is idempotent across a crash, and the real
// process is told by NOTIFY instead of polling.
const { sql, url } = await freshDatabase()
const targetUrl = await emptyDatabase()
const source = postgres(await loginIn(url, 'ob_copier'), { max: 2, onnotice: () => {} })
const target = postgres(targetUrl, { max: 2, onnotice: () => {} })
afterAll(() => Promise.all([source.end(), target.end()]))
await prepareTarget(target)

const finished = async (userId?: string) => {
  const t = await onboardedTenant(sql, userId)
  await finishOnboarding(sql, t, (await wizardState(sql, t)).version)
  return t
}
const copied = async (t: string) => target`select snapshot, copies from ${target(TABLE)} where tenant_id = ${t}`
const phase = async (t: string) => (await wizardState(sql, t)).phase

describe('the reference copier', () => {
  it('copies each FINALIZE tenant into the target table, then marks it COMPLETE; the copy is the example document', async () => {
    const t = await finished('user_example')
    expect(await copyWaiting(source, target)).toContain(t)
    expect(await phase(t)).toBe('COMPLETE')
    const [row] = await copied(t)
    expect(row.copies).toBe(1)
    // The copy was taken in FINALIZE: the example is that same document.
    expect(normalized(row.snapshot)).toEqual(example(normalized(row.snapshot)))
    expect(await copyWaiting(source, target)).toEqual([]) // nothing left to copy
  })

  it('crashing between its copy and ob_mark_complete copies the same tenant again, onto the same row', async () => {
    const t = await finished()
    await expect(
      copyTenant(source, target, t, { afterCopy: () => Promise.reject(new Error('killed')) }),
    ).rejects.toThrow('killed')
    expect(await phase(t)).toBe('FINALIZE')
    expect((await copied(t))[0].copies).toBe(1)
    expect(await copyWaiting(source, target)).toEqual([t])
    expect(await phase(t)).toBe('COMPLETE')
    const rows = await copied(t)
    expect(rows).toHaveLength(1)
    expect(rows[0].copies).toBe(2)
  })

  it('with only the ob_copier grants: it cannot read the tables behind the view or change anything else', async () => {
    const t = await finished()
    await expect(source`select * from ob_flow where tenant_id = ${t}`).rejects.toMatchObject({ code: '42501' })
    await expect(source`update ob_flow set phase = 'COMPLETE' where tenant_id = ${t}`).rejects.toMatchObject({
      code: '42501',
    })
  })

  it('as a process: copies what waited at its start, then each tenant it is told of within a second, without polling', async () => {
    const early = await finished()
    const child = spawn(process.execPath, ['--import', 'tsx', 'copier/index.ts', '--target', targetUrl], {
      env: { ...process.env, DATABASE_URL: await loginIn(url, 'ob_copier') },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (c) => (output += c))
    child.stderr.on('data', (c) => (output += c))
    const exited = new Promise((resolve) => child.once('exit', resolve))
    try {
      const until = async (what: string, probe: () => Promise<boolean>, ms = 10_000) => {
        for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50)))
          if (await probe()) return
        throw new Error(`${what} did not happen:\n${output}`)
      }
      await until('the start-up sweep', async () => (await phase(early)) === 'COMPLETE')
      // The copier sweeps only when it starts (done above), reconnects, or 30 s after a failure:
      // a tenant copied now was copied because NOTIFY told it. (How fast: npm run bench.)
      const t = await finished()
      await until('the copy of a tenant it was told of', async () => (await phase(t)) === 'COMPLETE')
      expect((await copied(t))[0].copies).toBe(1)
      expect(output).toMatch(new RegExp(`copied ${t}; COMPLETE`))
      // Its heartbeat, for the DBA's liveness query (issue 20, part 2); gone once it stops in order.
      expect(
        (await sql`select role from ob_heartbeat where process like ${`%:${child.pid}`}`).map((r) => r.role),
      ).toEqual(['copier'])
    } finally {
      child.kill('SIGTERM')
      await exited
    }
    expect(await sql`select 1 from ob_heartbeat where process like ${`%:${child.pid}`}`).toEqual([])
  })
})
