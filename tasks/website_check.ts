import type { Task } from 'graphile-worker'
import { recordWebsiteCheck } from '../db/a2p.server'
import { readPayload } from '../db/jobs.server'
import { db } from '../app/lib/db.server'
import { checkSite } from '../app/providers/website.server'

// The A2P website checks (https, privacy page, terms page), run when the website is saved. A site
// that cannot be reached is a result with one line for the owner, not a failed job.
export const website_check: Task = async (payload, helpers) => {
  const { tenantId, url } = readPayload('website_check', payload)
  const result = await checkSite(url)
  await recordWebsiteCheck(db(), tenantId, url, result)
  helpers.logger.info(`website_check ${tenantId}: https ${result.httpsOk}, privacy ${result.privacyFound}, terms ${result.termsFound}${result.error ? `, ${result.error}` : ''}`)
}
