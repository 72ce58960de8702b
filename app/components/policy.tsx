type Details = {
  business: string
  name: string
  address: string | null
  email: string | null
  phone: string | null
  optIn: string
  stopHelp: string
}

const Contact = ({ d }: { d: Details }) => <p>Questions: {[d.email, d.phone, d.address].filter(Boolean).join(' · ')}</p>

export function PrivacyPolicy({ d }: { d: Details }) {
  return (
    <article className="prose mx-auto max-w-2xl space-y-3 p-6 text-sm">
      <h1 className="text-xl font-semibold">{d.name}: Privacy Policy</h1>
      <p>
        {d.business} ("we") collects the phone number you call us from and the messages you send us, only to answer your
        enquiry, book and follow up on work you ask for.
      </p>
      <p>When we miss your call, we may send you one text message about that call. {d.optIn}</p>
      <p>
        <strong>
          No mobile information will be shared with third parties or affiliates for marketing or promotional purposes.
        </strong>{' '}
        Text messaging originator opt-in data and consent are not shared with any third party. We share data only with
        the providers that deliver our messages, as needed to deliver them.
      </p>
      <p>You can stop texts at any time: reply STOP. Reply HELP for help. Msg &amp; data rates may apply.</p>
      <Contact d={d} />
    </article>
  )
}

export function SmsTerms({ d }: { d: Details }) {
  return (
    <article className="prose mx-auto max-w-2xl space-y-3 p-6 text-sm">
      <h1 className="text-xl font-semibold">{d.name}: SMS Terms</h1>
      <p>
        <strong>Program:</strong> {d.name} missed-call follow-up texts.
      </p>
      <p>
        <strong>How you join:</strong> {d.optIn}
      </p>
      <p>
        <strong>Messages:</strong> replies about your call or enquiry (scheduling, quotes, follow-up). Frequency varies
        with your conversation, usually 1 to 5 messages per enquiry. No marketing.
      </p>
      <p>
        <strong>Msg &amp; data rates may apply.</strong> Carriers are not liable for delayed or undelivered messages.
      </p>
      <p>
        <strong>Stop or help:</strong> {d.stopHelp} Reply STOP to cancel at any time; you will get one confirmation and
        no more messages. Reply HELP for help.
      </p>
      <p>
        <strong>Privacy:</strong> mobile numbers are never shared with third parties for marketing. See our{' '}
        <a href="privacy">privacy policy</a>.
      </p>
      <Contact d={d} />
    </article>
  )
}
