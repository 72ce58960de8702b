import { m } from '../../core/i18n/languages'
import {
  a2pSection,
  fillA2pDefaults,
  isFreeMail,
  ownerName,
  readA2p,
  readTimeline,
  requestOtpResend,
  startSubmission,
  type A2pRow,
} from '../../db/a2p.server'
import { readAccount, type AccountRow } from '../../db/account.server'
import { readCalmsg } from '../../db/calmsg.server'
import { enqueue, jobFor, type Job } from '../../db/jobs.server'
import { readNumber } from '../../db/number.server'
import { servicesFor } from '../../core/data/services'
import { definePage, type Refusal, type SavePlan } from '../kit/page.server'
import { seal } from '../../platform/crypto.server'
import type { Tx } from '../../platform/db.server'
import { autoReply } from '../lib/preview'
import { A2pBasic, A2pSchema, namesMatch, type A2pFields } from '../schemas/a2p'
import { siteHost } from '../../core/site-host'

// Page 4 (A2P 10DLC): what it shows and what a save changes. The first time it is shown it stores
// a prefill (Stripe's company and site, the owner as contact, two samples from Page 3's reply) and
// checks the website. Submit saves and, in the same transaction, starts the registration chain
// (SQL refuses while a check carriers reject on fails); the jobs do the rest.
export const a2pPage = definePage({
  id: 'a2p',
  schema: A2pSchema,
  basic: A2pBasic,
  section: a2pSection,
  intents: ['useHostedPolicy', 'verifyOtp', 'resendOtp'],
  // The phase stays A2P until Finish on the summary: Continue goes there once texting is enabled.
  done: (state) => state.textingEligible,
  async refresh({ tenantId, read }) {
    await read(async (tx) => {
      const [a2p, account] = await Promise.all([readA2p(tx, tenantId), readAccount(tx, tenantId)])
      if (a2p.brandType !== null || a2p.lastSavedAt !== null) return
      const defaults = await a2pDefaults(tx, tenantId, a2p, account)
      await fillA2pDefaults(tx, tenantId, defaults, (inner) =>
        enqueue(inner, jobFor('website_check', { tenantId, url: defaults.websiteUrl! })),
      )
    })
  },
  async load({ tenantId, tx }) {
    const [{ otpCode, ...a2p }, account, timeline] = await Promise.all([
      readA2p(tx, tenantId),
      readAccount(tx, tenantId),
      readTimeline(tx, tenantId),
    ])
    // The typed code (sealed) never goes back to the browser: only whether it is being checked.
    return {
      a2p: { ...a2p, otpChecking: otpCode !== null },
      hostedBase: `/p/${tenantId}`,
      businessName: account.displayName ?? a2p.legalBusinessName ?? '',
      timeline,
      timezone: account.timezone ?? 'America/New_York',
    }
  },
  async save({ tenantId, intent, value, state, read, formData }) {
    const [a2p, account] = await read((tx) => Promise.all([readA2p(tx, tenantId), readAccount(tx, tenantId)]))
    if (intent === 'verifyOtp' || intent === 'resendOtp')
      return planOtp(tenantId, intent, String(formData.get('otp') ?? ''), a2p)
    return planA2pSave({ tenantId, intent, value, a2p, account, eligible: (await state()).textingEligible })
  },
})

async function a2pDefaults(tx: Tx, tenantId: string, a2p: A2pRow, account: AccountRow) {
  const [calmsg, number, name] = await Promise.all([
    readCalmsg(tx, tenantId),
    readNumber(tx, tenantId),
    ownerName(tx, tenantId),
  ])
  const emailDomain = account.ownerEmail?.split('@')[1]?.toLowerCase()
  const fromStripe = a2p.stripeWebsiteUrl ? httpsUrl(a2p.stripeWebsiteUrl) : null
  const websiteUrl =
    fromStripe ?? (emailDomain && !(await isFreeMail(tx, emailDomain)) ? `https://${emailDomain}/` : null)
  const business = account.displayName ?? a2p.stripeCompanyName ?? 'Our business'
  const catalogue = servicesFor(account.vertical)
  const template =
    'title' in calmsg.templates
      ? calmsg.templates
      : {
          title: `${business}: sorry we missed your call!`,
          description: 'Reply with what you need and we will text you back.',
        }
  const missedCall = autoReply({
    template,
    lang: 'en',
    displayName: business,
    services: calmsg.topServices.length ? calmsg.topServices : catalogue.slice(0, 1).map((s) => s.name),
    hours: number.hours,
    stopHelpText: number.stopHelpText,
  })
  return {
    brandType: a2p.stripeTaxIdProvided ? ('STANDARD' as const) : ('SOLE_PROP' as const),
    legalBusinessName: a2p.stripeCompanyName ?? account.displayName,
    websiteUrl,
    authorizedContact:
      account.ownerEmail && account.ownerMobileE164
        ? { name: name ?? business, email: account.ownerEmail, phoneE164: account.ownerMobileE164 }
        : null,
    // Template fields in [brackets], the business name and the opt-out, as reviewers expect.
    sampleMessages: [
      missedCall.slice(0, 1024),
      `${business}: thanks for your reply. A technician can come [day] at [time]. Reply YES to book. Reply STOP to opt out, HELP for help.`,
    ],
    linkDomains: websiteUrl ? [siteHost(websiteUrl)!] : [],
  }
}

const httpsUrl = (raw: string) => {
  const url = URL.canParse(raw) ? new URL(raw) : URL.canParse(`https://${raw}`) ? new URL(`https://${raw}`) : null
  if (!url) return null
  url.protocol = 'https:'
  return url.href
}

/** The sole proprietor's code: sent to the registry by the a2p_otp job (sealed meanwhile), or a new one asked for (capped in SQL). */
export function planOtp(
  tenantId: string,
  intent: 'verifyOtp' | 'resendOtp',
  typed: string,
  a2p: Pick<A2pRow, 'identityStatus'>,
): SavePlan | Refusal {
  if (a2p.identityStatus !== 'UNVERIFIED') return { status: 409, message: m('There is no code waiting for you.') }
  const job = jobFor('a2p_otp', { tenantId, action: intent === 'verifyOtp' ? 'verify' : 'resend' })
  if (intent === 'resendOtp') return { job, after: (tx) => requestOtpResend(tx, tenantId) }
  const code = typed.replace(/\s/g, '')
  if (!/^\d{6}$/.test(code)) return { status: 400, message: m('Enter the 6-digit code from the text we sent.') }
  return { fields: { otpCode: seal(code, { tenantId, field: 'ob_a2p.otp_code' }), otpError: null }, job }
}

type SaveInput = {
  tenantId: string
  intent: 'autosave' | 'continue' | 'useHostedPolicy'
  value: Partial<A2pFields>
  a2p: A2pRow
  account: Pick<AccountRow, 'displayName'>
  eligible: boolean
}

/** What a valid submission of Page 4 changes, or why it is refused. */
export function planA2pSave(o: SaveInput): SavePlan | Refusal {
  const { authorizedContact, ...value } = o.value
  const fields: Record<string, unknown> = { ...value }
  if (authorizedContact)
    fields.authorizedContact = {
      name: authorizedContact.name,
      email: authorizedContact.email,
      phoneE164: authorizedContact.phone,
    }
  if (o.intent === 'useHostedPolicy') fields.hostedPolicy = true
  // A sole proprietor with an EIN typed (the field hidden, its value still sent) is refused on
  // Submit with the line, not accepted with the EIN silently dropped: having one means Standard.
  if (value.legalBusinessName)
    fields.legalMatchesTaxIdLike = namesMatch(
      value.legalBusinessName,
      o.a2p.stripeCompanyName ?? o.account.displayName ?? value.legalBusinessName,
    )
  let job: Job | undefined
  if (value.websiteUrl && value.websiteUrl !== o.a2p.websiteUrl) {
    // A new website is checked again, and its domain replaces the old one among the link domains.
    job = jobFor('website_check', { tenantId: o.tenantId, url: value.websiteUrl })
    const oldHost = o.a2p.websiteUrl ? siteHost(o.a2p.websiteUrl) : null
    const newHost = siteHost(value.websiteUrl)!
    fields.linkDomains = [
      ...new Set([newHost, ...(value.linkDomains ?? o.a2p.linkDomains).filter((d) => d !== oldHost)]),
    ]
  }
  // A new website is saved and checked first: Submit again once the check is in (SQL waits for it).
  if (o.intent !== 'continue' || o.eligible || job) return { fields, job }
  // Submit: SQL decides (ob_a2p_submit refuses while a line carriers reject on stands, the EIN's and
  // the link domains' among them), and its refusal names the lines the page puts on their fields.
  return {
    fields,
    job,
    after: async (tx) => {
      const { submission, step } = await startSubmission(tx, o.tenantId)
      await enqueue(tx, jobFor('a2p_step', { tenantId: o.tenantId, step, submission }))
    },
  }
}
