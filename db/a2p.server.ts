import { z } from 'zod'
import { transaction, type Db } from './client.server'
import { logEvent } from './jobs.server'
import { defineSection } from './section.server'

const text = z.string().nullable()
const CONTACT = z.object({
  name: z.string().optional(),
  email: z.string().optional(),
  phoneE164: z.string().optional(),
})

// Page 4's row (ob_a2p). The owner's saves write the inputs; the registration chain (a2p_step,
// a2p_refresh) writes ids, phases and reasons; website_check writes the checklist.
export const a2pSection = defineSection('ob_a2p', {
  brandType: { type: z.enum(['SOLE_PROP', 'STANDARD']).nullable(), write: true },
  legalBusinessName: { type: text, write: true },
  taxId: { type: text, write: true },
  websiteUrl: { type: text, write: true },
  authorizedContact: { type: CONTACT.nullable(), write: true },
  sampleMessages: { type: z.array(z.string()), write: true },
  linkDomains: { type: z.array(z.string()), write: true },
  hostedPolicy: { type: z.boolean(), write: true },
  useCase: { type: z.string() },
  optInDescription: { type: z.string() },
  stopHelpText: { type: z.string() },
  httpsOk: { type: z.boolean().nullable() },
  privacyFound: { type: z.boolean().nullable() },
  termsFound: { type: z.boolean().nullable() },
  legalMatchesTaxIdLike: { type: z.boolean().nullable(), write: true },
  websiteCheckedAt: { type: z.date().nullable() },
  websiteCheckError: { type: text },
  privacyUrl: { type: text },
  termsUrl: { type: text },
  stripeCompanyName: { type: text },
  stripeWebsiteUrl: { type: text },
  stripeTaxIdProvided: { type: z.boolean().nullable() },
  brandId: { type: text },
  brandPhase: { type: text },
  identityStatus: { type: text },
  campaignId: { type: text },
  campaignPhase: { type: text },
  bindingPhase: { type: text },
  reason: { type: text },
  reasonCode: { type: text },
  reasonStep: { type: z.enum(['brand', 'campaign', 'binding']).nullable() },
  submissionCount: { type: z.number().int() },
  otpSentAt: { type: z.date().nullable() },
  otpCode: { type: text, write: true },
  otpError: { type: z.enum(['invalid', 'expired', 'provider']).nullable(), write: true },
  submittedAt: { type: z.date().nullable() },
  lastSavedAt: { type: z.date().nullable() },
})
export type A2pRow = z.output<typeof a2pSection.row>
export type A2pStep = 'brand' | 'campaign' | 'binding'

export const readA2p = (sql: Db, tenantId: string) => a2pSection.read(sql, tenantId)

/** Starts a submission in the save's transaction (SQL refuses with OB409/OB422): its number and first step. */
export async function startSubmission(tx: Db, tenantId: string): Promise<{ submission: number; step: A2pStep }> {
  const [row] = await tx`select * from ob_a2p_submit(${tenantId})`
  return row as { submission: number; step: A2pStep }
}

/** The page's blocker codes that stand in the way of sending the registration as saved now (empty: send it). */
export async function unsendable(sql: Db, tenantId: string): Promise<string[]> {
  const [row] = await sql`select ob_a2p_unsendable(${tenantId}) as blockers`
  return (row?.blockers as string[] | undefined) ?? []
}

type Reason = { code: string; message: string } | null
export type StepResult = {
  step: A2pStep
  id?: string
  phase: string
  reason?: Reason
  identityStatus?: string | null
  correlationId: string
}

/** One step's answer (or a refresh's), with its audit row, in one transaction. */
export async function recordStep(sql: Db, tenantId: string, r: StepResult) {
  await transaction(sql, async (tx) => {
    const reason = r.reason
      ? { reason: r.reason.message.slice(0, 1000), reasonCode: r.reason.code.slice(0, 40), reasonStep: r.step }
      : {}
    const cols: Record<string, unknown> = { correlationId: r.correlationId, refreshedAt: new Date(), ...reason }
    if (r.step === 'brand')
      Object.assign(cols, {
        brandPhase: r.phase,
        ...(r.id && { brandId: r.id }),
        ...(r.identityStatus !== undefined && { identityStatus: r.identityStatus }),
      })
    // A vetted sole proprietor's brand waits for the code the registry has just texted.
    if (r.step === 'brand' && r.identityStatus === 'UNVERIFIED')
      await tx`update ob_a2p set otp_sent_at = coalesce(otp_sent_at, now()) where tenant_id = ${tenantId}`
    if (r.step === 'campaign') Object.assign(cols, { campaignPhase: r.phase, ...(r.id && { campaignId: r.id }) })
    if (r.step === 'binding') Object.assign(cols, { bindingPhase: r.phase })
    await tx`update ob_a2p set ${tx(cols as never, Object.keys(cols))} where tenant_id = ${tenantId}`
    await logEvent(tx, tenantId, `registration.${r.step}`, {
      phase: r.phase,
      id: r.id ?? null,
      reasonCode: r.reason?.code ?? null,
    })
  })
}

/** The Stripe facts Page 4 compares and prefills with (written by stripe_prefill). */
export async function recordStripeFacts(
  tx: Db,
  tenantId: string,
  f: { companyName: string | null; websiteUrl: string | null; ein: string | null; taxIdProvided: boolean | null },
) {
  // The EIN fills the field only while the owner has not saved the page, and only in the IRS format.
  const digits = f.ein?.replace(/\D/g, '') ?? ''
  const ein = digits.length === 9 ? `${digits.slice(0, 2)}-${digits.slice(2)}` : null
  await tx`
    update ob_a2p set stripe_company_name = ${f.companyName?.slice(0, 200) ?? null}, stripe_website_url = ${f.websiteUrl?.slice(0, 2048) ?? null},
      stripe_tax_id_provided = ${f.taxIdProvided ?? ein !== null},
      tax_id = case when last_saved_at is null and ob_is_ein(${ein}) then ${ein} else tax_id end
    where tenant_id = ${tenantId}`
}

export type WebsiteCheck = {
  httpsOk: boolean | null
  privacyFound: boolean | null
  termsFound: boolean | null
  privacyUrl?: string | null
  termsUrl?: string | null
  error: string | null
  privacyNoSharing?: boolean | null
  termsFrequency?: boolean | null
  termsRates?: boolean | null
  termsContact?: boolean | null
}

/** What website_check found, for the URL it checked (a URL changed since is left for its own job). */
export async function recordWebsiteCheck(sql: Db, tenantId: string, url: string, c: WebsiteCheck) {
  await transaction(sql, async (tx) => {
    const [row] = await tx`
      update ob_a2p set https_ok = ${c.httpsOk}, privacy_found = ${c.privacyFound}, terms_found = ${c.termsFound},
        privacy_url = ${c.privacyUrl ?? null}, terms_url = ${c.termsUrl ?? null}, website_check_error = ${c.error}, website_checked_at = now(),
        privacy_no_sharing = ${c.privacyNoSharing ?? null}, terms_frequency = ${c.termsFrequency ?? null}, terms_rates = ${c.termsRates ?? null}, terms_contact = ${c.termsContact ?? null}
      where tenant_id = ${tenantId} and website_url = ${url} returning tenant_id`
    if (row)
      await logEvent(tx, tenantId, 'registration.website_checked', {
        httpsOk: c.httpsOk,
        privacyFound: c.privacyFound,
        termsFound: c.termsFound,
        error: c.error !== null,
      })
  })
}

export type A2pDefaults = {
  brandType: 'SOLE_PROP' | 'STANDARD'
  legalBusinessName: string | null
  websiteUrl: string | null
  authorizedContact: { name: string; email: string; phoneE164: string } | null
  sampleMessages: string[]
  linkDomains: string[]
}

/**
 * The page's prefill, stored the first time Page 4 is shown (never over the owner's own values),
 * and the website check it needs, in one transaction. Returns whether it filled anything.
 */
export async function fillA2pDefaults(
  sql: Db,
  tenantId: string,
  d: A2pDefaults,
  check: (tx: Db) => Promise<void>,
): Promise<boolean> {
  return transaction(sql, async (tx) => {
    const [row] = await tx`
      update ob_a2p set brand_type = ${d.brandType}, legal_business_name = ${d.legalBusinessName}, website_url = ${d.websiteUrl},
        authorized_contact = ${d.authorizedContact ? tx.json(d.authorizedContact) : null}, sample_messages = ${d.sampleMessages},
        link_domains = ${d.linkDomains}
      where tenant_id = ${tenantId} and last_saved_at is null and submitted_at is null and brand_type is null returning tenant_id`
    if (row && d.websiteUrl) await check(tx)
    return Boolean(row)
  }) as Promise<boolean>
}

export async function isFreeMail(sql: Db, domain: string): Promise<boolean> {
  const [row] =
    await sql`select exists (select 1 from ob_free_mail_domain where ${domain} = domain or ${domain} like '%.' || domain) as free`
  return row.free as boolean
}

export async function ownerName(sql: Db, tenantId: string): Promise<string | null> {
  const [row] =
    await sql`select name from ob_employee where tenant_id = ${tenantId} and role = 'owner' order by created_at limit 1`
  return (row?.name as string | undefined) ?? null
}

/** "Send a new code": capped in SQL (OB429), in the save's transaction. */
export async function requestOtpResend(tx: Db, tenantId: string) {
  await tx`select ob_a2p_resend_otp(${tenantId})`
}

/**
 * The outcome of a code sent to the registry (or of a resend). The typed code (`sent`, sealed) is
 * cleared in the same transaction, so the page says "Checking your code" until the outcome is in;
 * a code typed again meanwhile is kept for its own job.
 */
export async function recordOtp(
  sql: Db,
  tenantId: string,
  outcome: 'verified' | 'resent' | 'invalid' | 'expired' | 'provider',
  sent?: string,
) {
  await transaction(sql, async (tx) => {
    if (sent) await tx`update ob_a2p set otp_code = null where tenant_id = ${tenantId} and otp_code = ${sent}`
    if (outcome === 'verified')
      await tx`update ob_a2p set identity_status = 'VERIFIED', otp_error = null where tenant_id = ${tenantId}`
    else if (outcome === 'resent')
      await tx`update ob_a2p set otp_sent_at = now(), otp_error = null where tenant_id = ${tenantId}`
    else await tx`update ob_a2p set otp_error = ${outcome} where tenant_id = ${tenantId}`
    await logEvent(tx, tenantId, 'registration.otp', { outcome })
  })
}

/** A signed status event from the provider: recorded once, its tenant refreshed now (ob_a2p_callback). */
export async function a2pCallback(
  sql: Db,
  e: { id: string; type: string; objectId: string; occurredAt: Date },
): Promise<'refreshed' | 'duplicate' | 'unknown'> {
  const [r] = await sql`select ob_a2p_callback(${e.id}, ${e.type}, ${e.objectId}, ${e.occurredAt}) as outcome`
  return r.outcome
}

/** The tenant's registration refresh at `at` at the latest (an earlier one waiting is kept). */
export async function refreshBy(sql: Db, tenantId: string, at: Date, attempt = 0) {
  await sql`select ob_a2p_refresh_by(${tenantId}, ${at}, ${attempt})`
}

export type TimelineStep = {
  step: 'brand' | 'code' | 'campaign' | 'binding'
  status: 'done' | 'failed' | 'pending' | 'waiting' | 'notStarted'
  at: string | null
  usuallyFrom: string | null
  usuallyBy: string | null
  late: boolean
}

/** The registration as one timeline (ob_a2p_timeline): empty before Submit. */
export async function readTimeline(sql: Db, tenantId: string): Promise<TimelineStep[]> {
  const [r] = await sql`select ob_a2p_timeline(${tenantId}) as timeline`
  return r.timeline as TimelineStep[]
}
