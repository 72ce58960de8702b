import type { z } from 'zod'

/**
 * The part of a page schema that covers the fields present in a form submission (nested names such
 * as `address.city` count for `address`). Autosave uses it: a field sent empty is still an error,
 * a field not sent is left alone. `always` names fields checked even when not sent (Basic on Continue).
 */
export function pickSubmitted<S extends z.ZodObject>(schema: S, formData: FormData, always: string[] = []): z.ZodType<Partial<z.output<S>>> {
  const sent = new Set([...formData.keys()].map((name) => name.split(/[.[]/)[0]).concat(always))
  const mask = Object.fromEntries(Object.keys(schema.shape).filter((k) => sent.has(k)).map((k) => [k, true]))
  return schema.pick(mask as never) as never
}
