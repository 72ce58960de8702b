import type { PageDefinition } from './definition'

export const account = {
  id: 'account',
  phase: 'ACCOUNT',
  opensAt: 'ACCOUNT',
  title: 'Your business',
  section: 'ob_account',
  blockers: {
    VERIFY_EMAIL: {
      text: 'Your email address is not verified yet.',
      fix: 'identity',
    },
    VERIFY_MOBILE: {
      text: 'Your mobile number is not verified yet.',
      fix: 'identity',
    },
    PREFILL_PENDING: {
      text: 'Fetching your business details…',
      fix: '',
      pending: {
        slow: 'Stripe has not answered yet; we keep trying. You can type your details meanwhile.',
      },
    },
    ACTIVATE_SUBSCRIPTION: {
      text: 'Your subscription is not active.',
      fix: 'billing',
    },
    ENTER_DISPLAY_NAME: {
      text: 'Add your business name.',
      fix: '#displayName',
    },
    CHOOSE_VERTICAL: {
      text: 'Choose what kind of work you do.',
      fix: '#vertical',
    },
  },
} as const satisfies PageDefinition
