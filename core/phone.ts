import { parsePhoneNumberFromString, type MetadataJson } from 'libphonenumber-js/core'
import nanp from './data/phone-nanp.json'

/**
 * What owners type as a phone number, read with libphonenumber's metadata for +1 only (the US and
 * the rest of the North American plan): the pages and the schemas take nothing else, and the full
 * metadata is 29 kB gzip of JavaScript a phone evaluates at hydration for the 240 countries we
 * refuse. The slice is the installed package's own (`npm run phone-metadata` cuts it again after an
 * upgrade; test/unit/phone.test.ts fails until then). Server-only code keeps the full package.
 */
export const parseUsPhone = (text: string) => parsePhoneNumberFromString(text, 'US', nanp as MetadataJson)

/** A typed number the schemas take, in E.164 (+14155550123); null when it is not a valid +1 number. */
export function usE164(text: string): string | null {
  const p = parseUsPhone(text)
  return p?.isValid() && p.countryCallingCode === '1' ? (p.number as string) : null
}

/** The slice: the +1 countries of a metadata set, as libphonenumber-metadata-generator's --countries cuts it. */
export function nanpSlice(all: MetadataJson): MetadataJson {
  const codes = all.country_calling_codes['1']
  return {
    ...all,
    country_calling_codes: { 1: codes },
    countries: Object.fromEntries(codes.map((c) => [c, all.countries[c as keyof typeof all.countries]])),
    nonGeographic: {},
  } as MetadataJson
}
