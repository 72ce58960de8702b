import { z } from 'zod'
import { PHASES, SECTIONS, type SectionId } from '../core/pages'
import { asTenant, type Db } from './client.server'
import { enqueue, jobFor, logEvent } from './jobs.server'

// The standard result of every action: what ob_wizard_state says, plus the flow's version.
const pct = z.union([z.literal(0), z.literal(50), z.literal(100)])
export const WizardState = z.object({
  phase: z.enum(PHASES),
  // One entry per data page (core/pages.ts), as ob_compute_state builds it from ob_section.
  completion: z.object(Object.fromEntries(SECTIONS.map((s) => [s.id, pct])) as Record<SectionId, typeof pct>),
  blockers: z.array(z.string()),
  textingEligible: z.boolean(),
  version: z.number().int(),
})
export type WizardState = z.infer<typeof WizardState>

/** The session names a tenant this database does not have (the dev database was reset, say). */
export class NoFlow extends Error {}

export async function wizardState(sql: Db, tenantId: string): Promise<WizardState> {
  const [row] = await sql`
    select s.phase, s.completion, s.blockers, s.texting_eligible, f.version
    from ob_flow f cross join lateral ob_wizard_state(f.tenant_id) s
    where f.tenant_id = ${tenantId}`
  if (!row) throw new NoFlow(`no onboarding flow for tenant ${tenantId}`)
  return WizardState.parse(row)
}

export async function identityFlags(sql: Db, tenantId: string) {
  const [row] = await sql<{ emailVerified: boolean; mobileVerified: boolean; stripeActive: boolean }[]>`
    select email_verified, mobile_verified, stripe_active from ob_flow where tenant_id = ${tenantId}`
  return row
}

/** Moves the phase forward by the guards; into FINALIZE only with `finish` (the summary's Finish). */
export async function advance(sql: Db, tenantId: string, o: { finish?: boolean } = {}): Promise<void> {
  await sql`select ob_advance(${tenantId}, ${o.finish ?? false})`
}

export type Owner = {
  userId: string
  email: string | null
  mobileE164: string | null
  name: string
  emailVerified: boolean
  mobileVerified: boolean
  stripeCustomerId: string | null
  stripeAccountId: string | null
}

/** The tenant this user owns, if they have visited before. */
export async function tenantForUser(sql: Db, userId: string): Promise<string | null> {
  const [row] = await sql`select ob_tenant_of_user(${userId}) as tenant_id`
  return row?.tenantId ?? null
}

// The owner's tenant, created on first visit (with the Stripe prefill job, in one transaction),
// and their identity flags as the identity provider says now.
export async function ensureTenant(sql: Db, owner: Owner): Promise<string> {
  // One statement, so one transaction: ob_ensure_tenant does the creating and the enqueueing.
  const [{ tenantId }] = await sql`
    select ob_ensure_tenant(${owner.userId}, ${owner.email}, ${owner.mobileE164}, ${owner.name},
      ${owner.stripeCustomerId}, ${owner.stripeAccountId}) as tenant_id`
  await asTenant(sql, tenantId, (tx) => recordIdentityFlags(tx, tenantId, owner))
  return z.string().uuid().parse(tenantId)
}

/** Stores the flags last read from the identity provider (used when it does not answer); a COMPLETE flow is frozen. */
export async function recordIdentityFlags(
  sql: Db,
  tenantId: string,
  flags: { emailVerified: boolean; mobileVerified: boolean },
) {
  await sql`
    update ob_flow set email_verified = ${flags.emailVerified}, mobile_verified = ${flags.mobileVerified},
      identity_checked_at = now()
    where tenant_id = ${tenantId} and phase <> 'COMPLETE'`
}

/**
 * A subscription webhook: new flags for the customer's tenant, and a fresh prefill. Stripe neither
 * keeps order nor stops redelivering, so an event older than the last one applied changes nothing
 * ('stale'; events of the same second are applied, and the prefill it enqueues reads Stripe's
 * current state anyway). A tenant whose onboarding is COMPLETE is frozen (the main database has it
 * now): nothing changes, null.
 */
export async function applySubscription(
  sql: Db,
  s: { customerId: string; stripeActive: boolean; planCode: string | null; eventAt: Date },
) {
  const [found] = await sql`select ob_tenant_of_customer(${s.customerId}) as tenant_id`
  if (!found?.tenantId) return null
  return asTenant(sql, found.tenantId as string, async (tx) => {
    const [row] = await tx`
      select tenant_id, stripe_event_at > ${s.eventAt} as stale from ob_flow
      where stripe_customer_id = ${s.customerId} and phase <> 'COMPLETE' for update`
    if (!row) return null
    if (row.stale) return 'stale'
    await tx`
      update ob_flow set stripe_active = ${s.stripeActive}, plan_code = ${s.planCode}, stripe_event_at = ${s.eventAt}
      where tenant_id = ${row.tenantId}`
    await enqueue(tx, jobFor('stripe_prefill', { tenantId: row.tenantId }))
    await logEvent(tx, row.tenantId, 'stripe.subscription', { stripeActive: s.stripeActive, planCode: s.planCode })
    return row.tenantId as string
  }) as Promise<string | null>
}

/**
 * How the owner wants onboarding to finish: by itself on approval (default), or after their review;
 * and whether only the carriers' answer is left (ob_only_carriers_left, Finish's own rule).
 */
export async function finishChoice(sql: Db, tenantId: string) {
  const [f] =
    await sql`select review_first, finish_requested_at, ob_only_carriers_left(f) as waiting from ob_flow f where tenant_id = ${tenantId}`
  return {
    reviewFirst: Boolean(f?.reviewFirst),
    finishRequested: Boolean(f?.finishRequestedAt),
    waitingForCarriers: Boolean(f?.waiting),
  }
}

/** The language the owner reads the wizard in: their mails follow it (ob_set_owner_lang). */
export async function setOwnerLang(sql: Db, tenantId: string, lang: 'en' | 'es') {
  await sql`select ob_set_owner_lang(${tenantId}, ${lang})`
}
