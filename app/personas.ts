// Local dev identities, used when Clerk is not configured (never in production).
// Each stands for what Clerk and Stripe would say about a real owner.
export const PERSONAS = {
  verified: {
    label: 'Verified owner',
    note: 'Email and mobile verified, subscription active.',
    name: 'Maria Rivera',
    email: 'maria@riveraplumbing.example',
    mobileE164: '+14155550123',
    emailVerified: true,
    mobileVerified: true,
    stripeActive: true,
    prefill: { displayName: 'Rivera Plumbing & Heating', vertical: 'plumbing' },
  },
  'unverified-mobile': {
    label: 'Mobile not verified',
    note: 'Email verified, mobile not yet verified.',
    name: 'Dev Patel',
    email: 'dev@brightspark.example',
    mobileE164: '+12125550188',
    emailVerified: true,
    mobileVerified: false,
    stripeActive: true,
    prefill: { displayName: 'Bright Spark Electric', vertical: 'electrical' },
  },
  'inactive-subscription': {
    label: 'Subscription inactive',
    note: 'Verified, but the Stripe subscription is not active.',
    name: 'Lena Okafor',
    email: 'lena@sparklehome.example',
    mobileE164: '+13125550147',
    emailVerified: true,
    mobileVerified: true,
    stripeActive: false,
    prefill: { displayName: 'Sparkle Home Cleaning', vertical: 'cleaning' },
  },
} as const

export type PersonaId = keyof typeof PERSONAS
export const PERSONA_IDS = Object.keys(PERSONAS) as [PersonaId, ...PersonaId[]]
