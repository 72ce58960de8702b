import type { Task } from 'graphile-worker'
import { referencedLogos } from '../db/account.server'
import { pool } from '../platform/db.server'
import { removeStored, storedFiles } from '../platform/storage.server'

// Every upload is a new file (named by its content): a logo replaced, or one whose save was
// refused after it was stored, is left behind. Hourly (the worker's crontab), files no row points
// to are removed once they are an hour old, so a file being saved right now is never taken.
const GRACE_MS = 60 * 60 * 1000

export const uploads_gc: Task = async (_payload, helpers) => {
  const [files, used] = await Promise.all([storedFiles(), referencedLogos(pool())])
  const stale = files.filter((f) => !used.has(f.url) && Date.now() - f.writtenAt > GRACE_MS)
  await Promise.all(stale.map((f) => removeStored(f.name)))
  helpers.logger.info(`uploads_gc: ${stale.length} of ${files.length} stored files removed (no row points to them)`)
}
