import type { Task } from 'graphile-worker'
import { sweepMail } from '../db/mail.server'
import { pool } from '../platform/db.server'

// Hourly, on the worker's crontab (graphile-worker runs each slot once across all workers): the
// reminders and "still in review" mails that are due, each queued once by SQL (ob_mail_sweep).
export const mail_sweep: Task = async (_payload, helpers) => {
  const queued = await sweepMail(pool())
  if (queued > 0) helpers.logger.info(`mail_sweep: queued ${queued} mail(s)`)
}
