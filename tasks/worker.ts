import { EventEmitter } from 'node:events'
import os from 'node:os'
import { makeWorkerUtils, parseCronItems, run, type WorkerEvents } from 'graphile-worker'
import postgres from 'postgres'
import { closeDb, pool } from '../platform/db.server'
import { env } from '../platform/env.server'
import { log, workerLogger } from '../platform/log.server'
import { databaseMetrics, jobMetrics, serveMetrics } from '../platform/metrics.server'
import { taskList } from './index'

// `npm run worker`: runs onboarding jobs from the same database the web app writes them to.
// SIGINT/SIGTERM stop it gracefully: running jobs finish, then its connections close.
const config = env()
const MAINTENANCE_MS = 5_000
const GC_QUEUES_MS = 60 * 60 * 1000

// While this process lives it holds a connection named after its worker pool; every worker
// unlocks, every few seconds, the jobs of pools without one (ob_unlock_dead_workers): a worker
// killed mid-job no longer strands that job for graphile-worker's 4 hours.
const events: WorkerEvents = new EventEmitter()
let liveness: postgres.Sql | undefined
events.on('pool:create', ({ workerPool }) => {
  liveness = postgres(config.DATABASE_URL, {
    max: 1,
    onnotice: () => {},
    connection: { application_name: `ob-worker:${workerPool.id}` },
  })
})

// Metrics on a port of their own: this worker's jobs by task and outcome, and what the database
// says (the oldest job waiting, registrations by state, tenants waiting in FINALIZE).
const metrics = config.WORKER_METRICS_PORT ? serveMetrics(config.WORKER_METRICS_PORT, 'Worker') : null
if (metrics) {
  const { jobs, seconds } = jobMetrics()
  const started = new Map<string, number>()
  events.on('job:start', ({ job }) => started.set(job.id, performance.now()))
  // error: this attempt failed, to be retried; failed: its last attempt failed.
  type Ran = { job: { id: string; task_identifier: string; attempts: number; max_attempts: number } }
  const ended =
    (outcome: string) =>
    ({ job }: Ran) => {
      jobs.inc({
        task: job.task_identifier,
        outcome: outcome === 'error' && job.attempts >= job.max_attempts ? 'failed' : outcome,
      })
      const at = started.get(job.id)
      if (at !== undefined) seconds.observe({ task: job.task_identifier }, (performance.now() - at) / 1000)
      started.delete(job.id)
    }
  events.on('job:success', ended('success'))
  events.on('job:error', ended('error'))
  databaseMetrics(pool())
}

const runner = await run({
  connectionString: config.DATABASE_URL,
  // We stop it ourselves (below): graphile-worker's own handler ends the process with the signal as
  // soon as its pools are down, before this process's own cleanup (its heartbeat, the jobs' pool).
  noHandleSignals: true,
  concurrency: config.WORKER_CONCURRENCY,
  taskList,
  events,
  logger: workerLogger(),
  // A job's completion is otherwise sent without being waited for, and a graceful stop could end
  // the pool before it arrived: the job stayed locked, to run again (seen by test/integration/
  // shutdown.test.ts). Batched (with no delay), a stop flushes them first.
  preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
  // Once an hour across all workers (graphile-worker's cron keeps one run per slot).
  parsedCronItems: parseCronItems([
    { task: 'uploads_gc', match: '17 * * * *', identifier: 'uploads_gc' },
    { task: 'mail_sweep', match: '7 * * * *', identifier: 'mail_sweep' },
  ]),
})
const utils = await makeWorkerUtils({ connectionString: config.DATABASE_URL })

// This process's heartbeat (ob_heartbeat): a DBA sees a worker that went silent.
const me = `${os.hostname()}:${process.pid}`
async function maintain() {
  try {
    await liveness!`select ob_beat('worker', ${me})`
    const [{ unlocked }] = await liveness!`select ob_unlock_dead_workers() as unlocked`
    if (unlocked > 0) log().warn(`Unlocked the jobs of ${unlocked} worker(s) that stopped without finishing them.`)
  } catch (error) {
    log().error({ err: error }, 'Worker maintenance failed')
  }
}
await maintain()
const timers = [
  setInterval(maintain, MAINTENANCE_MS),
  // One job queue per tenant's purchases: empty queues are removed, as graphile-worker advises.
  setInterval(() => void utils.cleanup({ tasks: ['GC_JOB_QUEUES'] }).catch(() => {}), GC_QUEUES_MS),
]
log().info(`Worker running ${Object.keys(taskList).length} task types with concurrency ${config.WORKER_CONCURRENCY}.`)
// A graceful stop: no new jobs, running ones finish (graphile-worker's gracefulShutdown).
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log().info(`Received ${signal}; finishing the jobs running, taking no new ones.`)
    runner.stop().catch(() => {})
  })
}
await runner.promise
timers.forEach(clearInterval)
metrics?.close()
// Every job has finished or been released: only now the jobs' own pool ends.
if (liveness) await liveness`select ob_beat_end(${me})`.catch(() => {})
await Promise.all([utils.release(), liveness?.end({ timeout: 5 }), closeDb()])
