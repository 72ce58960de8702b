import { useT } from '~/i18n'
export function VerifiedBadge({ label, verified, testId }: { label: string; verified: boolean; testId: string }) {
  const { t } = useT()
  return (
    <span
      data-testid={testId}
      className={`inline-flex items-center gap-1 rounded-full px-3 py-1 text-sm ${verified ? 'bg-emerald-100 text-emerald-900' : 'bg-amber-100 text-amber-900'}`}
    >
      <span aria-hidden>{verified ? '✓' : '!'}</span>
      {verified ? t('{{what}} verified', { what: label }) : t('{{what}} not verified', { what: label })}
    </span>
  )
}

/** Beside a value we filled in for the owner; it goes once they change the value. */
export function DefaultChip({ show }: { show: boolean }) {
  const { t } = useT()
  if (!show) return null
  return (
    <span className="ml-2 rounded-full bg-sky-100 px-2 py-0.5 text-xs font-normal text-sky-900">
      {t('Accepted defaults')}
    </span>
  )
}
