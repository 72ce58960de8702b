import { startFake } from './http'

// A local Clerk Backend API: GET /v1/users/:id in Clerk's JSON shape, POST /v1/sessions/:id/revoke. Users are the dev personas'
// (user_verified, user_unverified_mobile, user_inactive_subscription) or any a test posts as
// switches.users. Switches: down (500s), delayMs (answers late, for the request timeout).
export type FakeClerkUser = {
  email: string
  emailVerified: boolean
  phone: string
  phoneVerified: boolean
  firstName: string
  lastName: string
  stripeCustomerId?: string
  stripeAccountId?: string
}

const SEED: Record<string, FakeClerkUser> = {
  user_verified: {
    email: 'maria@riveraplumbing.example',
    emailVerified: true,
    phone: '+14155550123',
    phoneVerified: true,
    firstName: 'Maria',
    lastName: 'Rivera',
    stripeCustomerId: 'cus_verified',
    stripeAccountId: 'acct_verified',
  },
  user_unverified_mobile: {
    email: 'dev@brightspark.example',
    emailVerified: true,
    phone: '+12125550188',
    phoneVerified: false,
    firstName: 'Dev',
    lastName: 'Patel',
    stripeCustomerId: 'cus_unverified_mobile',
    stripeAccountId: 'acct_unverified_mobile',
  },
  user_inactive_subscription: {
    email: 'lena@sparklehome.example',
    emailVerified: true,
    phone: '+13125550147',
    phoneVerified: true,
    firstName: 'Lena',
    lastName: 'Okafor',
    stripeCustomerId: 'cus_inactive_subscription',
    stripeAccountId: 'acct_inactive_subscription',
  },
}

const verification = (verified: boolean) => ({
  object: 'verification_otp',
  status: verified ? 'verified' : 'unverified',
  strategy: 'email_code',
  attempts: 1,
  expire_at: null,
})

export function clerkUserJson(id: string, u: FakeClerkUser) {
  return {
    id,
    object: 'user',
    first_name: u.firstName,
    last_name: u.lastName,
    username: null,
    image_url: '',
    has_image: false,
    primary_email_address_id: `idn_email_${id}`,
    primary_phone_number_id: `idn_phone_${id}`,
    primary_web3_wallet_id: null,
    email_addresses: [
      {
        id: `idn_email_${id}`,
        object: 'email_address',
        email_address: u.email,
        verification: verification(u.emailVerified),
        linked_to: [],
      },
    ],
    phone_numbers: [
      {
        id: `idn_phone_${id}`,
        object: 'phone_number',
        phone_number: u.phone,
        reserved_for_second_factor: false,
        default_second_factor: false,
        verification: verification(u.phoneVerified),
        linked_to: [],
        backup_codes: null,
      },
    ],
    web3_wallets: [],
    external_accounts: [],
    saml_accounts: [],
    public_metadata: { stripeCustomerId: u.stripeCustomerId, stripeAccountId: u.stripeAccountId },
    private_metadata: {},
    unsafe_metadata: {},
    created_at: 1763900000000,
    updated_at: 1763900000000,
    last_sign_in_at: null,
    password_enabled: false,
    two_factor_enabled: false,
    totp_enabled: false,
    backup_code_enabled: false,
    banned: false,
    locked: false,
    external_id: null,
  }
}

export function startClerkFake(port: number) {
  return startFake('clerk', port, {
    // Sign-out: the session is ended at Clerk (counted per session as revoke:<id>).
    'POST /v1/sessions/:id/revoke': (req) => {
      if (!/^Bearer sk_/.test(String(req.headers.authorization)))
        return { status: 401, body: { errors: [{ code: 'authentication_invalid', message: 'Unauthorized' }] } }
      if (req.switches.down)
        return { status: 500, body: { errors: [{ code: 'internal_clerk_error', message: 'Clerk fake is down' }] } }
      req.count(`revoke:${req.params.id}`)
      const now = Date.now()
      return {
        status: 200,
        body: {
          object: 'session',
          id: req.params.id,
          client_id: 'client_fake',
          user_id: 'user_fake',
          status: 'revoked',
          last_active_at: now,
          expire_at: now,
          abandon_at: now,
          created_at: now,
          updated_at: now,
        },
      }
    },
    'GET /v1/users/:id': (req) => {
      if (!/^Bearer sk_/.test(String(req.headers.authorization)))
        return { status: 401, body: { errors: [{ code: 'authentication_invalid', message: 'Unauthorized' }] } }
      if (req.switches.down)
        return { status: 500, body: { errors: [{ code: 'internal_clerk_error', message: 'Clerk fake is down' }] } }
      const user = { ...SEED, ...(req.switches.users as Record<string, FakeClerkUser> | undefined) }[req.params.id]
      if (!user) return { status: 404, body: { errors: [{ code: 'resource_not_found', message: 'not found' }] } }
      return { status: 200, body: clerkUserJson(req.params.id, user), delayMs: Number(req.switches.delayMs ?? 0) }
    },
  })
}
