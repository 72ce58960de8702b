import postgres from 'postgres'
import { correlationId } from './context.server'

// The postgres.js client. Everything under db/ takes its `sql` as an argument: the web app and the
// worker each make their pool from their configuration (platform/db.server.ts).
export type Sql = postgres.Sql
export type Tx = postgres.TransactionSql
export type Db = Sql | Tx

// snake_case in SQL, camelCase in TypeScript: postgres.camel maps both ways at the edge.
// biome-ignore lint/complexity/noBannedTypes: postgres.js's own parameter for "no custom types"
export function connect(url: string, options: postgres.Options<{}> = {}): Sql {
  return postgres(url, { transform: postgres.camel, onnotice: () => {}, ...options })
}

/**
 * A transaction of its own, or a savepoint inside the one already open: the web app runs each
 * request's reads and writes in one transaction that names the tenant (row-level security), and
 * db/ functions that need a transaction of their own run inside it. A transaction of its own names
 * the correlation id of the work running (ob_event rows written in it carry it) and, with `tenantId`,
 * its tenant, in one statement.
 */
export function transaction<T>(
  sql: Db,
  fn: (tx: Tx) => Promise<T>,
  o: { snapshot?: boolean; tenantId?: string } = {},
): Promise<T> {
  if ('savepoint' in sql)
    return (sql as Tx).savepoint(async (tx) => (o.tenantId && (await scopeTo(tx, o.tenantId)), fn(tx))) as Promise<T>
  const body = async (tx: Tx) => (await name(tx, o.tenantId), fn(tx))
  return (
    o.snapshot ? (sql as Sql).begin('isolation level repeatable read', body) : (sql as Sql).begin(body)
  ) as Promise<T>
}

async function name(tx: Tx, tenantId: string | undefined) {
  const id = correlationId()
  if (tenantId)
    await tx`select set_config('ob.tenant_id', ${tenantId}, true), set_config('ob.correlation_id', ${id ?? ''}, true)`
  else if (id) await tx`select set_config('ob.correlation_id', ${id}, true)`
}

/**
 * Names the tenant the transaction runs for: row-level security then shows and lets the web app
 * change that tenant's rows only (migration 000010). Lasts until the transaction ends.
 */
async function scopeTo(tx: Tx, tenantId: string): Promise<void> {
  await tx`select set_config('ob.tenant_id', ${tenantId}, true)`
}

/**
 * `fn` in one transaction for the tenant (a savepoint inside a transaction already open). With
 * `snapshot`, every statement of it sees the database as at its first (repeatable read): a page
 * reads its state and its rows as of one moment, never half before and half after a job's commit.
 */
export function asTenant<T>(
  sql: Db,
  tenantId: string,
  fn: (tx: Tx) => Promise<T>,
  o: { snapshot?: boolean } = {},
): Promise<T> {
  return transaction(sql, fn, { ...o, tenantId })
}
