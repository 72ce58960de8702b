import type { InitOptions } from 'i18next'

// The languages of the wizard, its errors and its mails. English is the source: the English words
// in the code are the keys (gettext's way), and core/i18n/es.ts gives each its Spanish. A key
// missing from es.ts shows in English, never as a code; i18n.test.ts fails on one.
export const LANGUAGES = ['en', 'es'] as const
export type Lang = (typeof LANGUAGES)[number]
export const isLang = (v: unknown): v is Lang => LANGUAGES.includes(v as Lang)

/** The same options in the browser, on the server and in the worker. */
export const I18N_OPTIONS = {
  supportedLngs: [...LANGUAGES],
  fallbackLng: false,
  // The keys are English sentences: dots and colons in them are not paths or namespaces.
  keySeparator: false,
  nsSeparator: false,
  // React escapes what it renders; the mails escape their HTML themselves.
  interpolation: { escapeValue: false },
  returnNull: false,
  initImmediate: false,
} satisfies InitOptions

/**
 * Marks English words that are translated where they are shown (a schema's message, a blocker's
 * line): the test that keeps es.ts whole finds every key by this call and by t().
 */
export const m = <S extends string>(english: S): S => english

/**
 * A message with values, as one string (Conform's errors, the replies and a few stored lines are
 * strings): "key|{json}". A value whose name starts with "_" is a message itself, worded too.
 * The page words it with useT().msg, the worker with translator().msg.
 */
export const msg = (key: string, values?: Record<string, string | number>) =>
  values ? `${key}|${JSON.stringify(values)}` : key

export function parseMsg(message: string): [string, Record<string, string | number> | undefined] {
  const bar = message.indexOf('|{')
  if (bar === -1) return [message, undefined]
  try {
    return [message.slice(0, bar), JSON.parse(message.slice(bar + 1))]
  } catch {
    return [message, undefined]
  }
}

/** A message (a plain key, or one made by msg) in the words of `t`. */
export function wordMessage(t: (key: string, values?: Record<string, unknown>) => string, message: string): string {
  const [key, values] = parseMsg(message)
  if (!values) return t(key)
  const worded = Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, k.startsWith('_') && typeof v === 'string' ? wordMessage(t, v) : v]),
  )
  return t(key, worded)
}
