import type { Server } from 'node:http'
import type express from 'express'
import onHeaders from 'on-headers'

/**
 * An orderly stop on SIGINT or SIGTERM. /readyz turns 503 at once (app/lib/health.server.ts reads
 * __obDraining). The server stops accepting `delayMs` after the first /readyz probe answered since
 * (the load balancer has been told, and takes that long to stop sending), or `delayMs` after the
 * signal if no probe comes by then: at most twice `delayMs`. Counting from the signal alone, a
 * balancer slowed by a busy machine still opened connections after the listener had gone, and
 * those were reset. Requests in flight then finish (at most 10 s more), and only then the
 * database pool ends. In a cluster, the channel to the primary would keep the process alive: it is
 * let go too.
 */
export function orderlyStop(delayMs: number, onSignal: () => void) {
  let timer: NodeJS.Timeout | undefined
  let heard = false
  let stop = () => {}
  const later = () => {
    clearTimeout(timer)
    timer = setTimeout(stop, delayMs).unref()
  }
  return {
    /**
     * While stopping, every answer closes its connection, so no client sends another request on
     * it. The header is set as the answer's headers are written (on-headers, as compression does),
     * not when the request arrived: an answer begun before the stop and sent during it must close
     * its connection too, or its client reuses it just as server.close() drops idle connections,
     * and that request is reset (seen with a core busy, when a save outlasted the delay).
     */
    closeConnections: ((req, res, next) => {
      onHeaders(res, () => globalThis.__obDraining && res.setHeader('connection', 'close'))
      if (globalThis.__obDraining && req.url === '/readyz' && !heard)
        res.once('finish', () => heard || ((heard = true), later()))
      next()
    }) as express.RequestHandler,
    on(server: Server) {
      stop = () => {
        server.close(async () => {
          await globalThis.__obSql?.end({ timeout: 5 })
          if (process.connected) process.disconnect()
        })
        setTimeout(() => server.closeAllConnections(), 10_000).unref()
      }
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        process.once(signal, () => {
          globalThis.__obDraining = true
          onSignal()
          later()
        })
      }
    },
  }
}
