// Local dev identities, used when Clerk is not configured (never in production).
// Each stands for what Clerk would say about a real owner; the business details come from the
// persona's objects in the local Stripe fake (test/fakes/stripe.ts), read by the prefill job.
export const PERSONAS = {
  verified: {
    stripeCustomerId: 'cus_verified',
    stripeAccountId: 'acct_verified',
    label: 'Verified owner',
    note: 'Email and mobile verified, subscription active.',
    name: 'Maria Rivera',
    email: 'maria@riveraplumbing.example',
    mobileE164: '+14155550123',
    emailVerified: true,
    mobileVerified: true,
  },
  'unverified-mobile': {
    stripeCustomerId: 'cus_unverified_mobile',
    stripeAccountId: 'acct_unverified_mobile',
    label: 'Mobile not verified',
    note: 'Email verified, mobile not yet verified.',
    name: 'Dev Patel',
    email: 'dev@brightspark.example',
    mobileE164: '+12125550188',
    emailVerified: true,
    mobileVerified: false,
  },
  'inactive-subscription': {
    stripeCustomerId: 'cus_inactive_subscription',
    stripeAccountId: 'acct_inactive_subscription',
    label: 'Subscription inactive',
    note: 'Verified, but the Stripe subscription is not active.',
    name: 'Lena Okafor',
    email: 'lena@sparklehome.example',
    mobileE164: '+13125550147',
    emailVerified: true,
    mobileVerified: true,
  },
} as const

export type PersonaId = keyof typeof PERSONAS
export const PERSONA_IDS = Object.keys(PERSONAS) as [PersonaId, ...PersonaId[]]
