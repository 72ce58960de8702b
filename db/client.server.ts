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
  globalThis.__obSql ??= connect(env().DATABASE_URL, { max: 10 })
  return globalThis.__obSql
}
