import { type Completion, PAGES, PHASES, type PageId } from '../core/pages'

// The wizard's pages (core/pages.ts) as the pages and components use them, and the one-line text of
// every blocker code. Shared by server and UI.
export { PAGES, SECTIONS, type Completion, type PageId } from '../core/pages'

export const pagePath = (id: string) => `/onboarding/${id}`

/** Index of the page of a phase (COMPLETE's is the last): where the owner is, and the pages up to it are open. */
export function reachableIndex(phase: string): number {
  const i = PAGES.findIndex((p) => p.phase === phase)
  return i === -1 ? PAGES.length - 1 : i
}

/** Whether a page that opens at `opensAt` (a page's, core/pages.ts) can be opened in a phase. */
export const canOpen = (opensAt: string, phase: string) => {
  const order: readonly string[] = PHASES
  return order.indexOf(phase) >= order.indexOf(opensAt)
}

export const currentPage = (phase: string): PageId => PAGES[reachableIndex(phase)].id

/** The page after `id` in the wizard (Continue's destination); the last page is its own. */
export const nextPage = (id: PageId): PageId =>
  PAGES[Math.min(PAGES.findIndex((p) => p.id === id) + 1, PAGES.length - 1)].id

// `pending`: something on its way (a job); the line refreshes itself with JavaScript, carries a
// Refresh link without, and after `slow` seconds says what is happening instead. `prevents`: the
// carriers' rejection codes (core/data/a2p-reasons.ts) a pre-submission check stands in for.
type BlockerText = { page: PageId; text: string; fix: string; pending?: { slow: string }; prevents?: string[] }
export const BLOCKERS: Record<string, BlockerText> = {
  VERIFY_EMAIL: { page: 'account', text: 'Your email address is not verified yet.', fix: 'identity' },
  VERIFY_MOBILE: { page: 'account', text: 'Your mobile number is not verified yet.', fix: 'identity' },
  PREFILL_PENDING: {
    page: 'account',
    text: 'Fetching your business details…',
    fix: '',
    pending: { slow: 'Stripe has not answered yet; we keep trying. You can type your details meanwhile.' },
  },
  ACTIVATE_SUBSCRIPTION: { page: 'account', text: 'Your subscription is not active.', fix: 'billing' },
  ENTER_DISPLAY_NAME: { page: 'account', text: 'Add your business name.', fix: '#displayName' },
  CHOOSE_VERTICAL: { page: 'account', text: 'Choose what kind of work you do.', fix: '#vertical' },
  RESERVE_NUMBER: { page: 'number', text: 'You do not have a texting number yet.', fix: '#areaCode' },
  NUMBER_PENDING: {
    page: 'number',
    text: "We're getting your number…",
    fix: '',
    pending: {
      slow: 'This is taking longer than usual: the phone company has not answered yet. We keep trying; this page updates when it is done.',
    },
  },
  NUMBER_CHANGING: {
    page: 'number',
    text: 'Your new number is on its way; your current number works until then.',
    fix: '',
    pending: { slow: 'The phone company has not answered yet; we keep trying. Finish waits for the new number.' },
  },
  NUMBER_BUSY: {
    page: 'number',
    text: 'Provider busy; try again',
    fix: '',
    pending: { slow: 'The phone company is still busy; we keep trying, or press Looks good to try now.' },
  },
  NUMBER_UNAVAILABLE: { page: 'number', text: 'Number unavailable; try again', fix: '#areaCode' },
  COMPLETE_PORT_IN: { page: 'number', text: 'Finish the details for moving your number.', fix: '#portIn' },
  CHOOSE_SERVICES: { page: 'calmsg', text: 'Pick the services you offer.', fix: '#topServices' },
  SET_PRICES: { page: 'calmsg', text: 'Add a price range for each service.', fix: '#priceRanges' },
  CONNECT_CALENDAR: {
    page: 'calmsg',
    text: 'Connect your Google Calendar, or press Continue to connect it later.',
    fix: '#calendar',
  },
  ENTER_LEGAL_NAME: {
    page: 'a2p',
    text: 'Add your legal business name.',
    fix: '#legalBusinessName',
    prevents: ['30795'],
  },
  ENTER_WEBSITE: { page: 'a2p', text: 'Add your website.', fix: '#websiteUrl' },
  ENTER_TAX_ID: { page: 'a2p', text: 'Add your EIN.', fix: '#taxId', prevents: ['30757'] },
  ENTER_AUTHORIZED_CONTACT: { page: 'a2p', text: 'Add who carriers can contact.', fix: '#authorizedContact' },
  WEBSITE_NOT_HTTPS: {
    page: 'a2p',
    text: 'Your website does not open over https; carriers require it.',
    fix: '#websiteUrl',
    prevents: ['30891'],
  },
  WEBSITE_FREE_MAIL: {
    page: 'a2p',
    text: 'A free email domain is not a business website.',
    fix: '#websiteUrl',
    prevents: ['30907'],
  },
  WEBSITE_PRIVACY_MISSING: {
    page: 'a2p',
    text: 'Your website has no privacy policy page (the most common rejection).',
    fix: '#hostedPolicy',
    prevents: ['30896', '30908'],
  },
  WEBSITE_TERMS_MISSING: {
    page: 'a2p',
    text: 'Your website has no SMS terms page.',
    fix: '#hostedPolicy',
    prevents: ['30909'],
  },
  PRIVACY_SHARES_DATA: {
    page: 'a2p',
    text: 'Your privacy policy must say mobile numbers and opt-in data are never shared or sold.',
    fix: '#hostedPolicy',
    prevents: ['30919'],
  },
  TERMS_FREQUENCY_MISSING: {
    page: 'a2p',
    text: 'Your SMS terms must say how often you text (for example "Message frequency varies").',
    fix: '#hostedPolicy',
    prevents: ['30558', '30545', '30924'],
  },
  TERMS_RATES_MISSING: {
    page: 'a2p',
    text: 'Your SMS terms must say "Message and data rates may apply".',
    fix: '#hostedPolicy',
    prevents: ['30562', '30569'],
  },
  TERMS_CONTACT_MISSING: {
    page: 'a2p',
    text: 'Your SMS terms must name your business and give a phone or email for help.',
    fix: '#hostedPolicy',
    prevents: ['30919'],
  },
  WEBSITE_CHECKING: {
    page: 'a2p',
    text: 'Checking your website for privacy and terms pages…',
    fix: '',
    pending: { slow: 'Your website is slow to answer; we keep trying. You can use our hosted pages instead.' },
  },
  SAMPLES_COUNT: {
    page: 'a2p',
    text: 'Carriers need 2 to 5 sample messages.',
    fix: '#sampleMessages',
    prevents: ['30893'],
  },
  SAMPLE_NAME_MISSING: {
    page: 'a2p',
    text: 'A sample message must name your business.',
    fix: '#sampleMessages',
    prevents: ['30893'],
  },
  // The code keeps its name; HELP is answered by the locked HELP reply (30890 is its check).
  STOP_HELP_MISSING: {
    page: 'a2p',
    text: 'A sample message must say how to opt out, like "Reply STOP to opt out".',
    fix: '#sampleMessages',
    prevents: ['30887'],
  },
  SHORTENER_LINK: {
    page: 'a2p',
    text: 'Use full https links on your own domain, not link shorteners or http.',
    fix: '#sampleMessages',
    prevents: ['30892'],
  },
  LINK_DOMAIN_MISSING: {
    page: 'a2p',
    text: "List your website's domain (and any domain your samples link to) under link domains.",
    fix: '#linkDomains',
    prevents: ['30892'],
  },
  OPT_IN_SMS_WORDING: {
    page: 'a2p',
    text: 'How customers agree must say "text" or "SMS": contact support.',
    fix: '',
    prevents: ['30551'],
  },
  EMERGENCY_ALERT_WORDING: {
    page: 'a2p',
    text: 'Remove "emergency alert" wording: carriers keep it for public alerts ("emergency service" is fine).',
    fix: '#sampleMessages',
    prevents: ['30929'],
  },
  CONTENT_SHAFT: {
    page: 'a2p',
    text: 'Remove wording about alcohol, tobacco, vaping, cannabis, firearms or adult content: carriers refuse it.',
    fix: '#sampleMessages',
    prevents: ['30883'],
  },
  CONTENT_HIGH_RISK: {
    page: 'a2p',
    text: 'Remove wording about loans, debt, credit repair, crypto or gambling: carriers refuse it.',
    fix: '#sampleMessages',
    prevents: ['30895', '30897'],
  },
  CONTACT_NOT_PERSON: {
    page: 'a2p',
    text: 'The contact for carriers must be a person, by first and last name.',
    fix: '#authorizedContact',
    prevents: ['30701'],
  },
  CONTACT_FREE_MAIL: {
    page: 'a2p',
    text: 'Use a contact email on your business domain, not Gmail or Yahoo.',
    fix: '#authorizedContact',
    prevents: ['30881'],
  },
  SOLE_PROP_HAS_EIN: {
    page: 'a2p',
    text: 'You have an EIN, so register as a business (Standard), not a sole proprietor.',
    fix: '#brandType',
    prevents: ['30903'],
  },
  SOLE_PROP_ENTITY_NAME: {
    page: 'a2p',
    text: 'A name with LLC, Inc or Corp means your business has an EIN: register as a business (Standard) with it.',
    fix: '#brandType',
    prevents: ['30903'],
  },
  SUBMIT_A2P: { page: 'a2p', text: 'Submit your texting registration.', fix: '#submit' },
  CONFIRM_OTP: { page: 'a2p', text: 'Confirm the code we texted to your mobile.', fix: '#otp' },
  A2P_PENDING: {
    page: 'a2p',
    text: 'Carriers are reviewing your registration.',
    fix: '',
    pending: {
      slow: 'Carriers usually answer within a few days; come back later or reload this page to see where it is.',
    },
  },
  A2P_REJECTED: { page: 'a2p', text: 'Carriers turned down your registration.', fix: '#reason' },
  A2P_PAUSED: { page: 'a2p', text: 'Registration paused: try again.', fix: '#reason' },
}

// `check`: a pre-submission check carriers reject on (it has `prevents`).
export type BlockerLine = {
  code: string
  text: string
  fixHref: string | null
  pending?: { slow: string }
  check?: true
}

/** The blockers a page shows: its own, one line each, with a Fix link where there is one. */
export function blockerLines(codes: string[], page: PageId, links: FixLinks): BlockerLine[] {
  return codes.flatMap((code) => {
    const b = BLOCKERS[code]
    if (!b || b.page !== page) return []
    return [
      {
        code,
        text: b.text,
        fixHref: outsideFix(b, links) ?? (b.fix || null),
        ...(b.pending && { pending: b.pending }),
        ...(b.prevents && { check: true as const }),
      },
    ]
  })
}

type FixLinks = { identity: string; billing: string }
/** A Fix that leads off the wizard (the identity provider's account page, billing), else null. */
const outsideFix = (b: BlockerText, links: FixLinks) =>
  b.fix === 'identity' ? links.identity : b.fix === 'billing' ? links.billing : null

/**
 * Every page's blockers for the summary, in page order, one line each: its Fix link leads to the
 * field on its own page. Something on its way (carriers reviewing) has nothing to fix: its line
 * refreshes the summary until it is done, as on its own page.
 */
export function summaryLines(codes: string[], links: FixLinks): BlockerLine[] {
  return codes.flatMap((code): BlockerLine[] => {
    const b = BLOCKERS[code]
    if (!b) return []
    if (b.pending) return [{ code, text: b.text, fixHref: null, pending: b.pending }]
    return [{ code, text: b.text, fixHref: outsideFix(b, links) ?? `${pagePath(b.page)}${b.fix}` }]
  })
}

/** What every page action returns: the standard state shape plus form feedback. */
export type ActionReply = {
  phase?: string
  completion?: Completion
  blockers?: string[]
  textingEligible?: boolean
  version?: number
  result?: import('@conform-to/react').SubmissionResult<string[]>
  saved?: boolean
  conflict?: boolean
  message?: string
}
