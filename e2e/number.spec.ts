import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { banner, continueButton, signIn, toast, waitForBanner, inlineError } from './helpers'

// Runs in both projects: JavaScript enabled and disabled.
const looksGood = (page: Page) => page.getByRole('button', { name: 'Looks good' })

async function toNumberPage(page: Page) {
  await signIn(page, 'verified')
  await continueButton(page).click()
  await expect(page).toHaveURL(/\/onboarding\/number$/)
}

test('suggestions shown, defaults accepted, one click: the banner shows the number, and a reload keeps it', async ({
  page,
}) => {
  await toNumberPage(page)
  const areaCode = page.getByRole('combobox', { name: 'Area code' })
  // The Stripe address is in San Francisco and the owner's mobile is a 415 number.
  await expect(areaCode).toHaveValue('415')
  await expect(areaCode.locator('option')).toHaveText(['415 (suggested)', '628', '341', '510', '650'])
  await expect(page.getByLabel('Opening time')).toHaveValue('08:00')
  await expect(page.getByLabel('Closing time')).toHaveValue('18:00')
  await expect(page.getByLabel('Open weekends too')).not.toBeChecked()
  await expect(page.locator('#advanced')).not.toHaveAttribute('open')
  await expect(page.locator('[data-blocker="RESERVE_NUMBER"]')).toBeVisible()
  await looksGood(page).click()
  await waitForBanner(page)
  await expect(banner(page)).toContainText(/\(415\) 555-\d{4}/)
  await expect(banner(page)).toContainText('Configured · SMS, MMS, voice')
  const shown = await banner(page).textContent()
  await page.goto('/onboarding/number')
  await expect(banner(page)).toHaveText(shown!)
  await expect(page.locator('[data-blocker="RESERVE_NUMBER"]')).toHaveCount(0)
  // With the number in place, "Looks good" moves on.
  await looksGood(page).click()
  await expect(page).toHaveURL(/\/onboarding\/calmsg$/)
  await expect(toast(page)).toHaveText('Saved')
})

test('hours and radius save; bad hours get a clear message and change nothing', async ({ page, javaScriptEnabled }) => {
  await toNumberPage(page)
  await page.getByLabel('Opening time').fill('18:00')
  await page.getByLabel('Closing time').fill('07:00')
  if (javaScriptEnabled) await page.getByLabel('Closing time').blur()
  else await looksGood(page).click()
  await expect(inlineError(page, 'Closing time must be after opening time')).toBeVisible()
  await page.goto('/onboarding/number')
  await expect(page.getByLabel('Opening time')).toHaveValue('08:00')
  await page.getByLabel('Closing time').fill('17:30')
  await page.getByLabel('Open weekends too').check()
  if (javaScriptEnabled) {
    await page.getByLabel('Closing time').blur()
    await expect(toast(page)).toHaveText('Saved')
  } else await looksGood(page).click()
  await page.goto('/onboarding/number')
  await expect(page.getByLabel('Closing time')).toHaveValue('17:30')
  await expect(page.getByLabel('Open weekends too')).toBeChecked()
})

test('port-in: fields appear with the toggle, are required, and the secrets never come back to the page', async ({
  page,
}) => {
  await toNumberPage(page)
  await page.getByText('Advanced (optional)').click()
  await expect(page.getByLabel('Port-out PIN')).toBeHidden()
  await page.getByLabel('Move (port) a number I already have instead').check()
  await expect(page.getByLabel('Port-out PIN')).toBeVisible()
  await page.getByLabel('Number to move').fill('(415) 555-0199')
  await looksGood(page).click()
  // Beside the field (with JavaScript an autosave toast may say it too).
  await expect(
    page.locator('#portIn').getByText('Enter the account number from your current phone company'),
  ).toBeVisible()
  await page.goto('/onboarding/number')
  await page.getByText('Advanced (optional)').click()
  await page.getByLabel('Move (port) a number I already have instead').check()
  await page.getByLabel('Number to move').fill('(415) 555-0199')
  await page.getByLabel('Account number at your current phone company').fill('ACCT-5512')
  await page.getByLabel('Port-out PIN').fill('2468')
  await looksGood(page).click()
  await expect(page).toHaveURL(/\/onboarding\/calmsg$/)
  await page.goto('/onboarding/number')
  await expect(banner(page)).toContainText('Porting')
  const html = await page.content()
  expect(html).not.toContain('ACCT-5512')
  expect(html).not.toContain('2468')
})
