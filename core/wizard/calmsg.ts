import type { PageDefinition } from './definition'

export const calmsg = {
  id: 'calmsg',
  phase: 'CALMSG',
  opensAt: 'CALMSG',
  title: 'Services and prices',
  section: 'ob_calmsg',
  blockers: {
    CHOOSE_SERVICES: {
      text: 'Pick the services you offer.',
      fix: '#topServices',
    },
    SET_PRICES: {
      text: 'Add a price range for each service.',
      fix: '#priceRanges',
    },
    CONNECT_CALENDAR: {
      text: 'Connect your Google Calendar, or press Continue to connect it later.',
      fix: '#calendar',
    },
  },
} as const satisfies PageDefinition
