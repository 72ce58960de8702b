import type { BlockerLine } from '~/wizard'

// Only blockers, one line each, with a Fix link: never a wall of text.
export function Blockers({ lines }: { lines: BlockerLine[] }) {
  if (lines.length === 0) return null
  return (
    <ul aria-label="Before you continue" className="space-y-1">
      {lines.map((line) => (
        <li key={line.code} data-blocker={line.code} className="flex items-center gap-2 rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <span>{line.text}</span>
          {line.fixHref ? (
            <a className="font-medium text-blue-700 underline" href={line.fixHref}>
              Fix
            </a>
          ) : null}
        </li>
      ))}
    </ul>
  )
}
