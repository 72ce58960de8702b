import { Link } from '@remix-run/react'
import { PAGES, canOpen, pagePath } from '~/wizard'
import { useT } from '~/i18n'

type StepPage = { id: string; title: string; section: string | null; opensAt: string }

/**
 * One step per page of core/pages.ts, as many as there are (`pages` is for a test that adds one):
 * a data page shows its completion, Finish 100% once complete.
 */
export function Stepper({
  phase,
  completion,
  current,
  pages = PAGES,
}: {
  phase: string
  completion: Record<string, number>
  current: string
  pages?: readonly StepPage[]
}) {
  const { t } = useT()
  const at = pages.findIndex((p) => p.id === current)
  return (
    <nav aria-label={t('Setup steps')}>
      <ol className="flex gap-2 text-sm">
        {pages.map((page, i) => {
          const pct = page.section ? (completion[page.id] ?? 0) : phase === 'COMPLETE' ? 100 : 0
          // A phone's width has room for the step's number only; its title stays for screen readers.
          const label = (
            <>
              <span aria-hidden className="block font-medium sm:hidden">
                {i + 1}
              </span>
              <span className="sr-only font-medium sm:not-sr-only sm:block">{t(page.title)}</span>
              <span className="block text-xs text-slate-500">
                {pct}%<span className="hidden sm:inline"> {t('done')}</span>
              </span>
              <span aria-hidden className="mt-1 block h-1 rounded bg-slate-200">
                <span className="block h-1 rounded bg-emerald-600" style={{ width: `${pct}%` }} />
              </span>
            </>
          )
          const base = 'block rounded-md border p-2'
          return (
            <li key={page.id} className="min-w-0 flex-1">
              {canOpen(page.opensAt, phase) ? (
                <Link
                  to={pagePath(page.id)}
                  aria-current={page.id === current ? 'step' : undefined}
                  className={`${base} ${page.id === current ? 'border-blue-600 bg-white' : 'border-slate-200 bg-white hover:border-slate-400'}`}
                >
                  {label}
                </Link>
              ) : (
                <span aria-disabled="true" className={`${base} border-dashed border-slate-200 text-slate-400`}>
                  {label}
                </span>
              )}
            </li>
          )
        })}
      </ol>
      <p aria-hidden className="mt-2 text-sm font-medium text-slate-700 sm:hidden">
        {t('Step {{n}} of {{count}}: {{title}}', { n: at + 1, count: pages.length, title: t(pages[at]?.title ?? '') })}
      </p>
    </nav>
  )
}
