import { describe, expect, it } from 'vitest'
import { fakesFor, hasBuild, startWeb } from '../setup/app'
import { freshDatabase } from '../setup/db'

// /healthz and /readyz (issue 20, part 2), on the built server as the app's login.
const { url, sql } = await freshDatabase()
const { env } = await fakesFor()
const web = hasBuild() ? await startWeb({ DATABASE_URL: url, ...env }) : null
const get = async (path: string) => {
  const res = await fetch(`${web!.url}${path}`)
  return `${res.status} ${(await res.text()).trim()}`
}

describe.runIf(hasBuild())('health', () => {
  it('healthz answers; readyz says ready with the migrations this build expects, and why not otherwise', async () => {
    expect(await get('/healthz')).toBe('200 ok')
    expect(await get('/readyz')).toBe('200 ready')
    // A database behind the build (its latest migration not applied): not ready, with the reason.
    const [{ filename }, previous] =
      await sql`select filename from graphile_migrate.migrations order by filename desc limit 2`
    await sql`update graphile_migrate.migrations set filename = '000000.sql' where filename = ${filename}`
    try {
      expect(await get('/readyz')).toBe(
        `503 not ready: the database has migration ${previous.filename.slice(0, 6)}, this build expects ${filename.slice(0, 6)}: run the migrations`,
      )
      expect(await get('/healthz')).toBe('200 ok')
    } finally {
      await sql`update graphile_migrate.migrations set filename = ${filename} where filename = '000000.sql'`
    }
  })
})
