import { m } from '../../core/i18n/languages'
import * as z from 'zod'
import { text } from './text'
import { AREA_CODE } from '../../core/rules'

// Page 2. Basic: areaCode, hours (one compact control), serviceRadiusMi. The rest is Advanced.
export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export type Day = (typeof DAYS)[number]
export const STOCK_STOP_HELP = 'Reply STOP to opt out, HELP for help. Msg & data rates may apply.'
export const AFTER_HOURS = [
  ['AIOnly', m('Our assistant answers by text')],
  ['QueueForHuman', m('Queue it for a person next morning')],
  ['CloseWithMsg', m('Reply that we are closed')],
] as const

// A checkbox travels with a hidden "off" before it, so unticking is sent too (forms drop unticked boxes).
const toggle = z.preprocess((v) => (Array.isArray(v) ? v.at(-1) : v) === 'on', z.boolean())
const time = z.string({ error: m('Enter a time') }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, m('Use a time like 08:00'))
const span = <T extends z.ZodRawShape>(shape: T) =>
  z
    .object({ ...shape, start: time, end: time })
    .refine((d) => (d as { end: string }).end > (d as { start: string }).start, {
      path: ['end'],
      message: m('Closing time must be after opening time'),
    })
const DaySchema = span({ open: toggle })

/** The compact control (weekday hours and a weekends toggle), or each day when `custom` is on. */
export const HoursSchema = span({
  weekends: toggle,
  custom: toggle,
  days: z.object(Object.fromEntries(DAYS.map((d) => [d, DaySchema]))).optional(),
}).transform((h) => {
  if (h.custom && h.days) return h.days as Record<Day, z.infer<typeof DaySchema>>
  return Object.fromEntries(
    DAYS.map((d) => [d, { open: d === 'sat' || d === 'sun' ? h.weekends : true, start: h.start, end: h.end }]),
  ) as Record<Day, { open: boolean; start: string; end: string }>
})
export type StoredHours = z.output<typeof HoursSchema>

const isDate = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) &&
  !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
  new Date(`${s}T00:00:00Z`).toISOString().startsWith(s)

export const NumberSchema = z.object({
  areaCode: z
    .string({ error: m('Choose an area code') })
    .regex(AREA_CODE, m('An area code is 3 digits and does not start with 0 or 1')),
  hours: HoursSchema,
  serviceRadiusMi: z.coerce
    .number({ error: m('Choose how far you travel') })
    .int()
    .min(1, m('At least 1 mile'))
    .max(100, m('At most 100 miles')),
  ringWindowSec: z.coerce.number().int().min(5, m('At least 5 seconds')).max(120, m('At most 120 seconds')).default(20),
  ownerWindowSec: z.coerce
    .number()
    .int()
    .min(30, m('At least 30 seconds'))
    .max(180, m('At most 180 seconds'))
    .default(60),
  afterHoursMode: z
    .enum(['AIOnly', 'QueueForHuman', 'CloseWithMsg'], { error: m('Choose what happens after hours') })
    .default('AIOnly'),
  holidays: z
    .preprocess(
      (v) => (Array.isArray(v) ? v : [v]).filter((d) => typeof d === 'string' && d !== ''),
      z.array(z.string().refine(isDate, m('Use dates like 2026-12-25'))).max(40, m('At most 40 holidays')),
    )
    .transform((list) => [...new Set(list)].sort()),
  stopHelpText: text()
    .trim()
    // The database keeps it to 20-320 characters; the words come first, as they are the usual miss.
    .refine((t) => /\bSTOP\b/i.test(t) && /\bHELP\b/i.test(t), {
      message: m('Carriers require the words STOP and HELP'),
      abort: true,
    })
    .min(20, m('Write at least 20 characters'))
    .max(320, m('Keep it under 320 characters'))
    .optional(),
  startPortIn: toggle,
  portIn: z
    .object({
      phoneNumber: text().trim().optional(),
      accountNumber: text().trim().max(40, m('At most 40 characters')).optional(),
      pin: text().trim().max(20, m('At most 20 characters')).optional(),
    })
    .optional(),
})
export type NumberFields = z.infer<typeof NumberSchema>
export type NumberInput = z.input<typeof NumberSchema>
/** Submitted, sealed, never sent back to the browser. */
export const NUMBER_SECRETS = ['portIn.accountNumber', 'portIn.pin'] as const

export const NumberBasic = NumberSchema.pick({ areaCode: true, hours: true, serviceRadiusMi: true })

type StoredDay = { open: boolean; start: string; end: string }
const toggleValue = (on: boolean) => (on ? 'on' : 'off')

/**
 * Stored hours as the form shows them: the compact control (weekday times and a weekends toggle)
 * when every day follows it, else `custom` with a row per day.
 */
export function hoursFormValue(hours: Record<Day, StoredDay>) {
  const weekday =
    DAYS.slice(0, 5)
      .map((d) => hours[d])
      .find((d) => d.open) ?? hours.mon
  const uniform = DAYS.every((d) => {
    const h = hours[d]
    const weekend = d === 'sat' || d === 'sun'
    return (
      (weekend ? h.open === hours.sat.open : h.open) &&
      (!h.open || (h.start === weekday.start && h.end === weekday.end))
    )
  })
  return {
    start: weekday.start,
    end: weekday.end,
    weekends: toggleValue(hours.sat.open || hours.sun.open),
    custom: toggleValue(!uniform),
    days: Object.fromEntries(
      DAYS.map((d) => [d, { open: toggleValue(hours[d].open), start: hours[d].start, end: hours[d].end }]),
    ),
  }
}

/** The Number page's form values for a stored row (secrets are never among them). */
export function numberFormValue(n: {
  areaCode: string
  hours: Record<Day, StoredDay>
  serviceRadiusMi: number
  ringWindowSec: number
  ownerWindowSec: number
  afterHoursMode: string
  holidays: string[]
  stopHelpText: string
  startPortIn: boolean
  portIn: { phoneNumber: string }
}) {
  return {
    areaCode: n.areaCode,
    hours: hoursFormValue(n.hours),
    serviceRadiusMi: String(n.serviceRadiusMi),
    ringWindowSec: String(n.ringWindowSec),
    ownerWindowSec: String(n.ownerWindowSec),
    afterHoursMode: n.afterHoursMode,
    holidays: n.holidays,
    // The stock line shows as the placeholder of an empty "Write my own".
    stopHelpText: n.stopHelpText === STOCK_STOP_HELP ? '' : n.stopHelpText,
    startPortIn: toggleValue(n.startPortIn),
    portIn: { phoneNumber: n.portIn.phoneNumber },
  }
}
