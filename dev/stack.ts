import { spawn, type ChildProcess } from 'node:child_process'
import { startFakes } from '../test/fakes/index'
import { dropDatabase, ensureDatabase, startEmbedded, type Embedded } from './embedded'
import { migrateDatabase } from '../db/migrate'

// Everything the wizard needs, started in order: PostgreSQL (embedded unless DATABASE_URL is
// given), migrations, the provider fakes, the worker and the web server. Used by `npm run dev`,
// the e2e server and the benchmark, so all three run the same way.
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

export type Stack = { databaseUrl: string; embedded: boolean; webUrl: string; stop: () => Promise<void> }

export async function startStack(o: StackOptions): Promise<Stack> {
  let pg: Embedded | undefined
  let databaseUrl = o.databaseUrl
  let fakes: Awaited<ReturnType<typeof startFakes>>
  try {
    if (!databaseUrl) {
      pg = await startEmbedded(o.pgDir, o.pgPort, process.env.PG_LOG === '1')
      if (o.freshDatabase) await dropDatabase(pg.url('postgres'), o.database)
      await ensureDatabase(pg.url('postgres'), o.database)
      databaseUrl = pg.url(o.database)
    }
    await migrateDatabase(databaseUrl)
    fakes = await startFakes(o.fakesPort)
  } catch (error) {
    await pg?.stop()
    throw error
  }
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(o.web.port),
    ...Object.fromEntries(fakes.fakes.map((f) => [`FAKE_${f.name.toUpperCase()}_URL`, f.url])),
    ...o.env,
  }
  const stdio = o.quiet ? 'ignore' : 'inherit'
  const children: ChildProcess[] = [
    // Own process groups: the launcher signals each once, in order, and PostgreSQL stops last.
    spawn(o.web.command[0], o.web.command.slice(1), { env, stdio, detached: true }),
    spawn(process.execPath, ['--import', 'tsx', 'tasks/worker.ts'], { env, stdio, detached: true }),
  ]
  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    for (const child of children) await terminate(child)
    await fakes.close()
    await pg?.stop()
  }
  for (const child of children) {
    // The web server and worker run until we stop them: any other exit stops the whole stack.
    child.once('exit', (code, signal) => {
      if (stopping) return
      console.error(`A process of the stack exited (${signal ?? `code ${code}`}); stopping.`)
      void stop()
    })
  }
  return { databaseUrl, embedded: Boolean(pg), webUrl: `http://localhost:${o.web.port}`, stop }
}

// Signals the child's whole process group once (`npx remix dev` runs remix-serve below it), waits for
// every process of the group to be gone, and kills what is left after 8 s. In development remix-serve
// never exits by itself (its build watcher stays open), so a Ctrl-C sometimes waits out those 8 s.
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
