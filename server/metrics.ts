import cluster from 'node:cluster'
import http from 'node:http'
import type { RequestHandler } from 'express'
import client from 'prom-client'
import { PAGES } from '../core/pages'
import { logger } from './log'

// Prometheus metrics (prom-client), on a port of their own (METRICS_PORT for the web server,
// WORKER_METRICS_PORT for the worker) that the load balancer does not expose: unset, none is served.
// In a cluster the primary answers for all its processes (prom-client's AggregatorRegistry).

/** A metric of the default registry, made once per process: the app's bundle, rebuilt by `npm run dev`, asks again. */
export function metric<M extends client.Metric>(name: string, make: () => M): M {
  return (client.register.getSingleMetric(name) as M | undefined) ?? make()
}

const duration = () =>
  metric(
    'ob_http_request_duration_seconds',
    () =>
      new client.Histogram({
        name: 'ob_http_request_duration_seconds',
        help: 'Web requests by route, method and status, and how long they took.',
        labelNames: ['route', 'method', 'status'],
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      }),
  )

// The app's routes (app/routes), the wizard's pages from core/pages.ts: anything else, a scanner's
// probes say, is one series, "other".
const KNOWN = new RegExp(
  `^/(onboarding(/(${PAGES.map((p) => p.id).join('|')})(/(callback|connect))?)?|dev/[a-z-]{1,20}|webhooks/(a2p|stripe)|mail/[a-z-]{1,20}|healthz|readyz|sign-out|language|events)?$`,
)

// A route, not a URL: ids and file names are one label value each, not one per tenant.
export function routeOf(path: string): string {
  const p = path.split('?')[0]
  if (p.startsWith('/assets/')) return '/assets/*'
  if (/^\/p\/[^/]+\/(privacy|terms)$/.test(p)) return p.replace(/^\/p\/[^/]+/, '/p/:tenant')
  if (p.startsWith('/uploads/')) return '/uploads/:name'
  const route = p.replace(/(.)\/$/, '$1')
  return KNOWN.test(route) ? route : 'other'
}

/** Times every request by route, method and status. */
export const timeRequests = (): RequestHandler => (req, res, next) => {
  const end = duration().startTimer()
  res.once('finish', () => end({ route: routeOf(req.originalUrl), method: req.method, status: String(res.statusCode) }))
  next()
}

/** Serves the process's metrics on `port`; a cluster primary's (`cluster`), those of all its processes, summed. */
export function serveMetrics(port: number, name: string, o: { cluster?: boolean } = {}) {
  const registry = o.cluster ? new client.AggregatorRegistry() : null
  const server = http.createServer(async (req, res) => {
    if (req.url !== '/metrics') return res.writeHead(404).end()
    try {
      const body = registry ? await registry.clusterMetrics() : await client.register.metrics()
      res.writeHead(200, { 'content-type': client.register.contentType }).end(body)
    } catch (error) {
      res.writeHead(500).end(String(error))
    }
  })
  server.listen(port, () => logger().info(`${name} metrics on http://localhost:${port}/metrics`))
  return server
}

/** A process of a web cluster answers its primary's requests for its metrics. */
export const answerPrimary = () => cluster.isWorker && new client.AggregatorRegistry()

// The process's own (CPU, memory, event loop lag), once per process.
if (!client.register.getSingleMetric('ob_process_cpu_seconds_total')) client.collectDefaultMetrics({ prefix: 'ob_' })
