import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import type { SectionId } from '../../core/pages'
import { AccountSchema } from '~/schemas/account'
import { A2pSchema } from '~/schemas/a2p'
import { CalmsgSchema } from '~/schemas/calmsg'
import { NumberSchema } from '~/schemas/number'

// Every string an owner can send, in every page schema, refuses control characters with an error
// on that field (PostgreSQL cannot store NUL: it was a 500). Found by walking the schemas, so a new
// field that forgets `text()` fails here.
// Every data page (core/pages.ts): a page added there fails the typecheck until it is here.
const PAGE_SCHEMAS: Record<SectionId, z.ZodObject> = {
  account: AccountSchema,
  number: NumberSchema,
  calmsg: CalmsgSchema,
  a2p: A2pSchema,
}

type Def = {
  type: string
  shape?: Record<string, z.ZodType>
  innerType?: z.ZodType
  in?: z.ZodType
  out?: z.ZodType
  element?: z.ZodType
}
const def = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def

/** Paths (["address", "line1"], ["holidays", 0]) of every string leaf, through wrappers. */
function stringPaths(schema: z.ZodType, path: (string | number)[] = []): (string | number)[][] {
  const d = def(schema)
  switch (d.type) {
    case 'string':
      return [path]
    case 'object':
      return Object.entries(d.shape!).flatMap(([key, child]) => stringPaths(child, [...path, key]))
    case 'array':
      return stringPaths(d.element!, [...path, 0])
    case 'optional':
    case 'default':
    case 'nullable':
      return stringPaths(d.innerType!, path)
    case 'pipe':
      return [...stringPaths(d.in!, path), ...stringPaths(d.out!, path)]
    default:
      return []
  }
}

function withValue(path: (string | number)[], value: string): unknown {
  if (path.length === 0) return value
  const [head, ...rest] = path
  return typeof head === 'number' ? [withValue(rest, value)] : { [head]: withValue(rest, value) }
}

describe('control characters in text fields', () => {
  for (const [page, schema] of Object.entries(PAGE_SCHEMAS)) {
    const paths = [...new Map(stringPaths(schema).map((p) => [p.join('.'), p])).values()]
    it(`${page}: every text field (${paths.map((p) => p.join('.')).join(', ')}) refuses NUL with its own error`, () => {
      expect(paths.length).toBeGreaterThan(2)
      for (const path of paths) {
        for (const bad of ['abc\u0000def', 'a\u0007', '\u001b[31mred']) {
          const result = schema.safeParse(withValue(path, bad))
          const here = result.success ? [] : result.error.issues.filter((i) => i.path.join('.') === path.join('.'))
          expect(here.length, `${page}.${path.join('.')} accepted ${JSON.stringify(bad)}`).toBeGreaterThan(0)
        }
      }
    })
  }

  it('keeps tabs and line breaks (text areas) and ordinary text', () => {
    expect(NumberSchema.shape.stopHelpText.safeParse('Reply STOP to opt out,\r\nHELP for help.\t').success).toBe(true)
    expect(AccountSchema.shape.displayName.safeParse('Rivera Plumbing & Heating').success).toBe(true)
  })
})
