import { z } from 'zod'
import type { Db } from './client.server'

// The standard result of every action: what ob_wizard_state says, plus the flow's version.
export const PHASES = ['ACCOUNT', 'NUMBER', 'CALMSG', 'A2P', 'FINALIZE', 'COMPLETE'] as const
export type Phase = (typeof PHASES)[number]

const pct = z.union([z.literal(0), z.literal(50), z.literal(100)])
export const WizardState = z.object({
  phase: z.enum(PHASES),
  completion: z.object({ account: pct, number: pct, calmsg: pct, a2p: pct }),
  blockers: z.array(z.string()),
  textingEligible: z.boolean(),
  version: z.number().int(),
})
export type WizardState = z.infer<typeof WizardState>

export async function wizardState(sql: Db, tenantId: string): Promise<WizardState> {
  const [row] = await sql`
    select s.phase, s.completion, s.blockers, s.texting_eligible, f.version
    from ob_flow f cross join lateral ob_wizard_state(f.tenant_id) s
    where f.tenant_id = ${tenantId}`
  if (!row) throw new Error(`no onboarding flow for tenant ${tenantId}`)
  return WizardState.parse(row)
}

export async function identityFlags(sql: Db, tenantId: string) {
  const [row] = await sql<{ emailVerified: boolean; mobileVerified: boolean; stripeActive: boolean }[]>`
    select email_verified, mobile_verified, stripe_active from ob_flow where tenant_id = ${tenantId}`
  return row
}

export async function advance(sql: Db, tenantId: string): Promise<void> {
  await sql`select ob_advance(${tenantId})`
}

export type Owner = {
  userId: string
  email: string
  mobileE164: string
  name: string
  emailVerified: boolean
  mobileVerified: boolean
  stripeActive: boolean
  prefill: { displayName?: string; vertical?: string }
}

// The owner's tenant, created on first visit; identity flags are refreshed from the identity provider.
export async function ensureTenant(sql: Db, owner: Owner): Promise<string> {
  const [{ tenantId }] = await sql`
    select ob_ensure_tenant(${owner.userId}, ${owner.email}, ${owner.mobileE164}, ${owner.name},
      ${owner.prefill.displayName ?? null}, ${owner.prefill.vertical ?? null}) as tenant_id`
  await sql`
    update ob_flow set email_verified = ${owner.emailVerified}, mobile_verified = ${owner.mobileVerified},
      stripe_active = ${owner.stripeActive}
    where tenant_id = ${tenantId}
      and (email_verified, mobile_verified, stripe_active)
        is distinct from (${owner.emailVerified}, ${owner.mobileVerified}, ${owner.stripeActive})`
  return z.string().uuid().parse(tenantId)
}
