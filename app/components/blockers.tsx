import { useLocation } from '@remix-run/react'
import type { BlockerLine } from '~/wizard'
import { PendingLine } from './pending-line'
import { useT } from '~/i18n'

// Only blockers, one line each, with a Fix link: never a wall of text. A blocker that is something
// on its way (a job) is a line that refreshes the page until it is done.
export function PendingBlockers({ lines }: { lines: BlockerLine[] }) {
  const href = useLocation().pathname
  const { msg } = useT()
  return lines
    .filter((line) => line.pending)
    .map((line) => (
      <div key={line.code} data-blocker={line.code}>
        <PendingLine pending text={msg(line.text)} slowText={msg(line.pending!.slow)} href={href} />
      </div>
    ))
}

export function Blockers({ lines }: { lines: BlockerLine[] }) {
  const { t, msg } = useT()
  const open = lines.filter((line) => !line.pending)
  if (open.length === 0) return null
  return (
    <ul aria-label={t('Before you continue')} className="space-y-1">
      {open.map((line) => (
        <li
          key={line.code}
          data-blocker={line.code}
          className="flex items-center gap-2 rounded bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          <span>{msg(line.text)}</span>
          {line.fixHref ? (
            <a className="font-medium text-blue-700 underline" href={line.fixHref}>
              {t('Fix')}
            </a>
          ) : null}
        </li>
      ))}
    </ul>
  )
}
