export function VerifiedBadge({ label, verified, testId }: { label: string; verified: boolean; testId: string }) {
  return (
    <span
      data-testid={testId}
      className={`inline-flex items-center gap-1 rounded-full px-3 py-1 text-sm ${verified ? 'bg-emerald-100 text-emerald-900' : 'bg-amber-100 text-amber-900'}`}
    >
      <span aria-hidden>{verified ? '✓' : '!'}</span>
      {label} {verified ? 'verified' : 'not verified'}
    </span>
  )
}
