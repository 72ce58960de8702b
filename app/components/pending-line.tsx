import { useRevalidator } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'
import { useLiveChanges } from '~/kit/live'
import { useT } from '~/i18n'

/**
 * One quiet line while a job the page waits for has not landed. With JavaScript the page reads its
 * data again when its tenant changes (the page's stream, kit/live.tsx), and on a timer only while
 * the stream is not open: every `everyMs`, then every `slowEveryMs` after `patienceMs`. Without
 * JavaScript the line carries a refresh link. After `patienceMs` it says what is happening instead
 * of spinning forever, so a page left open still shows the outcome when it lands.
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
  // The latest revalidator, read by the timer and the stream (their first one would go stale).
  const { t } = useT()
  const live = useRevalidator()
  const revalidator = useRef(live)
  revalidator.current = live
  const again = useRef(false)
  const changes = useLiveChanges()
  const [streaming, setStreaming] = useState(false)
  const [slow, setSlow] = useState(false)
  // One read at a time: a change during a read asks for one more after it.
  const read = () => {
    if (revalidator.current.state === 'idle') revalidator.current.revalidate()
    else again.current = true
  }
  useEffect(() => {
    if (live.state === 'idle' && again.current) {
      again.current = false
      live.revalidate()
    }
  }, [live])
  // biome-ignore lint/correctness/useExhaustiveDependencies: the stream opens and closes with `pending`; read() reads refs
  useEffect(() => {
    if (!pending || !changes) return
    return changes.subscribe({
      changed: read,
      // Open (again): what changed before it opened was not streamed, so read once now.
      live: (open) => {
        setStreaming(open)
        if (open) read()
      },
    })
  }, [pending, changes])
  useEffect(() => {
    if (!pending) return
    const timer = setTimeout(() => setSlow(true), patienceMs)
    return () => clearTimeout(timer)
  }, [pending, patienceMs])
  // biome-ignore lint/correctness/useExhaustiveDependencies: the timer runs while pending and not streaming; the rest are read live or fixed
  useEffect(() => {
    if (!pending || streaming) return
    const started = Date.now()
    let last = started
    const timer = setInterval(() => {
      const now = Date.now()
      const late = now - started > patienceMs
      if (now - last < (late ? slowEveryMs : everyMs) - 50 || revalidator.current.state !== 'idle') return
      last = now
      revalidator.current.revalidate()
    }, everyMs)
    return () => clearInterval(timer)
  }, [pending, streaming])
  if (!pending) return null
  return (
    <p role="status" className="text-sm text-slate-600">
      {slow ? slowText : text}{' '}
      <a className="text-blue-700 underline" href={href}>
        {t('Refresh')}
      </a>
    </p>
  )
}
