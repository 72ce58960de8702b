import { readFileSync } from 'node:fs'
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

  it('shows a page only its own blockers, in order, with their Fix links', () => {
    const codes = ['VERIFY_MOBILE', 'RESERVE_NUMBER', 'ACTIVATE_SUBSCRIPTION', 'CHOOSE_VERTICAL', 'UNKNOWN_CODE']
    expect(blockerLines(codes, 'account', links)).toEqual([
      { code: 'VERIFY_MOBILE', text: 'Your mobile number is not verified yet.', fixHref: '/id' },
      { code: 'ACTIVATE_SUBSCRIPTION', text: 'Your subscription is not active.', fixHref: '/bill' },
      { code: 'CHOOSE_VERTICAL', text: 'Choose what kind of work you do.', fixHref: '#vertical' },
    ])
    expect(blockerLines(['SUBMIT_A2P'], 'a2p', links)).toEqual([
      { code: 'SUBMIT_A2P', text: 'Submit your texting registration.', fixHref: '#submit' },
    ])
  })

  it('has a line of text for every blocker code the SQL guards can produce', () => {
    // The current definition of each function that produces blockers, as the migrations leave it.
    const schema = readFileSync(new URL('../../migrations/schema.sql', import.meta.url), 'utf8')
    const latest = new Map<string, string>()
    for (const m of schema.matchAll(
      /^CREATE OR REPLACE FUNCTION public\.(ob_state_\w+|ob_a2p_checks|ob_compute_state)\([\s\S]*?\$function\$([\s\S]*?)\$function\$;/gm,
    ))
      latest.set(m[1], m[2])
    const codes = new Set(
      [...latest.values()]
        .flatMap((fn) => [...fn.matchAll(/'([A-Z][A-Z0-9_]+)'/g)].map((m) => m[1]))
        .filter(
          (c) => c.includes('_') && !/^(VETTED|ACTIVE|VERIFIED|STANDARD|REJECTED|FAILED|SOLE_PROP|HIGH_RISK)$/.test(c),
        ),
    )
    expect(codes.size).toBeGreaterThan(15)
    for (const code of codes) expect(BLOCKERS, code).toHaveProperty(code)
  })
})
