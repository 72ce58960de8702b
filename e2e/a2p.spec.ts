import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { reloadUntil, toA2pPage, toast } from './helpers'

// Runs in both projects: JavaScript enabled and disabled. The A2P fake approves by default.
const A2P_FAKE = `http://127.0.0.1:${Number(process.env.E2E_FAKES_PORT ?? 4110) + 1}`
const pill = (page: Page) => page.getByTestId('a2p-status')
const submit = (page: Page, name = 'Submit') => page.getByRole('button', { name, exact: true })
const tenantOf = async (page: Page) => (await page.locator('a[href$="/privacy"]').first().getAttribute('href'))!.split('/')[2]
const switches = (body: object) => fetch(`${A2P_FAKE}/__fake/switches`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
/** The website check runs as the page first shows; its line goes once it is in. */
const checked = async (page: Page) => {
  for (let i = 0; i < 20 && (await page.locator('[data-blocker="WEBSITE_CHECKING"]').count()) > 0; i++) await page.waitForTimeout(300).then(() => page.reload())
  await expect(page.locator('[data-blocker="WEBSITE_CHECKING"]')).toHaveCount(0)
}

// Four pages and a registration: longer than one page's test.
test.describe.configure({ timeout: 90_000 })

test('prefilled from Stripe; one click on Submit -> pending -> "Texting enabled"', async ({ page, javaScriptEnabled }, info) => {
  await toA2pPage(page)
  await checked(page)
  await expect(page.getByRole('radio', { name: 'Business with an EIN (LLC, corporation)' })).toBeChecked()
  await expect(page.getByLabel('EIN (from your IRS letter)')).toHaveValue('12-3456789')
  await expect(page.getByLabel('Legal business name')).toHaveValue('Rivera Plumbing & Heating LLC')
  await expect(page.getByLabel('Website')).toHaveValue('https://riveraplumbing.example/')
  await expect(page.getByText(/Contact for carriers: .* \(415\) 555-0123/)).toBeVisible()
  await expect(pill(page)).toHaveText('Not submitted')
  await page.screenshot({ path: `test-results/a2p-1280-${info.project.name}.png`, fullPage: true })
  await page.setViewportSize({ width: 360, height: 800 })
  await page.screenshot({ path: `test-results/a2p-360-${info.project.name}.png`, fullPage: true })
  await submit(page).click()
  await expect(pill(page)).toHaveText(/^Submitted/)
  await reloadUntil(page, javaScriptEnabled, () => page.getByText('Texting enabled', { exact: true }))
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page).toHaveURL(/\/onboarding\/finalize$/)
  await expect(toast(page)).toHaveText('Saved')
})

test('a rejection shows one line with Fix; hosted pages, then Resubmit, gets approved', async ({ page, javaScriptEnabled }) => {
  await toA2pPage(page)
  await checked(page)
  const tenant = await tenantOf(page)
  await switches({ rejectCampaign: { [tenant]: '30896' } })
  await submit(page).click()
  await reloadUntil(page, javaScriptEnabled, () => page.getByText('Turned down', { exact: true }))
  const reason = page.getByTestId('a2p-reason')
  await expect(reason).toContainText('Your website needs a privacy policy and SMS terms')
  await reason.getByRole('link', { name: 'Fix' }).click()
  await page.getByLabel('Use our hosted privacy policy and SMS terms pages').check()
  await switches({ rejectCampaign: { [tenant]: null } }) // the carriers accept the corrected campaign
  await page.waitForTimeout(500) // the toggle's autosave (with JavaScript)
  await submit(page, 'Resubmit').click()
  await reloadUntil(page, javaScriptEnabled, () => page.getByText('Texting enabled', { exact: true }))
})

test('the hosted privacy policy and SMS terms are public pages made from the owner\'s details', async ({ page, browser }) => {
  await toA2pPage(page)
  const tenant = await tenantOf(page)
  const stranger = await (await browser.newContext()).newPage()
  await stranger.goto(`/p/${tenant}/privacy`)
  await expect(stranger.getByRole('heading', { name: 'Rivera Plumbing & Heating: Privacy Policy' })).toBeVisible()
  await expect(stranger.getByText('No mobile information will be shared with third parties or affiliates for marketing or promotional purposes.')).toBeVisible()
  await stranger.goto(`/p/${tenant}/terms`)
  await expect(stranger.getByRole('heading', { name: 'Rivera Plumbing & Heating: SMS Terms' })).toBeVisible()
  await expect(stranger.getByText('Msg & data rates may apply.', { exact: true })).toBeVisible()
  expect((await stranger.goto('/p/00000000-0000-4000-8000-000000000000/privacy'))?.status()).toBe(404)
  expect((await stranger.goto('/p/not-a-tenant/terms'))?.status()).toBe(404)
})
