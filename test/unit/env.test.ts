import { describe, expect, it } from 'vitest'
import { ConfigError, parseEnv } from '../../app/lib/env.server'

const url = 'postgres://u:p@localhost:5432/ob'

describe('parseEnv', () => {
  it('needs DATABASE_URL, with one clear line', () => {
    expect(() => parseEnv({})).toThrow(ConfigError)
    expect(() => parseEnv({})).toThrow(/^DATABASE_URL is required/)
  })

  it('refuses a DATABASE_URL that is not a postgres URL', () => {
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x' })).toThrow('DATABASE_URL must be a postgres:// URL')
  })

  it('needs SESSION_SECRET in production only', () => {
    expect(() => parseEnv({ DATABASE_URL: url, NODE_ENV: 'production' })).toThrow(/^SESSION_SECRET is required in production/)
    expect(parseEnv({ DATABASE_URL: url }).SESSION_SECRET.length).toBeGreaterThanOrEqual(32)
    expect(() => parseEnv({ DATABASE_URL: url, SESSION_SECRET: 'short' })).toThrow('SESSION_SECRET must be at least 32 characters')
  })

  it('applies defaults and coerces numbers', () => {
    expect(parseEnv({ DATABASE_URL: url, WORKER_CONCURRENCY: '4' })).toMatchObject({ NODE_ENV: 'development', WORKER_CONCURRENCY: 4 })
    expect(() => parseEnv({ DATABASE_URL: url, WORKER_CONCURRENCY: 'many' })).toThrow(/^WORKER_CONCURRENCY/)
  })

  it('needs Clerk, Stripe and billing settings in production, and Clerk keys in pairs', () => {
    const prod = { DATABASE_URL: url, NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) }
    expect(() => parseEnv(prod)).toThrow(/^CLERK_PUBLISHABLE_KEY is required in production/)
    const clerk = { CLERK_PUBLISHABLE_KEY: 'pk_live_Y2xlcmsuYWNtZS5leGFtcGxlJA==', CLERK_SECRET_KEY: 'sk_live_x' }
    expect(() => parseEnv({ ...prod, ...clerk })).toThrow(/^STRIPE_SECRET_KEY is required in production/)
    expect(() => parseEnv({ DATABASE_URL: url, CLERK_SECRET_KEY: 'sk_test_x' })).toThrow(/go together/)
    const stripe: Record<string, string> = { STRIPE_SECRET_KEY: 'sk_live_x', STRIPE_WEBHOOK_SECRET: 'whsec_x', BILLING_URL: 'https://b.example' }
    expect(() => parseEnv({ ...prod, ...clerk, ...stripe })).toThrow(/^DASHBOARD_URL is required in production/)
    stripe.DASHBOARD_URL = 'https://app.example/dashboard'
    expect(() => parseEnv({ ...prod, ...clerk, ...stripe })).toThrow(/^PROVISIONING_API_URL is required in production/)
    const provisioning = {
      PROVISIONING_API_URL: 'https://numbers.example', PROVISIONING_TOKEN: 'tok-123456', A2P_API_URL: 'https://a2p.example', A2P_TOKEN: 'a2p-123456', PORT_IN_KEY: Buffer.alloc(32, 1).toString('base64'),
      SMS_WEBHOOK_URL: 'https://h.example/sms', VOICE_URL: 'https://h.example/voice', STATUS_CALLBACK_URL: 'https://h.example/status',
    }
    expect(() => parseEnv({ ...prod, ...clerk, ...stripe, ...provisioning, PORT_IN_KEY: undefined })).toThrow(/^PORT_IN_KEY is required in production/)
    expect(() => parseEnv({ ...prod, ...clerk, ...stripe, ...provisioning })).toThrow(/^GOOGLE_CLIENT_ID is required in production/)
    const google = { GOOGLE_CLIENT_ID: 'id.apps.googleusercontent.com', GOOGLE_CLIENT_SECRET: 'secret' }
    expect(() => parseEnv({ ...prod, ...clerk, ...stripe, ...provisioning, ...google })).toThrow(/^APP_URL is required in production/)
    const full = parseEnv({ ...prod, ...clerk, ...stripe, ...provisioning, ...google, APP_URL: 'https://app.example', FAKE_OAUTH_URL: 'http://127.0.0.1:1', FAKE_SLACK_URL: 'http://127.0.0.1:2' })
    // In production OAuth and Slack go to Google and Slack themselves, never to a fake.
    expect(full).toMatchObject({ OAUTH_ISSUER: 'https://accounts.google.com', SLACK_HOOKS_URL: 'https://hooks.slack.com' })
    expect(full.clerk).toMatchObject({ signInUrl: 'https://accounts.acme.example/sign-in', accountUrl: 'https://accounts.acme.example/user' })
    // In production the Stripe SDK talks to Stripe itself, never to a fake.
    expect(parseEnv({ ...prod, ...clerk, ...stripe, ...provisioning, ...google, APP_URL: 'https://app.example', FAKE_STRIPE_URL: 'http://127.0.0.1:1' }).STRIPE_API_URL).toBeUndefined()
  })

  it('refuses provisioning webhooks that are not https, carry secrets, or name both voice targets', () => {
    expect(() => parseEnv({ DATABASE_URL: url, VOICE_APP_SID: `AP${'0'.repeat(32)}`, VOICE_URL: 'https://h.example/v' })).toThrow(
      'Provisioning webhooks: set exactly one of voiceUrl and voiceAppSid',
    )
    expect(() => parseEnv({ DATABASE_URL: url, SMS_WEBHOOK_URL: 'http://h.example/sms' })).toThrow('smsWebhookUrl must be an https:// URL')
    expect(() => parseEnv({ DATABASE_URL: url, STATUS_CALLBACK_URL: 'https://h.example/s?secret=1' })).toThrow('statusCallbackUrl must not carry secrets')
    expect(parseEnv({ DATABASE_URL: url, VOICE_APP_SID: `AP${'0'.repeat(32)}` }).webhooks).toMatchObject({ voiceAppSid: `AP${'0'.repeat(32)}`, voiceUrl: undefined })
  })
})
