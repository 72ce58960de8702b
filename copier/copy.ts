import type postgres from 'postgres'

// The reference copier's work: take each tenant waiting in FINALIZE from the onboarding database's
// ob_snapshot view, write its document into the main database in one transaction (an upsert, so a
// copy repeated after a crash leaves one row), then call ob_mark_complete, the copier's only write.
// It stands alone (postgres.js only): the main system would run its own copier the same way.
export type Sql = postgres.Sql

export const TABLE = 'onboarded_business'

/** The main database's table for onboarded businesses, made if missing. */
export async function prepareTarget(target: Sql): Promise<void> {
  await target.unsafe(`
    create table if not exists ${TABLE} (
      tenant_id uuid primary key,
      schema_version integer not null,
      snapshot jsonb not null,
      first_copied_at timestamptz not null default now(),
      copied_at timestamptz not null default now(),
      copies integer not null default 1 check (copies > 0)
    )`)
}

/** Tenants whose owners pressed Finish and are not copied yet (the partial index keeps this cheap). */
export async function waiting(source: Sql): Promise<string[]> {
  const rows = await source`select tenant_id from ob_snapshot where phase = 'FINALIZE' order by tenant_id`
  return rows.map((r) => r.tenant_id as string)
}

export type CopyHooks = { afterCopy?: (tenantId: string) => Promise<void> | void }

/** How often one tenant is copied again when it changed while being copied, before the next sweep takes it up. */
const ATTEMPTS = 5

/**
 * Copies one tenant. False when it is not (or no longer) waiting: another copier got there first,
 * or the flow is not in FINALIZE. A crash after the copy and before ob_mark_complete leaves the
 * tenant in FINALIZE, so the next run copies it again onto the same row. ob_mark_complete takes the
 * snapshot's revision: a tenant changed since it was read (a job's answer, a webhook) is copied again.
 */
export async function copyTenant(source: Sql, target: Sql, tenantId: string, hooks: CopyHooks = {}): Promise<boolean> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const [row] = await source`select snapshot from ob_snapshot where tenant_id = ${tenantId} and phase = 'FINALIZE'`
    if (!row) return false
    const snapshot = row.snapshot as { schemaVersion: number; flow: { revision: number } }
    await target.begin(async (tx) => {
      await tx`
        insert into ${tx(TABLE)} (tenant_id, schema_version, snapshot)
        values (${tenantId}, ${snapshot.schemaVersion}, ${tx.json(snapshot as never)})
        on conflict (tenant_id) do update set schema_version = excluded.schema_version, snapshot = excluded.snapshot,
          copied_at = now(), copies = ${tx(TABLE)}.copies + 1`
    })
    await hooks.afterCopy?.(tenantId)
    const [{ done }] = await source`select ob_mark_complete(${tenantId}, ${snapshot.flow.revision}) as done`
    if (done) return true
  }
  return false
}

/** Copies every waiting tenant, one after another; returns those marked COMPLETE. */
export async function copyWaiting(source: Sql, target: Sql, hooks: CopyHooks = {}): Promise<string[]> {
  const copied: string[] = []
  for (const tenantId of await waiting(source))
    if (await copyTenant(source, target, tenantId, hooks)) copied.push(tenantId)
  return copied
}
