import { getCollectionProps, type FieldMetadata } from '@conform-to/react'
import { useT, m } from '~/i18n'

export type CalendarState = {
  connected: boolean
  email: string | null
  error: 'denied' | 'state' | 'expired' | 'provider' | null
}
const PROBLEMS = {
  denied: m('You pressed Deny, so your calendar is not connected. Connect again, or continue and connect it later.'),
  state: m(
    'That sign-in could not be matched to this page (it was used already or started elsewhere). Press Connect to try again.',
  ),
  expired: m('That sign-in took too long and expired. Press Connect to try again.'),
  provider: m('Google did not answer, so your calendar is not connected. Try again in a minute, or connect it later.'),
}

// The calendar choice, and the Google connection as links and one button (no JavaScript needed):
// Connect is a link to our /connect route, which sends the owner to Google and back.
// biome-ignore lint/suspicious/noExplicitAny: Conform's metadata of the page's input type
export function CalendarField({ meta, calendar }: { meta: FieldMetadata<any>; calendar: CalendarState }) {
  const { t, msg } = useT()
  return (
    <div id="calendar" className="space-y-2">
      <fieldset className="[&:has(input[value=none]:checked)_.google-only]:hidden">
        <legend className="text-sm font-medium">{t('Booking calendar')}</legend>
        <div className="mt-1 flex gap-4 text-sm">
          {getCollectionProps(meta, { type: 'radio', options: ['google', 'none'] }).map(({ key, ...props }) => (
            <label key={key} className="flex items-center gap-1.5">
              <input {...props} />
              {props.value === 'google' ? 'Google Calendar' : t('No calendar')}
            </label>
          ))}
        </div>
        <div className="google-only mt-2">
          {calendar.connected ? (
            <p className="flex flex-wrap items-center gap-3 text-sm">
              <span className="rounded-full bg-emerald-100 px-3 py-1 text-emerald-900" data-testid="calendar-connected">
                {t('Connected as {{email}}', { email: calendar.email })}
              </span>
              <button type="submit" name="intent" value="disconnect" className="text-blue-700 underline">
                {t('Disconnect')}
              </button>
            </p>
          ) : (
            <p className="flex flex-wrap items-center gap-3 text-sm">
              <a
                href="/onboarding/calmsg/connect"
                className="rounded-md border border-blue-700 px-3 py-1.5 font-medium text-blue-700 hover:bg-blue-50"
              >
                {t('Connect Google Calendar')}
              </a>
              <span className="text-slate-600">{t('or connect it later: just press Continue.')}</span>
            </p>
          )}
        </div>
        <p id={meta.errorId} className="min-h-5 text-sm text-red-700">
          {msg(meta.errors?.[0])}
        </p>
      </fieldset>
      {calendar.error && !calendar.connected ? (
        <p role="alert" className="text-sm text-red-700" data-testid="calendar-error">
          {t(PROBLEMS[calendar.error])}
        </p>
      ) : null}
    </div>
  )
}
