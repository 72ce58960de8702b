import type { Page, Request } from '@playwright/test'
import { randomBytes } from 'node:crypto'
import { expect, test } from './fixtures'
import { toA2pPage } from './helpers'

// Live pages (issue 22, part 4): with JavaScript, a page waiting for a result is told when its
// tenant changes (one server-sent event stream) instead of reading itself every second; without
// the stream it reads itself on a timer, as before.
test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'streams and timers need JavaScript')

const SITES = `http://127.0.0.1:${Number(process.env.E2E_FAKES_PORT ?? 4110) + 6}`
const checking = (page: Page) => page.locator('[data-blocker="WEBSITE_CHECKING"]')

/** A website whose every page answers after `delayMs`: the check stays pending about three times that. */
async function slowSite(delayMs: number) {
  const host = `slow-${randomBytes(4).toString('hex')}.example`
  await fetch(`${SITES}/__fake/switches`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ [`site:${host}`]: { delayMs } }),
  })
  return host
}

/** Enters the website (its autosave starts a check) and counts the page's data reads until the check is done. */
async function readsWhileChecking(page: Page, host: string) {
  await toA2pPage(page)
  await expect(checking(page)).toHaveCount(0, { timeout: 60_000 })
  const reads: Request[] = []
  const streams: Request[] = []
  const count = (r: Request) => {
    // A read of the page's data (one request for the layout's and the page's loaders).
    if (r.method() === 'GET' && new URL(r.url()).pathname === '/onboarding/a2p.data') reads.push(r)
    if (new URL(r.url()).pathname === '/events') streams.push(r)
  }
  await page.getByLabel('Website').fill(`https://${host}`)
  page.on('request', count)
  await page.getByLabel('Legal business name').click()
  await expect(checking(page)).toBeVisible()
  await expect(checking(page)).toHaveCount(0, { timeout: 30_000 })
  page.off('request', count)
  return { reads: reads.length, streams: streams.length }
}

test('a page waiting for its website check opens one stream and reads itself only when told, not every second', async ({
  page,
}) => {
  // About 9 s pending: a timer reading every second would read 8 times or more.
  const { reads, streams } = await readsWhileChecking(page, await slowSite(3000))
  expect(streams).toBe(1)
  // The autosave's own read, the read as the stream opened, and the one when the check wrote its result.
  expect(reads).toBeLessThanOrEqual(3)
  await expect(page.getByTestId('website-error')).toHaveCount(0)
})

test('when the stream cannot be had (the server over its cap), the page reads itself on a timer and still sees the result', async ({
  page,
}) => {
  await page.route('**/events', (route) =>
    route.fulfill({ status: 503, body: 'This page reads itself on a timer instead.' }),
  )
  const { reads } = await readsWhileChecking(page, await slowSite(3000))
  expect(reads).toBeGreaterThanOrEqual(5)
})
