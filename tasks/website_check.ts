import type { Task } from 'graphile-worker'
import { readA2p, recordWebsiteCheck } from '../db/a2p.server'
import { readAccount } from '../db/account.server'
import { readPayload } from '../db/jobs.server'
import { pool } from '../platform/db.server'
import { checkSite } from '../platform/providers/website.server'

// The A2P website checks (https, privacy page, terms page, what they say), run when the website is saved. A site
// that cannot be reached is a result with one line for the owner, not a failed job.
export const website_check: Task = async (payload, helpers) => {
  const { tenantId, url } = readPayload('website_check', payload)
  // The terms are read for the business's names (the legal one and the one customers know).
  const [a2p, account] = await Promise.all([readA2p(pool(), tenantId), readAccount(pool(), tenantId)])
  const result = await checkSite(url, [a2p.legalBusinessName, account.displayName])
  await recordWebsiteCheck(pool(), tenantId, url, result)
  helpers.logger.info(
    `website_check ${tenantId}: https ${result.httpsOk}, privacy ${result.privacyFound}, terms ${result.termsFound}, no sharing ${result.privacyNoSharing}, terms frequency/rates/contact ${result.termsFrequency}/${result.termsRates}/${result.termsContact}${result.error ? `, ${result.error}` : ''}`,
  )
}
