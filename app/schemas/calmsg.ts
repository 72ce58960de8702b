import { m, msg } from '../../core/i18n/languages'
import { parseUsPhone, usE164 } from '../../core/phone'
import * as z from 'zod'
import { unknownTokens, TOKENS } from './tokens'
import { text } from './text'
import { usd } from '../../core/rules'

// Page 3: Basic is the calendar, the services (chips) and their prices; the rest is Advanced.
export const MAX_SERVICES = 3
export const MAX_PRICE = 100_000
export const SLACK_HOOK = /^https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9_/-]{1,200}$/

const toggle = z.preprocess((v) => (Array.isArray(v) ? v.at(-1) : v) === 'on', z.boolean())
/** Checkbox groups and lists of inputs: absent or empty entries are dropped. */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) => (v === undefined ? [] : [v].flat()).filter((x) => typeof x === 'string' && x.trim() !== ''),
    z.array(item),
  )
const unique = (items: string[]) => new Set(items.map((x) => x.toLowerCase())).size === items.length
// Whole dollars, written as owners write them ("$1,500" too); empty means no bound. (Conform's own
// coercion does not reach into records, so this one is explicit.)
const dollars = z.preprocess(
  (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.replace(/[$,\s]/g, ''))) : v),
  z
    .number({ error: m('Enter whole dollars') })
    .int(m('Enter whole dollars'))
    .min(0, m('At least $0'))
    .max(MAX_PRICE, msg(m('At most {{price}}'), { price: usd(MAX_PRICE) }))
    .optional(),
)

export const PriceRange = z
  .object({ min: dollars, max: dollars, currency: z.literal('USD').default('USD') })
  .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, {
    path: ['max'],
    message: m('The most must not be below the least'),
  })
  .transform((r) => ({ min: r.min ?? null, max: r.max ?? null, currency: r.currency }))
export type PriceRange = z.output<typeof PriceRange>

const template = (required: string, tooLong: string, max: number) =>
  text({ error: required })
    .trim()
    .min(1, required)
    .max(max, msg(tooLong, { max }))
    .refine((t) => unknownTokens(t).length === 0, {
      error: (issue) =>
        msg(m('We cannot fill {{unknown}}; use {{tokens}}'), {
          unknown: unknownTokens(String(issue.input)).join(', '),
          tokens: TOKENS.map((k) => `{${k}}`).join(', '),
        }),
    })
const Templates = z.object({
  title: template(m('Write the first line'), m('Keep the first line under {{max}} characters'), 160),
  description: template(m('Write the message'), m('Keep the message under {{max}} characters'), 480),
})

const email = text().trim().toLowerCase().email(m('Enter an email address like you@yourbusiness.com')).max(254)
const mobile = text()
  .trim()
  .transform((v, ctx) => {
    const e164 = usE164(v)
    if (e164) return e164
    ctx.addIssue({ code: 'custom', message: m('Enter a US mobile number, e.g. (415) 555-0123') })
    return z.NEVER
  })

export const CalmsgSchema = z.object({
  calendarProvider: z.enum(['google', 'none'], { error: m('Choose a calendar') }).default('google'),
  // Service names are also form field names (priceRanges.<name>.min): no dots or brackets.
  topServices: list(
    text()
      .trim()
      .min(1)
      .max(60, m('Keep a service under 60 characters'))
      .regex(/^[^.[\]]+$/, m('A service name cannot contain . [ or ]')),
  )
    .refine((s) => s.length >= 1, m('Pick at least one service'))
    .refine((s) => s.length <= MAX_SERVICES, `Pick at most ${MAX_SERVICES} services`)
    .refine(unique, m('Each service once')),
  priceRanges: z.record(text().min(1).max(60), PriceRange).optional(),
  doubleBookPolicy: z.enum(['block', 'allow'], { error: m('Choose whether bookings may overlap') }).default('block'),
  buffers: z.object({
    beforeMin: z.coerce.number().int().min(0, m('At least 0 minutes')).max(240, m('At most 240 minutes')),
    afterMin: z.coerce.number().int().min(0, m('At least 0 minutes')).max(240, m('At most 240 minutes')),
  }),
  templates: Templates.extend({ es: Templates.optional() }),
  bilingual: toggle,
  revenuePromptsMins: z.coerce
    .number({ error: m('Enter minutes') })
    .int()
    .min(15, m('At least 15 minutes'))
    .max(1440, m('At most 1,440 minutes (a day)')),
  attributionDays: z.coerce
    .number({ error: m('Enter days') })
    .int()
    .min(1, m('At least 1 day'))
    .max(90, m('At most 90 days')),
  opsEmails: list(email)
    .refine((l) => l.length <= 5, m('At most 5 email addresses'))
    .refine(unique, m('Each address once')),
  opsSms: list(mobile)
    .refine((l) => l.length <= 5, m('At most 5 mobile numbers'))
    .refine(unique, m('Each number once')),
  // The pattern bounds the length too (as the CHECK does, with the same pattern).
  slackWebhookUrl: text()
    .trim()
    .refine((u) => SLACK_HOOK.test(u), m('Paste a Slack incoming-webhook link: https://hooks.slack.com/services/…'))
    .optional(),
})
export type CalmsgFields = z.infer<typeof CalmsgSchema>
export type CalmsgInput = z.input<typeof CalmsgSchema>
export const CalmsgBasic = CalmsgSchema.pick({ calendarProvider: true, topServices: true, priceRanges: true })

type Stored = {
  calendarProvider: string
  topServices: string[]
  priceRanges: Record<string, PriceRange>
  doubleBookPolicy: string
  buffers: { beforeMin: number; afterMin: number }
  templates: { title: string; description: string; es?: { title: string; description: string } }
  bilingual: boolean
  revenuePromptsMins: number
  attributionDays: number
  opsEmails: string[]
  opsSms: string[]
  slackWebhookUrl: string | null
}
const bound = (n: number | null) => (n === null ? '' : String(n))

/** Page 3's form values for a stored row (or its defaults). */
export function calmsgFormValue(c: Stored) {
  return {
    calendarProvider: c.calendarProvider,
    topServices: c.topServices,
    priceRanges: Object.fromEntries(
      Object.entries(c.priceRanges).map(([name, r]) => [name, { min: bound(r.min), max: bound(r.max) }]),
    ),
    doubleBookPolicy: c.doubleBookPolicy,
    buffers: { beforeMin: String(c.buffers.beforeMin), afterMin: String(c.buffers.afterMin) },
    templates: {
      title: c.templates.title,
      description: c.templates.description,
      es: c.templates.es ?? { title: '', description: '' },
    },
    bilingual: c.bilingual ? 'on' : 'off',
    revenuePromptsMins: String(c.revenuePromptsMins),
    attributionDays: String(c.attributionDays),
    opsEmails: c.opsEmails,
    opsSms: c.opsSms.map((e164) => parseUsPhone(e164)?.formatNational() ?? e164),
    slackWebhookUrl: c.slackWebhookUrl ?? '',
  }
}
