import postgres from 'postgres'

// The postgres.js client. Everything under db/ takes its `sql` as an argument: the web app and the
// worker each make their pool from their configuration (app/lib/db.server.ts).
export type Sql = postgres.Sql
export type Tx = postgres.TransactionSql
export type Db = Sql | Tx

// snake_case in SQL, camelCase in TypeScript: postgres.camel maps both ways at the edge.
export function connect(url: string, options: postgres.Options<{}> = {}): Sql {
  return postgres(url, { transform: postgres.camel, onnotice: () => {}, ...options })
}
