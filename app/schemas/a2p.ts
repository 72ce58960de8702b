import { m, msg } from '../../core/i18n/languages'
import { distance } from 'fastest-levenshtein'
import { usE164 } from '../../core/phone'
import { getDomain, getHostname } from 'tldts'
import * as z from 'zod'
import { SHORTENERS } from '../../core/data/shorteners'
import { text } from './text'

// Page 4. Basic: brandType, legalBusinessName, websiteUrl, taxId (STANDARD only), authorizedContact.
// Advanced: sampleMessages, linkDomains, hosted policy pages; use case, opt-in and STOP/HELP are locked.
const toggle = z.preprocess((v) => (Array.isArray(v) ? v.at(-1) : v) === 'on', z.boolean())
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) => (v === undefined ? [] : [v].flat()).filter((x) => typeof x === 'string' && x.trim() !== ''),
    z.array(item),
  )

/** IRS-assigned EIN prefixes (a2p-10dlc.md section 5). */
const BAD_PREFIXES = new Set([0, 7, 8, 9, 17, 18, 19, 28, 29, 49, 69, 70, 78, 79, 89, 96, 97])
export function einProblem(ein: string): string | null {
  if (/^\d{3}-\d{2}-\d{4}$/.test(ein))
    return m('That looks like a Social Security number; enter the business EIN (NN-NNNNNNN)')
  if (!/^\d{2}-?\d{7}$/.test(ein)) return m('An EIN has 9 digits, like 12-3456789')
  if (BAD_PREFIXES.has(Number(ein.slice(0, 2))))
    return msg(m('No EIN starts with {{prefix}}; check the number on your IRS letter'), { prefix: ein.slice(0, 2) })
  if (/^(\d)\1{8}$/.test(ein.replace('-', ''))) return m('Enter your real EIN')
  return null
}
const ein = text()
  .trim()
  .superRefine((v, ctx) => {
    const problem = einProblem(v)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })
  .transform((v) => `${v.replace('-', '').slice(0, 2)}-${v.replace('-', '').slice(2)}`)

/** "riveraplumbing.com" becomes https://riveraplumbing.com; anything that is not a public web address is an error. */
const website = text()
  .trim()
  .max(2048, m('Keep the address under 2,048 characters'))
  .transform((v, ctx) => {
    const withScheme = /^[a-z]+:\/\//i.test(v) ? v : `https://${v}`
    const url = URL.canParse(withScheme) ? new URL(withScheme) : null
    if (!url || !['https:', 'http:'].includes(url.protocol) || !getDomain(url.hostname)) {
      ctx.addIssue({ code: 'custom', message: m('Enter your website, like https://riveraplumbing.com') })
      return z.NEVER
    }
    if (url.protocol === 'http:') {
      ctx.addIssue({ code: 'custom', message: m('Carriers need an https:// website') })
      return z.NEVER
    }
    return url.href
  })

const domain = text()
  .trim()
  .toLowerCase()
  .transform((v, ctx) => {
    const host = getHostname(/^[a-z]+:\/\//.test(v) ? v : `https://${v}`)
    if (!host || !getDomain(host)) {
      ctx.addIssue({ code: 'custom', message: msg(m('{{domain}} is not a domain name'), { domain: v }) })
      return z.NEVER
    }
    if (isShortener(host)) {
      ctx.addIssue({
        code: 'custom',
        message: msg(m('{{domain}} is a public link shortener; carriers reject them'), { domain: host }),
      })
      return z.NEVER
    }
    return host.replace(/^www\./, '')
  })

export const isShortener = (host: string) => SHORTENERS.some((s) => host === s || host.endsWith(`.${s}`))

const sample = text()
  .trim()
  .min(20, m('Write at least 20 characters'))
  .max(1024, m('Keep a sample under 1,024 characters'))

export const A2pSchema = z.object({
  brandType: z.enum(['SOLE_PROP', 'STANDARD'], { error: m('Choose how your business is registered') }),
  legalBusinessName: text({ error: m('Enter the legal name of your business') })
    .trim()
    .min(1, m('Enter the legal name of your business'))
    .max(200, m('Keep the name under 200 characters')),
  websiteUrl: website,
  taxId: ein.optional(),
  authorizedContact: z.object({
    name: text({ error: m('Enter who carriers can contact') })
      .trim()
      .min(1, m('Enter who carriers can contact'))
      .max(100, m('Keep the name under 100 characters')),
    email: text({ error: m('Enter an email address') })
      .trim()
      .toLowerCase()
      .email(m('Enter an email address like you@yourbusiness.com'))
      .max(254),
    phone: text({ error: m('Enter a US mobile number') })
      .trim()
      .transform((v, ctx) => {
        const e164 = usE164(v)
        if (e164) return e164
        ctx.addIssue({ code: 'custom', message: m('Enter a US number, e.g. (415) 555-0123') })
        return z.NEVER
      }),
  }),
  sampleMessages: list(sample)
    .refine((s) => s.length >= 2, m('Carriers need at least 2 sample messages'))
    // What the samples must say (an opt-out instruction, the business's name, no refused wording) is
    // checked in SQL (ob_a2p_checks), one definition shown as blocker lines.
    .refine((s) => s.length <= 5, m('At most 5 sample messages')),
  linkDomains: list(domain)
    .refine((d) => d.length <= 10, m('At most 10 domains'))
    .transform((d) => [...new Set(d)]),
  hostedPolicy: toggle,
})
export type A2pFields = z.infer<typeof A2pSchema>
export type A2pInput = z.input<typeof A2pSchema>
export const A2pBasic = A2pSchema.pick({
  brandType: true,
  legalBusinessName: true,
  websiteUrl: true,
  authorizedContact: true,
})

const normalName = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\b(llc|l l c|inc|incorporated|co|company|corp|corporation|ltd|the)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()

/** Whether two business names are the same once case, punctuation and suffixes (LLC, Inc, Co) are set aside: similarity >= 0.85. */
export function namesMatch(a: string, b: string): boolean {
  const x = normalName(a)
  const y = normalName(b)
  if (!x || !y) return false
  return 1 - distance(x, y) / Math.max(x.length, y.length) >= 0.85
}
