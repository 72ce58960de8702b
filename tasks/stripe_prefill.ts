import type { Task } from 'graphile-worker'
import { recordStripeFacts } from '../db/a2p.server'
import { applyPrefill } from '../db/account.server'
import { readPayload } from '../db/jobs.server'
import { pool } from '../platform/db.server'
import { guessVertical } from '../core/guess'
import { dominantColor, MAX_LOGO_BYTES, reencodeLogo } from '../platform/images.server'
import { storePng } from '../platform/storage.server'
import { downloadStripeFile, readStripeProfile } from '../platform/providers/stripe.server'
import { timezoneForZip } from '../core/timezone.server'

// Reads the owner's Stripe objects and fills the Account page with them. Any failure throws, and
// graphile-worker retries with exponential backoff; the owner can type everything meanwhile.
export const stripe_prefill: Task = async (payload, helpers) => {
  const { tenantId } = readPayload('stripe_prefill', payload)
  const [flow] = await pool()`select stripe_customer_id, stripe_account_id from ob_flow where tenant_id = ${tenantId}`
  if (!flow) return // the tenant was removed
  const profile = await readStripeProfile({ customerId: flow.stripeCustomerId, accountId: flow.stripeAccountId })

  let logoUrl: string | null = null
  let logoColor: string | null = null
  if (profile.logoFileId) {
    // A logo Stripe has but we cannot use is not worth failing the prefill for.
    try {
      const png = await reencodeLogo(await downloadStripeFile(profile.logoFileId, MAX_LOGO_BYTES))
      ;[logoUrl, logoColor] = await Promise.all([storePng(png), dominantColor(png)])
    } catch (error) {
      helpers.logger.warn(`stripe_prefill ${tenantId}: logo skipped (${String(error)})`)
    }
  }
  const filled = await applyPrefill(pool(), tenantId, {
    stripeActive: profile.stripeActive,
    planCode: profile.planCode,
    values: {
      display_name: profile.displayName?.slice(0, 100),
      vertical: profile.displayName || profile.mcc ? guessVertical(profile.mcc, profile.displayName) : null,
      logo_url: logoUrl,
      brand_color: profile.primaryColor?.match(/^#[0-9a-f]{6}$/) ? profile.primaryColor : logoColor,
      address: profile.address,
      timezone: profile.address ? timezoneForZip(profile.address.zip) : null,
    },
  })
  // What Page 4 prefills and compares with: the legal name, the website and the EIN.
  await recordStripeFacts(pool(), tenantId, {
    companyName: profile.companyName,
    websiteUrl: profile.websiteUrl,
    ein: profile.ein,
    taxIdProvided: profile.taxIdProvided,
  })
  helpers.logger.info(`stripe_prefill ${tenantId}: filled ${filled.join(', ') || 'nothing new'}`)
}
