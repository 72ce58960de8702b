import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { dumpSchema } from '../../db/schema-dump'
import { freshDatabase } from '../setup/db'

// migrations/schema.sql is the schema in one file (issue 21, part 2): it must be what the committed
// migrations build, or a reader (and a reviewer of a migration's diff) reads a schema that is not there.
const { url } = await freshDatabase()
const committed = readFileSync(new URL('../../migrations/schema.sql', import.meta.url), 'utf8')

describe('migrations/schema.sql', () => {
  it('is what the committed migrations build (`npm run schema` rewrites it)', async () => {
    const built = await dumpSchema(url)
    const a = committed.split('\n')
    const b = built.split('\n')
    const at = a.findIndex((line, i) => line !== b[i])
    const where = at < 0 && a.length === b.length ? '' : `first difference at line ${at + 1}:\n- ${a[at]}\n+ ${b[at]}`
    expect(where, 'run `npm run schema`, then commit migrations/schema.sql').toBe('')
  })

  it('holds every kind of object our migrations create, each once', () => {
    for (const title of [
      'Types',
      'Tables',
      'Indexes',
      'Views',
      'Functions',
      'Triggers',
      'Row-level security',
      'Grants',
      'Comments',
    ])
      expect(committed).toContain(`\n-- ${title}\n`)
    expect(committed).toMatch(/^create table ob_flow \($/m)
    expect(committed).toMatch(/^CREATE OR REPLACE FUNCTION public\.ob_compute_state\(/m)
    expect(committed.match(/^CREATE OR REPLACE FUNCTION public\.ob_compute_state\(/gm)).toHaveLength(1)
  })
})
