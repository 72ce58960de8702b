import cluster from 'node:cluster'
import { statSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createRequestHandler } from '@remix-run/express'
import { broadcastDevReady, installGlobals, type ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import morgan from 'morgan'
import { processesWanted, runPrimary } from './cluster'
import { refuseUnsafeLogin } from './preflight'
import { bodyLimit, cspNonce, sameOriginOnly, securityHeaders } from './security'

// Shared with the app's bundle (app/lib/health.server.ts, app/lib/db.server.ts): the stop has begun,
// and the pool to end once the requests are done.
declare global {
  var __obDraining: boolean | undefined
}

// The web server: what remix-serve does (compression, the built assets, the Remix handler), plus
// the checks every request passes (server/security.ts) and keep-alive timings that never drop a
// request. `npm start` runs it on the production build; `npm run dev` runs it under `remix dev`,
// which restarts it on every rebuild. In production it runs one process per core (server/cluster.ts).
const mode = process.env.NODE_ENV ?? 'production'
process.env.NODE_ENV = mode
const processes = processesWanted(mode)
if (cluster.isPrimary && processes > 1) runPrimary(processes)
else await serve()

async function serve() {
  const unsafe = await refuseUnsafeLogin(process.env.DATABASE_URL)
  if (unsafe) {
    console.error(`Configuration error: ${unsafe}`)
    process.exit(1)
  }
  const buildPath = path.resolve('build/index.js')
  const build = (await import(`${pathToFileURL(buildPath).href}?t=${statSync(buildPath).mtimeMs}`)) as ServerBuild
  // Node's own fetch, Request and Headers (undici), not Remix's JavaScript polyfill: a profile of
  // autosaves at 32 owners showed the polyfill's Request and Headers among the costs of a request.
  installGlobals({ nativeFetch: true })

  const app = express()
  app.disable('x-powered-by')
  // While stopping, each answer closes its connection, so no client sends another request on it.
  app.use((_req, res, next) => (globalThis.__obDraining && res.setHeader('connection', 'close'), next()))
  // Nothing here reads req.query (Remix reads the URL itself): Express need not parse it with qs.
  app.set('query parser', false)
  app.use(cspNonce)
  app.use(securityHeaders({ production: mode === 'production', devOrigin: mode === 'development' ? process.env.REMIX_DEV_ORIGIN : undefined }))
  // Pages and their data are compressed; an action's reply (an autosave's, a few hundred bytes,
  // streamed without a length) is not worth a compression stream each: gzip was a fifth of the
  // server's CPU under an autosave load.
  const compress = compression()
  app.use((req, res, next) => (req.method === 'POST' ? next() : compress(req, res, next)))
  app.use(build.publicPath, express.static(build.assetsBuildDirectory, { immutable: true, maxAge: '1y' }))
  app.use(morgan('tiny', { skip: () => mode === 'test' }))
  app.use(sameOriginOnly)
  app.use(bodyLimit)
  app.all('*', createRequestHandler({ build, mode, getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce as string }) }))

  const port = Number(process.env.PORT ?? 3000)
  const server = app.listen(port, () => {
    console.log(`Web server on http://localhost:${port}`)
    if (mode === 'development') void broadcastDevReady(build)
  })
  // Clients and load balancers reuse idle connections; Node's 5 s default closes them just as a
  // request may be on its way, and that request is lost. Stay open longer than they do.
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 66_000
  // An orderly stop: /readyz turns 503 at once and every answer closes its connection; after
  // SHUTDOWN_DELAY_MS (the load balancer's time to see /readyz and stop sending) the server stops
  // accepting, requests in flight finish (at most 10 s more), and only then the database pool ends.
  // In a cluster, the channel to the primary would keep the process alive: it is let go too.
  const delayMs = Number(process.env.SHUTDOWN_DELAY_MS ?? (mode === 'production' ? 2000 : 0))
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      globalThis.__obDraining = true
      setTimeout(() => {
        server.close(async () => {
          await globalThis.__obSql?.end({ timeout: 5 })
          if (process.connected) process.disconnect()
        })
        setTimeout(() => server.closeAllConnections(), 10_000).unref()
      }, delayMs).unref()
    })
  }
  // A process of the cluster goes when its primary does, however the primary died.
  if (cluster.isWorker) process.once('disconnect', () => server.close(() => process.exit(0)))
}
