import { readdirSync } from 'node:fs'
import path from 'node:path'
import { pool } from '../../platform/db.server'

// /healthz: the process answers. /readyz: it can serve an owner: the database answers within 2 s
// with the migrations this build expects (the latest file in migrations/committed), and the process
// is not shutting down. A load balancer sends traffic only to ready processes.
// Read from the working directory, as the server finds build/ (the bundle moves this module).
// graphile-migrate records a migration by its number (000029.sql): the number is what is compared.
const number = (file: string | null) => file?.match(/^\d+/)?.[0] ?? 'none'
const EXPECTED = number(
  readdirSync(path.resolve('migrations/committed'))
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .at(-1) ?? null,
)
declare global {
  // Set by the web server (server/index.ts) when shutdown begins: requests in flight still finish.
  var __obDraining: boolean | undefined
}

export async function readiness(): Promise<{ ready: true } | { ready: false; reason: string }> {
  if (globalThis.__obDraining) return { ready: false, reason: 'shutting down' }
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 2000).unref())
  const version = await Promise.race([
    pool()`select ob_schema_version() as v`.then(([r]) => r.v as string | null),
    timeout,
  ]).catch((error: Error) => error)
  if (version === 'timeout') return { ready: false, reason: 'the database did not answer within 2 s' }
  if (version instanceof Error)
    return { ready: false, reason: `the database cannot be reached: ${version.message.slice(0, 200)}` }
  if (number(version) !== EXPECTED)
    return {
      ready: false,
      reason: `the database has migration ${number(version)}, this build expects ${EXPECTED}: run the migrations`,
    }
  return { ready: true }
}
