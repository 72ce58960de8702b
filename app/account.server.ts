import type { AccountRow, Defaults } from '../db/account.server'
import { dominantColor, ImageRefused, reencodeLogo } from './images.server'
import { isTimezone, type AccountFields } from './schemas/account'
import { pngUrl } from './storage.server'
import { placeForZip, timezoneForZip } from './timezone.server'

// The Account action's helpers: the logo upload, the ZIP check, and the defaults guessed on save.

export type Logo = { png: Buffer; logoUrl: string; color: string | null }

/** The uploaded logo, re-encoded in memory (stored only once the save commits); null when none was chosen. */
export async function takeLogo(formData: FormData): Promise<Logo | { refused: string } | null> {
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
export function addressErrors(address: AccountFields['address']): Record<string, string[]> | null {
  if (!address) return null
  const place = placeForZip(address.zip)
  if (!place) return { 'address.zip': ['We do not know that ZIP code; check it'] }
  if (place.state !== address.state) return { 'address.zip': [`That ZIP code is in ${place.state}, not ${address.state}`] }
  return null
}

/**
 * Defaults that follow from what was saved: the timezone from the address (else the browser's),
 * the brand colour from a new logo. fillDefaults applies them only where the owner has not chosen.
 */
export function guessedDefaults(
  account: AccountRow,
  fields: Partial<AccountFields>,
  browserTimezone: FormDataEntryValue | null,
  logoColor: string | null | undefined,
): Defaults {
  const zip = fields.address?.zip ?? account.address?.zip
  const browser = typeof browserTimezone === 'string' && isTimezone(browserTimezone) ? browserTimezone : null
  return {
    timezone: fields.timezone ? null : zip ? timezoneForZip(zip) : browser,
    brand_color: fields.brandColor ? null : logoColor,
  }
}
