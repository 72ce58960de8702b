import net from 'node:net'
import { describe, expect, it } from 'vitest'
import { fakesFor, freePort, hasBuild, startWeb } from '../setup/app'
import { freshDatabase } from '../setup/db'

// The database goes away while an owner is signed in (issue 20, part 5): the page says to try again
// in a minute, with 503, instead of sending the owner to a sign-in page that production does not
// have. The web server reaches PostgreSQL through a TCP proxy this test cuts.
const { url } = await freshDatabase()
const { env } = await fakesFor()
const sockets = new Set<net.Socket>()
let open = true
const proxy = net.createServer((client) => {
  if (!open) return client.destroy()
  const target = new URL(url)
  const upstream = net.connect(Number(target.port), target.hostname)
  for (const s of [client, upstream]) {
    sockets.add(s)
    s.on('close', () => sockets.delete(s)).on('error', () => s.destroy())
  }
  client.pipe(upstream).pipe(client)
})
const proxyPort = await freePort()
await new Promise<void>((resolve) => proxy.listen(proxyPort, '127.0.0.1', resolve))
const through = (u: string) => Object.assign(new URL(u), { host: `127.0.0.1:${proxyPort}` }).toString()
const web = hasBuild() ? await startWeb({ DATABASE_URL: url, ...env }, { through }) : null

describe.runIf(hasBuild())('a database outage', () => {
  it('answers 503 with one plain line, and the page is back once the database is', async () => {
    const b = await web!.browser().signIn('verified')
    expect((await b.get('/onboarding/account')).status).toBe(200)
    open = false
    for (const s of sockets) s.destroy()
    const res = await b.get('/onboarding/account')
    expect(res.status).toBe(503)
    const page = (await res.text()).replaceAll('&#x27;', "'")
    expect(page).toContain("We're having trouble; try again in a minute.")
    expect(page).toContain('Everything you saved is still there.')
    expect(res.headers.get('location')).toBeNull()
    // The load balancer's view: alive, not ready, and why (issue 20, part 2).
    expect((await fetch(`${web!.url}/healthz`)).status).toBe(200)
    const ready = await fetch(`${web!.url}/readyz`)
    expect(ready.status).toBe(503)
    expect(await ready.text()).toMatch(/^not ready: the database (cannot be reached|did not answer within 2 s)/)
    open = true
    for (let i = 0; i < 50 && (await b.get('/onboarding/account')).status !== 200; i++)
      await new Promise((r) => setTimeout(r, 100))
    expect((await b.get('/onboarding/account')).status).toBe(200)
    proxy.close()
  })
})
