import { pool } from './db.server'
import { env } from './env.server'
import { log } from './log.server'

// Open pages told when their tenant changes (issue 22, part 4). SQL sends NOTIFY ob_changed with the
// tenant on every write of its flow row (migration 000039); each web process LISTENs on one
// connection and passes it, in memory, to the streams of that tenant's open pages. A stream says
// only "changed": the page reads its own data again through its loader, as the owner's.

type Stream = { changed: () => void; close: () => void }
type Live = { tenants: Map<string, Set<Stream>>; open: number; listening: Promise<unknown> | null }

declare global {
  // Survives Remix dev rebuilds, so a rebuild neither listens twice nor forgets its streams.
  var __obLive: Live | undefined
}
const live = (): Live => {
  if (!globalThis.__obLive) {
    globalThis.__obLive = { tenants: new Map(), open: 0, listening: null }
    // A stopping server waits for its open connections: streams end at the signal (server/shutdown.ts
    // then refuses new ones through __obDraining), and the pages poll meanwhile.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, closeStreams)
  }
  return globalThis.__obLive
}

/** LISTEN once per process, on a connection of its own (postgres.js listens again after a reconnect). */
function listen(l: Live) {
  l.listening ??= pool()
    .listen('ob_changed', (tenant) => {
      for (const s of l.tenants.get(tenant) ?? []) s.changed()
    })
    .catch((error) => {
      l.listening = null
      throw error
    })
  return l.listening
}

const HEARTBEAT_MS = 25_000
const encoder = new TextEncoder()

/**
 * A stream of the tenant's changes for one open page, or null when this process has as many open
 * as LIVE_STREAMS_MAX (the page then reads itself on a timer, as it does without streams). It
 * opens once this process listens, so nothing committed after its first line is missed; it ends
 * when the page goes (`signal`) or the process stops.
 */
export async function changesOf(tenantId: string, signal: AbortSignal): Promise<ReadableStream<Uint8Array> | null> {
  const l = live()
  if (l.open >= env().LIVE_STREAMS_MAX || globalThis.__obDraining) return null
  l.open++
  try {
    await listen(l)
  } catch (error) {
    l.open--
    log().warn(`live changes unavailable, pages poll instead: ${(error as Error).message}`)
    return null
  }
  let stream: Stream | undefined
  let heartbeat: NodeJS.Timeout | undefined
  const end = () => {
    if (!stream) return
    clearInterval(heartbeat)
    const own = l.tenants.get(tenantId)
    own?.delete(stream)
    if (own?.size === 0) l.tenants.delete(tenantId)
    l.open--
    stream = undefined
  }
  return new ReadableStream({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text))
        } catch {
          end()
        }
      }
      stream = {
        changed: () => send('data: changed\n\n'),
        close: () => {
          end()
          controller.close()
        },
      }
      if (!l.tenants.has(tenantId)) l.tenants.set(tenantId, new Set())
      l.tenants.get(tenantId)!.add(stream)
      // How long the browser waits before it connects again; then a comment line, so the browser
      // knows it is open (and proxies that buffer see bytes at once).
      send('retry: 3000\n: open\n\n')
      heartbeat = setInterval(() => send(': ping\n\n'), HEARTBEAT_MS).unref()
      signal.addEventListener('abort', end, { once: true })
    },
    cancel: end,
  })
}

/** Ends every open stream (the process is stopping): the pages connect again elsewhere, or poll. */
export function closeStreams() {
  for (const streams of live().tenants.values()) for (const s of [...streams]) s.close()
}

/** How many streams this process has open (metrics, tests). */
export const openStreams = () => live().open
