import type { Db, Sql } from './client.server'
import { wizardState, type WizardState } from './flow.server'

// The autosave engine: one transaction per save. Callers pass fields already validated by the
// page's Zod schema; the section's column list is the whitelist of what may be written.
export type ColumnKind = 'value' | 'json'
export type SectionDef = { table: string; columns: Record<string, ColumnKind> }

/** A graphile-worker job; jobs of one `queue` run one at a time. */
export type Job = { task: string; payload: Record<string, unknown>; key: string; queue?: string }

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

export async function saveSection(sql: Sql, section: SectionDef, input: SaveInput): Promise<WizardState> {
  return sql.begin(async (tx) => {
    const row = pickColumns(tx, section, input.fields)
    // Bumping the version first locks the flow row, which serialises every writer of this tenant
    // (saves, jobs, ob_advance); a concurrent save with the same version then matches no row.
    const [bumped] = await tx`
      update ob_flow set version = version + 1
      where tenant_id = ${input.tenantId} and version = ${input.version} returning version`
    if (!bumped) {
      const [flow] = await tx`select version from ob_flow where tenant_id = ${input.tenantId}`
      if (!flow) throw new Error(`no onboarding flow for tenant ${input.tenantId}`)
      throw new StaleVersionError(flow.version)
    }
    const version = bumped.version

    const names = Object.keys(row)
    if (names.length > 0) {
      await tx`
        insert into ${tx(section.table)} ${tx({ tenantId: input.tenantId, lastSavedAt: new Date(), ...row })}
        on conflict (tenant_id) do update set ${tx(row, names)}, last_saved_at = now()`
    }
    if (input.after) await input.after(tx)
    if (input.job) await enqueue(tx, input.job)
    // Field names only: values may be secrets (port-in PIN) and the section row holds them anyway.
    await logEvent(tx, input.tenantId, section.table.replace(/^ob_/, '') + '.saved', { fields: names, version, job: input.job?.key ?? null })
    if (input.advance) await tx`select ob_advance(${input.tenantId})`
    return wizardState(tx, input.tenantId)
  }) as Promise<WizardState>
}

/** The section field a database refusal names: its column, or a CHECK named <table>_<column>_check. */
export function fieldFor(section: SectionDef, name: string): string | null {
  for (const field of Object.keys(section.columns)) {
    const column = field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
    if (name === column || name.startsWith(`${section.table}_${column}_`)) return field
  }
  return null
}

/** One row of the tenant's audit trail (ob_event), in the caller's transaction. */
export async function logEvent(tx: Db, tenantId: string, type: string, data: Record<string, unknown>): Promise<void> {
  await tx`insert into ob_event (tenant_id, event_type, data) values (${tenantId}, ${type}, ${tx.json(data as never)})`
}

// graphile_worker.add_job (through ob_enqueue) on the saving transaction: the job exists if and
// only if the save commits.
export async function enqueue(tx: Db, job: Job): Promise<void> {
  await tx`select ob_enqueue(${job.task}, ${tx.json(job.payload as never)}::json, ${job.key}, ${job.queue ?? null})`
}

function pickColumns(tx: Db, section: SectionDef, fields: Record<string, unknown>) {
  const row: Record<string, any> = {}
  for (const [name, value] of Object.entries(fields)) {
    const kind = section.columns[name]
    if (!kind) throw new Error(`${name} is not a column of ${section.table}`)
    if (value === undefined) continue
    row[name] = kind === 'json' && value !== null ? tx.json(value as never) : value
  }
  return row
}
