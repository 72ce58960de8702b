import postgres from 'postgres'
import type { TestProject } from 'vitest/node'
import { dropDatabase, ensureDatabase, startEmbedded } from '../../dev/embedded'
import { migrateDatabase } from '../../db/migrate'
import { adminUrlFor, TEMPLATE } from './db'

// Once per `vitest run`: a PostgreSQL (embedded unless DATABASE_URL is set) and a template database
// migrated with `db:migrate`'s own code. Each test file then clones the template (see db.ts).
export default async function setup(project: TestProject) {
  const given = process.env.DATABASE_URL
  const pg = given ? undefined : await startEmbedded('.data/test-pg', Number(process.env.TEST_PG_PORT ?? 5455))
  const adminUrl = given ? adminUrlFor(given, 'postgres') : pg!.url('postgres')
  try {
    // On our own embedded server, also clear databases a crashed earlier run left behind (on a
    // shared server they may belong to a run still going).
    const sql = postgres(adminUrl, { max: 1, onnotice: () => {} })
    const stale = pg ? await sql`select datname from pg_database where datname like 'ob\_test\_%'` : []
    await sql.end()
    for (const { datname } of [...stale, { datname: TEMPLATE }]) await dropDatabase(adminUrl, datname)
    await ensureDatabase(adminUrl, TEMPLATE)
    await migrateDatabase(adminUrlFor(adminUrl, TEMPLATE))
  } catch (error) {
    await pg?.stop()
    throw error
  }
  project.provide('adminUrl', adminUrl)
  return async () => {
    await pg?.stop()
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string
  }
}
