import { spawn, type ChildProcess } from 'node:child_process'
import { fakeEnv, startFakes } from '../test/fakes/index'
import { dropDatabase, ensureDatabase, GUARD, startEmbedded, type Embedded } from './embedded'
import { migrateDatabase } from '../db/migrate'
import postgres from 'postgres'

// Everything the wizard needs, started in order: PostgreSQL (embedded unless DATABASE_URL is
// given), migrations, the provider fakes, the worker, the web server and the reference copier
// (into a second database on the same server, "<database>_main", or COPIER_TARGET_URL). Used by
// `npm run dev`, the e2e server and the benchmark, so all three run the same way.
export type StackOptions = {
  databaseUrl?: string
  pgDir: string
  pgPort: number
  database: string
  freshDatabase?: boolean
  fakesPort: number
  web: { command: string[]; port: number }
  env?: Record<string, string>
  quiet?: boolean
}

export type Stack = {
  databaseUrl: string
  embedded: boolean
  webUrl: string
  copierTargetUrl: string | null
  /** The web server's process group (its id is the group's), for the benchmark's CPU figures. */
  webGroup: number
  stop: () => Promise<void>
  kill: () => void
}

export async function startStack(o: StackOptions): Promise<Stack> {
  let pg: Embedded | undefined
  let databaseUrl = o.databaseUrl
  let fakes: Awaited<ReturnType<typeof startFakes>>
  let copier: { source: string; target: string } | null = null
  let appUrl = ''
  try {
    if (!databaseUrl) {
      pg = await startEmbedded(o.pgDir, o.pgPort, process.env.PG_LOG === '1')
      for (const name of [o.database, `${o.database}_main`]) {
        if (o.freshDatabase) await dropDatabase(pg.url('postgres'), name)
        await ensureDatabase(pg.url('postgres'), name)
      }
      databaseUrl = pg.url(o.database)
    }
    await migrateDatabase(databaseUrl)
    const target = process.env.COPIER_TARGET_URL ?? (pg ? pg.url(`${o.database}_main`) : null)
    if (target) copier = { source: await loginFor(databaseUrl, 'ob_copier', Boolean(pg)), target }
    appUrl = await loginFor(databaseUrl, 'ob_app', Boolean(pg))
    fakes = await startFakes(o.fakesPort)
  } catch (error) {
    await pg?.stop()
    throw error
  }
  const env = {
    ...process.env,
    // Everything runs as production unless told otherwise: the launcher says development (the
    // e2e stack and the benchmark say test through o.env).
    NODE_ENV: 'development' as const,
    DATABASE_URL: databaseUrl,
    PORT: String(o.web.port),
    ...fakeEnv(fakes.fakes),
    ...o.env,
  }
  const out = o.quiet ? 'ignore' : 'inherit'
  // Each in a process group of its own, so the launcher can stop them in order (PostgreSQL last);
  // each through dev/guard.mjs, so they also stop when the launcher dies without stopping them.
  const run = (command: string[], extra: Record<string, string | undefined> = {}) =>
    spawn(process.execPath, [GUARD, '--', ...command], {
      env: { ...env, ...extra },
      stdio: ['pipe', out, out],
      detached: true,
    })
  // The web server, the worker and the copier run until we stop them. One that dies is started
  // again with one line, and the rest keep running (as a crashed worker is replaced in production);
  // one that dies within 10 s of its start three times running stops the stack instead.
  const specs: { name: string; command: string[]; extra?: Record<string, string> }[] = [
    // The web app as a login in ob_app (row-level security applies); the worker as the tables' owner.
    { name: 'web server', command: o.web.command, extra: { DATABASE_URL: appUrl } },
    { name: 'worker', command: [process.execPath, '--import', 'tsx', 'tasks/worker.ts'] },
    ...(copier
      ? [
          {
            name: 'copier',
            command: [process.execPath, '--import', 'tsx', 'copier/index.ts', '--target', copier.target],
            extra: { DATABASE_URL: copier.source },
          },
        ]
      : []),
  ]
  const children: ChildProcess[] = []
  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    for (const child of children) await terminate(child)
    await fakes.close()
    await pg?.stop()
  }
  /** Everything at once, now (a second Ctrl-C). */
  const kill = () => {
    stopping = true
    for (const child of children) signalGroup(child, 'SIGKILL')
    pg?.kill()
  }
  const start = (i: number, quickDeaths = 0) => {
    const spec = specs[i]
    const child: ChildProcess = run(spec.command, spec.extra)
    const startedAt = Date.now()
    children[i] = child
    child.once('exit', (code, signal) => {
      if (stopping) return
      const quick = Date.now() - startedAt < 10_000 ? quickDeaths + 1 : 0
      if (quick >= 3) {
        console.error(
          `The ${spec.name} exited (${signal ?? `code ${code}`}) three times within seconds of starting; stopping.`,
        )
        return void stop()
      }
      console.error(`The ${spec.name} exited (${signal ?? `code ${code}`}); starting it again.`)
      start(i, quick)
    })
  }
  for (let i = 0; i < specs.length; i++) start(i)
  return {
    databaseUrl,
    embedded: Boolean(pg),
    webUrl: `http://localhost:${o.web.port}`,
    copierTargetUrl: copier?.target ?? null,
    webGroup: children[0].pid!,
    stop,
    kill,
  }
}

/**
 * A connection to the onboarding database as a login in one of our group roles (ob_app for the web
 * app, ob_copier for the copier), made here as a DBA would, so each process runs with only its
 * role's grants and, for the web app, under row-level security. Elsewhere than the embedded server
 * (an outside DATABASE_URL), the URL as given: the DBA has made the logins.
 */
export async function loginFor(databaseUrl: string, group: 'ob_app' | 'ob_copier', embedded = true): Promise<string> {
  if (!embedded) return databaseUrl
  const login = `${group}_dev`
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} })
  try {
    await sql.unsafe(`do $$ begin create role ${login} login password '${login}' in role ${group};
      exception when duplicate_object then null; end $$`)
  } finally {
    await sql.end()
  }
  const url = new URL(databaseUrl)
  url.username = login
  url.password = login
  return url.toString()
}

// Signals the child's whole process group once (npx or a shell may run the real process below it),
// waits for every process of the group to be gone, and kills what is left after 8 s.
function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal)
  } catch {
    // the group is gone already
  }
}

async function terminate(child: ChildProcess): Promise<void> {
  const group = -child.pid!
  const alive = () => {
    try {
      process.kill(group, 0)
      return true
    } catch {
      return false
    }
  }
  if (!alive()) return
  process.kill(group, 'SIGINT')
  for (let waited = 0; alive(); waited += 100) {
    if (waited >= 8000) {
      process.kill(group, 'SIGKILL')
      break
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** The built app (server/index.ts) in test mode, on a fresh database: the e2e server and the benchmark. */
export function startBuiltApp(name: string, ports: { pg: number; fakes: number; web: number }, quiet = true) {
  return startStack({
    databaseUrl: process.env.DATABASE_URL,
    pgDir: `.data/${name}-pg`,
    pgPort: ports.pg,
    database: `ob_${name}`,
    freshDatabase: true,
    fakesPort: ports.fakes,
    web: { command: [process.execPath, '--import', 'tsx', 'server/index.ts'], port: ports.web },
    env: { NODE_ENV: 'test' }, // keeps the dev sign-in open for tests
    quiet,
  })
}

/** Redacts the password from a connection string for logs. */
export const redact = (url: string) => url.replace(/:\/\/([^:@/]+):[^@/]+@/, '://$1:***@')

/**
 * Ctrl-C (SIGINT) or SIGTERM stops the stack in order; a second Ctrl-C while it stops, everything
 * at once (PostgreSQL by immediate shutdown). One Ctrl-C can arrive twice (the terminal's, and tsx
 * relaying it): signals within 100 ms count as one.
 */
export function stopOnSignals(stack: Stack) {
  let first = 0
  const onSignal = (signal: NodeJS.Signals) => {
    if (!first) {
      first = Date.now()
      void stack.stop().then(() => process.exit(0))
    } else if (signal === 'SIGINT' && Date.now() - first >= 100) {
      console.log('Stopping everything now.')
      stack.kill()
      process.exit(130)
    }
  }
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal)
}
