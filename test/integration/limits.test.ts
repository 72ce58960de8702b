import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { SECTIONS, type SectionId } from '../../core/pages'
import { a2pSection } from '../../db/a2p.server'
import { accountSection } from '../../db/account.server'
import { calmsgSection } from '../../db/calmsg.server'
import { numberSection } from '../../db/number.server'
import { snake, type Section } from '../../db/section.server'
import { A2pSchema } from '../../app/schemas/a2p'
import { AccountSchema } from '../../app/schemas/account'
import { CalmsgSchema } from '../../app/schemas/calmsg'
import { NumberSchema } from '../../app/schemas/number'
import { freshDatabase, makeTenant } from '../setup/db'

// No value a page's schema accepts may be refused by the database: for every bounded text or
// number field that is a column of its section, the extremes the schema accepts are written to the
// row (in a transaction rolled back), and the first values past them must be refused by the schema.
const { sql } = await freshDatabase()
const tenantId = await makeTenant(sql)

// Every data page (core/pages.ts): a page added there fails the typecheck until it is here.
const BY_PAGE: Record<SectionId, { schema: z.ZodObject; section: Section }> = {
  account: { schema: AccountSchema, section: accountSection },
  number: { schema: NumberSchema, section: numberSection },
  calmsg: { schema: CalmsgSchema, section: calmsgSection },
  a2p: { schema: A2pSchema, section: a2pSection },
}
const PAGES = SECTIONS.map((p) => ({ name: p.id, ...BY_PAGE[p.id] }))

type Zod = {
  _zod: { def: { type: string; innerType?: Zod; in?: Zod; out?: Zod } }
  minLength?: number | null
  maxLength?: number | null
  minValue?: number | null
  maxValue?: number | null
}
/** The string or number schema under optional/default/pipe wrappers, with its bounds (null: none). */
function bounded(schema: Zod): { type: 'string' | 'number'; min?: number; max?: number } | null {
  const def = schema._zod.def
  if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') return bounded(def.innerType!)
  if (def.type === 'pipe') return bounded(def.out!) ?? bounded(def.in!)
  const b =
    def.type === 'string'
      ? { type: 'string' as const, min: schema.minLength, max: schema.maxLength }
      : def.type === 'number'
        ? { type: 'number' as const, min: schema.minValue, max: schema.maxValue }
        : null
  if (!b || (b.min == null && b.max == null)) return null
  return { type: b.type, min: b.min ?? undefined, max: b.max ?? undefined }
}

/** Text of exactly `length` characters that also says STOP and HELP (some fields require them). */
const textOf = (length: number) =>
  'STOP HELP '
    .repeat(Math.ceil(length / 10) + 1)
    .slice(0, length)
    .replace(/ $/, 'x')
/** A web address of exactly `length` characters (a website field accepts only those). */
const urlOf = (length: number) => `https://example.com/${'a'.repeat(Math.max(0, length - 20))}`.slice(0, length)
/** The shortest and longest text the field accepts (the shortest found by trying each length), as prose or as a web address. */
function texts(field: z.ZodType, b: { min?: number; max?: number }) {
  const max = b.max ?? 10_000
  const shape = [textOf, urlOf].find((of) => field.safeParse(of(max)).success) ?? textOf
  let shortest = b.min ?? 0
  while (shortest < max && !field.safeParse(shape(shortest)).success) shortest++
  return {
    accepted: [shape(shortest), shape(max)],
    beyond: [...(b.min ? [shape(b.min - 1)] : []), ...(b.max !== undefined ? [shape(b.max + 1)] : [])],
  }
}
const candidates = (field: z.ZodType, b: NonNullable<ReturnType<typeof bounded>>) =>
  b.type === 'number'
    ? {
        accepted: [b.min ?? 0, b.max ?? 1_000_000],
        beyond: [...(b.min !== undefined ? [b.min - 1] : []), ...(b.max !== undefined ? [b.max + 1] : [])],
      }
    : texts(field, b)

async function databaseRefuses(section: Section, column: string, value: unknown): Promise<string | null> {
  try {
    await sql.begin(async (tx) => {
      await tx`update ${tx(section.table)} set ${tx(column)} = ${value as never} where tenant_id = ${tenantId}`
      throw new Error('rollback')
    })
  } catch (error) {
    const message = (error as Error).message
    return message === 'rollback' ? null : message
  }
  return null
}

describe('every schema limit against its SQL CHECK', () => {
  for (const page of PAGES) {
    const fields = Object.entries(page.schema.shape)
      .filter(([name]) => page.section.writable.has(name))
      .map(([name, schema]) => ({ name, bounds: bounded(schema as unknown as Zod) }))
      .filter((f): f is { name: string; bounds: NonNullable<ReturnType<typeof bounded>> } => f.bounds !== null)
    it(`${page.name}: ${fields.map((f) => `${f.name} ${f.bounds.min ?? ''}-${f.bounds.max ?? ''}`).join(', ')}`, async () => {
      expect(fields.length).toBeGreaterThan(0)
      for (const { name, bounds } of fields) {
        const field = page.schema.shape[name] as z.ZodType
        const { accepted, beyond } = candidates(field, bounds)
        for (const value of accepted) {
          const parsed = field.safeParse(bounds.type === 'number' ? String(value) : value)
          expect(parsed.success, `${page.name}.${name} should accept ${JSON.stringify(value).slice(0, 40)}`).toBe(true)
          expect(
            await databaseRefuses(page.section, snake(name), parsed.data),
            `${page.name}.${name} = ${JSON.stringify(value).slice(0, 40)}`,
          ).toBeNull()
        }
        for (const value of beyond)
          expect(
            field.safeParse(bounds.type === 'number' ? String(value) : value).success,
            `${page.name}.${name} ${JSON.stringify(value).slice(0, 40)}`,
          ).toBe(false)
      }
    })
  }
})
