import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { REFUSALS, refusalMessage } from '../../core/refusals'
import { translator } from '../../core/i18n/translate'

// SQL refuses an owner's request with a reason code (errcode OB4xx): each code the schema raises
// has its words in core/refusals.ts, and no OB refusal carries an English sentence any more.
const schema = readFileSync('migrations/schema.sql', 'utf8')
const raised = [...schema.matchAll(/errcode = 'OB\d{3}', message = ([^,;]+)/g)].map((m) => m[1].trim())

describe('refusals from SQL', () => {
  it('every OB refusal in the schema raises a code, not a sentence', () => {
    expect(raised.length).toBeGreaterThan(10)
    const codes = raised.map((r) => r.match(/^'([A-Z0-9_]+)'$/)?.[1] ?? (r === "'RATE_' || lim.action" ? 'RATE' : r))
    expect(codes.filter((c) => c !== 'RATE' && !/^[A-Z0-9_]+$/.test(c))).toEqual([])
    expect(codes.filter((c) => c !== 'RATE' && !(c in REFUSALS))).toEqual([])
  })

  it('the detail fills in the values, in either language', () => {
    const m = refusalMessage('NUMBER_CHANGES_TODAY', '{"count": 3}')
    expect(translator('en').msg(m)).toBe(
      'You have changed your number 3 times in the last 24 hours; you can change it again tomorrow.',
    )
    expect(translator('es').msg(m)).toBe(
      'Ha cambiado su número 3 veces en las últimas 24 horas; puede cambiarlo de nuevo mañana.',
    )
  })

  it('a code without words still gets a plain line', () => {
    expect(refusalMessage('NO_SUCH_CODE')).toBe('That cannot be done right now; reload the page and try again.')
  })
})
