import type { Db, Sql } from './client.server'
import { wizardState, type WizardState } from './flow.server'
import { enqueue, logEvent, type Job } from './jobs.server'
import type { Section } from './section.server'

// The autosave engine: one transaction per save. Callers pass fields already validated by the
// page's Zod schema; the section's writable columns are the whitelist of what may be written.
export type SaveInput = {
  tenantId: string
  version: number
  fields: Record<string, unknown>
  advance?: boolean
  job?: Job
  /** More writes in the same transaction, after the section row (e.g. defaults guessed from it). */
  after?: (tx: Db) => Promise<unknown>
}

export class StaleVersionError extends Error {
  constructor(public readonly current: number) {
    super('This page changed in another tab; reload to see the latest')
  }
}

export async function saveSection(sql: Sql, section: Section, input: SaveInput): Promise<WizardState> {
  return sql.begin(async (tx) => {
    const row = section.pick(tx, input.fields) as Record<string, never>
    const version = await bumpVersion(tx, input.tenantId, input.version)
    const names = Object.keys(row)
    // The section row exists from the tenant's first visit (ob_ensure_tenant creates all four).
    if (names.length > 0) await tx`update ${tx(section.table)} set ${tx(row, names)}, last_saved_at = now() where tenant_id = ${input.tenantId}`
    if (input.after) await input.after(tx)
    if (input.job) await enqueue(tx, input.job)
    // Field names only: values may be secrets (port-in PIN) and the section row holds them anyway.
    await logEvent(tx, input.tenantId, section.table.replace(/^ob_/, '') + '.saved', { fields: names, version, job: input.job?.key ?? null })
    if (input.advance) await tx`select ob_advance(${input.tenantId})`
    return wizardState(tx, input.tenantId)
  }) as Promise<WizardState>
}

/**
 * Bumping the version first locks the flow row, which serialises every writer of this tenant
 * (saves, jobs, ob_advance); a concurrent save with the same version then matches no row.
 */
async function bumpVersion(tx: Db, tenantId: string, expected: number): Promise<number> {
  const [bumped] = await tx`update ob_flow set version = version + 1 where tenant_id = ${tenantId} and version = ${expected} returning version`
  if (bumped) return bumped.version as number
  const [flow] = await tx`select version from ob_flow where tenant_id = ${tenantId}`
  if (!flow) throw new Error(`no onboarding flow for tenant ${tenantId}`)
  throw new StaleVersionError(flow.version)
}

/** Finish refused: FINALIZE's guard does not hold; `state` says what stands in the way. */
export class NotFinished extends Error {
  constructor(public readonly state: WizardState) {
    super('Finish needs the lines below first.')
  }
}

/**
 * The summary page's Finish: in one transaction, the version check and ob_advance with finish,
 * which moves to FINALIZE (and tells the copier) only when FINALIZE's guard holds. Refused, it
 * rolls back (the version too): nothing changes.
 */
export async function finishOnboarding(sql: Sql, tenantId: string, version: number): Promise<WizardState> {
  return sql.begin(async (tx) => {
    await bumpVersion(tx, tenantId, version)
    await tx`select ob_advance(${tenantId}, true)`
    const state = await wizardState(tx, tenantId)
    if (state.phase !== 'FINALIZE' && state.phase !== 'COMPLETE') throw new NotFinished(state)
    return state
  }) as Promise<WizardState>
}
