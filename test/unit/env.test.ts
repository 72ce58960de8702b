import { describe, expect, it } from 'vitest'
import { ConfigError, parseEnv } from '../../app/env.server'

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
    const full = parseEnv({ ...prod, ...clerk, STRIPE_SECRET_KEY: 'sk_live_x', STRIPE_WEBHOOK_SECRET: 'whsec_x', BILLING_URL: 'https://b.example' })
    expect(full.clerk).toMatchObject({ signInUrl: 'https://accounts.acme.example/sign-in', accountUrl: 'https://accounts.acme.example/user' })
    // In production the Stripe SDK talks to Stripe itself, never to a fake.
    expect(parseEnv({ ...prod, ...clerk, STRIPE_SECRET_KEY: 'sk_live_x', STRIPE_WEBHOOK_SECRET: 'whsec_x', BILLING_URL: 'x', FAKE_STRIPE_URL: 'http://127.0.0.1:1' }).STRIPE_API_URL).toBeUndefined()
  })
})
