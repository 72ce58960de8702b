import { chromium, type Page } from '@playwright/test'
import { existsSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { connect } from '../../db/client.server'
import { fakeBrandMs, fakeNumberMs, groupCpuMs, ms, print, quantile as q, signInAs, type Bench } from './lib'
import { dataUrl } from '../setup/single-fetch'

// Live pages (issue 22, part 4). In Chromium: "Looks good" until the number shows on the page, and
// Submit until the page moves to the summary (the A2P fake approving at once, onboarding finishes
// by itself; timed in Node, around Playwright's navigation event), with the page's
// stream and with it refused (the pages' timer, as before), beside the fakes' own answers. Then
// the load of `pages` open pages that wait for a registration: each reading itself every 15 s (the
// timer once it has waited 30 s), beside each holding its stream, in requests and database
// transactions per second and the web server's CPU.
const FAKE_A2P = (b: Bench) => `http://127.0.0.1:${b.fakesPort + 1}`
const switches = (url: string, body: object) =>
  fetch(`${url}/__fake/switches`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

type Shown = { pending: number[]; number: number[]; approved: number[] }

export async function liveBench(b: Bench, owners: number, pages: number, seconds: number) {
  await switches(FAKE_A2P(b), { approveInstantly: true })
  const browser = await chromium.launch({
    executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  })
  const shown: Record<'push' | 'timer', Shown> = {
    push: { pending: [], number: [], approved: [] },
    timer: { pending: [], number: [], approved: [] },
  }
  try {
    for (let i = 0; i < owners; i++)
      for (const mode of ['push', 'timer'] as const) {
        const page = await (await browser.newContext({ baseURL: b.base })).newPage()
        if (mode === 'timer') await page.route('**/events', (r) => r.fulfill({ status: 503, body: 'timer' }))
        await walk(page, `bench-live-${mode}-${i}`, shown[mode])
        await page.context().close()
      }
  } finally {
    await browser.close()
  }
  const provider = await fakeAnswers(b)
  print(
    ['in Chromium', 'p50', 'p99'],
    [
      [
        'floor: "Looks good" → "We\'re getting your number…" (the post and its own read)',
        ms(q(shown.push.pending, 0.5)),
        ms(q(shown.push.pending, 0.99)),
      ],
      ['"Looks good" → number on the page, stream', ms(q(shown.push.number, 0.5)), ms(q(shown.push.number, 0.99))],
      ['"Looks good" → number on the page, timer', ms(q(shown.timer.number, 0.5)), ms(q(shown.timer.number, 0.99))],
      ['Provisioning fake POST /numbers itself', ms(q(provider.numbers, 0.5)), ms(q(provider.numbers, 0.99))],
      [
        'Submit → approved, the summary opens, stream',
        ms(q(shown.push.approved, 0.5)),
        ms(q(shown.push.approved, 0.99)),
      ],
      [
        'Submit → approved, the summary opens, timer',
        ms(q(shown.timer.approved, 0.5)),
        ms(q(shown.timer.approved, 0.99)),
      ],
      ['A2P fake POST /brands itself', ms(q(provider.brands, 0.5)), ms(q(provider.brands, 0.99))],
    ],
  )
  console.log(`(${owners} owners each way; target: shown within 100 ms p50 with the stream)\n`)
  await idleLoad(b, pages, seconds)
}

/**
 * When `selector` appears, in the page's clock, kept as window[key]. A string, not a function: tsx
 * names the functions it compiles through a helper the page does not have.
 */
const whenShown = (page: Page, selector: string, key = '__shown') =>
  page.evaluate<number>(`(() => {
    window.${key} = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (document.querySelector(${JSON.stringify(selector)})) { observer.disconnect(); resolve(performance.now()) }
      })
      observer.observe(document.body, { subtree: true, childList: true, characterData: true })
    })
    // The owner's click, as the page heard it (Playwright's own checks before it are not the page's).
    document.addEventListener('click', () => { window.__clicked = performance.now() }, { capture: true, once: true })
    return performance.now()
  })()`)
const clickedAt = (page: Page) => page.evaluate<number>('window.__clicked')
const shownAt = (page: Page, key = '__shown') => page.evaluate<number>(`window.${key}`)

async function walk(page: Page, owner: string, into: Shown) {
  const button = (name: string) => page.getByRole('button', { name, exact: true })
  await page.goto('/dev/sign-in')
  await page.getByText('Sign in as a separate owner').click()
  await page.getByLabel('Owner name').fill(owner)
  await page.getByRole('button', { name: 'Verified owner' }).click()
  await page.waitForURL(/\/onboarding\/account$/)
  await page.getByText('Fetching your business details…').waitFor({ state: 'detached' })
  await button('Continue').click()
  await page.waitForURL(/number$/)
  await whenShown(page, '[data-testid="number-banner"]')
  // The floor: the click's own post and read on screen (the line, or the number when it came first).
  await whenShown(page, '[data-blocker="NUMBER_PENDING"], [data-testid="number-banner"]', '__pending')
  await button('Looks good').click()
  const clicked = await clickedAt(page)
  into.number.push((await shownAt(page)) - clicked)
  into.pending.push((await shownAt(page, '__pending')) - clicked)
  await button('Looks good').click()
  await page.waitForURL(/calmsg$/)
  await button('Continue').click()
  await page.waitForURL(/a2p$/)
  await page.locator('[data-blocker="WEBSITE_CHECKING"]').waitFor({ state: 'detached' })
  // Approved, onboarding finishes by itself: the page the owner looks at moves to the summary.
  const t1 = performance.now()
  await button('Submit').click()
  await page.waitForURL(/finalize$/, { timeout: 60_000 })
  into.approved.push(performance.now() - t1)
}

/** The fakes' own answer times, each asked directly as often as the owners asked them. */
async function fakeAnswers(b: Bench) {
  const numbers: number[] = []
  const brands: number[] = []
  for (let i = 0; i < 10; i++) {
    numbers.push(await fakeNumberMs(b.fakesPort, `ob:prov:bench-live-${i}-${Date.now()}`))
    brands.push(await fakeBrandMs(b.fakesPort, `ob:a2p:brand:bench-live-${i}-${Date.now()}`))
  }
  return { numbers, brands }
}

/**
 * `pages` open pages, `seconds` long: first each reading itself every 15 s as the pages' timer does
 * once a wait is past 30 s (the layout's and the page's loader, staggered), then each holding its
 * stream (nothing changing meanwhile). Requests are counted as sent; the database's transactions
 * from pg_stat_database; the web server's CPU from /proc.
 */
async function idleLoad(b: Bench, pages: number, seconds: number) {
  const sql = connect(b.databaseUrl, { max: 1 })
  const tenants = 50
  const cookies = await Promise.all(
    Array.from({ length: tenants }, (_, i) => signInAs(b.base, 'verified', `bench-idle-${i}`)),
  )
  const xacts = async () =>
    Number(
      (await sql`select xact_commit + xact_rollback as n from pg_stat_database where datname = current_database()`)[0]
        .n,
    )
  const measure = async (run: (stop: AbortSignal) => Promise<number>) => {
    const stop = AbortSignal.timeout(seconds * 1000)
    const [x0, cpu0, t0] = [await xacts(), groupCpuMs(b.webGroup), performance.now()]
    const requests = await run(stop)
    const elapsed = (performance.now() - t0) / 1000
    return {
      rps: requests / elapsed,
      tps: ((await xacts()) - x0) / elapsed,
      cpu: (groupCpuMs(b.webGroup) - cpu0) / elapsed / 10,
    }
  }
  const timer = await measure(async (stop) => {
    let sent = 0
    await Promise.all(
      Array.from({ length: pages }, async (_, i) => {
        const cookie = cookies[i % tenants]
        // Staggered over the 15 s, as pages opened at different moments are.
        await new Promise((r) => setTimeout(r, (15_000 * i) / pages))
        while (!stop.aborted) {
          // One revalidation: the layout's and the page's loaders in one request (single fetch).
          await fetch(`${b.base}${dataUrl('/onboarding/a2p', 'routes/onboarding,routes/onboarding.a2p')}`, {
            headers: { cookie },
          }).then((r) => r.text())
          sent++
          await new Promise((r) => setTimeout(r, 15_000))
        }
      }),
    )
    return sent
  })
  // The streams open first; what is measured is their holding, as pages wait.
  const controllers = await Promise.all(
    Array.from({ length: pages }, async (_, i) => {
      const controller = new AbortController()
      const res = await fetch(`${b.base}/events`, {
        headers: { cookie: cookies[i % tenants] },
        signal: controller.signal,
      })
      if (res.status !== 200) throw new Error(`/events answered ${res.status}`)
      void (async () => {
        for await (const _ of res.body as unknown as AsyncIterable<Uint8Array>);
      })().catch(() => {})
      return controller
    }),
  )
  const push = await measure(async (stop) => {
    await new Promise((r) => stop.addEventListener('abort', r))
    return 0
  })
  for (const c of controllers) c.abort()
  await sql.end()
  const pct = (x: number, y: number) => (y ? `${((100 * x) / y).toFixed(1)}%` : '-')
  print(
    [`${pages} open pages waiting (${seconds} s each way)`, 'requests/s', 'db transactions/s', 'web CPU %'],
    [
      ['timer: every 15 s (layout + page loaders)', timer.rps.toFixed(1), timer.tps.toFixed(1), timer.cpu.toFixed(1)],
      ['stream: one open each, nothing changing', push.rps.toFixed(1), push.tps.toFixed(1), push.cpu.toFixed(1)],
      ['stream as a share of the timer', pct(push.rps, timer.rps), pct(push.tps, timer.tps), pct(push.cpu, timer.cpu)],
    ],
  )
  console.log("(target: idle pages at most 5% of the timer's load; the database's own background work is in both)\n")
}
