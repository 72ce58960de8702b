import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import sharp from 'sharp'
import { continueButton, signIn, toast } from './helpers'

// Runs in both projects. With JavaScript a change saves itself; without, Continue saves the form.
const saveChange = async (page: Page, javaScriptEnabled: boolean) => {
  if (!javaScriptEnabled) await continueButton(page).click()
  await expect(toast(page)).toHaveText('Saved')
}
const advanced = (page: Page) => page.locator('details', { hasText: 'Advanced (optional)' })
const timezone = (page: Page) => page.getByRole('combobox', { name: /Time zone/ })

test('Advanced is collapsed; a timezone change saves and survives a reload, and its chip goes', async ({
  page,
  javaScriptEnabled,
}) => {
  await signIn(page, 'unverified-mobile')
  await expect(advanced(page)).not.toHaveAttribute('open')
  await expect(timezone(page)).toBeHidden()
  await page.getByText('Advanced (optional)').click()
  // The address from Stripe (a New York ZIP) gave the timezone, as a default.
  await expect(timezone(page)).toHaveValue('America/New_York')
  await expect(page.getByText('Time zone').getByText('Accepted defaults')).toBeVisible()
  await timezone(page).selectOption('America/Chicago')
  await saveChange(page, javaScriptEnabled)
  await page.goto('/onboarding/account')
  await page.getByText('Advanced (optional)').click()
  await expect(timezone(page)).toHaveValue('America/Chicago')
  await expect(page.getByText('Time zone').getByText('Accepted defaults')).toHaveCount(0)
})

test('a logo upload is re-encoded, shown, and gives the brand colour', async ({ page, javaScriptEnabled }, info) => {
  await signIn(page, 'unverified-mobile')
  await page.getByText('Advanced (optional)').click()
  const file = info.outputPath('logo.webp')
  await sharp({ create: { width: 200, height: 120, channels: 3, background: '#2a9d8f' } })
    .webp()
    .toFile(file)
  await page.getByLabel(/^Logo/).setInputFiles(file)
  await saveChange(page, javaScriptEnabled)
  await page.goto('/onboarding/account')
  await page.getByText('Advanced (optional)').click()
  const logo = page.getByRole('img', { name: 'Your logo' })
  await expect(logo).toHaveAttribute('src', /^\/uploads\/[a-f0-9]{32}\.png$/)
  const served = await page.request.get((await logo.getAttribute('src'))!)
  expect(served.headers()['content-type']).toBe('image/png')
  await expect(page.getByLabel(/Brand colour/)).toHaveValue(/^#2[0-9a-f]9[0-9a-f]8[0-9a-f]$/)
})

test('an oversized or non-picture upload is refused with a clear message and nothing is stored', async ({
  page,
  javaScriptEnabled,
}, info) => {
  await signIn(page, 'unverified-mobile')
  const cases = [
    { name: 'huge.png', buffer: Buffer.alloc(2 * 1024 * 1024 + 10, 1), message: 'The logo must be 2 MB or smaller.' },
    {
      name: 'notes.png',
      buffer: Buffer.from('just some text, not a picture'),
      message: 'Use a PNG, JPEG or WebP picture for the logo.',
    },
  ]
  for (const c of cases) {
    await page.goto('/onboarding/account')
    await page.getByText('Advanced (optional)').click()
    await page.getByLabel(/^Logo/).setInputFiles({ name: c.name, mimeType: 'image/png', buffer: c.buffer })
    if (!javaScriptEnabled) await continueButton(page).click()
    await expect(page.getByRole('alert').filter({ hasText: c.message })).toBeVisible()
  }
  await page.goto('/onboarding/account')
  await expect(page.getByRole('img', { name: 'Your logo' })).toHaveCount(0)
  void info
})
