import { reasonFix } from '../../core/data/a2p-reasons'
import { useT, m } from '~/i18n'

type Status = {
  submittedAt: string | null
  brandPhase: string | null
  identityStatus: string | null
  campaignPhase: string | null
  bindingPhase: string | null
  reason: string | null
  reasonCode: string | null
}
export const rejected = (s: Status) =>
  s.brandPhase === 'FAILED' || s.campaignPhase === 'REJECTED' || s.bindingPhase === 'FAILED'

/** The registration in one pill: where it is, from our database (the jobs keep it current). */
export function statusOf(s: Status, eligible: boolean): { label: string; tone: string } {
  // English keys: the pill words them in the owner's language.
  if (eligible) return { label: m('Texting enabled'), tone: 'bg-emerald-100 text-emerald-900' }
  if (rejected(s) && s.reasonCode === 'PAUSED') return { label: m('Paused'), tone: 'bg-amber-100 text-amber-900' }
  if (rejected(s)) return { label: m('Turned down'), tone: 'bg-red-100 text-red-900' }
  if (!s.submittedAt) return { label: m('Not submitted'), tone: 'bg-slate-100 text-slate-800' }
  if (s.brandPhase === 'VETTED' && s.identityStatus === 'UNVERIFIED')
    return { label: m('Waiting for your code'), tone: 'bg-amber-100 text-amber-900' }
  return {
    label: s.campaignPhase ? m('Submitted · carriers reviewing') : m('Submitted · registry checking'),
    tone: 'bg-sky-100 text-sky-900',
  }
}

export function StatusPill({ status, eligible }: { status: Status; eligible: boolean }) {
  const { t } = useT()
  const { label, tone } = statusOf(status, eligible)
  return (
    <span data-testid="a2p-status" className={`inline-block rounded-full px-3 py-1 text-sm font-medium ${tone}`}>
      {t(label)}
    </span>
  )
}

/** A rejection: one line, and a Fix link to the field that changes it. */
export function RejectionLine({ status }: { status: Status }) {
  const { t } = useT()
  if (!rejected(status)) return null
  const fix = reasonFix(status.reasonCode, status.reason)
  return (
    <p role="alert" id="reason" data-testid="a2p-reason" className="rounded bg-red-50 px-3 py-2 text-sm text-red-900">
      {t(fix.line, fix.values)}{' '}
      {fix.field ? (
        <a className="font-medium text-blue-700 underline" href={`#${fix.field}`}>
          {t('Fix')}
        </a>
      ) : null}
      {fix.final ? null : (
        <span className="block text-xs text-red-800">
          {t(
            'Change what it says, then press Resubmit: a resubmission may cost $15 (the registry charges each review).',
          )}
        </span>
      )}
    </p>
  )
}
