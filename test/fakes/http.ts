import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

// A tiny HTTP framework for the provider fakes: real servers on loopback, so the worker, the web
// app and the tests all talk to them over HTTP. Each fake counts what it was asked, for tests.
// Switches force response paths; anyone can set them with POST /__fake/switches (JSON, merged) and
// clear them, with the counters, by POST /__fake/reset.
export type Switches = Record<string, unknown>
export type FakeRequest = {
  method: string
  path: string
  params: Record<string, string>
  query: URLSearchParams
  headers: IncomingMessage['headers']
  body: unknown
  rawBody: string
  switches: Switches
  count: (counter: string) => void
}
export type FakeResponse = {
  status: number
  body?: unknown
  raw?: Buffer
  headers?: Record<string, string>
  delayMs?: number
}
export type Handler = (req: FakeRequest) => FakeResponse | Promise<FakeResponse>

export type Fake = {
  name: string
  url: string
  counters: Map<string, number>
  switches: Switches
  close: () => Promise<void>
}

// A route's `/:name` segments are parameters; any other colon is literal (POST /brands/:id:submit).
export async function startFake(
  name: string,
  port: number,
  routes: Record<string, Handler>,
  onReset?: () => void,
): Promise<Fake> {
  const counters = new Map<string, number>()
  const switches: Switches = {}
  const count = (counter: string) => counters.set(counter, (counters.get(counter) ?? 0) + 1)
  const table = Object.entries(routes).map(([key, handler]) => {
    const [method, pattern] = key.split(' ')
    const names: string[] = []
    const source = pattern
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\/:(\w+)/g, (_, n) => (names.push(n), '/([^/]+)'))
    return { key, method, regex: new RegExp(`^${source}$`), names, handler }
  })
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake')
    const path = url.pathname
    let reply: FakeResponse
    try {
      const { body, rawBody } = await readBody(req)
      if (req.method === 'GET' && path === '/__fake') {
        reply = { status: 200, body: { name, counters: Object.fromEntries(counters), switches } }
      } else if (req.method === 'POST' && path === '/__fake/switches') {
        Object.assign(switches, body)
        reply = { status: 200, body: { switches } }
      } else if (req.method === 'POST' && path === '/__fake/reset') {
        counters.clear()
        for (const key of Object.keys(switches)) delete switches[key]
        onReset?.()
        reply = { status: 200, body: {} }
      } else {
        const route = table.find((r) => r.method === req.method && r.regex.test(path))
        if (!route) {
          reply = { status: 404, body: { error: { message: `${name} fake has no route ${req.method} ${path}` } } }
        } else {
          count(route.key)
          // Which correlation ids reached this provider, by route: a test follows one click here.
          const correlation = req.headers['correlation-id']
          if (typeof correlation === 'string') count(`correlation:${correlation}:${route.key}`)
          const match = route.regex.exec(path)!
          const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(match[i + 1])]))
          reply = await route.handler({
            method: req.method!,
            path,
            params,
            query: url.searchParams,
            headers: req.headers,
            body,
            rawBody,
            switches,
            count,
          })
        }
      }
    } catch (error) {
      reply = { status: 500, body: { error: { message: String(error) } } }
    }
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs))
    if (res.destroyed) return
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers })
    res.end(reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body)))
  })
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const close = () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve())))
  return { name, url, counters, switches, close }
}

async function readBody(req: IncomingMessage): Promise<{ body: unknown; rawBody: string }> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const rawBody = Buffer.concat(chunks).toString('utf8')
  if (!rawBody) return { body: undefined, rawBody }
  if ((req.headers['content-type'] ?? '').includes('application/json')) return { body: JSON.parse(rawBody), rawBody }
  return { body: Object.fromEntries(new URLSearchParams(rawBody)), rawBody }
}
