// The {tokens} an owner may write in the missed-call reply; app/lib/preview.ts fills each of them.
export const TOKENS = ['displayName', 'service', 'services', 'hours'] as const
export type Token = (typeof TOKENS)[number]

/** The {tokens} of a template that we cannot fill (a typo such as {displayname}, or a brace left open). */
export function unknownTokens(text: string): string[] {
  const named = [...text.matchAll(/\{([^{}]*)\}/g)]
    .map((m) => m[1])
    .filter((t) => !(TOKENS as readonly string[]).includes(t))
  const stray = text.replace(/\{[^{}]*\}/g, '').match(/[{}]/) ? ['a lone { or }'] : []
  return [...new Set([...named.map((t) => `{${t}}`), ...stray])]
}
