import { m } from '../i18n/languages'
// Carriers' rejection codes (Twilio's, a2p-10dlc.md section 3) as one line for the owner and the
// field that fixes it. `final`: cannot be resubmitted; the owner must contact support.
// `line` is an English key (core/i18n), worded where it is shown; `values` fills an unknown code's in.
export type ReasonFix = {
  line: string
  field: string | null
  final?: boolean
  values?: { code: string; message: string }
}
const f = (line: string, field: string | null, final = false): ReasonFix => ({ line, field, ...(final && { final }) })

export const REASONS: Record<string, ReasonFix> = {
  // Ours, not a carrier's: the registration changed after Submit and would be rejected as it is now.
  // Ours: a step could not reach the registry through all its retries (about a day and a half).
  PAUSED: f(
    m(
      'We could not reach the registry for a long time, so your registration is paused. Press Resubmit to try again; nothing was charged twice.',
    ),
    null,
  ),
  CHECKS: f(
    m(
      'You changed your registration after submitting it, and carriers would turn it down as it is now: fix the lines above, then press Resubmit.',
    ),
    null,
  ),
  '30880': f(m('Vetting was turned down without a reason: contact support for details, then resubmit.'), null),
  '30881': f(m('Use a contact email on your business domain, not Gmail or Yahoo.'), 'authorizedContact'),
  '30882': f(m('Affiliate or lead-sharing programs are not allowed.'), null, true),
  '30883': f(m('This kind of business (SHAFT or cannabis) cannot register for texting.'), null, true),
  '30884': f(m('Carriers flagged this as known spam: contact support.'), null, true),
  '30885': f(m('Carriers flagged this as high risk: contact support.'), null, true),
  '30886': f(
    m('The description was too vague: we describe your missed-call texts; resubmit as is or contact support.'),
    null,
  ),
  '30887': f(m('Opt-out handling was unclear: keep "Reply STOP to opt out" in your samples.'), 'sampleMessages'),
  '30888': f(m('An age gate was declared by mistake: resubmit (trades need none).'), null),
  '30889': f(
    m('A phone number was declared but is not in the samples: add it to a sample or remove it.'),
    'sampleMessages',
  ),
  '30890': f(m('The HELP reply must name your business and give a phone or email.'), 'sampleMessages'),
  '30891': f(
    m('Your website could not be opened or shows no opt-in: give a working public https address.'),
    'websiteUrl',
  ),
  '30892': f(m('Use full https links on your own domain in the samples, not link shorteners.'), 'sampleMessages'),
  '30893': f(
    m('Write 2 to 5 realistic samples with [brackets], your business name and "Reply STOP".'),
    'sampleMessages',
  ),
  '30894': f(
    m('The business registered is not the one texting: check the legal name and website.'),
    'legalBusinessName',
  ),
  '30895': f(m('The samples looked like lending: remove any loan or financing wording.'), 'sampleMessages'),
  '30896': f(
    m('Your website needs a privacy policy and SMS terms: use our hosted pages or add your own.'),
    'hostedPolicy',
  ),
  '30897': f(m('This kind of content (loans, debt relief, gambling, crypto) cannot register.'), null, true),
  '30898': f(m('Your EIN is used by too many brands: reuse your existing registration or contact support.'), 'taxId'),
  '30899': f(m('A carrier turned it down: contact support with your campaign ID.'), null),
  '30900': f(m('That use case is not allowed for this brand type: check business type.'), 'brandType'),
  '30901': f(m('The review timed out: resubmit.'), null),
  '30902': f(m('A carrier turned it down: contact support with your campaign ID.'), null),
  '30903': f(m('You have an EIN: register as a business (Standard) with it.'), 'brandType'),
  '30907': f(m('Your website does not match your business: use the site with your business name.'), 'websiteUrl'),
  '30908': f(
    m('Your privacy policy must say mobile numbers are never shared for marketing: use our hosted pages.'),
    'hostedPolicy',
  ),
  '30909': f(
    m('How customers agree to texts could not be checked: your site needs its privacy and terms pages.'),
    'hostedPolicy',
  ),
  '30924': f(
    m('The opt-in text must state message type, frequency, "Msg & data rates may apply" and "Reply STOP".'),
    'hostedPolicy',
  ),
  // 2025-2026 codes (a2p-10dlc.md section 9; Twilio's error pages 305xx and 309xx).
  '30545': f(m('Say how often you text: our hosted SMS terms say "Message frequency varies".'), 'hostedPolicy'),
  '30551': f(m('How customers agree must say "text messages" or "SMS": contact support.'), null),
  '30558': f(
    m('Your SMS terms must state how often you text: use our hosted pages or add it to yours.'),
    'hostedPolicy',
  ),
  '30562': f(
    m('Your SMS terms must say "Message and data rates may apply": use our hosted pages or add it to yours.'),
    'hostedPolicy',
  ),
  '30569': f(
    m('Add "Message and data rates may apply" where customers agree: our hosted pages say it.'),
    'hostedPolicy',
  ),
  '30919': f(
    m(
      'Your website must show your business, how to reach you and that mobile numbers are never shared or sold: use our hosted pages.',
    ),
    'hostedPolicy',
  ),
  '30929': f(m('Remove "emergency alert" wording from your samples and names, then resubmit.'), 'sampleMessages'),
  '30990': f(m('Your campaign was suspended: contact support.'), null, true),
  '30991': f(m('Finish your brand verification first (the code we texted, or the email from the registry).'), null),
  '30994': f(m('Finish your brand verification first (the code we texted, or the email from the registry).'), null),
  '30795': f(
    m('Enter the legal name exactly as on your IRS letter (CP 575 or 147C), with "LLC" or "Inc", and check the EIN.'),
    'legalBusinessName',
  ),
  '30701': f(m('A field was in the wrong format: check the phone, state and ZIP.'), 'authorizedContact'),
  '30703': f(m('This business is registered already: contact support to reuse it.'), null),
  '30754': f(m('Your address is not a valid USPS address: fix it on the first page.'), null),
  '30757': f(m('Enter your EIN.'), 'taxId'),
  '30796': f(m('Choose "private company": yours is not a public one.'), 'brandType'),
  '30797': f(m('Choose "private company": yours is not a government body.'), 'brandType'),
  '30798': f(m('Choose "private company": yours is not a non-profit.'), 'brandType'),
  '30799': f(
    m('The registry could not verify your details: check the EIN, legal name and address.'),
    'legalBusinessName',
  ),
  '21731': f(m('Your brand was suspended: contact support.'), null, true),
}

/** The line and field for a carrier's code; an unknown code says so, with the code. */
export function reasonFix(code: string | null, message: string | null): ReasonFix {
  if (code && REASONS[code]) return REASONS[code]
  // The carrier's own words (English, from the provider) go in as they came.
  const known = code && code !== 'REQUEST' ? code : null
  const line = known
    ? message
      ? m(
          'Carriers turned this down (code {{code}}: {{message}}). Check your details and resubmit, or contact support.',
        )
      : m('Carriers turned this down (code {{code}}). Check your details and resubmit, or contact support.')
    : message
      ? m('Carriers turned this down ({{message}}). Check your details and resubmit, or contact support.')
      : m('Carriers turned this down. Check your details and resubmit, or contact support.')
  return { line, field: null, values: { code: known ?? '', message: message ?? '' } }
}
