import { parsePhoneNumberFromString } from 'libphonenumber-js'
import { PendingLine } from './pending-line'

type BannerNumber = {
  e164: string | null
  state: string | null
  capabilities: { sms: boolean; mms: boolean; voice: boolean } | null
  provisionRequestedAt: string | null
  provisionError: 'busy' | 'unavailable' | null
  startPortIn: boolean
}

// The number result: what the provision_number job wrote, read from our database (never the
// provider). While the job runs: one line that refreshes itself with JavaScript, a link without.
export function NumberBanner({ number, href }: { number: BannerNumber; href: string }) {
  if (number.e164) {
    const caps = (['sms', 'mms', 'voice'] as const).filter((c) => number.capabilities?.[c]).map((c) => ({ sms: 'SMS', mms: 'MMS', voice: 'voice' })[c])
    return (
      <div data-testid="number-banner" className="rounded-md bg-emerald-50 p-4 text-emerald-950">
        <p className="text-sm">Your texting number is ready</p>
        <p className="text-2xl font-semibold tracking-wide">{parsePhoneNumberFromString(number.e164)?.formatNational() ?? number.e164}</p>
        <p className="text-sm">
          {number.state} · {caps.join(', ')}
        </p>
      </div>
    )
  }
  if (number.startPortIn && number.state === 'Porting') {
    return <p data-testid="number-banner" className="rounded-md bg-sky-50 p-4 text-sm text-sky-950">We will move your existing number (state: Porting). That takes a few days; you can go on meanwhile.</p>
  }
  if (number.provisionError) {
    return (
      <p role="alert" data-testid="number-problem" className="rounded-md bg-amber-50 p-3 text-sm text-amber-950">
        {number.provisionError === 'busy' ? 'Provider busy; try again' : 'Number unavailable; try again'}
      </p>
    )
  }
  return (
    <PendingLine
      pending={Boolean(number.provisionRequestedAt)}
      text="We're getting your number…"
      slowText="This is taking longer than usual: the phone company has not answered yet. We keep trying; this page updates when it is done."
      href={href}
    />
  )
}
