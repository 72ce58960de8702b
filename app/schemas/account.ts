import { m, msg } from '../../core/i18n/languages'
import * as z from 'zod'
import { VERTICALS, type Vertical } from '../../core/data/verticals'
import { text as safeText } from './text'

const verticalValues = VERTICALS.map(([value]) => value) as [Vertical, ...Vertical[]]

export const US_STATES = (
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY ' +
  'NC ND OH OK OR PA PR RI SC SD TN TX UT VT VA WA WV WI WY'
).split(' ') as [string, ...string[]]

// The zones most owners pick from; any other valid IANA name is accepted too (and kept in the list).
export const US_TIMEZONES = [
  ['America/New_York', m('Eastern')],
  ['America/Chicago', m('Central')],
  ['America/Denver', m('Mountain')],
  ['America/Phoenix', m('Arizona')],
  ['America/Los_Angeles', m('Pacific')],
  ['America/Anchorage', m('Alaska')],
  ['Pacific/Honolulu', m('Hawaii')],
  ['America/Puerto_Rico', m('Puerto Rico')],
] as const

/** A real IANA zone name (as the database's CHECK spells them), e.g. America/Chicago. */
export function isTimezone(name: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+){1,2}$/.test(name)) return false
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name })
    return true
  } catch {
    return false
  }
}

const text = (required: string, tooLong: string, max: number) =>
  safeText({ error: required }).trim().min(1, required).max(max, msg(tooLong, { max }))

export const AddressSchema = z.object({
  line1: text(m('Enter the street address'), m('Keep the street address under {{max}} characters'), 100),
  line2: safeText().trim().max(100, m('Keep the second line under 100 characters')).default(''),
  city: text(m('Enter the city'), m('Keep the city under {{max}} characters'), 60),
  state: z.enum(US_STATES, { error: m('Choose a state') }),
  zip: z
    .string({ error: m('Enter the ZIP code') })
    .trim()
    .regex(/^\d{5}(-\d{4})?$/, m('Enter a 5-digit ZIP code')),
})

// Page 1: Basic fields gate Continue; Advanced fields are optional refinements.
export const AccountSchema = z.object({
  displayName: safeText({ error: m('Enter your business name') })
    .trim()
    .min(1, m('Enter your business name'))
    .max(100, m('Keep the name under 100 characters')),
  vertical: z.enum(verticalValues, { error: m('Choose what kind of work you do') }),
  brandColor: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^#[0-9a-f]{6}$/, m('Use a colour like #1d4ed8'))
    .optional(),
  timezone: z.string().refine(isTimezone, m('Choose a time zone from the list')).optional(),
  address: AddressSchema.optional(),
  languages: z
    .array(z.enum(['en', 'es'], { error: m('Choose English and/or Spanish') }))
    .min(1)
    .max(2)
    .default(['en']),
})
export type AccountFields = z.infer<typeof AccountSchema>
export type AccountInput = z.input<typeof AccountSchema>
export const AccountBasic = AccountSchema.pick({ displayName: true, vertical: true })
