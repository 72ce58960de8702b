import { readFileSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { BLOCKERS, PAGES, blockerLines, currentPage, reachableIndex } from '../../app/wizard'

const links = { identity: '/id', billing: '/bill' }

describe('wizard pages', () => {
  it('maps each phase to the furthest page it may open', () => {
    expect(PAGES.map((p) => p.phase)).toEqual(['ACCOUNT', 'NUMBER', 'CALMSG', 'A2P', 'FINALIZE'])
    expect(currentPage('ACCOUNT')).toBe('account')
    expect(currentPage('A2P')).toBe('a2p')
    expect(currentPage('COMPLETE')).toBe('finalize')
    expect(reachableIndex('NUMBER')).toBe(1)
  })

  it("shows a page only its own blockers, in order, with their Fix links", () => {
    const codes = ['VERIFY_MOBILE', 'RESERVE_NUMBER', 'ACTIVATE_SUBSCRIPTION', 'CHOOSE_VERTICAL', 'UNKNOWN_CODE']
    expect(blockerLines(codes, 'account', links)).toEqual([
      { code: 'VERIFY_MOBILE', text: 'Your mobile number is not verified yet.', fixHref: '/id' },
      { code: 'ACTIVATE_SUBSCRIPTION', text: 'Your subscription is not active.', fixHref: '/bill' },
      { code: 'CHOOSE_VERTICAL', text: 'Choose what kind of work you do.', fixHref: '#vertical' },
    ])
    expect(blockerLines(['A2P_PENDING'], 'a2p', links)).toEqual([{ code: 'A2P_PENDING', text: 'Carriers are reviewing your registration.', fixHref: null }])
  })

  it('has a line of text for every blocker code the SQL guards can produce', () => {
    const dir = new URL('../../migrations/committed/', import.meta.url)
    const sql = readdirSync(dir).map((f) => readFileSync(new URL(f, dir), 'utf8')).join('\n')
    const fn = sql.slice(sql.indexOf('create function ob_compute_state'), sql.indexOf('create function ob_wizard_state'))
    const codes = new Set([...fn.matchAll(/'([A-Z][A-Z0-9_]+)'/g)].map((m) => m[1]).filter((c) => c.includes('_') && !/^(VETTED|ACTIVE|VERIFIED|STANDARD|REJECTED|FAILED)$/.test(c)))
    expect(codes.size).toBeGreaterThan(15)
    for (const code of codes) expect(BLOCKERS, code).toHaveProperty(code)
  })
})
