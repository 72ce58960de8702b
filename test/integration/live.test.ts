import { describe, expect, it } from 'vitest'
import { fakesFor, hasBuild, startWeb } from '../setup/app'
import { freshDatabase } from '../setup/db'
import { until } from '../setup/wait'
import { tenantOf } from '../setup/walk'

// Live pages (issue 22, part 4): GET /events streams "changed" to the signed-in owner's open page
// when their tenant changes (NOTIFY ob_changed from the flow row, one LISTEN per web process). One
// web process, so the cap (per process) is this server's.
const { url, sql } = await freshDatabase()
const { env } = await fakesFor()
const web = hasBuild()
  ? await startWeb({ DATABASE_URL: url, ...env, LIVE_STREAMS_MAX: '3', WEB_CONCURRENCY: '1' })
  : null

/** An open stream and everything it has said so far. */
async function open(cookie: string) {
  const controller = new AbortController()
  const res = await fetch(`${web!.url}/events`, { headers: { cookie }, signal: controller.signal })
  let said = ''
  const reading =
    res.status === 200
      ? (async () => {
          const decoder = new TextDecoder()
          for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) said += decoder.decode(chunk)
        })().catch(() => {})
      : res.text().catch(() => '')
  return {
    res,
    said: () => said,
    changes: () => said.split('data: changed\n\n').length - 1,
    close: async () => {
      controller.abort()
      await reading
    },
  }
}

async function owner() {
  const name = `live-${crypto.randomUUID().slice(0, 8)}`
  const b = await web!.browser().signIn('verified', name)
  return { b, tenant: await tenantOf(sql, name) }
}
// A write as a job makes it: a section row changed outside ob_save.
const jobWrites = (tenant: string) =>
  sql`update ob_account set display_name = display_name || '.' where tenant_id = ${tenant}`

describe.runIf(hasBuild())('live pages', () => {
  it('signed out, or with a forged cookie: 401 and no stream', async () => {
    for (const cookie of ['', '__session=forged.value']) {
      const s = await open(cookie)
      expect(s.res.status).toBe(401)
      expect(s.res.headers.get('content-type')).not.toMatch(/event-stream/)
      await s.close()
    }
  })

  it("streams only the owner's own tenant's changes, each as one bare 'changed', and ends with the page", async () => {
    const me = await owner()
    const other = await owner()
    const s = await open(me.b.cookie)
    expect(s.res.status).toBe(200)
    expect(s.res.headers.get('content-type')).toMatch(/^text\/event-stream/)
    await until('the stream opens', async () => s.said().includes(': open'), 5000).catch((e) => {
      throw new Error(`${e.message}: ${JSON.stringify(s.said())} ${web!.output()}`)
    })
    await jobWrites(other.tenant)
    await jobWrites(me.tenant)
    await until('my change', async () => s.changes() === 1)
    // The other tenant's write came first and said nothing here; the stream carries no data of either.
    expect(s.said().replace(/^: ping\n\n/gm, '')).toBe('retry: 3000\n: open\n\ndata: changed\n\n')
    // A transaction of several writes is one change.
    await sql.begin(async (tx) => {
      for (let i = 0; i < 3; i++)
        await tx`update ob_account set display_name = display_name || '!' where tenant_id = ${me.tenant}`
    })
    await until('one more', async () => s.changes() === 2)
    // An owner's own save through the page is a change as well (ob_save's version bump).
    const [{ version }] = await sql`select version from ob_flow where tenant_id = ${me.tenant}`
    const saved = await me.b.post('/onboarding/account', {
      intent: 'autosave',
      version: String(version),
      displayName: 'Saved by the owner',
    })
    expect(saved.status).toBe(200)
    await until('the save', async () => s.changes() === 3)
    await s.close()
  })

  it('past the cap of open streams a page gets 503 (it reads itself on a timer instead); a closed one frees its place', async () => {
    const me = await owner()
    const streams = [await open(me.b.cookie), await open(me.b.cookie), await open(me.b.cookie)]
    for (const s of streams) expect(s.res.status).toBe(200)
    const over = await open(me.b.cookie)
    expect(over.res.status).toBe(503)
    await over.close()
    await streams[0].close()
    await until('a place again', async () => {
      const again = await open(me.b.cookie)
      await again.close()
      return again.res.status === 200
    })
    for (const s of streams.slice(1)) await s.close()
  })
})
