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
})
