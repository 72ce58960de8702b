import { REASONS } from '../core/data/a2p-reasons'
import { m, type Lang } from '../core/i18n/languages'
import { translator } from '../core/i18n/translate'
import type { MailKind } from '../db/mail.server'

// What each mail to the owner says, in plain text and HTML, in the owner's language (the one they
// last chose on the pages: ob_flow.owner_lang). Plain words, one thing to do, links to
// the app (APP_URL). Never a secret or a code: the code a sole proprietor confirms is texted to
// them by the registry, the mail only says where it went.
export type MailFacts = {
  kind: MailKind
  lang: Lang
  base: string
  displayName: string | null
  ownerName: string | null
  mobileE164: string | null
  legalName: string | null
  brandType: string | null
  phase: string
  reasonCode: string | null
  remindersOffUrl: string
}
export type Message = { subject: string; text: string; html: string }

// Typical durations (docs: a2p-10dlc.md section 8): brand registration takes minutes to a day
// (TCR answers most brands at once; secondary vetting can take longer), campaign review at least
// about 48 hours and often several business days (SignalWire, Twilio's vetting notice), and
// carriers enable the number up to about 3 business days after approval (Telnyx).
const TIMING = m(
  'Registering your business usually takes minutes to a day. Carriers then review how you will text: at least two days, often up to a week, sometimes longer when they are busy. Texting starts once they approve.',
)

export function message(f: MailFacts): Message {
  const { t } = translator(f.lang)
  const page = (path: string) => `${f.base}${path}`
  const hello = f.ownerName ? t('Hello {{name}},', { name: f.ownerName.split(' ')[0] }) : t('Hello,')
  const name = { business: f.displayName ?? t('Your business') }
  switch (f.kind) {
    case 'submitted':
      return compose(
        f.lang,
        t('{{business}}: your texting registration is in', name),
        hello,
        [
          f.legalName
            ? t('We sent your texting registration to the carriers for {{legalName}} ({{kind}}).', {
                legalName: f.legalName,
                kind: f.brandType === 'SOLE_PROP' ? t('sole proprietor') : t('business with an EIN'),
              })
            : t('We sent your texting registration to the carriers ({{kind}}).', {
                kind: f.brandType === 'SOLE_PROP' ? t('sole proprietor') : t('business with an EIN'),
              }),
          t(TIMING),
          t('The registry charges about $4.50 for registering the business and $15 for each review of how you text.'),
          t(
            'You do not need to do anything now: we will email you when they answer, and your setup finishes by itself once they approve.',
          ),
        ],
        { label: t('See where it is'), href: page('/onboarding/a2p') },
      )
    case 'otp':
      return compose(
        f.lang,
        t('{{business}}: confirm the code we texted you', name),
        hello,
        [
          t(
            'The registry texted a code to {{mobile}}. Type it on the registration page to confirm you are the owner; nothing moves on until you do.',
            { mobile: masked(f.mobileE164) ?? t('your mobile') },
          ),
          t('No code? Open the page and press "Send a new code".'),
        ],
        { label: t('Confirm the code'), href: page('/onboarding/a2p#otp') },
      )
    case 'approved':
      return f.phase === 'FINALIZE' || f.phase === 'COMPLETE'
        ? compose(
            f.lang,
            t('{{business}}: texting is on and your setup is complete', name),
            hello,
            [
              t('Carriers approved your registration: texting is on for your number.'),
              t(
                'Your setup is complete. We are moving your business into your dashboard; there is nothing left to do here.',
              ),
            ],
            { label: t('Open your setup'), href: page('/onboarding/finalize') },
          )
        : compose(
            f.lang,
            t('{{business}}: texting is on, one click left', name),
            hello,
            [
              t('Carriers approved your registration: texting is on for your number.'),
              t('One click is left: look over your setup and press Finish.'),
            ],
            { label: t('Look over and finish'), href: page('/onboarding/finalize') },
          )
    case 'rejected': {
      const fix = f.reasonCode ? REASONS[f.reasonCode] : undefined
      if (f.reasonCode === 'PAUSED') {
        return compose(f.lang, t('{{business}}: your texting registration is paused', name), hello, [t(fix!.line)], {
          label: t('Try again'),
          href: page('/onboarding/a2p#reason'),
        })
      }
      return compose(
        f.lang,
        t('{{business}}: carriers turned down your texting registration', name),
        hello,
        [
          t(
            fix?.line ??
              m(
                'Carriers turned down your registration without saying why. Check your details, then resubmit, or contact support.',
              ),
          ),
          fix?.final
            ? t('This cannot be resubmitted: contact support.')
            : t('Fix it on the registration page, then press Resubmit (a resubmission may cost $15).'),
        ],
        { label: t('Fix it'), href: page(`/onboarding/a2p${fix?.field ? `#${fix.field}` : '#reason'}`) },
      )
    }
    case 'in_review':
      return compose(
        f.lang,
        t('{{business}}: carriers are still reviewing your registration', name),
        hello,
        [
          t(
            'It has been a week and carriers have not answered yet. This happens when they are busy; it is not a refusal, and there is nothing wrong on your side that we can see.',
          ),
          t('You can wait (we will email you when they answer) or open the page to check your details.'),
        ],
        { label: t('See where it is'), href: page('/onboarding/a2p') },
      )
    case 'reminder':
      return compose(
        f.lang,
        t('{{business}}: your setup is waiting for you', name),
        hello,
        [
          t(
            'You started setting up missed-call texts but have not finished. Most owners finish in a few minutes by accepting what we filled in.',
          ),
          t(
            'Texting needs a carrier registration, which takes days: the sooner you submit it, the sooner your callers get a text back.',
          ),
        ],
        { label: t('Carry on'), href: page('/onboarding') },
        t('Do not want these reminders? Turn them off: {{url}}', { url: f.remindersOffUrl }),
      )
  }
}

/** The last four digits of a US number: (xxx) xxx-1234. */
const masked = (e164: string | null) => (e164 && /^\+1\d{10}$/.test(e164) ? `(xxx) xxx-${e164.slice(-4)}` : null)

function compose(
  lang: Lang,
  subject: string,
  hello: string,
  lines: string[],
  link: { label: string; href: string },
  footer?: string,
): Message {
  const text = [
    hello,
    '',
    ...lines.flatMap((l) => [l, '']),
    `${link.label}: ${link.href}`,
    ...(footer ? ['', footer] : []),
  ].join('\n')
  const html = [
    `<!doctype html><html lang="${lang}"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#0f172a">`,
    `<p>${escapeHtml(hello)}</p>`,
    ...lines.map((l) => `<p>${escapeHtml(l)}</p>`),
    `<p><a href="${escapeHtml(link.href)}" style="background:#1d4ed8;color:#fff;padding:8px 16px;border-radius:6px;text-decoration:none">${escapeHtml(link.label)}</a></p>`,
    ...(footer ? [`<p style="font-size:12px;color:#475569">${escapeHtml(footer)}</p>`] : []),
    '</body></html>',
  ].join('\n')
  return { subject, text, html }
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
