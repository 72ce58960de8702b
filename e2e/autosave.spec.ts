import { expect, test } from './fixtures'
import { nameInput, signIn, toast, verticalSelect } from './helpers'

test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'autosave needs JavaScript; without it Continue saves')

test('a field saves on blur with a Saved toast, and survives a reload', async ({ page }) => {
  await signIn(page, 'unverified-mobile')
  await nameInput(page).fill('Autosaved Electric')
  await nameInput(page).blur()
  await expect(toast(page)).toHaveText('Saved')
  await page.reload()
  await expect(nameInput(page)).toHaveValue('Autosaved Electric')
})

test('rapid edits across fields never produce a false conflict', async ({ page }) => {
  await signIn(page, 'unverified-mobile')
  for (let i = 1; i <= 5; i++) {
    await nameInput(page).fill(`Quick Edit ${i}`)
    await verticalSelect(page).selectOption(i % 2 ? 'roofing' : 'painting')
  }
  await nameInput(page).focus()
  await page.keyboard.press('Tab')
  await expect(toast(page)).toHaveText('Saved')
  await expect(page.getByText('changed in another tab')).toHaveCount(0)
  await page.reload()
  await expect(nameInput(page)).toHaveValue('Quick Edit 5')
  await expect(verticalSelect(page)).toHaveValue('roofing')
})

test('an invalid value is shown on blur and not saved', async ({ page }) => {
  await signIn(page, 'unverified-mobile')
  await nameInput(page).fill('')
  await nameInput(page).blur()
  await expect(page.getByText('Enter your business name')).toBeVisible()
  await page.reload()
  await expect(nameInput(page)).toHaveValue('Bright Spark Electric')
})
