import type { z } from 'zod'

// Picked schemas are kept: building one costs more than parsing with it (zod compiles each new
// object schema), and an autosave sends the same one or two fields again and again. Only as many
// field sets as MAX_KEPT per schema are kept, so odd submissions cannot grow the cache without end.
const MAX_KEPT = 256
const kept = new WeakMap<z.ZodObject, Map<string, z.ZodType>>()

/**
 * The part of a page schema that covers the fields present in a form submission (nested names such
 * as `address.city` count for `address`). Autosave uses it: a field sent empty is still an error,
 * a field not sent is left alone. `always` names fields checked even when not sent (Basic on Continue).
 */
export function pickSubmitted<S extends z.ZodObject>(
  schema: S,
  formData: FormData,
  always: string[] = [],
): z.ZodType<Partial<z.output<S>>> {
  const sent = new Set([...formData.keys()].map((name) => name.split(/[.[]/)[0]).concat(always))
  const names = Object.keys(schema.shape).filter((k) => sent.has(k))
  const key = names.join(',')
  let forSchema = kept.get(schema)
  if (!forSchema) kept.set(schema, (forSchema = new Map()))
  let picked = forSchema.get(key)
  if (!picked) {
    picked = schema.pick(Object.fromEntries(names.map((k) => [k, true])) as never) as z.ZodType
    if (forSchema.size < MAX_KEPT) forSchema.set(key, picked)
  }
  return picked as never
}
