import { m } from '../i18n/languages'
import type { PageDefinition } from './definition'

export const number = {
  id: 'number',
  phase: 'NUMBER',
  opensAt: 'NUMBER',
  title: m('Number and hours'),
  section: 'ob_number',
  blockers: {
    RESERVE_NUMBER: {
      text: m('You do not have a texting number yet.'),
      fix: '#areaCode',
    },
    NUMBER_PENDING: {
      text: m("We're getting your number…"),
      fix: '',
      pending: {
        slow: m(
          'This is taking longer than usual: the phone company has not answered yet. We keep trying; this page updates when it is done.',
        ),
      },
    },
    NUMBER_CHANGING: {
      text: m('Your new number is on its way; your current number works until then.'),
      fix: '',
      pending: {
        slow: m('The phone company has not answered yet; we keep trying. Finish waits for the new number.'),
      },
    },
    NUMBER_BUSY: {
      text: m('Provider busy; try again'),
      fix: '',
      pending: {
        slow: m('The phone company is still busy; we keep trying, or press Looks good to try now.'),
      },
    },
    NUMBER_UNAVAILABLE: {
      text: m('Number unavailable; try again'),
      fix: '#areaCode',
    },
    COMPLETE_PORT_IN: {
      text: m('Finish the details for moving your number.'),
      fix: '#portIn',
    },
  },
} as const satisfies PageDefinition
