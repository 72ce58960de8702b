import type { PageDefinition } from './definition'

export const finalize = {
  id: 'finalize',
  phase: 'FINALIZE',
  opensAt: 'A2P',
  title: 'Finish',
  section: null,
  blockers: {},
} as const satisfies PageDefinition
