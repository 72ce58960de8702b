import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { continueButton, nameInput, signIn, toA2pPage, toCalmsgPage, toast } from './helpers'

// Errors and pages the GOV.UK way, and fields that phones fill in. Runs in both projects.
const summary = (page: Page) => page.getByTestId('error-summary')

test('a refused Continue: an error summary first in <main> with a link to each field, "Error: " in the title, the values kept', async ({
  page,
  javaScriptEnabled,
}) => {
  await signIn(page, 'verified')
  await expect(page).toHaveTitle('Your business - Set up your business')
  await expect(summary(page)).toHaveCount(0)
  await page.getByText('Advanced (optional)').click()
  const zip = await page.getByLabel('ZIP code (optional)').inputValue()
  await page.getByLabel('ZIP code (optional)').fill('1234')
  await nameInput(page).fill('')
  await continueButton(page).click()
  await expect(summary(page)).toBeVisible()
  await expect(page).toHaveURL(/\/onboarding\/account$/)
  await expect(page).toHaveTitle('Error: Your business - Set up your business')
  // The summary is the first thing in <main>, and holds the inline messages' own words.
  const first = page.locator('main form > :not(input, button[aria-hidden])').first()
  await expect(first).toHaveAttribute('data-testid', 'error-summary')
  await expect(summary(page).getByRole('heading')).toHaveText('There is a problem')
  const link = summary(page).getByRole('link', { name: 'Enter your business name' })
  await expect(link).toBeVisible()
  await expect(page.locator(`#${await nameInput(page).getAttribute('id')}-error`)).toHaveText(
    'Enter your business name',
  )
  // Every link leads to an element of the page (its fragment is an id there).
  for (const href of await summary(page)
    .getByRole('link')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
    expect(await page.locator(`[id="${href!.slice(1)}"]`).count(), href!).toBe(1)
  // What failed is still in the field, to be mended rather than typed again.
  await expect(page.getByLabel('ZIP code (optional)')).toHaveValue('1234')
  if (javaScriptEnabled) await expect(summary(page)).toBeFocused()
  await link.click()
  if (javaScriptEnabled) await expect(nameInput(page)).toBeFocused()
  else await expect(page).toHaveURL(/#account-displayName$/)
  await nameInput(page).fill('Bright Spark Electric')
  await page.getByLabel('ZIP code (optional)').fill(zip)
  await continueButton(page).click()
  await expect(page).toHaveURL(/\/onboarding\/number$/)
  await expect(page).toHaveTitle('Number and hours - Set up your business')
  // After a move in the browser the new page's heading has focus (a screen reader reads it).
  if (javaScriptEnabled) await expect(page.locator('[data-page-heading]')).toBeFocused()
})

test('fields say what they hold: types, keyboards and autocomplete for phones; hints; Advanced fields say (optional)', async ({
  page,
}) => {
  await signIn(page, 'verified')
  await expect(nameInput(page)).toHaveAttribute('autocomplete', 'organization')
  await expect(nameInput(page)).toHaveAccessibleDescription('The name your customers know you by.')
  const zip = page.getByLabel('ZIP code (optional)')
  await expect(zip).toHaveAttribute('autocomplete', 'postal-code')
  await expect(zip).toHaveAttribute('inputmode', 'numeric')
  await expect(page.getByLabel('Street address (optional)')).toHaveAttribute('autocomplete', 'address-line1')
  await expect(page.getByLabel('City (optional)')).toHaveAttribute('autocomplete', 'address-level2')
  await expect(page.getByLabel('State (optional)')).toHaveAttribute('autocomplete', 'address-level1')
  await toA2pPage(page)
  const website = page.getByLabel('Website')
  await expect(website).toHaveAttribute('type', 'url')
  await expect(website).toHaveAttribute('autocomplete', 'url')
  await expect(page.getByLabel('Legal business name')).toHaveAttribute('autocomplete', 'organization')
  const contact = page.locator('#authorizedContact')
  await expect(contact.getByLabel('Email')).toHaveAttribute('type', 'email')
  await expect(contact.getByLabel('Email')).toHaveAttribute('autocomplete', 'email')
  await expect(contact.getByLabel('Mobile')).toHaveAttribute('type', 'tel')
  await expect(contact.getByLabel('Mobile')).toHaveAttribute('autocomplete', 'tel-national')
  await expect(contact.getByLabel('Name')).toHaveAttribute('autocomplete', 'name')
  await expect(page.getByLabel('EIN', { exact: true })).toHaveAttribute('inputmode', 'numeric')
})

test("Enter in a field presses Continue, not the first of the page's own buttons (a price beside a connected calendar)", async ({
  page,
}) => {
  await toCalmsgPage(page)
  await page.getByRole('link', { name: 'Connect Google Calendar' }).click()
  await page.getByRole('button', { name: 'Allow' }).click()
  await expect(page.getByTestId('calendar-connected')).toBeVisible()
  await page.getByLabel('Drain cleaning: from').fill('160')
  await page.getByLabel('Drain cleaning: from').press('Enter')
  await expect(page).toHaveURL(/\/onboarding\/a2p$/)
  await page.goto('/onboarding/calmsg')
  await expect(page.getByTestId('calendar-connected')).toHaveText('Connected as owner@example.com')
  await expect(page.getByLabel('Drain cleaning: from')).toHaveValue('160')
})

test('Enter on the registration page saves and stays: it never sends a registration, which is charged', async ({
  page,
  javaScriptEnabled,
}) => {
  await toA2pPage(page)
  await page.getByLabel('Legal business name').fill('Rivera Plumbing and Heating LLC')
  await page.getByLabel('Legal business name').press('Enter')
  // With JavaScript the page's own line says so; without, the page comes back with the flash.
  if (javaScriptEnabled) await expect(page.locator('form [data-toast]')).toHaveText('Saved')
  else await expect(toast(page)).toHaveText('Saved')
  await expect(page).toHaveURL(/\/onboarding\/a2p$/)
  await expect(page.getByText('Not submitted')).toBeVisible()
  await page.reload()
  await expect(page.getByLabel('Legal business name')).toHaveValue('Rivera Plumbing and Heating LLC')
})

test.describe('with JavaScript', () => {
  test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'autosave and the toast need JavaScript')

  test('at 360 px the "Saved" toast covers neither the field just saved nor the one being typed in', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 360, height: 640 })
    await toA2pPage(page)
    const website = page.getByLabel('Website')
    const saved = page.locator('form [data-toast]')
    // The field at the foot of the screen (a phone's keyboard pushes it there), then at its top
    // (where the browser scrolls a field it moves focus to).
    const places = [
      (el: Element) => window.scrollBy(0, el.getBoundingClientRect().bottom - window.innerHeight + 4),
      (el: Element) => el.scrollIntoView({ block: 'start' }),
    ]
    for (const [i, place] of places.entries()) {
      await website.evaluate(place)
      await website.fill(`https://riveraplumbing${i}.example`)
      await website.press('Shift+Tab')
      await expect(saved).toHaveText('Saved')
      const box = (await saved.boundingBox())!
      for (const field of [website, page.locator(':focus')]) {
        const f = (await field.boundingBox())!
        const overlaps =
          box.x < f.x + f.width && f.x < box.x + box.width && box.y < f.y + f.height && f.y < box.y + box.height
        expect(overlaps, `toast ${JSON.stringify(box)} over field ${JSON.stringify(f)} (${i})`).toBe(false)
      }
    }
  })

  test('leaving the page with a field typed in and not yet left saves it (pagehide, keepalive)', async ({ page }) => {
    await signIn(page, 'verified')
    await nameInput(page).fill('Bright Spark Electric and Sons')
    // No blur: the page goes away with the field still focused.
    await page.goto('about:blank')
    await expect
      .poll(async () => {
        await page.goto('/onboarding/account')
        return nameInput(page).inputValue()
      })
      .toBe('Bright Spark Electric and Sons')
  })
})
