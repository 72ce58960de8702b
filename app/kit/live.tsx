import { createContext, useContext, useMemo, type ReactNode } from 'react'

// The page's stream of its tenant's changes (GET /events, platform/live.server.ts), one per open
// page, open while something on it waits for a result (a pending line). A change makes the
// waiting parts read the page's data again; they read on a timer only while the stream is not
// open (cannot connect, over the server's cap, reconnecting). Without JavaScript: the Refresh link.

type Subscriber = { changed: () => void; live: (open: boolean) => void }
type Live = { subscribe: (s: Subscriber) => () => void }
const LiveContext = createContext<Live | null>(null)

function liveChanges(url: string): Live {
  const subscribers = new Set<Subscriber>()
  let source: EventSource | null = null
  let open = false
  const tell = (now: boolean) => {
    open = now
    for (const s of subscribers) s.live(now)
  }
  return {
    subscribe(s) {
      subscribers.add(s)
      if (!source && typeof EventSource !== 'undefined') {
        source = new EventSource(url)
        source.onopen = () => tell(true)
        source.onmessage = () => {
          for (const each of subscribers) each.changed()
        }
        // The browser connects again by itself (unless the server refused: then it stays closed).
        source.onerror = () => tell(false)
      } else s.live(open)
      return () => {
        subscribers.delete(s)
        if (subscribers.size === 0) {
          source?.close()
          source = null
          open = false
        }
      }
    },
  }
}

export function LiveChanges({ children }: { children: ReactNode }) {
  const value = useMemo(() => liveChanges('/events'), [])
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>
}

/** The page's stream, for a part that waits (null outside <LiveChanges>, as in a test). */
export const useLiveChanges = () => useContext(LiveContext)
