import { m } from '../i18n/languages'
import type { PageDefinition } from './definition'

export const finalize = {
  id: 'finalize',
  phase: 'FINALIZE',
  opensAt: 'A2P',
  title: m('Finish'),
  section: null,
  blockers: {},
} as const satisfies PageDefinition
