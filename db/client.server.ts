import postgres from 'postgres'
import { env } from '../app/env.server'

export type Sql = postgres.Sql
export type Tx = postgres.TransactionSql
export type Db = Sql | Tx

// snake_case in SQL, camelCase in TypeScript: postgres.camel maps both ways at the edge.
export function connect(url: string, options: postgres.Options<{}> = {}): Sql {
  return postgres(url, { transform: postgres.camel, onnotice: () => {}, ...options })
}

declare global {
  // Survives Remix dev rebuilds, so a rebuild does not leak a pool.
  var __obSql: Sql | undefined
}

export function db(): Sql {
  if (!globalThis.__obSql) {
    const sql = connect(env().DATABASE_URL, { max: 10 })
    // remix-serve closes its HTTP server on these signals; closing the pool too lets the process exit.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void sql.end({ timeout: 5 }))
    globalThis.__obSql = sql
  }
  return globalThis.__obSql
}
