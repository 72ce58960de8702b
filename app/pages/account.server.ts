import { m, msg } from '../../core/i18n/languages'
import { accountSection, fillDefaults, firstPrefillPending, readAccount, type Defaults } from '../../db/account.server'
import { identityFlags } from '../../db/flow.server'
import { takeRate } from '../../db/rate.server'
import { refreshIdentityFlags } from '../auth/identity.server'
import { definePage } from '../kit/page.server'
import type { Tx } from '../../platform/db.server'
import { dominantColor, ImageRefused, MAX_LOGO_BYTES, reencodeLogo } from '../../platform/images.server'
import { pngUrl, storePng } from '../../platform/storage.server'
import { placeForZip, timezoneForZip } from '../../core/timezone.server'
import { AccountBasic, AccountSchema, isTimezone, type AccountFields } from '../schemas/account'

// Page 1 (Account): what it shows and what a save changes, plus the logo upload, the ZIP check and
// the defaults guessed on save.
export const accountPage = definePage({
  id: 'account',
  schema: AccountSchema,
  basic: AccountBasic,
  section: accountSection,
  limits: {
    maxBytes: 16 * 1024,
    upload: { maxPartBytes: MAX_LOGO_BYTES, tooLarge: m('The logo must be 2 MB or smaller.') },
  },
  // Email and mobile verification as the identity provider says now (its stored flags if it is
  // slow), and, right after sign-in, a moment for the Stripe prefill job to land.
  refresh: async ({ identity, read }) => {
    await Promise.all([
      refreshIdentityFlags(identity),
      awaitFirstPrefill(() => read((tx) => firstPrefillPending(tx, identity.tenantId))),
    ])
  },
  async load({ tenantId, tx }) {
    const [account, flags] = await Promise.all([readAccount(tx, tenantId), identityFlags(tx, tenantId)])
    return { account, flags }
  },
  async save({ tenantId, value, read, formData }) {
    // Each upload is decoded and stored: counted before anything of that happens.
    const chosen = formData.get('logo')
    const throttled =
      chosen instanceof File && chosen.size > 0 ? await read((tx) => takeRate(tx, tenantId, 'logo_upload')) : null
    if (throttled) return { status: 429, message: throttled }
    const logo = await takeLogo(formData)
    if (logo && 'refused' in logo) return { status: 400, message: logo.refused }
    const badZip = addressErrors(value.address)
    if (badZip) return { status: 400, fieldErrors: badZip }
    const defaults = await guessedDefaults(tenantId, value, formData.get('browserTimezone'), logo?.color, read)
    return {
      fields: { ...value, ...(logo && { logoUrl: logo.logoUrl }) },
      // Most saves guess nothing: they stay one statement (ob_save).
      after: Object.values(defaults).some((v) => v) ? (tx) => fillDefaults(tx, tenantId, defaults) : undefined,
      // Written only once the save has committed: a refused save leaves no file behind.
      afterCommit: logo ? () => storePng(logo.png) : undefined,
    }
  },
})

/** Up to 2 s for the first prefill, each look a short transaction of its own: none is held while waiting. */
async function awaitFirstPrefill(pending: () => Promise<boolean>, ms = 2000) {
  for (const end = Date.now() + ms; Date.now() < end && (await pending()); )
    await new Promise((r) => setTimeout(r, 100))
}

export type Logo = { png: Buffer; logoUrl: string; color: string | null }

/** The uploaded logo, re-encoded in memory (stored only once the save commits); null when none was chosen. */
async function takeLogo(formData: FormData): Promise<Logo | { refused: string } | null> {
  const file = formData.get('logo')
  formData.delete('logo')
  if (!(file instanceof File) || file.size === 0) return null
  try {
    const png = await reencodeLogo(Buffer.from(await file.arrayBuffer()))
    return { png, logoUrl: pngUrl(png), color: await dominantColor(png) }
  } catch (error) {
    if (error instanceof ImageRefused) return { refused: error.message }
    throw error
  }
}

/** A ZIP must exist and lie in the chosen state; the error goes on the ZIP field. */
function addressErrors(address: AccountFields['address']): Record<string, string[]> | null {
  if (!address) return null
  const place = placeForZip(address.zip)
  if (!place) return { 'address.zip': [m('We do not know that ZIP code; check it')] }
  if (place.state !== address.state)
    return {
      'address.zip': [
        msg(m('That ZIP code is in {{actual}}, not {{chosen}}'), { actual: place.state, chosen: address.state }),
      ],
    }
  return null
}

/**
 * Defaults that follow from what was saved: the timezone from the address (else the browser's),
 * the brand colour from a new logo. fillDefaults applies them only where the owner has not chosen.
 */
async function guessedDefaults(
  tenantId: string,
  fields: Partial<AccountFields>,
  browserTimezone: FormDataEntryValue | null,
  logoColor: string | null | undefined,
  read: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>,
): Promise<Defaults> {
  const browser = typeof browserTimezone === 'string' && isTimezone(browserTimezone) ? browserTimezone : null
  // The stored address is read only when the browser's zone is offered: the address's zone wins.
  const stored =
    !fields.timezone && !fields.address && browser ? (await read((tx) => readAccount(tx, tenantId))).address : null
  const zip = fields.address?.zip ?? stored?.zip
  return {
    timezone: fields.timezone ? null : zip ? timezoneForZip(zip) : browser,
    brand_color: fields.brandColor ? null : logoColor,
  }
}
