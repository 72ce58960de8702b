import { describe, expect, it, vi } from 'vitest'
import { parseEnv } from '../../platform/env.server'

// Sealing (issue 18, item 15): each sealed value is bound to its tenant and column, and keys rotate.
const OLD = Buffer.alloc(32, 11).toString('base64')
const NEW = Buffer.alloc(32, 12).toString('base64')
const A = '11111111-1111-4111-8111-111111111111'
const B = '22222222-2222-4222-8222-222222222222'

/** The crypto module as a process with these keys would load it. */
async function withKeys(keys: { PORT_IN_KEY: string; PORT_IN_KEYS_RETIRED?: string }) {
  vi.resetModules()
  Object.assign(process.env, {
    DATABASE_URL: 'postgres://u:p@localhost/ob',
    NODE_ENV: 'test',
    PORT_IN_KEYS_RETIRED: '',
    ...keys,
  })
  return import('../../platform/crypto.server')
}

describe('sealing', () => {
  it("15. a PIN sealed for tenant A and copied into tenant B's row (or into another column) does not open there", async () => {
    const { seal, unseal, NotSealed } = await withKeys({ PORT_IN_KEY: NEW })
    const pin = seal('913746', { tenantId: A, field: 'ob_number.port_in.pin' })
    expect(pin).toMatch(/^v2:[0-9a-f]{8}:/)
    expect(unseal(pin, { tenantId: A, field: 'ob_number.port_in.pin' })).toBe('913746')
    expect(() => unseal(pin, { tenantId: B, field: 'ob_number.port_in.pin' })).toThrow(NotSealed)
    expect(() => unseal(pin, { tenantId: A, field: 'ob_calmsg.calendar_refresh_token' })).toThrow(NotSealed)
    expect(() => unseal('v1:aaaa:bbbb:cccc', { tenantId: A, field: 'ob_number.port_in.pin' })).toThrow(NotSealed)
  })

  it('15. key rotation: a value sealed under the old key opens once that key is retired beside the new one; new values take the new key id; a dropped key opens nothing', async () => {
    const before = await withKeys({ PORT_IN_KEY: OLD })
    const sealed = before.seal('refresh-token', { tenantId: A, field: 'ob_calmsg.calendar_refresh_token' })
    const rotated = await withKeys({ PORT_IN_KEY: NEW, PORT_IN_KEYS_RETIRED: OLD })
    expect(rotated.unseal(sealed, { tenantId: A, field: 'ob_calmsg.calendar_refresh_token' })).toBe('refresh-token')
    const fresh = rotated.seal('refresh-token', { tenantId: A, field: 'ob_calmsg.calendar_refresh_token' })
    expect(fresh.split(':')[1]).not.toBe(sealed.split(':')[1])
    const dropped = await withKeys({ PORT_IN_KEY: NEW })
    expect(() => dropped.unseal(sealed, { tenantId: A, field: 'ob_calmsg.calendar_refresh_token' })).toThrow(
      dropped.NotSealed,
    )
    expect(dropped.unseal(fresh, { tenantId: A, field: 'ob_calmsg.calendar_refresh_token' })).toBe('refresh-token')
  })

  it('15. SESSION_SECRET takes a list for rotation: the first signs, every one opens; each must be 32+ characters', () => {
    const env = parseEnv({
      DATABASE_URL: 'postgres://u:p@localhost/ob',
      NODE_ENV: 'test',
      SESSION_SECRET: `${'n'.repeat(32)}, ${'o'.repeat(32)}`,
    })
    expect(env.SESSION_SECRET).toEqual(['n'.repeat(32), 'o'.repeat(32)])
    expect(() =>
      parseEnv({
        DATABASE_URL: 'postgres://u:p@localhost/ob',
        NODE_ENV: 'test',
        SESSION_SECRET: `${'n'.repeat(32)},short`,
      }),
    ).toThrow(/SESSION_SECRET must be at least 32 characters/)
    expect(() =>
      parseEnv({ DATABASE_URL: 'postgres://u:p@localhost/ob', NODE_ENV: 'test', PORT_IN_KEYS_RETIRED: 'not-a-key' }),
    ).toThrow(/PORT_IN_KEYS_RETIRED must be 32-byte base64 keys/)
  })
})
