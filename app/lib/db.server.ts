import { connect, type Sql } from '../../db/client.server'
import { env } from './env.server'

export type { Db, Sql } from '../../db/client.server'

declare global {
  // Survives Remix dev rebuilds, so a rebuild does not leak a pool.
  var __obSql: Sql | undefined
}

/** This process's pool (the web app's, or the worker's for its tasks), from DATABASE_URL. */
export function db(): Sql {
  if (!globalThis.__obSql) {
    const sql = connect(env().DATABASE_URL, { max: 10 })
    // The web server and worker close on these signals; closing the pool too lets the process exit.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void sql.end({ timeout: 5 }))
    globalThis.__obSql = sql
  }
  return globalThis.__obSql
}
