import { chromium } from '@playwright/test'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { gzipSync } from 'node:zlib'
import { PAGES } from '../../core/pages'
import { ms, print, quantile, type Bench } from './lib'

// Each page as an owner's phone gets it: Lighthouse 12 (mobile preset, signed in) on every page
// beside a bare page of our server (the floor), the JavaScript each page ships (gzip, the
// production build) beside the floor every page shares, and each page's HTML time beside a GET that
// reads no database. Never pass/fail: figures for the README and the issue's targets.
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const
const FLOOR_PAGE = '/dev/sign-in'
const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3)

export async function pagesBench(b: Bench, requests: number) {
  const paths = PAGES.map((p) => `/onboarding/${p.id}`)
  const dir = mkdtempSync(join(tmpdir(), 'bench-lighthouse-'))
  const port = 9300 + Math.floor(Math.random() * 500)
  // A persistent context is the browser's default one: the tab Lighthouse opens shares its cookies.
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
    baseURL: b.base,
    args: ['--no-sandbox', '--disable-gpu', `--remote-debugging-port=${port}`, '--disable-background-networking'],
  })
  try {
    const cookie = await ownerAtRegistration(context, b)
    await lighthouseTable(b, port, paths)
    javascriptTable(paths)
    await htmlTable(b, cookie, paths, requests)
  } finally {
    await context.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** A new owner who accepts every default up to the registration: every page is open to them. */
async function ownerAtRegistration(context: Awaited<ReturnType<typeof chromium.launchPersistentContext>>, b: Bench) {
  const page = context.pages()[0] ?? (await context.newPage())
  const button = (name: string) => page.getByRole('button', { name, exact: true }).click()
  await page.goto('/dev/sign-in')
  await page.getByText('Sign in as a separate owner').click()
  await page.getByLabel('Owner name').fill('bench-lighthouse')
  await page.getByRole('button', { name: 'Verified owner' }).click()
  await page.waitForURL(/\/onboarding\/account$/)
  await page.getByText('Fetching your business details…').waitFor({ state: 'detached' })
  await button('Continue')
  await page.waitForURL(/number$/)
  await button('Looks good')
  await page.getByTestId('number-banner').waitFor()
  await button('Looks good')
  await page.waitForURL(/calmsg$/)
  await button('Continue')
  await page.waitForURL(/a2p$/)
  await page.locator('[data-blocker="WEBSITE_CHECKING"]').waitFor({ state: 'detached' })
  const cookies = await context.cookies(b.base)
  return cookies.map((c) => `${c.name}=${c.value}`).join('; ')
}

async function lighthouseTable(b: Bench, port: number, paths: string[]) {
  const { default: lighthouse } = await import('lighthouse')
  const rows: string[][] = []
  const lost: Record<string, string[]> = {}
  for (const path of [FLOOR_PAGE, ...paths]) {
    // Lighthouse's own advice: the median of several runs (its performance score varies run to run).
    const runs = []
    // A run that could not load the page (Lighthouse's runtimeError) is said and run again.
    for (let tries = 0; runs.length < RUNS && tries < RUNS * 2; tries++) {
      const result = await lighthouse(`${b.base}${path}`, {
        port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
        // The owner's session is a cookie: keep it (Lighthouse clears the origin's storage otherwise).
        disableStorageReset: true,
      })
      const error = result!.lhr.runtimeError
      if (error) console.log(`  (${path}: Lighthouse could not load it, ${error.code}: ${error.message}; again)`)
      else runs.push(result!.lhr)
    }
    runs.sort((x, y) => (x.categories.performance?.score ?? 0) - (y.categories.performance?.score ?? 0))
    const lhr = runs[Math.floor(runs.length / 2)]
    if (!lhr) throw new Error(`Lighthouse could not load ${path}`)
    const score = (c: string) => String(Math.round((lhr.categories[c]?.score ?? 0) * 100))
    // The median, and beside it the runs' lowest and highest (a phone's score varies run to run).
    const spread = runs.map((r) => Math.round((r.categories.performance?.score ?? 0) * 100))
    const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN
    const errors = lhr.audits['errors-in-console']?.details as { items?: unknown[] } | undefined
    // What a category lost points to: its weighted audits that did not pass.
    for (const c of CATEGORIES)
      for (const ref of lhr.categories[c]?.auditRefs ?? [])
        if (ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1) (lost[ref.id] ??= []).push(path)
    // Below the target: where the main thread went (the scripts that took it longest).
    if ((lhr.categories.performance?.score ?? 0) < 0.95) {
      const boot = lhr.audits['bootup-time']?.details as { items?: { url: string; scripting: number }[] } | undefined
      const top = (boot?.items ?? []).slice(0, 3).map((i) => `${i.url.split('/').at(-1)} ${i.scripting.toFixed(0)} ms`)
      ;(lost[`main thread: ${top.join(', ')}`] ??= []).push(path)
    }
    // What the console said, so a lost point names its cause.
    for (const item of (errors?.items ?? []) as { description?: string }[])
      (lost[`console: ${String(item.description).slice(0, 160)}`] ??= []).push(path)
    const issues = lhr.audits['inspector-issues']?.details as { items?: { issueType?: string }[] } | undefined
    for (const item of issues?.items ?? []) (lost[`browser issue: ${item.issueType}`] ??= []).push(path)
    rows.push([
      path === FLOOR_PAGE ? `floor: ${path}` : path,
      `${score('performance')} (${spread[0]}-${spread.at(-1)})`,
      ...CATEGORIES.slice(1).map(score),
      `${(audit('largest-contentful-paint') / 1000).toFixed(2)} s`,
      `${audit('total-blocking-time').toFixed(0)} ms`,
      audit('cumulative-layout-shift').toFixed(3),
      String(errors?.items?.length ?? 0),
    ])
  }
  console.log(
    `Lighthouse 12, mobile preset (simulated slow 4G, 4x CPU), signed in, the median of ${RUNS} runs; targets 95 / 100 / 95`,
  )
  print(['page', 'performance (runs)', 'accessibility', 'best practices', 'LCP', 'TBT', 'CLS', 'console errors'], rows)
  for (const [id, where] of Object.entries(lost)) console.log(`  not passed: ${id} (${where.join(', ')})`)
  console.log('')
}

/** The build's manifest: each route's module and the chunks it imports. */
type Manifest = {
  entry: { module: string; imports: string[] }
  routes: Record<string, { module: string; imports?: string[]; parentId?: string }>
}
function javascriptTable(paths: string[]) {
  const build = 'build/client/assets'
  const file = readdirSync(build).find((f) => /^manifest-.*\.js$/.test(f))!
  const manifest = JSON.parse(
    readFileSync(join(build, file), 'utf8')
      .replace(/^window\.__remixManifest=/, '')
      .replace(/;$/, ''),
  ) as Manifest
  const gz = (url: string) => gzipSync(readFileSync(join('build/client', url))).length
  const chain = (id: string): string[] => {
    const r = manifest.routes[id]
    return [...(r.parentId ? chain(r.parentId) : []), r.module, ...(r.imports ?? [])]
  }
  const floor = new Set([manifest.entry.module, ...manifest.entry.imports, ...chain('root')])
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`
  const sum = (files: Iterable<string>) => [...files].reduce((s, f) => s + gz(f), 0)
  const rows = [['floor: entry, React, Remix, root', kb(sum(floor)), '', '']]
  for (const path of paths) {
    const routeId = `routes/${path.slice(1).replace(/\//g, '.')}`
    const own = [...new Set(chain(routeId))].filter((f) => !floor.has(f))
    const largest = own.map((f) => [f, gz(f)] as const).sort((a, b) => b[1] - a[1])[0]
    rows.push([
      path,
      kb(sum(floor) + sum(own)),
      `+${kb(sum(own))}`,
      largest ? `${largest[0].split('/').at(-1)} ${kb(largest[1])}` : '',
    ])
  }
  console.log('JavaScript each page loads (gzip, production build)')
  print(['page', 'total', 'beyond the floor', 'its largest file'], rows)
  console.log('')
}

async function htmlTable(b: Bench, cookie: string, paths: string[], requests: number) {
  const time = async (path: string, headers: Record<string, string>) => {
    const t0 = performance.now()
    const res = await fetch(`${b.base}${path}`, { headers, redirect: 'manual' })
    await res.text()
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`)
    return performance.now() - t0
  }
  const rows: string[][] = []
  const floor: number[] = []
  const perPage: Record<string, number[]> = Object.fromEntries(paths.map((p) => [p, []]))
  // Interleaved, so the floor and the pages share the machine's moments alike.
  for (let i = 0; i < requests; i++) {
    floor.push(await time(FLOOR_PAGE, {}))
    for (const path of paths) perPage[path].push(await time(path, { cookie }))
  }
  const f50 = quantile(floor, 0.5)
  for (const path of paths) {
    const p50 = quantile(perPage[path], 0.5)
    rows.push([path, ms(p50), ms(quantile(perPage[path], 0.99)), `${(p50 / f50).toFixed(1)}x`])
  }
  rows.push([`floor: GET ${FLOOR_PAGE} (no database)`, ms(f50), ms(quantile(floor, 0.99)), '1x'])
  console.log(`Each page's HTML (document GET, signed in, ${requests} times each, interleaved with the floor)`)
  print(['page', 'p50', 'p99', 'p50 vs floor'], rows)
  console.log('')
}
