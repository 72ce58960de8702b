import { describe, expect, it } from 'vitest'
import { ConfigError, parseEnv } from '../../platform/env.server'

const url = 'postgres://u:p@localhost:5432/ob'

describe('parseEnv', () => {
  it('needs DATABASE_URL, with one clear line', () => {
    expect(() => parseEnv({})).toThrow(ConfigError)
    expect(() => parseEnv({})).toThrow(/^DATABASE_URL is required/)
  })

  it('refuses a DATABASE_URL that is not a postgres URL', () => {
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x' })).toThrow('DATABASE_URL must be a postgres:// URL')
  })

  it('runs as production unless told otherwise, and needs SESSION_SECRET there only', () => {
    expect(() => parseEnv({ DATABASE_URL: url })).toThrow(/^SESSION_SECRET is required in production/)
    expect(() => parseEnv({ DATABASE_URL: url, NODE_ENV: 'production' })).toThrow(
      /^SESSION_SECRET is required in production/,
    )
    expect(parseEnv({ DATABASE_URL: url, NODE_ENV: 'development' }).SESSION_SECRET[0].length).toBeGreaterThanOrEqual(32)
    expect(() => parseEnv({ DATABASE_URL: url, NODE_ENV: 'development', SESSION_SECRET: 'short' })).toThrow(
      'SESSION_SECRET must be at least 32 characters',
    )
    expect(() => parseEnv({ DATABASE_URL: url, NODE_ENV: 'staging' })).toThrow(
      'NODE_ENV must be development, production or test (unset: production)',
    )
  })

  it('applies defaults and coerces numbers', () => {
    expect(parseEnv({ DATABASE_URL: url, NODE_ENV: 'development', WORKER_CONCURRENCY: '4' })).toMatchObject({
      NODE_ENV: 'development',
      WORKER_CONCURRENCY: 4,
    })
    expect(() => parseEnv({ DATABASE_URL: url, WORKER_CONCURRENCY: 'many' })).toThrow(/^WORKER_CONCURRENCY/)
  })

  it('needs Clerk, Stripe and billing settings in production, and Clerk keys in pairs', () => {
    const prod = { DATABASE_URL: url, NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) }
    expect(() => parseEnv(prod)).toThrow(/^CLERK_PUBLISHABLE_KEY is required in production/)
    const clerk = { CLERK_PUBLISHABLE_KEY: 'pk_live_Y2xlcmsuYWNtZS5leGFtcGxlJA==', CLERK_SECRET_KEY: 'sk_live_x' }
    expect(() => parseEnv({ ...prod, ...clerk })).toThrow(/^STRIPE_SECRET_KEY is required in production/)
    expect(() => parseEnv({ DATABASE_URL: url, NODE_ENV: 'test', CLERK_SECRET_KEY: 'sk_test_x' })).toThrow(
      /go together/,
    )
    const stripe: Record<string, string> = {
      STRIPE_SECRET_KEY: 'sk_live_x',
      STRIPE_WEBHOOK_SECRET: 'whsec_x',
      BILLING_URL: 'https://b.example',
    }
    expect(() => parseEnv({ ...prod, ...clerk, ...stripe })).toThrow(/^DASHBOARD_URL is required in production/)
    stripe.DASHBOARD_URL = 'https://app.example/dashboard'
    expect(() => parseEnv({ ...prod, ...clerk, ...stripe })).toThrow(/^PROVISIONING_API_URL is required in production/)
    const provisioning = {
      PROVISIONING_API_URL: 'https://numbers.example',
      PROVISIONING_TOKEN: 'tok-123456',
      A2P_API_URL: 'https://a2p.example',
      A2P_TOKEN: 'a2p-123456',
      PORT_IN_KEY: Buffer.alloc(32, 1).toString('base64'),
      A2P_WEBHOOK_SECRET: 'a2p-callback-secret-123',
      SMS_WEBHOOK_URL: 'https://h.example/sms',
      VOICE_URL: 'https://h.example/voice',
      STATUS_CALLBACK_URL: 'https://h.example/status',
    }
    expect(() => parseEnv({ ...prod, ...clerk, ...stripe, ...provisioning, PORT_IN_KEY: undefined })).toThrow(
      /^PORT_IN_KEY is required in production/,
    )
    expect(() => parseEnv({ ...prod, ...clerk, ...stripe, ...provisioning })).toThrow(
      /^GOOGLE_CLIENT_ID is required in production/,
    )
    const google = { GOOGLE_CLIENT_ID: 'id.apps.googleusercontent.com', GOOGLE_CLIENT_SECRET: 'secret' }
    expect(() => parseEnv({ ...prod, ...clerk, ...stripe, ...provisioning, ...google })).toThrow(
      /^APP_URL is required in production/,
    )
    expect(() =>
      parseEnv({ ...prod, ...clerk, ...stripe, ...provisioning, ...google, APP_URL: 'https://app.example' }),
    ).toThrow(/^SMTP_URL is required in production/)
    expect(() =>
      parseEnv({
        ...prod,
        ...clerk,
        ...stripe,
        ...provisioning,
        ...google,
        APP_URL: 'https://app.example',
        SMTP_URL: 'smtp://u:p@smtp.example:587',
      }),
    ).toThrow(/^MAIL_FROM is required in production/)
    expect(() =>
      parseEnv({
        ...prod,
        ...clerk,
        ...stripe,
        ...provisioning,
        ...google,
        APP_URL: 'https://app.example',
        SMTP_URL: 'http://smtp.example',
      }),
    ).toThrow(/^SMTP_URL must be smtp:/)
    const mail = { SMTP_URL: 'smtp://u:p@smtp.example:587', MAIL_FROM: 'Setup <setup@app.example>' }
    const full = parseEnv({
      ...prod,
      ...clerk,
      ...stripe,
      ...provisioning,
      ...google,
      APP_URL: 'https://app.example',
      ...mail,
    })
    // In production OAuth, Slack and Stripe are the providers themselves, never a fake.
    expect(full).toMatchObject({
      OAUTH_ISSUER: 'https://accounts.google.com',
      SLACK_HOOKS_URL: 'https://hooks.slack.com',
      STRIPE_API_URL: undefined,
    })
    expect(full.clerk).toMatchObject({
      signInUrl: 'https://accounts.acme.example/sign-in',
      accountUrl: 'https://accounts.acme.example/user',
    })
  })

  it('10. production refuses every development value with one line: dev secrets and tokens, a fake, a 1 s refresh, a dev address', () => {
    const ok = {
      DATABASE_URL: url,
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(32),
      CLERK_PUBLISHABLE_KEY: 'pk_live_Y2xlcmsuYWNtZS5leGFtcGxlJA==',
      CLERK_SECRET_KEY: 'sk_live_x',
      STRIPE_SECRET_KEY: 'sk_live_x',
      STRIPE_WEBHOOK_SECRET: 'whsec_x',
      BILLING_URL: 'https://b.example',
      DASHBOARD_URL: 'https://app.example/dashboard',
      PROVISIONING_API_URL: 'https://numbers.example',
      PROVISIONING_TOKEN: 'tok-123456',
      A2P_API_URL: 'https://a2p.example',
      A2P_TOKEN: 'a2p-123456',
      PORT_IN_KEY: Buffer.alloc(32, 1).toString('base64'),
      SMS_WEBHOOK_URL: 'https://h.example/sms',
      VOICE_URL: 'https://h.example/voice',
      STATUS_CALLBACK_URL: 'https://h.example/status',
      GOOGLE_CLIENT_ID: 'id.apps.googleusercontent.com',
      GOOGLE_CLIENT_SECRET: 'secret',
      APP_URL: 'https://app.example',
      A2P_WEBHOOK_SECRET: 'a2p-callback-secret-123',
      SMTP_URL: 'smtp://u:p@smtp.example:587',
      MAIL_FROM: 'setup@app.example',
    }
    expect(parseEnv(ok).NODE_ENV).toBe('production')
    const refused: [Record<string, string>, RegExp][] = [
      [
        { SESSION_SECRET: 'dev-only-session-secret-not-for-production' },
        /^SESSION_SECRET is the public development value/,
      ],
      [{ PORT_IN_KEY: Buffer.alloc(32, 7).toString('base64') }, /^PORT_IN_KEY is the public development value/],
      [{ STRIPE_WEBHOOK_SECRET: 'whsec_local_fake' }, /^STRIPE_WEBHOOK_SECRET is the public development value/],
      [{ A2P_TOKEN: 'local-a2p-token' }, /^A2P_TOKEN is the public development value/],
      [{ A2P_WEBHOOK_SECRET: 'local-a2p-webhook-secret' }, /^A2P_WEBHOOK_SECRET is the public development value/],
      [{ FAKE_SMTP_URL: 'smtp://127.0.0.1:4019' }, /^FAKE_SMTP_URL points at a local fake/],
      [{ PROVISIONING_TOKEN: 'local-provisioning-token' }, /^PROVISIONING_TOKEN is the public development value/],
      [{ GOOGLE_CLIENT_SECRET: 'local-oauth-secret' }, /^GOOGLE_CLIENT_SECRET is the public development value/],
      [{ FAKE_SITES_URL: 'http://127.0.0.1:4016' }, /^FAKE_SITES_URL points at a local fake/],
      [{ A2P_REFRESH_SECONDS: '1' }, /^A2P_REFRESH_SECONDS is below 10/],
      [{ BILLING_URL: '/dev/sign-in' }, /is a development address/],
    ]
    for (const [change, line] of refused)
      expect(() => parseEnv({ ...ok, ...change }), JSON.stringify(change)).toThrow(line)
  })

  it('refuses provisioning webhooks that are not https, carry secrets, or name both voice targets', () => {
    expect(() =>
      parseEnv({
        DATABASE_URL: url,
        NODE_ENV: 'test',
        VOICE_APP_SID: `AP${'0'.repeat(32)}`,
        VOICE_URL: 'https://h.example/v',
      }),
    ).toThrow('Provisioning webhooks: set exactly one of voiceUrl and voiceAppSid')
    expect(() => parseEnv({ DATABASE_URL: url, NODE_ENV: 'test', SMS_WEBHOOK_URL: 'http://h.example/sms' })).toThrow(
      'smsWebhookUrl must be an https:// URL',
    )
    expect(() =>
      parseEnv({ DATABASE_URL: url, NODE_ENV: 'test', STATUS_CALLBACK_URL: 'https://h.example/s?secret=1' }),
    ).toThrow('statusCallbackUrl must not carry secrets')
    expect(
      parseEnv({ DATABASE_URL: url, NODE_ENV: 'test', VOICE_APP_SID: `AP${'0'.repeat(32)}` }).webhooks,
    ).toMatchObject({ voiceAppSid: `AP${'0'.repeat(32)}`, voiceUrl: undefined })
  })
})
