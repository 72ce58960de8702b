import { randomUUID } from 'node:crypto'
import type { Task, TaskList } from 'graphile-worker'
import { z } from 'zod'
import { work } from '../db/context.server'
import { a2p_otp } from './a2p_otp'
import { a2p_refresh } from './a2p_refresh'
import { a2p_step } from './a2p_step'
import { mail_sweep } from './mail_sweep'
import { provision_number } from './provision_number'
import { send_mail } from './send_mail'
import { slack_test_message } from './slack_test_message'
import { stripe_prefill } from './stripe_prefill'
import { uploads_gc } from './uploads_gc'
import { website_check } from './website_check'

// One file per job, each registered here.
// uploads_gc and mail_sweep run on the worker's crontab, not for a tenant: no jobs of db/jobs.server.ts.
const tasks: Record<string, Task> = {
  a2p_otp,
  a2p_refresh,
  a2p_step,
  mail_sweep,
  provision_number,
  send_mail,
  slack_test_message,
  stripe_prefill,
  uploads_gc,
  website_check,
}

/**
 * A job whose tenant finished onboarding while it waited is no longer wanted: the tenant's rows are
 * frozen (OB423) and the main database has them. It ends as done, with a line in the log, instead of
 * failing and being retried for days.
 */
const untilComplete =
  (name: string, task: Task): Task =>
  async (payload, helpers) => {
    try {
      return await task(payload, helpers)
    } catch (error) {
      if ((error as { code?: string }).code !== 'OB423') throw error
      helpers.logger.info(`${name}: the tenant's onboarding is complete; nothing more to do`)
    }
  }

/**
 * Each job runs as work of its own: the correlation id its payload carries (the click's that queued
 * it; a new one for the crontab's), its job and its tenant. Its log lines, its provider requests and
 * the ob_event rows it writes carry that id.
 */
const uuid = (v: unknown) => (z.string().uuid().safeParse(v).success ? (v as string) : undefined)
const asWork =
  (name: string, task: Task): Task =>
  (payload, helpers) => {
    const p = (payload ?? {}) as { correlationId?: unknown; tenantId?: unknown }
    const correlationId = uuid(p.correlationId) ?? randomUUID()
    return work.run({ correlationId, jobId: helpers.job.id, task: name, tenantId: uuid(p.tenantId) }, () =>
      task(payload, helpers),
    )
  }

export const taskList: TaskList = Object.fromEntries(
  Object.entries(tasks).map(([name, task]) => [name, asWork(name, untilComplete(name, task))]),
)
