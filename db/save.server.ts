import { m } from '../core/i18n/languages'
import { asTenant, type Db } from './client.server'
import { correlationId } from './context.server'
import { WizardState, wizardState } from './flow.server'
import type { Job } from './jobs.server'
import type { Section } from './section.server'

// The autosave engine. Callers pass fields already validated by the page's Zod schema; the
// section's writable columns are the whitelist of what may be written (and ob_app's column grants,
// checked again in SQL). A save is one statement, ob_save, unless the page has more writes for the
// same transaction (`after`).
export type SaveInput = {
  tenantId: string
  version: number
  fields: Record<string, unknown>
  advance?: boolean
  job?: Job
  /** More writes in the same transaction, after the section row (e.g. defaults guessed from it). */
  after?: (tx: Db) => Promise<unknown>
  /** The phase from which the page is open: a save from a page not open yet is refused. */
  opensAt?: string
  /** Digest of the posted form: the same form posted again from the same version is this save again. */
  submission?: string
  /** The browser tab that posted it (with JavaScript): its own saves since its version are no conflict. */
  tab?: string | null
}

export class StaleVersionError extends Error {
  constructor(public readonly current: number) {
    super(m('This page changed in another tab; reload to see the latest'))
  }
}

/** The page is not open in the tenant's phase (e.g. a post from a page the owner should not reach yet). */
export class PageClosedError extends Error {
  constructor(public readonly phase: string) {
    super(m('This step is not open yet.'))
  }
}

type Saved = Omit<WizardState, 'version'> & { version: number; stale?: true; closed?: true; replay?: true }
/** A save's answer; `replay`: this exact form was already saved from this version, nothing was written. */
export type SaveResult = WizardState & { replay?: true }

export async function saveSection(sql: Db, section: Section, input: SaveInput): Promise<SaveResult> {
  const { row, names } = section.columnsOf(input.fields)
  const job = input.job
    ? sql.json({
        task: input.job.task,
        payload: input.job.payload,
        key: input.job.key,
        queue: input.job.queue ?? null,
      } as never)
    : null
  // Still one statement: it names its tenant and correlation id first (ob_save refuses a login in
  // ob_app acting for another), and the materialized CTE makes that happen before ob_save runs.
  const call = (tx: Db, advance: boolean) =>
    tx`
    with tenant as materialized (select set_config('ob.tenant_id', ${input.tenantId}, true), set_config('ob.correlation_id', ${correlationId() ?? ''}, true))
    select ob_save(${input.tenantId}, ${input.version}, ${section.table}, ${tx.json(row as never)}, ${names}::text[],
      ${job}, ${advance}, ${input.opensAt ?? 'ACCOUNT'}, ${input.submission ?? null}, ${input.tab ?? null}) as saved from tenant`.then(
      ([r]) => checked(r.saved as Saved),
    )
  if (!input.after) return call(sql, Boolean(input.advance))
  return asTenant(sql, input.tenantId, async (tx) => {
    const saved = await call(tx, false)
    if (saved.replay) return saved
    await input.after!(tx)
    if (input.advance) await tx`select ob_advance(${input.tenantId})`
    return wizardState(tx, input.tenantId)
  }) as Promise<SaveResult>
}

function checked(saved: Saved): SaveResult {
  if (saved.stale) throw new StaleVersionError(saved.version)
  if (saved.closed) throw new PageClosedError(saved.phase)
  return saved.replay ? { ...WizardState.parse(saved), replay: true } : WizardState.parse(saved)
}

/** Whether every version after `from` up to `to` is a save of this very tab (ob_own_saves): behind its own saves, not stale. */
export async function ownSaves(
  sql: Db,
  tenantId: string,
  from: number,
  to: number,
  tab: string | null,
): Promise<boolean> {
  if (!tab) return false
  const [r] = await sql`select ob_own_saves(${tenantId}, ${from}, ${to}, ${tab}) as own`
  return r.own as boolean
}

/** Whether this exact form (its digest) was already saved from `version` (ob_replayed): a repeat, not a conflict. */
export async function replayed(sql: Db, tenantId: string, submission: string, version: number): Promise<boolean> {
  const [r] = await sql`select ob_replayed(${tenantId}, ${submission}, ${version}) as replayed`
  return r.replayed as boolean
}

/**
 * Finish's version check (a save's is inside ob_save): bumping the version first locks the flow row,
 * so a concurrent Finish or save with the same version then matches no row.
 */
async function bumpVersion(tx: Db, tenantId: string, expected: number): Promise<number> {
  const [bumped] =
    await tx`update ob_flow set version = version + 1 where tenant_id = ${tenantId} and version = ${expected} returning version`
  if (bumped) return bumped.version as number
  const [flow] = await tx`select version from ob_flow where tenant_id = ${tenantId}`
  if (!flow) throw new Error(`no onboarding flow for tenant ${tenantId}`)
  throw new StaleVersionError(flow.version)
}

/** Finish refused: FINALIZE's guard does not hold; `state` says what stands in the way. */
export class NotFinished extends Error {
  constructor(public readonly state: WizardState) {
    super(m('Finish needs the lines below first.'))
  }
}

/**
 * The summary page's Finish: in one transaction, the version check and ob_finish, which moves to
 * FINALIZE (and tells the copier) when FINALIZE's guard holds, or, when only the carriers' review
 * is left, records the request so that it finishes on approval. Refused, it rolls back (the
 * version too): nothing changes.
 */
export async function finishOnboarding(
  sql: Db,
  tenantId: string,
  version: number,
): Promise<{ state: WizardState; requested: boolean }> {
  return asTenant(sql, tenantId, async (tx) => {
    await bumpVersion(tx, tenantId, version)
    const [{ outcome }] = await tx`select ob_finish(${tenantId}) as outcome`
    const state = await wizardState(tx, tenantId)
    if (outcome === 'refused') throw new NotFinished(state)
    return { state, requested: outcome === 'requested' }
  }) as Promise<{ state: WizardState; requested: boolean }>
}

/** The summary's "let me check everything first" (ob_set_review_first). */
export async function setReviewFirst(sql: Db, tenantId: string, on: boolean) {
  await sql`select ob_set_review_first(${tenantId}, ${on})`
}
