import { useT } from '~/i18n'

type Details = {
  business: string | null
  name: string | null
  address: string | null
  email: string | null
  phone: string | null
  optIn: string
  stopHelp: string
}

// The hosted privacy policy and SMS terms. Carriers' reviewers read the English page (the default,
// whatever their browser asks for); a Spanish one is linked from it for the business's customers.
// The opt-in and STOP/HELP lines are the campaign's own, in English as registered.

const Contact = ({ d }: { d: Details }) => {
  const { t } = useT()
  return <p>{t('Questions: {{contact}}', { contact: [d.email, d.phone, d.address].filter(Boolean).join(' · ') })}</p>
}

/** "Versión en español" on the English page, "English version" on the Spanish one. */
function OtherLanguage() {
  const { lang } = useT()
  return lang === 'es' ? (
    <a href="?" lang="en" className="text-blue-700 underline">
      English version
    </a>
  ) : (
    <a href="?lng=es" lang="es" className="text-blue-700 underline">
      Versión en español
    </a>
  )
}

/** The business's names, or "This business" in the page's language. */
function named(d: Details, t: (k: string) => string) {
  return { business: d.business ?? t('This business'), name: d.name ?? t('This business') }
}

export function PrivacyPolicy({ d }: { d: Details }) {
  const { t } = useT()
  const n = named(d, t)
  return (
    <article className="prose mx-auto max-w-2xl space-y-3 p-6 text-sm">
      <OtherLanguage />
      <h1 className="text-xl font-semibold">{t('{{name}}: Privacy Policy', { name: n.name })}</h1>
      <p>
        {t(
          '{{business}} ("we") collects the phone number you call us from and the messages you send us, only to answer your enquiry, book and follow up on work you ask for.',
          { business: n.business },
        )}
      </p>
      <p>
        {t('When we miss your call, we may send you one text message about that call.')}{' '}
        <span lang="en">{d.optIn}</span>
      </p>
      <p>
        <strong>
          {t(
            'No mobile information will be shared with third parties or affiliates for marketing or promotional purposes.',
          )}
        </strong>{' '}
        {t(
          'Text messaging originator opt-in data and consent are not shared with any third party. We share data only with the providers that deliver our messages, as needed to deliver them.',
        )}
      </p>
      <p>{t('You can stop texts at any time: reply STOP. Reply HELP for help. Msg & data rates may apply.')}</p>
      <Contact d={d} />
    </article>
  )
}

export function SmsTerms({ d }: { d: Details }) {
  const { t } = useT()
  const n = named(d, t)
  return (
    <article className="prose mx-auto max-w-2xl space-y-3 p-6 text-sm">
      <OtherLanguage />
      <h1 className="text-xl font-semibold">{t('{{name}}: SMS Terms', { name: n.name })}</h1>
      <p>
        <strong>{t('Program:')}</strong> {t('{{name}} missed-call follow-up texts.', { name: n.name })}
      </p>
      <p>
        <strong>{t('How you join:')}</strong> <span lang="en">{d.optIn}</span>
      </p>
      <p>
        <strong>{t('Messages:')}</strong>{' '}
        {t(
          'replies about your call or enquiry (scheduling, quotes, follow-up). Frequency varies with your conversation, usually 1 to 5 messages per enquiry. No marketing.',
        )}
      </p>
      <p>
        <strong>{t('Msg & data rates may apply.')}</strong>{' '}
        {t('Carriers are not liable for delayed or undelivered messages.')}
      </p>
      <p>
        <strong>{t('Stop or help:')}</strong> <span lang="en">{d.stopHelp}</span>{' '}
        {t(
          'Reply STOP to cancel at any time; you will get one confirmation and no more messages. Reply HELP for help.',
        )}
      </p>
      <p>
        <strong>{t('Privacy:')}</strong>{' '}
        {t('mobile numbers are never shared with third parties for marketing. See our')}{' '}
        <a href="privacy">{t('privacy policy')}</a>.
      </p>
      <Contact d={d} />
    </article>
  )
}
