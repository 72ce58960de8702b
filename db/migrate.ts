import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { migrate as graphileMigrate } from 'graphile-migrate'
// Internal module: graphile-migrate has no public way to close its pool early.
import { clearAllPools } from 'graphile-migrate/dist/pgReal.js'
import { Logger } from '@graphile/logger'
// graphile-worker's own Logger (@graphile/logger 0.3); graphile-migrate's is 0.2, the one imported above.
import { Logger as WorkerLogger, runMigrations } from 'graphile-worker'
import postgres from 'postgres'

// Brings a database fully up to date: roles, graphile-worker's schema (our migrations and the save
// engine use it), then our committed migrations. Safe to run on every start.
export const ROLES = ['ob_app', 'ob_copier'] as const

export async function migrateDatabase(connectionString: string): Promise<void> {
  await prepareDatabase(connectionString)
  const settings = JSON.parse(readFileSync(new URL('../.gmrc', import.meta.url), 'utf8'))
  const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url))
  await graphileMigrate({ ...settings, migrationsFolder, connectionString, logger: quietLogger() })
  // graphile-migrate keeps its pool open for a moment after it finishes; close it now, so that a
  // caller may at once clone or drop this database (tests use it as a template).
  clearAllPools()
}

/** What our migrations stand on: the roles and graphile-worker's schema (also graphile-migrate's afterReset). */
export async function prepareDatabase(connectionString: string): Promise<void> {
  const sql = postgres(connectionString, { max: 1, onnotice: () => {} })
  try {
    for (const role of ROLES) {
      // Roles are cluster-wide and NOLOGIN: a DBA grants them to login roles (see README).
      await sql`do $$ begin create role ${sql.unsafe(role)} nologin; exception when duplicate_object then null; end $$`
    }
  } finally {
    await sql.end()
  }
  await runMigrations({ connectionString, logger: quietLogger(WorkerLogger) })
}

// graphile-worker and graphile-migrate log each migration at info level; keep start-up output to
// warnings and errors.
type LogFactory = (scope: object) => (level: string, message: string) => void
function quietLogger(): Logger
function quietLogger<L>(Kind: new (factory: LogFactory) => L): L
function quietLogger(Kind: new (factory: LogFactory) => unknown = Logger) {
  return new Kind(() => (level, message) => {
    if (level === 'error' || level === 'warning') console.error(message)
  })
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // `--prepare-only URL` is graphile-migrate's afterReset hook (see .gmrc).
  const prepareOnly = process.argv[2] === '--prepare-only'
  const url = prepareOnly ? process.argv[3] : process.env.DATABASE_URL
  if (!url) {
    console.error('DATABASE_URL is required: set it to the database to migrate')
    process.exit(1)
  }
  ;(prepareOnly ? prepareDatabase(url) : migrateDatabase(url)).then(
    () => console.log('Database is up to date.'),
    (error) => {
      console.error(`Migration failed: ${error.message}`)
      process.exit(1)
    },
  )
}
