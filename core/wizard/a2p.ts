import { m } from '../i18n/languages'
import type { PageDefinition } from './definition'

export const a2p = {
  id: 'a2p',
  phase: 'A2P',
  opensAt: 'A2P',
  title: m('Texting registration'),
  section: 'ob_a2p',
  blockers: {
    ENTER_LEGAL_NAME: {
      text: m('Add your legal business name.'),
      fix: '#legalBusinessName',
      prevents: ['30795'],
    },
    ENTER_WEBSITE: {
      text: m('Add your website.'),
      fix: '#websiteUrl',
    },
    ENTER_TAX_ID: {
      text: m('Add your EIN.'),
      fix: '#taxId',
      prevents: ['30757'],
    },
    ENTER_AUTHORIZED_CONTACT: {
      text: m('Add who carriers can contact.'),
      fix: '#authorizedContact',
    },
    WEBSITE_NOT_HTTPS: {
      text: m('Your website does not open over https; carriers require it.'),
      fix: '#websiteUrl',
      prevents: ['30891'],
    },
    WEBSITE_FREE_MAIL: {
      text: m('A free email domain is not a business website.'),
      fix: '#websiteUrl',
      prevents: ['30907'],
    },
    WEBSITE_PRIVACY_MISSING: {
      text: m('Your website has no privacy policy page (the most common rejection).'),
      fix: '#hostedPolicy',
      prevents: ['30896', '30908'],
    },
    WEBSITE_TERMS_MISSING: {
      text: m('Your website has no SMS terms page.'),
      fix: '#hostedPolicy',
      prevents: ['30909'],
    },
    PRIVACY_SHARES_DATA: {
      text: m('Your privacy policy must say mobile numbers and opt-in data are never shared or sold.'),
      fix: '#hostedPolicy',
      prevents: ['30919'],
    },
    TERMS_FREQUENCY_MISSING: {
      text: m('Your SMS terms must say how often you text (for example "Message frequency varies").'),
      fix: '#hostedPolicy',
      prevents: ['30558', '30545', '30924'],
    },
    TERMS_RATES_MISSING: {
      text: m('Your SMS terms must say "Message and data rates may apply".'),
      fix: '#hostedPolicy',
      prevents: ['30562', '30569'],
    },
    TERMS_CONTACT_MISSING: {
      text: m('Your SMS terms must name your business and give a phone or email for help.'),
      fix: '#hostedPolicy',
      prevents: ['30919'],
    },
    WEBSITE_CHECKING: {
      text: m('Checking your website for privacy and terms pages…'),
      fix: '',
      pending: {
        slow: m('Your website is slow to answer; we keep trying. You can use our hosted pages instead.'),
      },
    },
    SAMPLES_COUNT: {
      text: m('Carriers need 2 to 5 sample messages.'),
      fix: '#sampleMessages',
      prevents: ['30893'],
    },
    SAMPLE_NAME_MISSING: {
      text: m('A sample message must name your business.'),
      fix: '#sampleMessages',
      prevents: ['30893'],
    },
    // The code keeps its name; HELP is answered by the locked HELP reply (30890 is its check).
    STOP_HELP_MISSING: {
      text: m('A sample message must say how to opt out, like "Reply STOP to opt out".'),
      fix: '#sampleMessages',
      prevents: ['30887'],
    },
    SHORTENER_LINK: {
      text: m('Use full https links on your own domain, not link shorteners or http.'),
      fix: '#sampleMessages',
      prevents: ['30892'],
    },
    LINK_DOMAIN_MISSING: {
      text: m("List your website's domain (and any domain your samples link to) under link domains."),
      fix: '#linkDomains',
      prevents: ['30892'],
    },
    OPT_IN_SMS_WORDING: {
      text: m('How customers agree must say "text" or "SMS": contact support.'),
      fix: '',
      prevents: ['30551'],
    },
    EMERGENCY_ALERT_WORDING: {
      text: m('Remove "emergency alert" wording: carriers keep it for public alerts ("emergency service" is fine).'),
      fix: '#sampleMessages',
      prevents: ['30929'],
    },
    CONTENT_SHAFT: {
      text: m(
        'Remove wording about alcohol, tobacco, vaping, cannabis, firearms or adult content: carriers refuse it.',
      ),
      fix: '#sampleMessages',
      prevents: ['30883'],
    },
    CONTENT_HIGH_RISK: {
      text: m('Remove wording about loans, debt, credit repair, crypto or gambling: carriers refuse it.'),
      fix: '#sampleMessages',
      prevents: ['30895', '30897'],
    },
    CONTACT_NOT_PERSON: {
      text: m('The contact for carriers must be a person, by first and last name.'),
      fix: '#authorizedContact',
      prevents: ['30701'],
    },
    CONTACT_FREE_MAIL: {
      text: m('Use a contact email on your business domain, not Gmail or Yahoo.'),
      fix: '#authorizedContact',
      prevents: ['30881'],
    },
    SOLE_PROP_HAS_EIN: {
      text: m('You have an EIN, so register as a business (Standard), not a sole proprietor.'),
      fix: '#brandType',
      prevents: ['30903'],
    },
    SOLE_PROP_ENTITY_NAME: {
      text: m(
        'A name with LLC, Inc or Corp means your business has an EIN: register as a business (Standard) with it.',
      ),
      fix: '#brandType',
      prevents: ['30903'],
    },
    SUBMIT_A2P: {
      text: m('Submit your texting registration.'),
      fix: '#submit',
    },
    CONFIRM_OTP: {
      text: m('Confirm the code we texted to your mobile.'),
      fix: '#otp',
    },
    A2P_PENDING: {
      text: m('Carriers are reviewing your registration.'),
      fix: '',
      pending: {
        slow: m('Carriers usually answer within a few days; come back later or reload this page to see where it is.'),
      },
    },
    A2P_REJECTED: {
      text: m('Carriers turned down your registration.'),
      fix: '#reason',
    },
    A2P_PAUSED: {
      text: m('Registration paused: try again.'),
      fix: '#reason',
    },
  },
} as const satisfies PageDefinition
