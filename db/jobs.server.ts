import { createHash, randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { Db } from './client.server'
import { correlationId } from './context.server'

// Every job in one place: its task name, payload schema, job key and, where two must never run at
// once, its queue. A job key that reaches a provider is also its Idempotency-Key. SQL that enqueues
// (ob_ensure_tenant) spells the same keys: test/integration/job-keys.test.ts holds them together.
type Contract<P extends z.ZodType> = { payload: P; key: (p: z.output<P>) => string; queue?: (p: z.output<P>) => string }
const contract = <P extends z.ZodType>(c: Contract<P>) => c
// Every job carries the correlation id of the click that caused it (jobFor fills it in; jobs queued
// in SQL get it from ob_correlated); jobs queued before it existed, or by the crontab, have none.
const id = z.string().uuid()
const tenant = z.object({ tenantId: z.string().uuid(), correlationId: id.optional() })

export const JOBS = {
  /** Reads the owner's Stripe objects into the Account page (tasks/stripe_prefill.ts). */
  stripe_prefill: contract({ payload: tenant, key: (p) => `ob:stripe:${p.tenantId}` }),
  /** Buys the tenant's number: one job and one queue per tenant, so never two purchases at once. */
  provision_number: contract({
    payload: tenant.extend({ correlationId: id }),
    key: (p) => `ob:prov:${p.tenantId}`,
    queue: (p) => `ob:prov:${p.tenantId}`,
  }),
  /** One step of the A2P registration chain (tasks/a2p_step.ts); its key is the step's Idempotency-Key. */
  a2p_step: contract({
    payload: tenant.extend({
      step: z.enum(['brand', 'campaign', 'binding']),
      submission: z.number().int().min(1),
      correlationId: id,
    }),
    key: (p) => a2pKeys(p.tenantId, p.submission - 1)[p.step],
    queue: (p) => `ob:a2p:${p.tenantId}`,
  }),
  /** Reads the registration's status and continues the chain (tasks/a2p_refresh.ts); reschedules itself until final. */
  a2p_refresh: contract({
    payload: tenant.extend({ attempt: z.number().int().min(0) }),
    key: (p) => `ob:a2p:refresh:${p.tenantId}`,
    queue: (p) => `ob:a2p:${p.tenantId}`,
  }),
  /** A sole proprietor's code: sends the one typed to the registry, or asks for a new one (tasks/a2p_otp.ts). */
  a2p_otp: contract({
    payload: tenant.extend({ action: z.enum(['verify', 'resend']), correlationId: id }),
    key: (p) => `ob:a2p:otp:${p.tenantId}`,
    queue: (p) => `ob:a2p:${p.tenantId}`,
  }),
  /** Fetches the owner's website (SSRF-safe) for https, privacy and terms (tasks/website_check.ts). */
  website_check: contract({
    payload: tenant.extend({ url: z.string().url().max(2048) }),
    key: (p) => `ob:web:${p.tenantId}:${createHash('sha256').update(p.url).digest('hex').slice(0, 16)}`,
  }),
  /** "Send a test message" to the saved Slack link (tasks/slack_test_message.ts); a second press replaces a waiting one. */
  slack_test_message: contract({ payload: tenant, key: (p) => `ob:slack:${p.tenantId}` }),
  /** One mail to the owner, an ob_mail row (tasks/send_mail.ts); SQL queues it (ob_mail_queue) with this key. */
  send_mail: contract({
    payload: tenant.extend({ key: z.string().regex(/^[a-z_]{1,20}(:[0-9]{1,6})?$/) }),
    key: (p) => `ob:mail:${p.tenantId}:${p.key}`,
  }),
}
export type TaskName = keyof typeof JOBS
export type Payload<T extends TaskName> = z.output<(typeof JOBS)[T]['payload']>
export type Job = { task: TaskName; payload: Record<string, unknown>; key: string; queue?: string }

/** A job to enqueue, its payload checked against the task's contract; its correlation id, unless given, the work's running now. */
export function jobFor<T extends TaskName>(
  task: T,
  payload: Omit<Payload<T>, 'correlationId'> & { correlationId?: string },
): Job {
  const c = JOBS[task] as unknown as Contract<z.ZodType<Payload<T>>>
  const p = c.payload.parse({ correlationId: correlationId() ?? randomUUID(), ...payload })
  return { task, payload: p as Record<string, unknown>, key: c.key(p), queue: c.queue?.(p) }
}

/** A task's own payload, checked: a job enqueued by an older release fails loudly, not halfway. */
export const readPayload = <T extends TaskName>(task: T, raw: unknown): Payload<T> =>
  JOBS[task].payload.parse(raw) as Payload<T>

/** The Idempotency-Key of a number purchase: ob:prov:<tenantId>, then :<n> for each new one. */
export const purchaseKey = (tenantId: string, generation: number) =>
  `ob:prov:${tenantId}${generation ? `:${generation}` : ''}`

/** The A2P registration chain's keys (DESIGN.md), resubmissions with the submission count. */
export const a2pKeys = (tenantId: string, resubmission = 0) =>
  resubmission > 0
    ? {
        brand: `ob:a2p:resubmit:${tenantId}:${resubmission}:brand`,
        campaign: `ob:a2p:resubmit:${tenantId}:${resubmission}:camp`,
        binding: `ob:a2p:resubmit:${tenantId}:${resubmission}:bind`,
      }
    : { brand: `ob:a2p:brand:${tenantId}`, campaign: `ob:a2p:camp:${tenantId}`, binding: `ob:a2p:bind:${tenantId}` }

// graphile_worker.add_job (through ob_enqueue) on the caller's transaction: the job exists if and
// only if the change that asked for it commits.
export async function enqueue(tx: Db, job: Job): Promise<void> {
  await tx`select ob_enqueue(${job.task}, ${tx.json(job.payload as never)}::json, ${job.key}, ${job.queue ?? null})`
}

/** One row of the tenant's audit trail (ob_event), in the caller's transaction. Field names, never secrets. */
export async function logEvent(tx: Db, tenantId: string, type: string, data: Record<string, unknown>): Promise<void> {
  await tx`insert into ob_event (tenant_id, event_type, data) values (${tenantId}, ${type}, ${tx.json(data as never)})`
}
