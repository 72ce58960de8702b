import { Logger as WorkerLogger } from 'graphile-worker'
import type { Logger } from 'pino'
import { currentWork, type Work } from '../db/context.server'
import { logger } from '../server/log'

/**
 * The logger of the work running now: each line carries its correlation id, its request id or job,
 * and its tenant once known, so one id finds a click's lines in the web server's log and the worker's.
 */
export function log(): Logger {
  const w = currentWork()
  return w ? logger().child(bindings(w)) : logger()
}

// A request's lines also name its id as its request line does (reqId): the same id.
const bindings = (w: Work) => ({
  correlationId: w.correlationId,
  reqId: w.jobId ? undefined : w.correlationId,
  jobId: w.jobId,
  task: w.task,
  tenant: w.tenantId,
})

const LEVELS = { error: 'error', warning: 'warn', info: 'info', debug: 'debug' } as const

/**
 * graphile-worker's logger (its own class, @graphile/logger 0.3), writing through ours: its scope
 * beside the job's work. Its lines about a job ("Completed task 7") are written after the job's
 * work has ended: they name the job, its task and the correlation id of its payload instead of the
 * whole row.
 */
export const workerLogger = () =>
  new WorkerLogger((scope) => (level, message, meta) => {
    const { job, ...rest } = (meta ?? {}) as {
      job?: {
        id: string
        task_identifier: string
        attempts: number
        payload?: { correlationId?: unknown; tenantId?: unknown }
      }
    }
    const about = job && {
      jobId: job.id,
      task: job.task_identifier,
      attempts: job.attempts,
      correlationId: job.payload?.correlationId,
      tenant: job.payload?.tenantId,
    }
    const { label, workerId } = scope as Record<string, unknown>
    log()[LEVELS[level as keyof typeof LEVELS] ?? 'info']({ label, workerId, ...about, ...rest }, message)
  })
