import { z } from 'zod'
import { Webhooks } from './providers/provisioning.schema'

// Read once at start-up. A bad or missing value stops the process with one line, not a stack trace.
// Every entry point (web server, worker, migrations) runs as production unless told otherwise: only
// the dev launcher (NODE_ENV=development) and the test setup (test) open the dev sign-in and the dev
// defaults below, and production refuses each of those dev values.
const url = (what: string) => z.string().regex(/^https?:\/\/[^\s]+$/, `must be an http(s) URL (${what})`)
/** A setting that takes several values, comma-separated (secrets and keys for rotation). */
const commaList = () =>
  z.string().transform((v) =>
    v
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
const schema = z.object({
  NODE_ENV: z
    .enum(['development', 'production', 'test'], {
      error: 'must be development, production or test (unset: production)',
    })
    .default('production'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  // Several, comma-separated, for rotation: the first signs new cookies, every one still opens them.
  SESSION_SECRET: commaList()
    .refine(
      (list) => list.length > 0 && list.every((x) => x.length >= 32),
      'must be at least 32 characters (several: comma-separated, each 32+)',
    )
    .optional(),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
  // Open pages told of their tenant's changes (server-sent events) per web process; beyond, they poll.
  LIVE_STREAMS_MAX: z.coerce.number().int().min(0).max(100_000).default(2000),
  WORKER_METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  // Clerk: all set, or none (then the local dev identity, refused in production).
  CLERK_PUBLISHABLE_KEY: z
    .string()
    .regex(/^pk_(test|live)_/, 'must start with pk_test_ or pk_live_')
    .optional(),
  CLERK_SECRET_KEY: z
    .string()
    .regex(/^sk_(test|live)_/, 'must start with sk_test_ or sk_live_')
    .optional(),
  CLERK_JWT_KEY: z.string().optional(),
  CLERK_API_URL: url('Clerk Backend API').optional(),
  CLERK_SIGN_IN_URL: z.string().min(1).optional(),
  CLERK_ACCOUNT_URL: url("Clerk's account page").optional(),
  // Stripe: the API base defaults to the local fake `npm run dev` starts (FAKE_STRIPE_URL).
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_/, 'must start with sk_test_, sk_live_, rk_test_ or rk_live_')
    .optional(),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_/, 'must start with whsec_')
    .optional(),
  STRIPE_API_URL: url('Stripe API').optional(),
  FAKE_STRIPE_URL: url('local Stripe fake').optional(),
  BILLING_URL: z.string().min(1).optional(),
  // Where the owner goes once the copier has moved their business into the main database.
  DASHBOARD_URL: z.string().min(1).optional(),
  UPLOAD_DIR: z.string().min(1).default('.data/uploads'),
  // Provisioning API: the base URL defaults to the local fake `npm run dev` starts.
  PROVISIONING_API_URL: url('Provisioning API').optional(),
  PROVISIONING_TOKEN: z.string().min(8, 'must be at least 8 characters').optional(),
  FAKE_PROVISIONING_URL: url('local Provisioning fake').optional(),
  SMS_WEBHOOK_URL: z.string().optional(),
  VOICE_URL: z.string().optional(),
  VOICE_APP_SID: z.string().optional(),
  STATUS_CALLBACK_URL: z.string().optional(),
  // A2P Registration API: the base URL defaults to the local fake `npm run dev` starts.
  A2P_API_URL: url('A2P Registration API').optional(),
  A2P_TOKEN: z.string().min(8, 'must be at least 8 characters').optional(),
  // The A2P provider's status events at POST /webhooks/a2p are signed with this shared secret.
  A2P_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  FAKE_A2P_URL: url('local A2P fake').optional(),
  // Seconds before the first status check after a submission; each next check waits twice as long (up to an hour).
  A2P_REFRESH_SECONDS: z.coerce.number().min(0.1).max(3600).optional(),
  // Owners' websites under .example are served by the local sites fake in dev and tests (never in production).
  FAKE_SITES_URL: url('local sites fake').optional(),
  // Google Calendar (OAuth 2.0 with PKCE). The issuer defaults to Google; `npm run dev` points it at
  // the local OAuth fake (FAKE_OAUTH_URL). APP_URL is where Google sends the owner back.
  GOOGLE_CLIENT_ID: z.string().min(1).optional(),
  GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
  OAUTH_ISSUER: url('OAuth issuer').optional(),
  FAKE_OAUTH_URL: url('local OAuth fake').optional(),
  APP_URL: url('the public address of this app').optional(),
  // Slack incoming webhooks: the "Send a test message" job posts to hooks.slack.com, or the fake in dev.
  SLACK_HOOKS_URL: url('Slack webhooks host').optional(),
  FAKE_SLACK_URL: url('local Slack fake').optional(),
  // Mail to owners goes out over SMTP (Postmark, SES, SendGrid, Mailgun all speak it); in dev and
  // tests to the local SMTP fake (FAKE_SMTP_URL). Links in mail lead to APP_URL.
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'must be smtp://user:pass@host:port or smtps://...')
    .optional(),
  MAIL_FROM: z
    .string()
    .regex(/^([^<>\r\n]{1,100} <[^@\s<>]+@[^@\s<>]+>|[^@\s<>]+@[^@\s<>]+)$/, 'must be an address, or "Name <address>"')
    .optional(),
  FAKE_SMTP_URL: z
    .string()
    .regex(/^smtp:\/\/127\.0\.0\.1:\d+$/)
    .optional(),
  FAKE_MAIL_URL: url('local mail fake (its mailbox, shown at /dev/mail)').optional(),
  PORT_IN_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64 (openssl rand -base64 32)')
    .optional(),
  // Keys that sealed values before PORT_IN_KEY replaced them: they still open, nothing new is sealed with them.
  PORT_IN_KEYS_RETIRED: commaList()
    .refine(
      (ks) => ks.every((k) => Buffer.from(k, 'base64').length === 32),
      'must be 32-byte base64 keys, separated by commas',
    )
    .default([]),
})

export type Env = z.infer<typeof schema> & {
  DATABASE_URL: string
  SESSION_SECRET: string[]
  STRIPE_SECRET_KEY: string
  STRIPE_WEBHOOK_SECRET: string
  BILLING_URL: string
  DASHBOARD_URL: string
  PROVISIONING_TOKEN: string
  PORT_IN_KEY: string
  A2P_TOKEN: string
  A2P_WEBHOOK_SECRET: string
  A2P_REFRESH_SECONDS: number
  GOOGLE_CLIENT_ID: string
  GOOGLE_CLIENT_SECRET: string
  OAUTH_ISSUER: string
  SLACK_HOOKS_URL: string
  SMTP_URL: string | undefined
  MAIL_FROM: string
  /** The app's public address for links in mail and the hosted policy pages: APP_URL, or the dev server. */
  appBase: string
  webhooks: Webhooks
  clerk: {
    publishableKey: string
    secretKey: string
    jwtKey?: string
    apiUrl?: string
    signInUrl: string
    accountUrl: string
  } | null
}

const DEV_SESSION_SECRET = 'dev-only-session-secret-not-for-production'
const DEV_STRIPE_KEY = 'sk_test_local_fake'
const DEV_WEBHOOK_SECRET = 'whsec_local_fake'
const DEV_PROVISIONING_TOKEN = 'local-provisioning-token'
const DEV_A2P_TOKEN = 'local-a2p-token'
const DEV_A2P_WEBHOOK_SECRET = 'local-a2p-webhook-secret'
const DEV_PORT_IN_KEY = Buffer.alloc(32, 7).toString('base64') // dev and tests only: refused in production
const DEV_HOOKS = 'https://hooks.wizard.example'
const DEV_OAUTH_CLIENT = { id: 'local-oauth-client', secret: 'local-oauth-secret' }

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(source)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new ConfigError(`${issue.path.join('.')} ${issue.message}`)
  }
  const env = parsed.data
  const production = env.NODE_ENV === 'production'
  if (!env.DATABASE_URL) {
    throw new ConfigError(
      'DATABASE_URL is required: set it to a PostgreSQL connection string (npm run dev sets it for you)',
    )
  }
  const required = (name: keyof typeof env, why: string) => {
    if (!env[name] && production) throw new ConfigError(`${name} is required in production: ${why}`)
  }
  required('SESSION_SECRET', 'set it to a random string of 32+ characters')
  required('CLERK_PUBLISHABLE_KEY', 'the dev sign-in is refused in production; set the Clerk keys')
  if (Boolean(env.CLERK_PUBLISHABLE_KEY) !== Boolean(env.CLERK_SECRET_KEY)) {
    throw new ConfigError('CLERK_PUBLISHABLE_KEY and CLERK_SECRET_KEY go together: set both or neither')
  }
  required('STRIPE_SECRET_KEY', 'the Account page reads the business details from Stripe')
  required('STRIPE_WEBHOOK_SECRET', 'subscription webhooks are verified with it')
  required('BILLING_URL', 'the "Activate subscription" fix link goes there')
  required('DASHBOARD_URL', 'owners go there once onboarding is complete')
  required('PROVISIONING_API_URL', 'numbers are bought through it')
  required('PROVISIONING_TOKEN', 'the Provisioning API needs its bearer token')
  required('A2P_API_URL', 'texting registrations (brand, campaign, number) are sent through it')
  required('A2P_TOKEN', 'the A2P Registration API needs its bearer token')
  required('A2P_WEBHOOK_SECRET', 'status events from the A2P provider (POST /webhooks/a2p) are verified with it')
  required('PORT_IN_KEY', 'port-in account numbers and PINs are encrypted with it')
  required('SMS_WEBHOOK_URL', 'every number is configured with it')
  required('GOOGLE_CLIENT_ID', '"Connect Google Calendar" signs in with this OAuth client')
  required('GOOGLE_CLIENT_SECRET', 'the OAuth client secret exchanges the code for tokens')
  required('APP_URL', 'Google sends the owner back to APP_URL/onboarding/calmsg/callback')
  required('SMTP_URL', 'owners are told by mail when carriers answer (smtp://user:pass@host:587)')
  required('MAIL_FROM', 'the address mail to owners comes from ("Rivera Setup <setup@example.com>")')
  if (production) refuseDevValues(env)
  const webhooks = Webhooks.safeParse({
    smsWebhookUrl: env.SMS_WEBHOOK_URL ?? (production ? undefined : `${DEV_HOOKS}/sms`),
    voiceUrl: env.VOICE_URL ?? (production || env.VOICE_APP_SID ? undefined : `${DEV_HOOKS}/voice`),
    voiceAppSid: env.VOICE_APP_SID,
    statusCallbackUrl: env.STATUS_CALLBACK_URL ?? (production ? undefined : `${DEV_HOOKS}/status`),
  })
  if (!webhooks.success)
    throw new ConfigError(
      `Provisioning webhooks: ${webhooks.error.issues[0].message} (SMS_WEBHOOK_URL, VOICE_URL or VOICE_APP_SID, STATUS_CALLBACK_URL)`,
    )
  return {
    ...env,
    DATABASE_URL: env.DATABASE_URL,
    SESSION_SECRET: env.SESSION_SECRET ?? [DEV_SESSION_SECRET],
    STRIPE_SECRET_KEY: env.STRIPE_SECRET_KEY ?? DEV_STRIPE_KEY,
    STRIPE_WEBHOOK_SECRET: env.STRIPE_WEBHOOK_SECRET ?? DEV_WEBHOOK_SECRET,
    STRIPE_API_URL: env.STRIPE_API_URL ?? (production ? undefined : env.FAKE_STRIPE_URL),
    BILLING_URL: env.BILLING_URL ?? '/dev/sign-in',
    DASHBOARD_URL: env.DASHBOARD_URL ?? '/dev/dashboard',
    PROVISIONING_API_URL: env.PROVISIONING_API_URL ?? (production ? undefined : env.FAKE_PROVISIONING_URL),
    PROVISIONING_TOKEN: env.PROVISIONING_TOKEN ?? DEV_PROVISIONING_TOKEN,
    PORT_IN_KEY: env.PORT_IN_KEY ?? DEV_PORT_IN_KEY,
    A2P_API_URL: env.A2P_API_URL ?? (production ? undefined : env.FAKE_A2P_URL),
    FAKE_SITES_URL: production ? undefined : env.FAKE_SITES_URL,
    A2P_TOKEN: env.A2P_TOKEN ?? DEV_A2P_TOKEN,
    A2P_WEBHOOK_SECRET: env.A2P_WEBHOOK_SECRET ?? DEV_A2P_WEBHOOK_SECRET,
    A2P_REFRESH_SECONDS: env.A2P_REFRESH_SECONDS ?? (production ? 60 : 1),
    GOOGLE_CLIENT_ID: env.GOOGLE_CLIENT_ID ?? DEV_OAUTH_CLIENT.id,
    GOOGLE_CLIENT_SECRET: env.GOOGLE_CLIENT_SECRET ?? DEV_OAUTH_CLIENT.secret,
    OAUTH_ISSUER:
      env.OAUTH_ISSUER ?? (production || !env.FAKE_OAUTH_URL ? 'https://accounts.google.com' : env.FAKE_OAUTH_URL),
    SLACK_HOOKS_URL:
      env.SLACK_HOOKS_URL ?? (production || !env.FAKE_SLACK_URL ? 'https://hooks.slack.com' : env.FAKE_SLACK_URL),
    SMTP_URL: env.SMTP_URL ?? (production ? undefined : env.FAKE_SMTP_URL),
    MAIL_FROM: env.MAIL_FROM ?? 'Business setup <setup@wizard.example>',
    appBase: (env.APP_URL ?? `http://localhost:${source.PORT ?? 3000}`).replace(/\/$/, ''),
    webhooks: webhooks.data,
    clerk:
      env.CLERK_PUBLISHABLE_KEY && env.CLERK_SECRET_KEY
        ? {
            publishableKey: env.CLERK_PUBLISHABLE_KEY,
            secretKey: env.CLERK_SECRET_KEY,
            jwtKey: env.CLERK_JWT_KEY,
            apiUrl: env.CLERK_API_URL,
            signInUrl: env.CLERK_SIGN_IN_URL ?? `https://accounts.${clerkDomain(env.CLERK_PUBLISHABLE_KEY)}/sign-in`,
            accountUrl: env.CLERK_ACCOUNT_URL ?? `https://accounts.${clerkDomain(env.CLERK_PUBLISHABLE_KEY)}/user`,
          }
        : null,
  }
}

/** The values `npm run dev` and the tests run with are public (they are in this file): never in production. */
function refuseDevValues(env: z.infer<typeof schema>) {
  const dev: [keyof typeof env, string][] = [
    ['SESSION_SECRET', DEV_SESSION_SECRET],
    ['STRIPE_SECRET_KEY', DEV_STRIPE_KEY],
    ['STRIPE_WEBHOOK_SECRET', DEV_WEBHOOK_SECRET],
    ['PROVISIONING_TOKEN', DEV_PROVISIONING_TOKEN],
    ['A2P_TOKEN', DEV_A2P_TOKEN],
    ['A2P_WEBHOOK_SECRET', DEV_A2P_WEBHOOK_SECRET],
    ['PORT_IN_KEY', DEV_PORT_IN_KEY],
    ['GOOGLE_CLIENT_ID', DEV_OAUTH_CLIENT.id],
    ['GOOGLE_CLIENT_SECRET', DEV_OAUTH_CLIENT.secret],
  ]
  const values = (v: unknown) => [v].flat()
  if (env.PORT_IN_KEYS_RETIRED.includes(DEV_PORT_IN_KEY))
    throw new ConfigError('PORT_IN_KEYS_RETIRED holds the public development key; remove it in production')
  for (const [name, value] of dev)
    if (values(env[name]).includes(value))
      throw new ConfigError(`${name} is the public development value; set a secret of your own in production`)
  const fake = Object.keys(env).find((k) => k.startsWith('FAKE_') && env[k as keyof typeof env])
  if (fake) throw new ConfigError(`${fake} points at a local fake; unset it in production`)
  if (env.A2P_REFRESH_SECONDS !== undefined && env.A2P_REFRESH_SECONDS < 10)
    throw new ConfigError(
      'A2P_REFRESH_SECONDS is below 10 (a development value): the registry would be asked every few seconds',
    )
  for (const url of [env.BILLING_URL, env.DASHBOARD_URL, env.APP_URL]) {
    if (url && /^\/dev\/|^https?:\/\/(localhost|127\.)/.test(url))
      throw new ConfigError(`${url} is a development address; set the public one in production`)
  }
}

// A publishable key is base64 of the Frontend API host ("clerk.example.com$"); Clerk's hosted
// pages live on accounts.<app domain>.
function clerkDomain(publishableKey: string) {
  const host = Buffer.from(publishableKey.replace(/^pk_(test|live)_/, ''), 'base64')
    .toString('utf8')
    .replace(/\$$/, '')
  return host.replace(/^clerk\./, '')
}

export class ConfigError extends Error {}

let cached: Env | undefined
export function env(): Env {
  if (!cached) {
    try {
      cached = parseEnv(process.env)
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error
      console.error(`Configuration error: ${error.message}`)
      process.exit(1)
    }
  }
  return cached
}
