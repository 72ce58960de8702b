import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * What this process is working on now: a web request (its id is the correlation id) or a job (with
 * `jobId`, and the correlation id its payload carries). The correlation id follows an owner's click
 * through its jobs, the provider requests they make (Correlation-Id) and the ob_event rows they
 * write, so that one id finds the whole story. `tenantId` once known.
 */
export type Work = { correlationId: string; jobId?: string; task?: string; tenantId?: string }

declare global {
  // On globalThis: the web server (server/index.ts) starts each request's Work, and the app's
  // bundle, which has its own copy of this module, reads it.
  var __obWork: AsyncLocalStorage<Work> | undefined
}
export const work = (globalThis.__obWork ??= new AsyncLocalStorage<Work>())

/** The Work running now, if any. */
export const currentWork = (): Work | undefined => work.getStore()

/** The correlation id of the work running now (null outside a request or job: a test, a script). */
export const correlationId = (): string | null => work.getStore()?.correlationId ?? null

/** The tenant the work running now is for, once known (its log lines name it). */
export function nameTenant(tenantId: string) {
  const w = work.getStore()
  if (w) w.tenantId ??= tenantId
}
