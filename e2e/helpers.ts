import { expect, type APIResponse, type Page } from '@playwright/test'
import { randomBytes } from 'node:crypto'
import { plainReply } from '../test/setup/single-fetch'

export type Persona = 'verified' | 'unverified-mobile' | 'inactive-subscription'

/** Signs in through the persona picker as a new owner of its own, so tests never share a tenant. */
export async function signIn(page: Page, persona: Persona, owner = `e2e-${randomBytes(5).toString('hex')}`) {
  await page.goto('/dev/sign-in')
  await page.getByText('Sign in as a separate owner').click()
  await page.getByLabel('Owner name').fill(owner)
  const labels = {
    verified: 'Verified owner',
    'unverified-mobile': 'Mobile not verified',
    'inactive-subscription': 'Subscription inactive',
  }
  await page.getByRole('button', { name: labels[persona] }).click()
  await expect(page).toHaveURL(/\/onboarding\/account$/)
  await waitForPrefill(page)
}

/** The Stripe prefill job runs right after sign-in; the refresh link is how a no-JS owner sees it land. */
export async function waitForPrefill(page: Page) {
  const fetching = page.getByText('Fetching your business details…')
  for (let i = 0; i < 50 && (await fetching.count()) > 0; i++) {
    await page.waitForTimeout(200)
    // With JavaScript the line may go by itself between the check and the click. The new page must
    // have loaded before the line is looked for again: a click on the old page posts old values.
    const refresh = page.getByRole('link', { name: 'Refresh' })
    if (await refresh.count())
      await Promise.all([page.waitForEvent('load', { timeout: 5000 }), refresh.click({ timeout: 1000 })]).catch(
        () => {},
      )
  }
  await expect(fetching).toHaveCount(0)
}

export const nameInput = (page: Page) => page.getByRole('textbox', { name: 'Business name' })
export const verticalSelect = (page: Page) => page.getByRole('combobox', { name: 'Kind of work' })
export const continueButton = (page: Page) => page.getByRole('button', { name: 'Continue' })
/** A field's own error line (the error summary repeats its words as a link). */
export const inlineError = (page: Page, text: string | RegExp) => page.locator('[id$="-error"]', { hasText: text })
export const toast = (page: Page) => page.locator('[data-toast]').filter({ hasText: /\S/ })

export const banner = (page: Page) => page.getByTestId('number-banner')

/** Without JavaScript the owner follows the refresh link; with it the banner arrives by itself. */
export async function waitForBanner(page: Page) {
  for (let i = 0; i < 40 && (await banner(page).count()) === 0; i++) {
    await page
      .getByRole('link', { name: 'Refresh' })
      .click({ timeout: 500 })
      .catch(() => {})
    await page.waitForLoadState('load')
    await page.waitForTimeout(250)
  }
  await expect(banner(page)).toBeVisible()
}

/** A new owner who accepts every default on Account and Number (a number bought on the fake), on Page 3. */
export async function toCalmsgPage(page: Page, owner?: string) {
  await signIn(page, 'verified', owner)
  await continueButton(page).click()
  await expect(page).toHaveURL(/\/onboarding\/number$/)
  const looksGood = page.getByRole('button', { name: 'Looks good' })
  await looksGood.click()
  await waitForBanner(page)
  await looksGood.click()
  await expect(page).toHaveURL(/\/onboarding\/calmsg$/)
}

/** On to Page 4 with Page 3's defaults. */
export async function toA2pPage(page: Page, owner?: string) {
  await toCalmsgPage(page, owner)
  await continueButton(page).click()
  await expect(page).toHaveURL(/\/onboarding\/a2p$/)
}

/** Waits for what the page shows: it refreshes itself with JavaScript; without, the owner reloads. */
/**
 * Waits for what the page says, as long as the test may take (its own timeout), never for a fixed
 * time: on a busy machine the jobs behind a line take longer, and the page (with JavaScript) reads
 * itself every second, then every 15 s once the line has waited 30 s.
 */
export async function reloadUntil(page: Page, js: boolean, locator: () => ReturnType<Page['getByText']>, tries = 240) {
  if (js) return expect(locator()).toBeVisible({ timeout: 0 })
  for (let i = 0; i < tries && (await locator().count()) === 0; i++) {
    await page.waitForTimeout(500)
    await page.reload()
  }
  await expect(locator()).toBeVisible()
}

/**
 * Approved, and setup finished by itself (the default): the owner ends on "Onboarding is complete"
 * or, having watched the copier work, on the dashboard. The test waits for that end rather than for
 * the first sign of approval: a test that ended on "Texting enabled" closed its context while the
 * page was still on its way to the summary, and that teardown once hung for the whole 90 s in CI.
 */
export const finishedByItself = (page: Page, js: boolean) =>
  reloadUntil(page, js, () => page.getByRole('heading', { name: /^(Onboarding is complete|Your dashboard)$/ }))

/** The JSON of a data request's answer (single fetch's turbo-stream, decoded as the page's code sees it). */
export async function replyOf(res: APIResponse) {
  return (
    await plainReply(new Response(new Uint8Array(await res.body()), { status: res.status(), headers: res.headers() }))
  ).json()
}
