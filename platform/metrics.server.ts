import client from 'prom-client'
import type { Sql } from '../db/client.server'
import { metric } from '../server/metrics'

export { serveMetrics } from '../server/metrics'

/** Each post of a page's form by how it ended: saved, conflict (409: changed in another tab), refused (bad input), failed. */
export const saves = () =>
  metric(
    'ob_saves_total',
    () =>
      new client.Counter({
        name: 'ob_saves_total',
        help: "Posts of a page's form, by page and outcome.",
        labelNames: ['page', 'outcome'],
      }),
  )

export const outcomeOf = (status: number) =>
  status === 409 ? 'conflict' : status >= 500 ? 'failed' : status >= 400 ? 'refused' : 'saved'

/** The worker's jobs by task and outcome (success; error: to be retried; failed: its last attempt), and their durations. */
export function jobMetrics() {
  const jobs = metric(
    'ob_jobs_total',
    () =>
      new client.Counter({
        name: 'ob_jobs_total',
        help: 'Jobs run by this worker, by task and outcome.',
        labelNames: ['task', 'outcome'],
      }),
  )
  const seconds = metric(
    'ob_job_duration_seconds',
    () =>
      new client.Histogram({
        name: 'ob_job_duration_seconds',
        help: 'How long jobs ran, by task.',
        labelNames: ['task'],
        buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60],
      }),
  )
  return { jobs, seconds }
}

/**
 * What the database says, read at each scrape (the worker's, as the tables' owner): the oldest job
 * waiting to run, registrations by state, and tenants waiting in FINALIZE for the copier.
 */
export function databaseMetrics(sql: Sql) {
  const read = async () => {
    const [[jobs], registrations, [finalize]] = await Promise.all([
      sql`select coalesce(extract(epoch from now() - min(run_at)), 0)::float8 as oldest from graphile_worker.jobs where run_at <= now() and locked_at is null and attempts < max_attempts`,
      sql`select case when submitted_at is null then 'not_submitted' when ob_a2p_eligible(a) then 'approved'
            when coalesce(reason_code, '') <> '' then 'rejected' else 'in_review' end as state, count(*)::int as n
          from ob_a2p a group by 1`,
      sql`select count(*)::int as n, coalesce(extract(epoch from now() - min(updated_at)), 0)::float8 as oldest from ob_flow where phase = 'FINALIZE'`,
    ])
    return {
      oldestJob: jobs.oldest as number,
      registrations: registrations as unknown as { state: string; n: number }[],
      finalize: finalize as { n: number; oldest: number },
    }
  }
  // One read per scrape: prom-client collects the gauges at once, and they share the read in flight.
  let pending: ReturnType<typeof read> | null = null
  const once = () => (pending ??= read().finally(() => (pending = null)))
  const gauge = (
    name: string,
    help: string,
    set: (g: client.Gauge, r: Awaited<ReturnType<typeof read>>) => void,
    labelNames: string[] = [],
  ) =>
    metric(
      name,
      () =>
        new client.Gauge({
          name,
          help,
          labelNames,
          async collect() {
            set(this, await once())
          },
        }),
    )
  gauge(
    'ob_job_oldest_waiting_seconds',
    'How long the oldest job due has waited to run (the worker down or behind).',
    (g, r) => g.set(r.oldestJob),
  )
  gauge(
    'ob_registrations',
    'A2P registrations by state.',
    (g, r) => {
      g.reset()
      for (const s of ['not_submitted', 'in_review', 'approved', 'rejected'])
        g.set({ state: s }, r.registrations.find((x) => x.state === s)?.n ?? 0)
    },
    ['state'],
  )
  gauge('ob_finalize_tenants', 'Tenants waiting in FINALIZE for the copier.', (g, r) => g.set(r.finalize.n))
  gauge(
    'ob_finalize_oldest_seconds',
    'How long the tenant longest in FINALIZE has waited (the copier down, or failing).',
    (g, r) => g.set(r.finalize.oldest),
  )
}
