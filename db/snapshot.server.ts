import { Snapshot } from '../core/snapshot'
import type { Db } from './client.server'

export { Snapshot } from '../core/snapshot'

/**
 * The snapshot document, exactly as the copier reads it, of the tenant the transaction runs for
 * (the web app may not read the view itself: it runs past row-level security).
 */
export async function readSnapshot(tx: Db): Promise<Snapshot> {
  const [row] = await tx`select ob_tenant_snapshot() as snapshot`
  if (!row?.snapshot) throw new Error('no snapshot: the transaction names no tenant of this database')
  return Snapshot.parse(row.snapshot)
}
