import { describe, expect, it } from 'vitest'
import { REASONS } from '../../core/data/a2p-reasons'
import { BLOCKERS } from '../../app/wizard'

// Every carrier code we may be told has a pre-submission check that stands in for it, or one line
// that tells the owner what to do (issue 19, part 5).
const prevented = (code: string) =>
  Object.entries(BLOCKERS)
    .filter(([, b]) => b.prevents?.includes(code))
    .map(([name]) => name)
const oneLine = (line: string) => line.length > 0 && line.length <= 160 && !/\n/.test(line) && /[.!]$/.test(line)

describe('the reason table', () => {
  it('each code has a pre-check or a one-line fix', () => {
    const lacking = Object.entries(REASONS)
      .filter(([code, fix]) => !prevented(code).length && !oneLine(fix.line))
      .map(([code]) => code)
    expect(lacking).toEqual([])
  })

  it('the 2026 codes are in it, each with a pre-check', () => {
    for (const code of [
      '30551',
      '30558',
      '30562',
      '30569',
      '30545',
      '30919',
      '30929',
      '30883',
      '30895',
      '30897',
      '30881',
      '30903',
      '30887',
      '30892',
    ]) {
      expect(REASONS[code], code).toBeDefined()
      expect(prevented(code), code).not.toEqual([])
    }
  })

  it('every code a check names is in the table, and every check line is one line with a Fix where the owner can fix it', () => {
    for (const [name, b] of Object.entries(BLOCKERS)) {
      for (const code of b.prevents ?? []) expect(REASONS[code], `${name} prevents ${code}`).toBeDefined()
      if (b.prevents) expect(oneLine(b.text), name).toBe(true)
    }
  })
})
