import { usNational } from '../../core/rules'
import { useT } from '~/i18n'

type BannerNumber = {
  e164: string | null
  state: string | null
  capabilities: { sms: boolean; mms: boolean; voice: boolean } | null
  startPortIn: boolean
  changing: boolean
  provisionError: 'busy' | 'unavailable' | null
}

// The number result, read from our database (never the provider). What is still on its way is a
// blocker line the page shows above (NUMBER_PENDING and the like, said by SQL).
export function NumberBanner({ number }: { number: BannerNumber }) {
  const { t } = useT()
  if (number.e164) {
    const caps = (['sms', 'mms', 'voice'] as const)
      .filter((c) => number.capabilities?.[c])
      .map((c) => ({ sms: 'SMS', mms: 'MMS', voice: t('voice') })[c])
    return (
      <div data-testid="number-banner" className="rounded-md bg-emerald-50 p-4 text-emerald-950">
        <p className="text-sm">{t('Your texting number is ready')}</p>
        <p className="text-2xl font-semibold tracking-wide">{usNational(number.e164)}</p>
        <p className="text-sm">
          {number.state} · {caps.join(', ')}
        </p>
        {number.changing ? (
          <p role="status" className="mt-1 text-sm">
            {number.provisionError === 'unavailable'
              ? t('That area code has no numbers left; choose another under Change number.')
              : t('Your new number is on its way; this one works until then.')}
          </p>
        ) : null}
      </div>
    )
  }
  if (number.startPortIn && number.state === 'Porting') {
    return (
      <p data-testid="number-banner" className="rounded-md bg-sky-50 p-4 text-sm text-sky-950">
        {t('We will move your existing number (state: Porting). That takes a few days; you can go on meanwhile.')}
      </p>
    )
  }
  return null
}
