import { useRevalidator } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'

/**
 * One quiet line while a job the page waits for has not landed. With JavaScript the page reloads
 * its data every `everyMs` until the job is done; without, the line carries a refresh link.
 * After `patienceMs` it says what is happening instead of spinning forever, and goes on reading
 * every `slowEveryMs`, so a page left open still shows the outcome when it lands.
 */
export function PendingLine({
  pending,
  text,
  slowText,
  href,
  everyMs = 1000,
  slowEveryMs = 15_000,
  patienceMs = 30_000,
}: {
  pending: boolean
  text: string
  slowText: string
  href: string
  everyMs?: number
  slowEveryMs?: number
  patienceMs?: number
}) {
  // The latest revalidator, read by the timer (its state at the effect's start would go stale).
  const live = useRevalidator()
  const revalidator = useRef(live)
  revalidator.current = live
  const [slow, setSlow] = useState(false)
  // biome-ignore lint/correctness/useExhaustiveDependencies: the timer starts and stops with `pending`; the rest are read live or fixed
  useEffect(() => {
    if (!pending) return
    const started = Date.now()
    let last = started
    const timer = setInterval(() => {
      const now = Date.now()
      const late = now - started > patienceMs
      if (late) setSlow(true)
      if (now - last < (late ? slowEveryMs : everyMs) - 50 || revalidator.current.state !== 'idle') return
      last = now
      revalidator.current.revalidate()
    }, everyMs)
    return () => clearInterval(timer)
  }, [pending])
  if (!pending) return null
  return (
    <p role="status" className="text-sm text-slate-600">
      {slow ? slowText : text}{' '}
      <a className="text-blue-700 underline" href={href}>
        Refresh
      </a>
    </p>
  )
}
