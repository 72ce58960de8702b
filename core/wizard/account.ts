import { m } from '../i18n/languages'
import type { PageDefinition } from './definition'

export const account = {
  id: 'account',
  phase: 'ACCOUNT',
  opensAt: 'ACCOUNT',
  title: m('Your business'),
  section: 'ob_account',
  blockers: {
    VERIFY_EMAIL: {
      text: m('Your email address is not verified yet.'),
      fix: 'identity',
    },
    VERIFY_MOBILE: {
      text: m('Your mobile number is not verified yet.'),
      fix: 'identity',
    },
    PREFILL_PENDING: {
      text: m('Fetching your business details…'),
      fix: '',
      pending: {
        slow: m('Stripe has not answered yet; we keep trying. You can type your details meanwhile.'),
      },
    },
    ACTIVATE_SUBSCRIPTION: {
      text: m('Your subscription is not active.'),
      fix: 'billing',
    },
    ENTER_DISPLAY_NAME: {
      text: m('Add your business name.'),
      fix: '#displayName',
    },
    CHOOSE_VERTICAL: {
      text: m('Choose what kind of work you do.'),
      fix: '#vertical',
    },
  },
} as const satisfies PageDefinition
