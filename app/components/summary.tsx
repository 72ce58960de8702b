import { usNational } from '../../core/rules'
import type { ReactNode } from 'react'
import { formatHours } from '~/lib/preview'
import { VERTICALS } from '../../core/data/verticals'
import { pagePath, type PageId } from '~/wizard'
import type { Snapshot } from '../../core/snapshot'
import { statusOf } from './a2p-status'
import { A2pTimeline } from './a2p-timeline'

/** "Pacific Time" for America/Los_Angeles: how an owner names their time zone. */
const zoneName = (zone: string | null) => {
  if (!zone) return null
  try {
    return (
      new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longGeneric' })
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
const dollars = (n: number | null) => (n === null ? null : `$${n.toLocaleString('en-US')}`)
const range = (p: { min: number | null; max: number | null } | undefined) =>
  !p || (p.min === null && p.max === null)
    ? 'price on request'
    : p.min === null
      ? `up to ${dollars(p.max)}`
      : p.max === null
        ? `from ${dollars(p.min)}`
        : `${dollars(p.min)}–${dollars(p.max)}`

/** One part of the summary: what was set up on a page, and an Edit link to it. */
function Part({ title, page, children }: { title: string; page: PageId; children: ReactNode }) {
  return (
    <section aria-label={title} className="rounded-md border border-slate-200 p-4">
      <div className="flex items-baseline justify-between gap-2">
        <h3 className="font-medium">{title}</h3>
        <a className="text-sm text-blue-700 underline" href={pagePath(page)} aria-label={`Edit ${title.toLowerCase()}`}>
          Edit
        </a>
      </div>
      <div className="mt-1 space-y-0.5 text-sm text-slate-700">{children}</div>
    </section>
  )
}

// The summary of Finish, from the copier's document: business, number and hours, services and
// prices, calendar, registration.
export function Summary({ snapshot: s }: { snapshot: Snapshot }) {
  const kind = VERTICALS.find(([value]) => value === s.account.vertical)?.[1]
  const holidays = nextYear(s.number.holidays).length
  const registration = statusOf(
    { ...s.a2p, identityStatus: null, reason: null, reasonCode: null },
    s.flow.textingEligible,
  ).label
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Part title="Your business" page="account">
        <p className="font-medium text-slate-900">{s.account.displayName ?? 'No name yet'}</p>
        <p>{[kind, zoneName(s.account.timezone)].filter(Boolean).join(' · ')}</p>
      </Part>
      <Part title="Number and hours" page="number">
        <p className="font-medium text-slate-900">
          {phone(s.number.e164) ??
            (s.number.portIn.requested ? `Moving ${phone(s.number.portIn.phoneNumber)}` : 'No number yet')}
        </p>
        <p>
          {formatHours(s.number.hours, 'en')}
          {holidays ? ` · closed on ${holidays} holidays in the next 12 months` : ''}
        </p>
      </Part>
      <Part title="Services and prices" page="calmsg">
        <ul>
          {s.calmsg.topServices.map((name) => (
            <li key={name}>
              {name}: {range(s.calmsg.priceRanges[name])}
            </li>
          ))}
        </ul>
        <p>{s.calmsg.bilingual ? 'Texts in English and Spanish' : 'Texts in English'}</p>
      </Part>
      <Part title="Calendar" page="calmsg">
        <p>
          {s.calmsg.calendarConnected
            ? `Google Calendar, connected as ${s.calmsg.calendarAccountEmail ?? 'your account'}`
            : s.calmsg.calendarProvider === 'none'
              ? 'No calendar'
              : 'Not connected yet (you can connect it later)'}
        </p>
      </Part>
      <Part title="Texting registration" page="a2p">
        <p className="font-medium text-slate-900">{registration}</p>
        {s.a2p.legalBusinessName ? <p>{s.a2p.legalBusinessName}</p> : null}
        <A2pTimeline steps={s.a2p.timeline} timezone={s.account.timezone ?? 'America/New_York'} />
      </Part>
    </div>
  )
}
