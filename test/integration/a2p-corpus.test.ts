import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { blockersOf, type A2pCase } from '../setup/a2p-case'
import { freshDatabase } from '../setup/db'

// The pre-submission checks measured against registrations carriers turned down and ones they
// approve (issue 19, part 5): at least 90% of what the inputs can show is caught, and no
// compliant registration is refused. The figures are printed for the closing note.
const { sql } = await freshDatabase()
const corpus = JSON.parse(readFileSync(new URL('../corpus/a2p-rejections.json', import.meta.url), 'utf8')) as {
  rejected: A2pCase[]
  compliant: A2pCase[]
}

describe('the checks against the corpus', () => {
  it('catch at least 90% of the detectable rejections, each by the check meant for it, and refuse no compliant registration', async () => {
    const detectable = corpus.rejected.filter((c) => c.expect)
    const missed: string[] = []
    for (const c of detectable) if (!(await blockersOf(sql, c)).includes(c.expect!)) missed.push(c.id)
    const refused: string[] = []
    for (const c of corpus.compliant) {
      const b = await blockersOf(sql, c)
      if (b.length) refused.push(`${c.id}: ${b.join(', ')}`)
    }
    // Undetectable ones (an IRS record, a duplicate brand) change nothing in the inputs: no check fires.
    for (const c of corpus.rejected.filter((x) => !x.expect)) expect(await blockersOf(sql, c), c.id).toEqual([])
    const caught = detectable.length - missed.length
    console.log(
      `a2p corpus: caught ${caught}/${detectable.length} detectable rejections (${Math.round((100 * caught) / detectable.length)}%), ${corpus.rejected.length - detectable.length} not detectable from the inputs; refused ${refused.length}/${corpus.compliant.length} compliant`,
    )
    expect(refused).toEqual([])
    expect(caught / detectable.length, `missed: ${missed.join(', ')}`).toBeGreaterThanOrEqual(0.9)
  })
})
