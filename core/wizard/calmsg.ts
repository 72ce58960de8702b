import { m } from '../i18n/languages'
import type { PageDefinition } from './definition'

export const calmsg = {
  id: 'calmsg',
  phase: 'CALMSG',
  opensAt: 'CALMSG',
  title: m('Services and prices'),
  section: 'ob_calmsg',
  blockers: {
    CHOOSE_SERVICES: {
      text: m('Pick the services you offer.'),
      fix: '#topServices',
    },
    SET_PRICES: {
      text: m('Add a price range for each service.'),
      fix: '#priceRanges',
    },
    CONNECT_CALENDAR: {
      text: m('Connect your Google Calendar, or press Continue to connect it later.'),
      fix: '#calendar',
    },
  },
} as const satisfies PageDefinition
