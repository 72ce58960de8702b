import { spawn, type ChildProcess } from 'node:child_process'
import http from 'node:http'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import net from 'node:net'
import { afterAll } from 'vitest'
import { loginFor } from '../../dev/stack'
import { fakeEnv, startFakes } from '../fakes/index'
import { until } from './wait'
import { dataUrl, plainReply, routeIdOf } from './single-fetch'

// The real web server (server/index.ts on the build `npm test` makes) and real worker processes,
// on a test file's own database and fakes, for tests that go through HTTP as a browser would.
export const BUILD = 'build/server/index.js'
export const hasBuild = () => existsSync(BUILD)

/**
 * A port (or `span` ports in a row, for the fakes) nothing listens on, below the kernel's ephemeral
 * range (32768-60999 here): a port the kernel hands out for listen(0) is also one it hands out for
 * outgoing connections, and one was taken that way before the server listened on it. Every port of
 * the span is tried, and none is handed out twice by this process.
 */
const handedOut = new Set<number>()
export async function freePort(span = 1): Promise<number> {
  const free = (port: number) =>
    new Promise<boolean>((resolve) => {
      const server = net.createServer().once('error', () => resolve(false))
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
    })
  for (;;) {
    const base = 10_000 + Math.floor(Math.random() * (22_000 - span))
    const ports = Array.from({ length: span }, (_, i) => base + i)
    if (ports.some((p) => handedOut.has(p))) continue
    if ((await Promise.all(ports.map(free))).every(Boolean)) {
      for (const p of ports) handedOut.add(p)
      return base
    }
  }
}

type Proc = {
  child: ChildProcess
  output: () => string
  exited: Promise<number | null>
  stop: (signal?: NodeJS.Signals) => Promise<void>
  /** Waits for a line: the output comes through a pipe, and may arrive after the HTTP answer that caused it. */
  logged: (pattern: RegExp) => Promise<boolean>
}

// Every process a test file started and has not seen exit. A worker started inside a test (a second
// worker after the first was killed) registers an afterAll vitest never runs, and was left running
// after the suite, polling its dropped database: the file's own afterAll stops what is left.
const running = new Set<ChildProcess>()
afterAll(() => {
  for (const child of running) child.kill('SIGKILL')
})

function run(args: string[], env: Record<string, string>): Proc {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    env: { ...process.env, NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  running.add(child)
  child.once('exit', () => running.delete(child))
  let output = ''
  child.stdout!.on('data', (c) => (output += c))
  child.stderr!.on('data', (c) => (output += c))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal)
    await exited
  }
  const logged = (pattern: RegExp) => until(`a line matching ${pattern}`, async () => pattern.test(output))
  return { child, output: () => output, exited, stop, logged }
}

/** The provider fakes on free ports, and the settings that point the app and worker at them. */
export async function fakesFor() {
  const { fakes, close } = await startFakes(0)
  afterAll(close)
  const url = (name: string) => fakes.find((f) => f.name === name)!.url
  const env = fakeEnv(fakes)
  const fake = (name: string) => ({
    url: url(name),
    switches: (body: object) =>
      fetch(`${url(name)}/__fake/switches`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    reset: () => fetch(`${url(name)}/__fake/reset`, { method: 'POST' }),
    counters: async () =>
      ((await (await fetch(`${url(name)}/__fake`)).json()) as { counters: Record<string, number> }).counters,
  })
  return { env, fake }
}

/** The web server as it runs in production: a login in ob_app, under row-level security. */
/** The built web server as the app's login; `through` rewrites its database URL (to a proxy, say). */
export async function startWeb(env: Record<string, string>, o: { through?: (url: string) => string } = {}) {
  const port = await freePort()
  const login = await loginFor(env.DATABASE_URL, 'ob_app')
  const proc = run(['server/index.ts'], {
    ...env,
    DATABASE_URL: o.through ? o.through(login) : login,
    PORT: String(port),
  })
  const url = `http://localhost:${port}`
  afterAll(() => proc.stop())
  for (let i = 0; i < 200; i++) {
    if (
      await fetch(`${url}/dev/sign-in`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { ...proc, url, browser: () => new Browser(url) }
    if (proc.child.exitCode !== null) break
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`web server did not start:\n${proc.output()}`)
}

export function startWorker(env: Record<string, string>) {
  const proc = run(['tasks/worker.ts'], env)
  afterAll(() => proc.stop('SIGKILL'))
  return proc
}

type Fields = Record<string, string | string[]> | FormData | URLSearchParams

/**
 * What a browser sends: the session cookie, Origin and Sec-Fetch-* headers. `js: true` posts as
 * Remix's fetchers do (single fetch: `<path>.data`, the reply decoded to JSON); `js: false` as a
 * plain form navigation.
 */
export class Browser {
  cookie = ''
  constructor(readonly url: string) {}

  async signIn(persona = 'verified', owner = `t-${randomBytes(5).toString('hex')}`) {
    const res = await this.post('/dev/sign-in', { persona, owner }, { js: false })
    if (res.status !== 302) throw new Error(`sign-in answered ${res.status}`)
    return this
  }

  get(path: string) {
    return this.send(path, {
      method: 'GET',
      headers: { 'sec-fetch-mode': 'navigate', 'sec-fetch-site': 'same-origin' },
    })
  }

  /** The page's loader data, as a revalidation fetches it (decoded to JSON). */
  async data(path: string) {
    const route = routeIdOf(path)
    const res = await this.send(dataUrl(path, route), {
      method: 'GET',
      headers: { 'sec-fetch-mode': 'cors', 'sec-fetch-site': 'same-origin' },
    })
    return plainReply(res, route)
  }

  post(
    path: string,
    fields: Fields,
    { js = true, headers = {} }: { js?: boolean; headers?: Record<string, string> } = {},
  ) {
    const body =
      fields instanceof FormData || fields instanceof URLSearchParams
        ? fields
        : new URLSearchParams(Object.entries(fields).flatMap(([k, v]) => [v].flat().map((x) => [k, x])))
    const reply = this.send(js ? dataUrl(path) : path, {
      method: 'POST',
      body,
      headers: {
        origin: this.url,
        'sec-fetch-site': 'same-origin',
        'sec-fetch-mode': js ? 'cors' : 'navigate',
        ...headers,
      },
    })
    return js ? reply.then((res) => plainReply(res)) : reply
  }

  /** node:http, not fetch: fetch sets Sec-Fetch-Mode itself, and a browser's headers are the point here. */
  async send(
    path: string,
    init: { method: string; headers: Record<string, string>; body?: BodyInit | ReadableStream },
  ) {
    let body: Buffer | ReadableStream | undefined
    const headers: Record<string, string> = { ...init.headers, cookie: this.cookie }
    if (init.body instanceof ReadableStream) body = init.body
    else if (init.body !== undefined) {
      const encoded = new Response(init.body as BodyInit)
      headers['content-type'] ??= encoded.headers.get('content-type')!
      body = Buffer.from(await encoded.arrayBuffer())
    }
    const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const req = http.request(`${this.url}${path}`, { method: init.method, headers }, resolve).once('error', reject)
      if (body instanceof ReadableStream) {
        void (async () => {
          for await (const chunk of body as unknown as AsyncIterable<Uint8Array>)
            if (!req.write(chunk)) await new Promise((r) => req.once('drain', r))
          req.end()
        })().catch(() => req.destroy())
      } else req.end(body)
    })
    const chunks: Buffer[] = []
    for await (const chunk of res) chunks.push(chunk as Buffer)
    const set = res.headers['set-cookie']?.[0]
    if (set) this.cookie = set.split(';')[0]
    const status = res.statusCode!
    const responseHeaders = new Headers(
      Object.entries(res.headers).flatMap(([k, v]) => [v ?? []].flat().map((x) => [k, x] as [string, string])),
    )
    return new Response([204, 304].includes(status) ? null : Buffer.concat(chunks), {
      status,
      headers: responseHeaders,
    })
  }
}
