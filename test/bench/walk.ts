import { chromium, type Request } from '@playwright/test'
import { existsSync } from 'node:fs'
import { PAGES as PAGE_LIST } from '../../core/pages'
import { ms, print, quantile, type Bench } from './lib'

// The whole wizard in Chromium (JavaScript on), as a new owner who accepts every default, `walks`
// times: the server time of each page (the documents and data requests it made while the owner
// acted, not the reads made while waiting for a job), p50 over the walks. Floor: the same browser's
// document GET of the sign-in page, which reads no database.
const PAGES = PAGE_LIST.map((p) => p.id)

export async function walkBench(b: Bench, walks: number) {
  await fetch(`http://127.0.0.1:${b.fakesPort + 1}/__fake/switches`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ approveInstantly: true }),
  })
  const browser = await chromium.launch({
    executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  const perPage: Record<string, number[]> = Object.fromEntries(PAGES.map((p) => [p, []]))
  const floor: number[] = []
  try {
    for (let i = 0; i < walks; i++) {
      const page = await (await browser.newContext({ baseURL: b.base })).newPage()
      let acting = false
      const counted = new WeakSet<Request>()
      const walk: Record<string, number> = Object.fromEntries(PAGES.map((p) => [p, 0]))
      page.on('request', (r) => void (acting && ['document', 'fetch'].includes(r.resourceType()) && counted.add(r)))
      page.on('requestfinished', (r) => {
        const id = new URL(r.url()).pathname.split('/')[2]
        const t = r.timing()
        if (counted.has(r) && id in walk && t.responseStart > 0) walk[id] += t.responseStart - t.requestStart
      })
      const act = async (what: () => Promise<unknown>) => {
        acting = true
        await what()
        acting = false
      }
      const button = (name: string) => page.getByRole('button', { name, exact: true }).click()

      const start = await page.goto('/dev/sign-in')
      floor.push(start!.request().timing().responseStart - start!.request().timing().requestStart)
      await page.getByText('Sign in as a separate owner').click()
      await page.getByLabel('Owner name').fill(`bench-walk-${i}`)
      await page.getByRole('button', { name: 'Verified owner' }).click()
      await page.waitForURL(/\/onboarding\/account$/)
      await page.getByText('Fetching your business details…').waitFor({ state: 'detached' })
      await act(async () => {
        await page.goto('/onboarding/account')
        await button('Continue')
        await page.waitForURL(/number$/)
      })
      await act(() => button('Looks good'))
      await page.getByTestId('number-banner').waitFor()
      await act(async () => {
        await button('Looks good')
        await page.waitForURL(/calmsg$/)
        await button('Continue')
        await page.waitForURL(/a2p$/)
      })
      await page.locator('[data-blocker="WEBSITE_CHECKING"]').waitFor({ state: 'detached' })
      await act(async () => {
        await button('Submit')
        await page
          .getByTestId('a2p-status')
          .filter({ hasText: /Submitted|Texting enabled/ })
          .waitFor()
      })
      await page.getByText('Texting enabled', { exact: true }).waitFor()
      await act(async () => {
        await button('Continue')
        await page.waitForURL(/finalize$/)
        await button('Finish')
        await page
          .getByText('Setting up your dashboard…')
          .or(page.getByRole('heading', { name: 'Your dashboard' }))
          .waitFor()
      })
      await page.waitForURL(/\/dev\/dashboard$/)
      for (const id of PAGES) perPage[id].push(walk[id])
      await page.context().close()
    }
  } finally {
    await browser.close()
  }
  const floorP50 = quantile(floor, 0.5)
  print(
    ['page', 'server time p50', 'vs floor'],
    [
      ...PAGES.map((id) => [
        id,
        ms(quantile(perPage[id], 0.5)),
        `${(quantile(perPage[id], 0.5) / floorP50).toFixed(1)}x`,
      ]),
      [
        'whole walk',
        ms(
          quantile(
            PAGES.map((id) => perPage[id]).reduce((sum, list) => sum.map((v, i) => v + list[i])),
            0.5,
          ),
        ),
        '',
      ],
      ['floor: GET /dev/sign-in (no database)', ms(floorP50), '1x'],
    ],
  )
  console.log(
    `(${walks} walks in Chromium, every default accepted, the A2P fake approving at once; documents and data requests while the owner acts)\n`,
  )
}
