import { expect, test } from './fixtures'
import { continueButton, nameInput, signIn, toast, verticalSelect, inlineError } from './helpers'

// Runs in both projects: JavaScript enabled and disabled.
test('the Account page shows two inputs, two badges and one button, prefilled', async ({ page }) => {
  await signIn(page, 'unverified-mobile')
  const form = page.locator('form#account')
  await expect(form.locator('input:visible, select:visible, textarea:visible')).toHaveCount(2)
  await expect(nameInput(page)).toHaveValue('Bright Spark Electric')
  await expect(verticalSelect(page)).toHaveValue('electrical')
  await expect(page.getByTestId('badge-email')).toHaveText(/Email verified/)
  await expect(page.getByTestId('badge-mobile')).toHaveText(/Mobile not verified/)
  await expect(form.getByRole('button')).toHaveCount(1)
  await expect(page.locator('[data-blocker="VERIFY_MOBILE"]')).toContainText('Your mobile number is not verified yet.')
})

test('Continue without typing saves and moves a verified owner on', async ({ page }) => {
  await signIn(page, 'verified')
  await continueButton(page).click()
  await expect(page).toHaveURL(/\/onboarding\/number$/)
  await expect(toast(page)).toHaveText('Saved')
  await expect(page.getByRole('link', { name: /Your business\s*100% done/ })).toBeVisible()
})

test('Continue saves but stays while the mobile is unverified; reload shows the saved values', async ({ page }) => {
  await signIn(page, 'unverified-mobile')
  await nameInput(page).fill('Bright Spark Electric & Solar')
  await verticalSelect(page).selectOption('hvac')
  await continueButton(page).click()
  await expect(toast(page)).toHaveText('Saved')
  await expect(page).toHaveURL(/\/onboarding\/account$/)
  await expect(page.locator('[data-blocker="VERIFY_MOBILE"]')).toBeVisible()
  await page.goto('/onboarding/account')
  await expect(nameInput(page)).toHaveValue('Bright Spark Electric & Solar')
  await expect(verticalSelect(page)).toHaveValue('hvac')
})

test('an empty name shows an inline error linked to the field and saves nothing', async ({ page }) => {
  await signIn(page, 'unverified-mobile')
  await nameInput(page).fill('')
  await continueButton(page).click()
  await expect(inlineError(page, 'Enter your business name')).toBeVisible()
  await expect(nameInput(page)).toHaveAttribute('aria-invalid', 'true')
  await expect(nameInput(page)).toHaveAccessibleDescription(/^Enter your business name/)
  await page.goto('/onboarding/account')
  await expect(nameInput(page)).toHaveValue('Bright Spark Electric')
})

test('a page beyond the current phase sends the owner back to it', async ({ page }) => {
  await signIn(page, 'inactive-subscription')
  await page.goto('/onboarding/calmsg')
  await expect(page).toHaveURL(/\/onboarding\/account$/)
  await expect(page.locator('[data-blocker="ACTIVATE_SUBSCRIPTION"]')).toBeVisible()
})

test('two tabs: the second save gets one clear conflict message and overwrites nothing', async ({ page, context }) => {
  await signIn(page, 'unverified-mobile')
  const other = await context.newPage()
  await other.goto('/onboarding/account')
  await nameInput(page).fill('Saved in tab one')
  await continueButton(page).click()
  await expect(toast(page)).toHaveText('Saved')
  await nameInput(other).fill('Written in tab two')
  await continueButton(other).click()
  await expect(other.getByRole('alert').filter({ hasText: 'changed in another tab' }).first()).toBeVisible()
  await other.goto('/onboarding/account')
  await expect(nameInput(other)).toHaveValue('Saved in tab one')
})
