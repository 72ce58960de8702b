import { ensureDatabase, startEmbedded } from './embedded'
import { migrateDatabase } from '../db/migrate'
const pg = await startEmbedded('/work/main/.data/scratch-pg', 5480)
await ensureDatabase(pg.url('postgres'), 'scratch')
await migrateDatabase(pg.url('scratch'))
console.log(pg.url('scratch'))
process.on('SIGINT', async () => { await pg.stop(); process.exit(0) })
setInterval(() => {}, 1 << 30)
