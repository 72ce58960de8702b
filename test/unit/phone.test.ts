import { parsePhoneNumberFromString } from 'libphonenumber-js'
import all from 'libphonenumber-js/metadata.min.json'
import { describe, expect, it } from 'vitest'
import nanp from '../../core/data/phone-nanp.json'
import { nanpSlice, parseUsPhone, usE164 } from '../../core/phone'

describe('phone numbers owners type (core/phone.ts, +1 metadata only)', () => {
  it('is the installed libphonenumber-js metadata, cut to +1 (run `npm run phone-metadata` after an upgrade)', () => {
    expect(nanp).toEqual(JSON.parse(JSON.stringify(nanpSlice(all as never))))
    expect(Object.keys(nanp.countries)).toContain('US')
    expect(JSON.stringify(nanp).length).toBeLessThan(JSON.stringify(all).length / 10)
  })

  // The schemas took a number when the full package read it as valid with country code 1.
  const takenBefore = (text: string) => {
    const p = parsePhoneNumberFromString(text, 'US')
    return p?.isValid() && p.countryCallingCode === '1' ? p.number : null
  }
  const takenNow = usE164
  it.each([
    '(415) 555-0123',
    '415-555-0123',
    '+1 415 555 0123',
    '1 (212) 555-0199',
    '+1 416 555 0123', // Toronto
    '(787) 555-0123', // Puerto Rico
    '+44 20 7183 8750',
    '011 44 20 7183 8750',
    '+52 55 1234 5678',
    '555-0123',
    '(123) 555-0123',
    '415 555 01234',
    'call me',
    '',
  ])('reads %j as the full metadata does', (text) => {
    expect(takenNow(text)).toBe(takenBefore(text))
  })

  it('formats a stored number the same way', () => {
    expect(parseUsPhone('+14155550123')?.formatNational()).toBe('(415) 555-0123')
    expect(parseUsPhone('+14155550123')?.formatNational()).toBe(
      parsePhoneNumberFromString('+14155550123')?.formatNational(),
    )
  })
})
