import type { Task, TaskList } from 'graphile-worker'
import { a2p_otp } from './a2p_otp'
import { a2p_refresh } from './a2p_refresh'
import { a2p_step } from './a2p_step'
import { mail_sweep } from './mail_sweep'
import { provision_number } from './provision_number'
import { send_mail } from './send_mail'
import { slack_test } from './slack_test'
import { stripe_prefill } from './stripe_prefill'
import { uploads_gc } from './uploads_gc'
import { website_check } from './website_check'

// One file per job, each registered here.
// uploads_gc and mail_sweep run on the worker's crontab, not for a tenant: no jobs of db/jobs.server.ts.
const tasks: Record<string, Task> = { a2p_otp, a2p_refresh, a2p_step, mail_sweep, provision_number, send_mail, slack_test, stripe_prefill, uploads_gc, website_check }

/**
 * A job whose tenant finished onboarding while it waited is no longer wanted: the tenant's rows are
 * frozen (OB423) and the main database has them. It ends as done, with a line in the log, instead of
 * failing and being retried for days.
 */
const untilComplete = (name: string, task: Task): Task => async (payload, helpers) => {
  try {
    return await task(payload, helpers)
  } catch (error) {
    if ((error as { code?: string }).code !== 'OB423') throw error
    helpers.logger.info(`${name}: the tenant's onboarding is complete; nothing more to do`)
  }
}

export const taskList: TaskList = Object.fromEntries(Object.entries(tasks).map(([name, task]) => [name, untilComplete(name, task)]))
