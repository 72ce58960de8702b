import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { PAGES, SECTIONS } from '../../core/pages'

// The pages are listed once, in core/pages.ts (issue 21, part 1); SQL lists the sections once, in
// ob_section. Everything else derives its list from those: a hand-made list of three or more pages
// (quoted ids or table names side by side, or ids in one regular expression's alternation) goes
// stale without failing when a page is added, so it fails here.
const ids = PAGES.map((p) => p.id).join('|')
const tables = SECTIONS.map((s) => s.section).join('|')
const quoted = (names: string) => `(['"\`])(${names})\\1`
const LISTS = [
  new RegExp(`${quoted(ids)}\\s*[,:]\\s*${quoted(ids)}\\s*[,:]\\s*${quoted(ids)}`),
  new RegExp(`${quoted(tables)}\\s*,\\s*${quoted(tables)}\\s*,\\s*${quoted(tables)}`),
  new RegExp(`\\b(${ids})\\|(${ids})\\|(${ids})\\b`),
]

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name)
    if (statSync(p).isDirectory()) return files(p)
    return /\.(tsx?|mjs|cjs)$/.test(name) ? [p] : []
  })
}

describe('the pages are listed once', () => {
  it('no source file lists three or more pages by hand (core/pages.ts does)', () => {
    const found = ['app', 'db', 'tasks', 'server', 'copier', 'dev', 'test', 'e2e']
      .flatMap(files)
      .filter((f) => f !== 'test/unit/pages-listed-once.test.ts')
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .flatMap((line, i) => (LISTS.some((re) => re.test(line)) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
      )
    expect(found).toEqual([])
  })

  it('no SQL function lists the section tables by hand (ob_section does)', () => {
    const schema = readFileSync('migrations/schema.sql', 'utf8')
    const found = schema.split('\n').filter((line) => LISTS.some((re) => re.test(line)))
    expect(found).toEqual([])
  })

  it('finds a hand-made list when there is one', () => {
    expect(LISTS.some((re) => re.test("const PAGES = ['account', 'number', 'calmsg']"))).toBe(true)
    expect(
      LISTS.some((re) => re.test("  if p_section not in ('ob_account', 'ob_number', 'ob_calmsg', 'ob_a2p') then")),
    ).toBe(true)
    expect(LISTS.some((re) => re.test('/^\\/onboarding\\/(account|number|calmsg|a2p)$/'))).toBe(true)
    expect(LISTS.some((re) => re.test('BY_PAGE = { account: A, number: N }'))).toBe(false)
  })
})
