import { useLocation } from '@remix-run/react'
import { PendingLine } from './pending-line'
import { useT, m } from '~/i18n'

const PROBLEMS = {
  invalid: m('That code is not right. Check the text and try again.'),
  expired: m('That code has expired. Press "Send a new code".'),
  provider: m('The registry did not answer. Try again in a minute.'),
}

/** "We texted a code to ...": the code, the time left of its 24 hours, Confirm and Resend. */
export function OtpPanel({
  phone,
  sentAt,
  error,
  checking,
}: {
  phone: string
  sentAt: string | null
  error: keyof typeof PROBLEMS | null
  checking: boolean
}) {
  const href = useLocation().pathname
  const { t } = useT()
  const left = sentAt ? Math.max(0, new Date(sentAt).getTime() + 24 * 3600_000 - Date.now()) : null
  const last4 = phone.replace(/\D/g, '').slice(-4)
  return (
    <section
      id="otp"
      aria-label={t('Confirm your mobile')}
      className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm"
    >
      <p className="font-medium">{t('We texted a code to (xxx) xxx-{{last4}}.', { last4 })}</p>
      <p className="text-slate-700">
        {t('Sole proprietors confirm their own mobile to register.')}{' '}
        {left === null
          ? null
          : left > 0
            ? t('The code works for {{hours}} h {{minutes}} min more.', {
                hours: Math.floor(left / 3600_000),
                minutes: Math.floor((left % 3600_000) / 60_000),
              })
            : t('The code has expired.')}
      </p>
      <div className="flex flex-wrap items-end gap-2">
        <label className="block">
          <span className="block">{t('Code')}</span>
          <input
            name="otp"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={12}
            className="mt-1 w-32 rounded-md border border-slate-300 px-3 py-2"
          />
        </label>
        <button
          type="submit"
          name="intent"
          value="verifyOtp"
          className="rounded-md bg-blue-700 px-4 py-2 font-medium text-white"
        >
          {t('Confirm code')}
        </button>
        <button type="submit" name="intent" value="resendOtp" className="rounded-md border border-slate-300 px-3 py-2">
          {t('Send a new code')}
        </button>
      </div>
      <PendingLine
        pending={checking}
        text={t('Checking your code…')}
        slowText={t('The registry has not answered yet.')}
        href={href}
      />
      {error && !checking ? (
        <p role="alert" data-testid="otp-error" className="text-red-700">
          {t(PROBLEMS[error])}
        </p>
      ) : null}
    </section>
  )
}
