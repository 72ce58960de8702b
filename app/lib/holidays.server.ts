import fedHolidays from '@18f/us-federal-holidays'
import { m } from '../../core/i18n/languages'

/**
 * US federal holidays (observed dates) of this year and next, from @18f/us-federal-holidays. Its
 * allForYear(y) files an observed date by the holiday's own year (New Year's Day 2028 is observed on
 * 2027-12-31), so each year also takes the next year's entries that fall inside it.
 */
export function federalHolidays(today = new Date()): { date: string; name: string }[] {
  const first = today.getUTCFullYear()
  const all = [first - 1, first, first + 1, first + 2].flatMap((y) =>
    fedHolidays.allForYear(y, { shiftSaturdayHolidays: true, shiftSundayHolidays: true }),
  )
  return all
    .map((h) => ({ date: h.dateString.replace(/-(\d)(?=-|$)/g, '-0$1'), name: h.name }))
    .filter((h) => h.date >= `${first}-01-01` && h.date <= `${first + 1}-12-31`)
    .sort((a, b) => a.date.localeCompare(b.date))
}

// The names the library gives, as keys the page words in the owner's language (core/i18n/es.ts).
export const HOLIDAY_NAMES = [
  m("New Year's Day"),
  m('Birthday of Martin Luther King, Jr.'),
  m("Washington's Birthday"),
  m('Memorial Day'),
  m('Juneteenth National Independence Day'),
  m('Independence Day'),
  m('Labor Day'),
  m('Columbus Day'),
  m('Veterans Day'),
  m('Thanksgiving Day'),
  m('Christmas Day'),
]
