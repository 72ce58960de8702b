import { Link } from '@remix-run/react'
import { PAGES, canOpen, pagePath, type Completion, type PageId } from '~/wizard'

export function Stepper({ phase, completion, current }: { phase: string; completion: Completion; current: PageId }) {
  const at = PAGES.findIndex((p) => p.id === current)
  return (
    <nav aria-label="Setup steps">
      <ol className="grid grid-cols-5 gap-2 text-sm">
        {PAGES.map((page, i) => {
          const pct = page.completion ? completion[page.completion] : phase === 'COMPLETE' ? 100 : 0
          // A phone's width has room for the step's number only; its title stays for screen readers.
          const label = (
            <>
              <span aria-hidden className="block font-medium sm:hidden">
                {i + 1}
              </span>
              <span className="sr-only font-medium sm:not-sr-only sm:block">{page.title}</span>
              <span className="block text-xs text-slate-500">
                {pct}%<span className="hidden sm:inline"> done</span>
              </span>
              <span aria-hidden className="mt-1 block h-1 rounded bg-slate-200">
                <span className="block h-1 rounded bg-emerald-600" style={{ width: `${pct}%` }} />
              </span>
            </>
          )
          const base = 'block rounded-md border p-2'
          return (
            <li key={page.id}>
              {canOpen(page.id, phase) ? (
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
        Step {at + 1} of {PAGES.length}: {PAGES[at]?.title}
      </p>
    </nav>
  )
}
