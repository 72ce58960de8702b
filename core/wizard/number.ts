import type { PageDefinition } from './definition'

export const number = {
  id: 'number',
  phase: 'NUMBER',
  opensAt: 'NUMBER',
  title: 'Number and hours',
  section: 'ob_number',
  blockers: {
    RESERVE_NUMBER: {
      text: 'You do not have a texting number yet.',
      fix: '#areaCode',
    },
    NUMBER_PENDING: {
      text: "We're getting your number…",
      fix: '',
      pending: {
        slow: 'This is taking longer than usual: the phone company has not answered yet. We keep trying; this page updates when it is done.',
      },
    },
    NUMBER_CHANGING: {
      text: 'Your new number is on its way; your current number works until then.',
      fix: '',
      pending: {
        slow: 'The phone company has not answered yet; we keep trying. Finish waits for the new number.',
      },
    },
    NUMBER_BUSY: {
      text: 'Provider busy; try again',
      fix: '',
      pending: {
        slow: 'The phone company is still busy; we keep trying, or press Looks good to try now.',
      },
    },
    NUMBER_UNAVAILABLE: {
      text: 'Number unavailable; try again',
      fix: '#areaCode',
    },
    COMPLETE_PORT_IN: {
      text: 'Finish the details for moving your number.',
      fix: '#portIn',
    },
  },
} as const satisfies PageDefinition
