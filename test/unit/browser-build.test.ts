import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { usd, usNational } from '../../core/rules'

// What keeps the pages' JavaScript small (npm run bench prints it per page).
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name)
    if (statSync(p).isDirectory()) return files(p)
    return /\.tsx?$/.test(name) ? [p] : []
  })
}

describe('the browser build', () => {
  it('imports zod as a namespace: `import { z }` keeps every one of its locales in the bundle (64 kB gzip)', () => {
    const named = ['app', 'core']
      .flatMap(files)
      .filter((f) => /^import \{ z \} from 'zod'/m.test(readFileSync(f, 'utf8')))
    expect(named).toEqual([])
  })

  it('shows stored US numbers without a phone library', () => {
    expect(usNational('+14155550123')).toBe('(415) 555-0123')
    expect(usNational('+442071838750')).toBe('+442071838750')
    expect(usNational('+1415555012')).toBe('+1415555012')
  })

  it("writes dollars without Intl (a page's first Intl call costs a phone tens of ms at hydration)", () => {
    expect([0, 95, 150, 1500, 100_000, 1_234_567].map(usd)).toEqual([
      '$0',
      '$95',
      '$150',
      '$1,500',
      '$100,000',
      '$1,234,567',
    ])
    expect(usd(100_000)).toBe(`$${(100_000).toLocaleString('en-US')}`)
  })

  it('reads typed phone numbers with the +1 metadata only, not the whole package', () => {
    const full = ['app', 'core']
      .flatMap(files)
      .filter((f) => !/\.server\.tsx?$/.test(f) && /from 'libphonenumber-js'/.test(readFileSync(f, 'utf8')))
    expect(full).toEqual([])
  })
})
