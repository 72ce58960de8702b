import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { continueButton, toast, toCalmsgPage } from './helpers'

// Runs in both projects: JavaScript enabled and disabled.
const chip = (page: Page, name: string) => page.getByRole('checkbox', { name })
const preview = (page: Page) => page.getByTestId('preview-en')

test('defaults: three services preselected with typical prices, the preview beside them; Continue without edits moves to Page 4', async ({
  page,
}, info) => {
  await toCalmsgPage(page)
  for (const name of ['Drain cleaning', 'Water heater repair', 'Leak repair'])
    await expect(chip(page, name)).toBeChecked()
  await expect(chip(page, 'Toilet repair')).not.toBeChecked()
  await expect(page.getByLabel('Drain cleaning: from')).toHaveValue('150')
  await expect(page.getByLabel('Drain cleaning: up to')).toHaveValue('450')
  await expect(preview(page)).toContainText('Rivera Plumbing & Heating: sorry we missed your call!')
  await expect(preview(page)).toContainText('Need drain cleaning or something else?')
  await expect(preview(page)).toContainText('Hours: Mon-Fri 8am-6pm.')
  await expect(preview(page)).toContainText('Reply STOP to opt out, HELP for help.')
  await expect(page.getByTestId('measure-en')).toHaveText(/^\d+ characters · GSM-7 · 2 SMS segments$/)
  await expect(page.locator('[data-blocker="CONNECT_CALENDAR"]')).toBeVisible()
  await page.screenshot({ path: `test-results/calmsg-1280-${info.project.name}.png`, fullPage: true })
  await page.setViewportSize({ width: 360, height: 800 })
  await page.screenshot({ path: `test-results/calmsg-360-${info.project.name}.png`, fullPage: true })
  await continueButton(page).click()
  await expect(page).toHaveURL(/\/onboarding\/a2p$/)
  await expect(toast(page)).toHaveText('Saved')
})

test('a 4th service gives an inline error and Continue stays on the page', async ({ page, javaScriptEnabled }) => {
  await toCalmsgPage(page)
  await chip(page, 'Toilet repair').click()
  const error = page.locator('#topServices').getByText(/Pick at most 3 services/)
  if (javaScriptEnabled) {
    // Refused at once: the chip does not tick.
    await expect(error).toBeVisible()
    await expect(chip(page, 'Toilet repair')).not.toBeChecked()
    await chip(page, 'Drain cleaning').uncheck()
    await expect(error).toHaveCount(0)
    await chip(page, 'Drain cleaning').check()
  } else {
    // Without JavaScript the box ticks; the server refuses the save and says why, inline.
    await continueButton(page).click()
    await expect(page).toHaveURL(/\/onboarding\/calmsg$/)
    await expect(error).toBeVisible()
    await expect(chip(page, 'Toilet repair')).toBeChecked()
  }
  await continueButton(page).click()
  await expect(page).toHaveURL(javaScriptEnabled ? /\/onboarding\/a2p$/ : /\/onboarding\/calmsg$/)
})

test('swapping a service shows its typical price; the preview follows the services, the template and Spanish', async ({
  page,
  javaScriptEnabled,
}) => {
  await toCalmsgPage(page)
  await chip(page, 'Drain cleaning').uncheck()
  await chip(page, 'Toilet repair').check()
  await page.getByText('Advanced (optional)').click()
  await page.getByLabel('Message (optional)', { exact: true }).fill('We fix {service} fast. Hours: {hours}. 😀')
  await page.getByLabel('Also text in Spanish').check()
  if (!javaScriptEnabled) {
    // Without JavaScript the page shows what was saved: Continue saves, and the owner comes back.
    await continueButton(page).click()
    await expect(page).toHaveURL(/\/onboarding\/a2p$/)
    await page.goto('/onboarding/calmsg')
  }
  await expect(page.getByLabel('Toilet repair: from')).toHaveValue('120')
  await expect(page.getByLabel('Drain cleaning: from')).toHaveCount(0)
  await expect(preview(page)).toContainText('We fix water heater repair fast. Hours: Mon-Fri 8am-6pm. 😀')
  await expect(page.getByTestId('measure-en')).toContainText('UCS-2')
  await expect(page.getByTestId('preview-es')).toContainText('Horario: lun-vie 8am-6pm.')
  await page.waitForTimeout(javaScriptEnabled ? 1000 : 0) // the last autosave lands
  await page.reload()
  await expect(chip(page, 'Toilet repair')).toBeChecked()
  await expect(page.getByTestId('preview-es')).toBeVisible()
})

test('Connect -> Allow -> "Connected as ..." -> Continue; Deny first gives one line and stays', async ({ page }) => {
  await toCalmsgPage(page)
  await page.getByRole('link', { name: 'Connect Google Calendar' }).click()
  await page.getByRole('button', { name: 'Deny' }).click()
  await expect(page).toHaveURL(/\/onboarding\/calmsg#calendar$/)
  await expect(page.getByTestId('calendar-error')).toHaveText(/^You pressed Deny/)
  await expect(page.getByTestId('calendar-connected')).toHaveCount(0)
  await page.getByRole('link', { name: 'Connect Google Calendar' }).click()
  await expect(page.getByText('owner@example.com is asked')).toBeVisible()
  await page.getByRole('button', { name: 'Allow' }).click()
  await expect(page.getByTestId('calendar-connected')).toHaveText('Connected as owner@example.com')
  await expect(page.getByTestId('calendar-error')).toHaveCount(0)
  await expect(page.locator('[data-blocker="CONNECT_CALENDAR"]')).toHaveCount(0)
  await continueButton(page).click()
  await expect(page).toHaveURL(/\/onboarding\/a2p$/)
  await page.goto('/onboarding/calmsg')
  await expect(page.getByTestId('calendar-connected')).toBeVisible()
  await page.getByRole('button', { name: 'Disconnect' }).click()
  await expect(page.getByRole('link', { name: 'Connect Google Calendar' })).toBeVisible()
})

test('an autosave of "No calendar" moves the stepper to 100%, from the page read alone', async ({
  page,
  javaScriptEnabled,
}) => {
  test.skip(!javaScriptEnabled, 'autosave needs JavaScript; without it Continue saves')
  await toCalmsgPage(page)
  const step = page.getByRole('link', { name: /Services and prices\s*\d+% done/ })
  await expect(step).toContainText('50% done')
  // What Remix reads again after each save: the page's loader, not the layout's as well.
  const reads: string[] = []
  page.on('request', (r) => {
    const url = new URL(r.url())
    if (r.method() === 'GET' && url.pathname === '/onboarding/calmsg.data')
      reads.push(url.searchParams.get('_routes') ?? '')
  })
  await page.getByRole('radio', { name: 'No calendar' }).check()
  await expect(page.locator('[data-blocker="CONNECT_CALENDAR"]')).toHaveCount(0)
  await expect(step).toContainText('100% done')
  expect(reads.length).toBeGreaterThan(0)
  expect(reads.every((routes) => routes === 'routes/onboarding.calmsg')).toBe(true)
})
