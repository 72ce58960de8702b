import { refusalMessage } from '../core/refusals'
import { transaction, type Db } from './client.server'

// Throttled actions (ob_rate_limit): website checks and Slack tests are counted by ob_enqueue with
// their jobs; a provider lookup or an upload that happens before any save is counted here first.
export type RatedAction = 'availability' | 'logo_upload'

/** Counts one action of the tenant; the owner's line when it is over its limit (nothing counted then). */
export async function takeRate(sql: Db, tenantId: string, action: RatedAction): Promise<string | null> {
  try {
    // A savepoint of its own: a refusal would otherwise fail the whole transaction it runs in.
    await transaction(sql, (tx) => tx`select ob_take(${tenantId}, ${action})`)
    return null
  } catch (error) {
    const e = error as { code?: string; message?: string; detail?: string }
    if (e.code === 'OB429') return refusalMessage(e.message ?? '', e.detail)
    throw error
  }
}
