import { Link } from '@remix-run/react'
import { PAGES, canOpen, pagePath, type Completion, type PageId } from '~/wizard'

export function Stepper({ phase, completion, current }: { phase: string; completion: Completion; current: PageId }) {
  return (
    <nav aria-label="Setup steps">
      <ol className="grid grid-cols-5 gap-2 text-sm">
        {PAGES.map((page) => {
          const pct = page.completion ? completion[page.completion] : phase === 'COMPLETE' ? 100 : 0
          const label = (
            <>
              <span className="block font-medium [overflow-wrap:anywhere]">{page.title}</span>
              <span className="block text-xs text-slate-500">{pct}% done</span>
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
    </nav>
  )
}
