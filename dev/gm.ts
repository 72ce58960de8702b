import { spawnSync } from 'node:child_process'
import { ensureDatabase, startEmbedded } from './embedded'

// `npm run gm -- <graphile-migrate command>` (commit --message "...", uncommit, watch --once, ...)
// against a scratch embedded PostgreSQL (.data/gm-pg) with its shadow database, so writing a
// migration needs no setup: edit migrations/current.sql, then `npm run gm -- commit -m "what"`.
const pg = await startEmbedded('.data/gm-pg', Number(process.env.GM_PG_PORT ?? 5470))
let status = 1
try {
  await ensureDatabase(pg.url('postgres'), 'gm')
  await ensureDatabase(pg.url('postgres'), 'gm_shadow')
  const env = {
    ...process.env,
    DATABASE_URL: pg.url('gm'),
    SHADOW_DATABASE_URL: pg.url('gm_shadow'),
    ROOT_DATABASE_URL: pg.url('postgres'),
  }
  // The scratch database follows the committed migrations from scratch each time.
  spawnSync('npx', ['graphile-migrate', 'reset', '--erase'], { env, stdio: 'ignore' })
  status = spawnSync('npx', ['graphile-migrate', ...process.argv.slice(2)], { env, stdio: 'inherit' }).status ?? 1
} finally {
  await pg.stop()
}
process.exit(status)
