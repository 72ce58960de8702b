import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

// A tiny HTTP framework for the provider fakes: real servers on loopback, so the worker, the web
// app and the tests all talk to them over HTTP. Each fake counts what it was asked, for tests.
export type FakeRequest = { method: string; path: string; params: Record<string, string>; headers: IncomingMessage['headers']; body: unknown }
export type FakeResponse = { status: number; body?: unknown; headers?: Record<string, string> }
export type Handler = (req: FakeRequest) => FakeResponse | Promise<FakeResponse>

export type Fake = { name: string; url: string; counters: Map<string, number>; close: () => Promise<void> }

export async function startFake(name: string, port: number, routes: Record<string, Handler>): Promise<Fake> {
  const counters = new Map<string, number>()
  const table = Object.entries(routes).map(([key, handler]) => {
    const [method, pattern] = key.split(' ')
    const names: string[] = []
    const source = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\?:(\w+)/g, (_, n) => (names.push(n), '([^/]+)'))
    return { key, method, regex: new RegExp(`^${source}$`), names, handler }
  })
  const server: Server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://fake').pathname
    let reply: FakeResponse
    try {
      if (req.method === 'GET' && path === '/__fake') {
        reply = { status: 200, body: { name, counters: Object.fromEntries(counters) } }
      } else {
        const body = await readBody(req)
        const route = table.find((r) => r.method === req.method && r.regex.test(path))
        if (!route) {
          reply = { status: 404, body: { error: { message: `${name} fake has no route ${req.method} ${path}` } } }
        } else {
          counters.set(route.key, (counters.get(route.key) ?? 0) + 1)
          const match = route.regex.exec(path)!
          const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(match[i + 1])]))
          reply = await route.handler({ method: req.method!, path, params, headers: req.headers, body })
        }
      }
    } catch (error) {
      reply = { status: 500, body: { error: { message: String(error) } } }
    }
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers })
    res.end(reply.body === undefined ? '' : JSON.stringify(reply.body))
  })
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { name, url, counters, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const text = Buffer.concat(chunks).toString('utf8')
  if (!text) return undefined
  if ((req.headers['content-type'] ?? '').includes('application/json')) return JSON.parse(text)
  return Object.fromEntries(new URLSearchParams(text))
}
