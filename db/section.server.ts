import { z } from 'zod'
import type { Db } from './client.server'

// One definition per section row: each column's Zod type (rows read are parsed with it), whether
// the owner's saves may write it, and a select expression where the column is
// not read as it is. From it come the row type, the SELECT list and the save's whitelist.
type Column = { type: z.ZodType; write?: boolean; select?: string }
type Columns = Record<string, Column>
type RowOf<C extends Columns> = { [K in keyof C]: z.output<C[K]['type']> }

export const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

export type Section<C extends Columns = Columns> = {
  table: string
  columns: C
  row: z.ZodType<RowOf<C>>
  /** Columns the owner's saves may write (camelCase). */
  writable: ReadonlySet<string>
  read: (sql: Db, tenantId: string) => Promise<RowOf<C>>
  /**
   * The whitelisted columns of `fields` as one JSON object keyed by column (snake_case), for
   * ob_save, and their field names; throws on any other name.
   */
  columnsOf: (fields: Record<string, unknown>) => { row: Record<string, unknown>; names: string[] }
}

export function defineSection<C extends Columns>(table: string, columns: C): Section<C> {
  const row = z.object(
    Object.fromEntries(Object.entries(columns).map(([name, c]) => [name, c.type])),
  ) as unknown as z.ZodType<RowOf<C>>
  const select = Object.entries(columns)
    .map(([name, c]) => (c.select ? `${c.select} as ${snake(name)}` : snake(name)))
    .join(', ')
  const writable = new Set(Object.keys(columns).filter((name) => columns[name].write))
  return {
    table,
    columns,
    row,
    writable,
    async read(sql, tenantId) {
      const [found] = await sql.unsafe(`select ${select} from ${table} where tenant_id = $1`, [tenantId])
      if (!found) throw new Error(`no ${table} row for tenant ${tenantId}`)
      return row.parse(found)
    },
    columnsOf(fields) {
      const row: Record<string, unknown> = {}
      for (const [name, value] of Object.entries(fields)) {
        if (!(name in columns)) throw new Error(`${name} is not a column of ${table}`)
        if (!writable.has(name)) throw new Error(`${name} is not a column of ${table} that a save may write`)
        if (value !== undefined) row[snake(name)] = value
      }
      return { row, names: Object.keys(fields).filter((name) => fields[name] !== undefined) }
    },
  }
}

/** The section field a database refusal names: its column, or a CHECK named <table>_<column>_check. */
export function fieldFor(section: Section, name: string): string | null {
  for (const field of Object.keys(section.columns)) {
    const column = snake(field)
    if (name === column || name.startsWith(`${section.table}_${column}_`)) return field
  }
  return null
}
