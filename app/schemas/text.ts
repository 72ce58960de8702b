import { m } from '../../core/i18n/languages'
import './zod-config'
import * as z from 'zod'

// Every text an owner types is built from `text()`: it refuses control characters (PostgreSQL
// cannot store NUL, and none belongs in a business's details) with a field error. Tabs and line
// breaks stay allowed for text areas. test/unit/text-fields.test.ts checks every page schema.
// biome-ignore lint/suspicious/noControlCharactersInRegex: this pattern finds control characters to refuse them
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/
const CONTROL_MESSAGE = m('Remove the unusual characters (invisible control characters) from this field')

export const text = (params?: Parameters<typeof z.string>[0]) =>
  z.string(params).refine((v) => !CONTROL.test(v), CONTROL_MESSAGE)
