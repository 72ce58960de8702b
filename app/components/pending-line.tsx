import { useRevalidator } from '@remix-run/react'
import { useEffect, useState } from 'react'

/**
 * One quiet line while a job the page waits for has not landed. With JavaScript the page reloads
 * its data every `everyMs` until the job is done; without, the line carries a refresh link.
 * After `patienceMs` it stops polling and says what is happening instead of spinning forever.
 */
export function PendingLine({ pending, text, slowText, href, everyMs = 1000, patienceMs = 30_000 }: {
  pending: boolean
  text: string
  slowText: string
  href: string
  everyMs?: number
  patienceMs?: number
}) {
  const revalidator = useRevalidator()
  const [slow, setSlow] = useState(false)
  useEffect(() => {
    if (!pending) return
    const started = Date.now()
    const timer = setInterval(() => {
      if (Date.now() - started > patienceMs) {
        setSlow(true)
        clearInterval(timer)
      } else if (revalidator.state === 'idle') revalidator.revalidate()
    }, everyMs)
    return () => clearInterval(timer)
    // eslint-disable-next-line react-hooks/exhaustive-deps
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
