import { asTenant, connect, type Sql, type Tx } from '../db/client.server'
import { nameTenant } from '../db/context.server'
import { env } from './env.server'

export type { Db, Sql, Tx } from '../db/client.server'

declare global {
  // Survives Remix dev rebuilds, so a rebuild does not leak a pool.
  var __obSql: Sql | undefined
}

/**
 * This process's pool, handed explicitly to what names no tenant (sign-in, webhooks, health), to the
 * save engine (ob_save names its tenant itself) and to the worker's tasks (they run with the tables'
 * owner's rights). Nothing reads a connection from the surroundings: a tenant's reads go through
 * withTenant, which hands them their transaction.
 */
export function pool(): Sql {
  if (!globalThis.__obSql) {
    // Closed by the process once its requests or jobs are done (closeDb), never on the signal
    // itself: a request or job still running would fail mid-transaction.
    globalThis.__obSql = connect(env().DATABASE_URL, { max: 10 })
  }
  return globalThis.__obSql
}

/** Ends the pool (if this process opened it), once nothing uses it any more. */
export const closeDb = () => globalThis.__obSql?.end({ timeout: 5 })

/**
 * Runs `fn` in one transaction for the tenant, handed to it (row-level security keeps it to that
 * tenant). A Response thrown by a loader or action (a redirect) is an answer, not a failure: what
 * was written before it commits. `snapshot`: one view of the database for all of it (a page's load).
 * An outage answers 503.
 */
export async function withTenant<T>(
  tenantId: string,
  fn: (tx: Tx) => Promise<T>,
  o: { snapshot?: boolean } = {},
): Promise<T> {
  nameTenant(tenantId) // the request's log lines name it from here on
  let answer: Response | undefined
  const result = await asTenant(
    pool(),
    tenantId,
    async (tx) => {
      try {
        return await fn(tx)
      } catch (error) {
        if (!(error instanceof Response)) throw error
        answer = error
        return undefined as T
      }
    },
    o,
  ).catch((error) => {
    throw isOutage(error) ? unavailable() : error
  })
  if (answer) throw answer
  return result
}

// Errors that mean the database cannot be reached or is going away, not that a query is wrong:
// postgres.js's connection codes, and SQLSTATE classes 08 (connection), 57P (shutdown), 53300 (too
// many connections).
const OUTAGE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  '53300',
])
export function isOutage(error: unknown): boolean {
  const code = String((error as { code?: unknown })?.code ?? '')
  return (
    OUTAGE_CODES.has(code) ||
    /^(08|57P0)/.test(code) ||
    (error instanceof AggregateError && error.errors.some(isOutage))
  )
}
/** What an owner is answered while the database is away: the page says to try again in a minute. */
export const unavailable = () =>
  new Response('We are having trouble; try again in a minute.', { status: 503, headers: { 'retry-after': '60' } })
