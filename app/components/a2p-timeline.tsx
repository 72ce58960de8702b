import { useT, m } from '~/i18n'
// The registration as one short timeline (Page 4 and the summary): the date each step happened,
// and for a step under way the dates it usually takes (ob_a2p_timeline, from typical durations),
// said as "usually", and "taking longer than usual" once they have gone by. Dates are shown in the
// business's timezone on the server and in the browser alike.
type Step = {
  step: string
  status: string
  at: string | null
  usuallyFrom: string | null
  usuallyBy: string | null
  late: boolean
}

const NAMES: Record<string, string> = {
  brand: m('Business registered'),
  code: m('Code confirmed'),
  campaign: m('Carriers approve your texts'),
  binding: m('Number enabled for texting'),
}

export function A2pTimeline({ steps, timezone }: { steps: Step[]; timezone: string }) {
  const { t, lang } = useT()
  if (steps.length === 0) return null
  const day = (iso: string) =>
    new Date(iso).toLocaleDateString(lang === 'es' ? 'es-US' : 'en-US', {
      month: 'short',
      day: 'numeric',
      timeZone: timezone,
    })
  const when = (s: Step) => {
    if (s.status === 'done') return s.at ? day(s.at) : t('done')
    if (s.status === 'failed') return t('turned down')
    if (s.status === 'waiting') return t('waiting for you to type the code')
    if (s.status === 'notStarted') return t('after the step above')
    if (s.late) return t('taking longer than usual; carriers have not answered yet')
    if (s.usuallyFrom && s.usuallyBy && day(s.usuallyFrom) !== day(s.usuallyBy))
      return t('usually {{from}} to {{by}}', { from: day(s.usuallyFrom), by: day(s.usuallyBy) })
    return s.usuallyBy ? t('usually by {{by}}', { by: day(s.usuallyBy) }) : t('under way')
  }
  return (
    <ol data-testid="a2p-timeline" aria-label={t('Registration timeline')} className="space-y-1 text-sm">
      {steps.map((s) => (
        <li key={s.step} data-status={s.status} className="flex gap-2">
          <span
            aria-hidden
            className={
              s.status === 'done' ? 'text-emerald-700' : s.status === 'failed' ? 'text-red-700' : 'text-slate-400'
            }
          >
            {s.status === 'done' ? '✓' : s.status === 'failed' ? '✗' : '○'}
          </span>
          <span>
            <span className="font-medium">{t(NAMES[s.step] ?? s.step)}</span> ·{' '}
            <span className="text-slate-600">{when(s)}</span>
          </span>
        </li>
      ))}
    </ol>
  )
}
