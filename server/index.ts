import { AsyncLocalStorage } from 'node:async_hooks'
import cluster from 'node:cluster'
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createRequestHandler } from '@remix-run/express'
import { installGlobals, type ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import { pinoHttp } from 'pino-http'
import { processesWanted, runPrimary } from './cluster'
import { logger, redactUrl } from './log'
import { answerPrimary, serveMetrics, timeRequests } from './metrics'
import { refuseUnsafeLogin } from './preflight'
import { bodyLimit, cspNonce, sameOriginOnly, securityHeaders } from './security'
import { orderlyStop } from './shutdown'

// The web server: what remix-serve does (compression, the built assets, the Remix handler), plus
// the checks every request passes (server/security.ts) and keep-alive timings that never drop a
// request. `npm start` runs it on the production build (`npm run build`, build/); under `npm run dev`
// it runs Vite in middleware mode, which builds each module when it is asked for and reloads the
// page on an edit. In production it runs one process per core (server/cluster.ts).
const mode = process.env.NODE_ENV ?? 'production'
process.env.NODE_ENV = mode
const processes = processesWanted(mode)
const metricsPort = process.env.METRICS_PORT ? Number(process.env.METRICS_PORT) : null
if (cluster.isPrimary && processes > 1) {
  runPrimary(processes)
  if (metricsPort) serveMetrics(metricsPort, 'Web server', { cluster: true }).unref()
} else await serve()

async function serve() {
  const unsafe = await refuseUnsafeLogin(process.env.DATABASE_URL)
  if (unsafe) {
    console.error(`Configuration error: ${unsafe}`)
    process.exit(1)
  }
  const hmrPort = Number(process.env.HMR_PORT ?? 24678)
  const vite =
    mode === 'development'
      ? await import('vite').then((v) => v.createServer({ server: { middlewareMode: true, hmr: { port: hmrPort } } }))
      : null
  const build = vite
    ? () => vite.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>
    : ((await import(pathToFileURL(path.resolve('build/server/index.js')).href)) as ServerBuild)
  // Node's own fetch, Request and Headers (undici), not Remix's JavaScript polyfill: a profile of
  // autosaves at 32 owners showed the polyfill's Request and Headers among the costs of a request.
  installGlobals({ nativeFetch: true })

  const app = express()
  app.disable('x-powered-by')
  // The load balancer's time to see /readyz answer 503 and stop sending.
  const delayMs = Number(process.env.SHUTDOWN_DELAY_MS ?? (mode === 'production' ? 2000 : 0))
  const metrics = cluster.isPrimary && metricsPort ? serveMetrics(metricsPort, 'Web server') : null
  const stopping = orderlyStop(delayMs, () => {
    metrics?.close()
    void vite?.close()
  })
  // Nothing here reads req.query (Remix reads the URL itself): Express need not parse it with qs.
  // Set before the first app.use, which builds Express's router with the parser of that moment (it
  // was set after it, and every request still went through qs: 5% of an autosave's CPU).
  app.set('query parser', false)
  app.use(stopping.closeConnections)
  app.use(cspNonce)
  app.use(
    securityHeaders({
      production: mode === 'production',
      devOrigin: vite ? `http://localhost:${hmrPort}` : undefined,
    }),
  )
  // Pages and their data are compressed; an action's reply (an autosave's, a few hundred bytes,
  // streamed without a length) is not worth a compression stream each: gzip was a fifth of the
  // server's CPU under an autosave load.
  const compress = compression()
  app.use((req, res, next) => (req.method === 'POST' ? next() : compress(req, res, next)))
  if (vite) app.use(vite.middlewares)
  else {
    // Vite names every built asset by its content: they never change.
    app.use('/assets', express.static('build/client/assets', { immutable: true, maxAge: '1y' }))
    app.use(express.static('build/client', { maxAge: '1h' }))
  }
  app.use(timeRequests())
  answerPrimary()
  app.use(requestLog())
  app.use(sameOriginOnly)
  app.use(bodyLimit)
  app.all(
    '*',
    createRequestHandler({ build, mode, getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce as string }) }),
  )

  const port = Number(process.env.PORT ?? 3000)
  const server = app.listen(port, () => logger().info(`Web server on http://localhost:${port}`))
  // Clients and load balancers reuse idle connections; Node's 5 s default closes them just as a
  // request may be on its way, and that request is lost. Stay open longer than they do.
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 66_000
  stopping.on(server)
  // A process of the cluster goes when its primary does, however the primary died.
  if (cluster.isWorker) process.once('disconnect', () => server.close(() => process.exit(0)))
}

/**
 * A JSON line per request (pino-http): its id (also the X-Request-Id answered, and the correlation
 * id of what it starts), method, URL with secret parameters redacted, status, time and tenant. Each
 * request runs as work of its own (db/context.server.ts): the app's own lines, the jobs it queues
 * and the ob_event rows it writes carry its id. Health probes are not logged.
 */
function requestLog(): express.RequestHandler {
  const work = (globalThis.__obWork ??= new AsyncLocalStorage())
  const http = pinoHttp({
    logger: logger(),
    genReqId: () => randomUUID(),
    quietReqLogger: true,
    autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, url: redactUrl(req.url) }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customProps: (_req, res) => ({ tenant: (res as express.Response).locals?.work?.tenantId }),
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: (req, res, ms) => `${req.method} ${redactUrl(req.url ?? '')} ${res.statusCode} ${ms} ms`,
    customErrorMessage: (req, res, error) =>
      `${req.method} ${redactUrl(req.url ?? '')} ${res.statusCode}: ${error.message}`,
  })
  return (req, res, next) =>
    http(req, res, () => {
      const id = String(req.id)
      res.locals.work = { correlationId: id }
      res.setHeader('x-request-id', id)
      work.run(res.locals.work, next)
    })
}
