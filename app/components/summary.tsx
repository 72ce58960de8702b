import { usd, usNational } from '../../core/rules'
import type { ReactNode } from 'react'
import { formatHours } from '~/lib/preview'
import { VERTICALS } from '../../core/data/verticals'
import { servicesFor } from '../../core/data/services'
import type { TFunction } from 'i18next'
import { pagePath, type PageId } from '~/wizard'
import type { Snapshot } from '../../core/snapshot'
import { statusOf } from './a2p-status'
import { A2pTimeline } from './a2p-timeline'
import { capital, useT } from '~/i18n'

/** "Pacific Time" for America/Los_Angeles: how an owner names their time zone. */
const zoneName = (zone: string | null, lang: string) => {
  if (!zone) return null
  try {
    return (
      new Intl.DateTimeFormat(lang === 'es' ? 'es-US' : 'en-US', { timeZone: zone, timeZoneName: 'longGeneric' })
        .formatToParts(new Date())
        .find((p) => p.type === 'timeZoneName')?.value ?? zone
    )
  } catch {
    return zone
  }
}
/** The holidays (YYYY-MM-DD) of the next 12 months: the list holds this year's and next year's. */
const nextYear = (days: string[], now = new Date()) => {
  const today = now.toISOString().slice(0, 10)
  const end = new Date(now.getTime() + 365 * 86_400_000).toISOString().slice(0, 10)
  return days.filter((d) => d >= today && d < end)
}
const phone = (e164: string | null) => (e164 ? usNational(e164) : null)
const dollars = (n: number | null) => (n === null ? null : usd(n))
const range = (p: { min: number | null; max: number | null } | undefined, t: TFunction) =>
  !p || (p.min === null && p.max === null)
    ? t('price on request')
    : p.min === null
      ? t('up to {{price}}', { price: dollars(p.max) })
      : p.max === null
        ? t('from {{price}}', { price: dollars(p.min) })
        : `${dollars(p.min)}–${dollars(p.max)}`

/** One part of the summary: what was set up on a page, and an Edit link to it. */
function Part({ title, page, children }: { title: string; page: PageId; children: ReactNode }) {
  const { t } = useT()
  return (
    <section aria-label={title} className="rounded-md border border-slate-200 p-4">
      <div className="flex items-baseline justify-between gap-2">
        <h3 className="font-medium">{title}</h3>
        <a
          className="text-sm text-blue-700 underline"
          href={pagePath(page)}
          aria-label={t('Edit: {{part}}', { part: title })}
        >
          {t('Edit')}
        </a>
      </div>
      <div className="mt-1 space-y-0.5 text-sm text-slate-700">{children}</div>
    </section>
  )
}

// The summary of Finish, from the copier's document: business, number and hours, services and
// prices, calendar, registration.
export function Summary({ snapshot: s }: { snapshot: Snapshot }) {
  const { t, lang } = useT()
  const vertical = VERTICALS.find(([value]) => value === s.account.vertical)?.[1]
  const kind = vertical && t(vertical)
  const holidays = nextYear(s.number.holidays).length
  const registration = statusOf(
    { ...s.a2p, identityStatus: null, reason: null, reasonCode: null },
    s.flow.textingEligible,
  ).label
  const services = Object.fromEntries(servicesFor(s.account.vertical).map((x) => [x.name, x.es]))
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Part title={t('Your business')} page="account">
        <p className="font-medium text-slate-900">{s.account.displayName ?? t('No name yet')}</p>
        <p>{[kind, zoneName(s.account.timezone, lang)].filter(Boolean).join(' · ')}</p>
      </Part>
      <Part title={t('Number and hours')} page="number">
        <p className="font-medium text-slate-900">
          {phone(s.number.e164) ??
            (s.number.portIn.requested
              ? t('Moving {{number}}', { number: phone(s.number.portIn.phoneNumber) })
              : t('No number yet'))}
        </p>
        <p>
          {formatHours(s.number.hours, lang)}
          {holidays ? ` · ${t('closed on {{count}} holidays in the next 12 months', { count: holidays })}` : ''}
        </p>
      </Part>
      <Part title={t('Services and prices')} page="calmsg">
        <ul>
          {s.calmsg.topServices.map((name) => (
            <li key={name}>
              {capital((lang === 'es' && services[name]) || name)}: {range(s.calmsg.priceRanges[name], t)}
            </li>
          ))}
        </ul>
        <p>{s.calmsg.bilingual ? t('Texts in English and Spanish') : t('Texts in English')}</p>
      </Part>
      <Part title={t('Calendar')} page="calmsg">
        <p>
          {s.calmsg.calendarConnected
            ? t('Google Calendar, connected as {{email}}', {
                email: s.calmsg.calendarAccountEmail ?? t('your account'),
              })
            : s.calmsg.calendarProvider === 'none'
              ? t('No calendar')
              : t('Not connected yet (you can connect it later)')}
        </p>
      </Part>
      <Part title={t('Texting registration')} page="a2p">
        <p className="font-medium text-slate-900">{t(registration)}</p>
        {s.a2p.legalBusinessName ? <p>{s.a2p.legalBusinessName}</p> : null}
        <A2pTimeline steps={s.a2p.timeline} timezone={s.account.timezone ?? 'America/New_York'} />
      </Part>
    </div>
  )
}
