import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { randomBytes } from 'node:crypto'
import { STRIPE_SEED } from '../test/fakes/stripe'
import { finishedByItself, reloadUntil, toA2pPage } from './helpers'

// Runs in both projects: JavaScript enabled and disabled. The A2P fake approves by default.
const A2P_FAKE = `http://127.0.0.1:${Number(process.env.E2E_FAKES_PORT ?? 4110) + 1}`
const pill = (page: Page) => page.getByTestId('a2p-status')
const submit = (page: Page, name = 'Submit') => page.getByRole('button', { name, exact: true })
const tenantOf = async (page: Page) =>
  (await page.locator('a[href$="/privacy"]').first().getAttribute('href'))!.split('/')[2]
const switches = (body: object) =>
  fetch(`${A2P_FAKE}/__fake/switches`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
/** The code the A2P fake "texted" to the tenant's brand (its brand id from the fake's store). */
async function codeFor(tenant: string): Promise<{ code: string }> {
  const brands = (await (await fetch(`${A2P_FAKE}/__fake/brands/${tenant}`)).json()) as { brandIds: string[] }
  return (await (await fetch(`${A2P_FAKE}/__fake/otp/${brands.brandIds.at(-1)}`)).json()) as { code: string }
}

/** Ticks "Use our hosted pages"; with JavaScript, until its autosave has answered (without, it travels with the next button). */
async function tickHostedPages(page: Page, js: boolean) {
  const saved = js
    ? page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/onboarding/a2p'))
    : null
  await page.getByLabel('Use our hosted privacy policy and SMS terms pages').check()
  await saved
}

/** The website check runs as the page first shows; its line goes once it is in. */
const checked = async (page: Page) => {
  // The page itself first: without JavaScript the URL changes as the navigation commits, before the
  // new page is there, and a count then found no line on the old one.
  await expect(page.locator('form#a2p')).toBeVisible()
  // Up to a minute: on a busy machine the worker takes its time, and a Submit before it is refused.
  for (let i = 0; i < 200 && (await page.locator('[data-blocker="WEBSITE_CHECKING"]').count()) > 0; i++)
    await page.waitForTimeout(300).then(() => page.reload())
  await expect(page.locator('[data-blocker="WEBSITE_CHECKING"]')).toHaveCount(0)
}

// Four pages and a registration: longer than one page's test.
test.describe.configure({ timeout: 90_000 })

test('prefilled from Stripe; one click on Submit -> pending -> approved, and setup finishes by itself', async ({
  page,
  javaScriptEnabled,
}, info) => {
  await toA2pPage(page)
  await checked(page)
  await expect(page.getByRole('radio', { name: 'Business with an EIN (LLC, corporation)' })).toBeChecked()
  await expect(page.getByLabel('EIN', { exact: true })).toHaveValue('12-3456789')
  await expect(page.getByLabel('Legal business name')).toHaveValue('Rivera Plumbing & Heating LLC')
  await expect(page.getByLabel('Website')).toHaveValue('https://riveraplumbing.example/')
  await expect(page.getByText(/Contact for carriers: .* \(415\) 555-0123/)).toBeVisible()
  await expect(pill(page)).toHaveText('Not submitted')
  await page.screenshot({ path: `test-results/a2p-1280-${info.project.name}.png`, fullPage: true })
  await page.setViewportSize({ width: 360, height: 800 })
  await page.screenshot({ path: `test-results/a2p-360-${info.project.name}.png`, fullPage: true })
  await submit(page).click()
  await expect(pill(page)).toHaveText(/^Submitted/)
  // Approved: setup finishes by itself (the owner did not ask to check first), no Continue or Finish.
  await finishedByItself(page, javaScriptEnabled)
  await expect(page).toHaveURL(/\/onboarding\/finalize|\/dev\/dashboard/)
})

test('a sole proprietor with an EIN presses Submit: the database refuses it, and the line stands under the choice it is about', async ({
  page,
}) => {
  await toA2pPage(page)
  await checked(page)
  await page.getByRole('radio', { name: 'Sole proprietor, no EIN' }).check()
  await submit(page).click()
  // SQL's refusal (SOLE_PROP_HAS_EIN), worded on the field by the kit: nothing is sent to the carriers.
  const line = 'You have an EIN, so register as a business (Standard), not a sole proprietor.'
  await expect(page.locator('fieldset#brandType').getByText(line)).toBeVisible()
  await expect(pill(page)).toHaveText('Not submitted')
})

test('a rejection shows one line with Fix; hosted pages, then Resubmit, gets approved', async ({
  page,
  javaScriptEnabled,
}) => {
  await toA2pPage(page)
  await checked(page)
  const tenant = await tenantOf(page)
  await switches({ rejectCampaign: { [tenant]: '30896' } })
  await submit(page).click()
  await reloadUntil(page, javaScriptEnabled, () => page.getByText('Turned down', { exact: true }))
  const reason = page.getByTestId('a2p-reason')
  await expect(reason).toContainText('Your website needs a privacy policy and SMS terms')
  await reason.getByRole('link', { name: 'Fix' }).click()
  await tickHostedPages(page, javaScriptEnabled)
  await switches({ rejectCampaign: { [tenant]: null } }) // the carriers accept the corrected campaign
  await submit(page, 'Resubmit').click()
  await finishedByItself(page, javaScriptEnabled)
})

test("the hosted privacy policy and SMS terms are made from the owner's details: the owner previews them, strangers see them only once chosen", async ({
  page,
  browser,
  javaScriptEnabled,
}) => {
  await toA2pPage(page)
  const tenant = await tenantOf(page)
  const stranger = await (await browser.newContext()).newPage()
  // This owner's own website has the pages, so the hosted ones are not in use: public 404, owner's preview.
  expect((await stranger.goto(`/p/${tenant}/privacy`))?.status()).toBe(404)
  await page.goto(`/p/${tenant}/privacy`)
  await expect(page.getByRole('heading', { name: 'Rivera Plumbing & Heating: Privacy Policy' })).toBeVisible()
  // Chosen: ticked, then Submit (without JavaScript the tick travels with Submit's form).
  await page.goto('/onboarding/a2p')
  await checked(page)
  await page.getByText('Advanced (optional)').click()
  await tickHostedPages(page, javaScriptEnabled)
  await submit(page).click()
  await reloadUntil(page, javaScriptEnabled, () => pill(page).getByText(/Submitted|Texting enabled/))
  await stranger.goto(`/p/${tenant}/privacy`)
  await expect(stranger.getByRole('heading', { name: 'Rivera Plumbing & Heating: Privacy Policy' })).toBeVisible()
  await expect(
    stranger.getByText(
      'No mobile information will be shared with third parties or affiliates for marketing or promotional purposes.',
    ),
  ).toBeVisible()
  await stranger.goto(`/p/${tenant}/terms`)
  await expect(stranger.getByRole('heading', { name: 'Rivera Plumbing & Heating: SMS Terms' })).toBeVisible()
  await expect(stranger.getByText('Msg & data rates may apply.', { exact: true })).toBeVisible()
  expect((await stranger.goto('/p/00000000-0000-4000-8000-000000000000/privacy'))?.status()).toBe(404)
  expect((await stranger.goto('/p/not-a-tenant/terms'))?.status()).toBe(404)
})

test('a sole proprietor enters the code we texted, and texting is enabled', async ({ page, javaScriptEnabled }) => {
  // This owner's Stripe account has no EIN, so the page proposes a sole proprietor; the legal name is
  // the owner's own (with "LLC" it would be a business, which has an EIN: SOLE_PROP_ENTITY_NAME).
  const owner = `e2e-sp-${randomBytes(4).toString('hex')}`
  const suffix = `__${owner.replace(/-/g, '_')}`
  const seed = STRIPE_SEED as Record<string, { company?: object; tax_ids?: object }>
  await fetch(`http://127.0.0.1:${Number(process.env.E2E_FAKES_PORT ?? 4110) + 2}/__fake/switches`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      [`objects:${owner}`]: {
        [`acct_verified${suffix}`]: {
          ...seed.acct_verified,
          company: { ...seed.acct_verified.company, name: 'Maria Rivera', tax_id_provided: false },
        },
        [`cus_verified${suffix}`]: { ...seed.cus_verified, tax_ids: { object: 'list', has_more: false, data: [] } },
      },
    }),
  })
  await toA2pPage(page, owner)
  await checked(page)
  await expect(page.getByRole('radio', { name: 'Sole proprietor, no EIN' })).toBeChecked()
  await submit(page).click()
  await reloadUntil(page, javaScriptEnabled, () => page.getByText(/We texted a code to \(xxx\) xxx-0123/))
  await expect(pill(page)).toHaveText('Waiting for your code')
  await expect(page.getByText(/The code works for 2[34] h/)).toBeVisible()
  const otp = page.getByRole('textbox', { name: 'Code' })
  await otp.fill('000000')
  await page.getByRole('button', { name: 'Confirm code' }).click()
  await reloadUntil(page, javaScriptEnabled, () => page.getByTestId('otp-error'))
  await expect(page.getByTestId('otp-error')).toHaveText('That code is not right. Check the text and try again.')
  const tenant = await tenantOf(page)
  const brand = (await (
    await fetch(`http://127.0.0.1:${Number(process.env.E2E_FAKES_PORT ?? 4110) + 1}/__fake`)
  ).json()) as { counters: Record<string, number> }
  expect(brand.counters[`brands:${tenant}`]).toBe(1)
  const { code } = await codeFor(tenant)
  await page.getByRole('textbox', { name: 'Code' }).fill(code)
  await page.getByRole('button', { name: 'Confirm code' }).click()
  await finishedByItself(page, javaScriptEnabled)
})

test('a website without privacy and terms pages: one line, one click on "Use hosted pages", then Submit gets approved', async ({
  page,
  javaScriptEnabled,
}) => {
  const host = `nopolicy-${randomBytes(4).toString('hex')}.example`
  await fetch(`http://127.0.0.1:${Number(process.env.E2E_FAKES_PORT ?? 4110) + 6}/__fake/switches`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ [`site:${host}`]: { privacy: false, terms: false } }),
  })
  await toA2pPage(page)
  await checked(page)
  await page.getByLabel('Website').fill(`https://${host}`)
  // With JavaScript the field saves as it is left; without, the first press saves it and the site is checked.
  if (javaScriptEnabled) await page.getByLabel('Legal business name').click()
  else await submit(page).click()
  await reloadUntil(page, javaScriptEnabled, () => page.locator('[data-blocker="WEBSITE_PRIVACY_MISSING"]'))
  await expect(page.locator('[data-blocker="WEBSITE_PRIVACY_MISSING"]')).toHaveText(/no privacy policy page/)
  await page.getByRole('button', { name: 'Use hosted pages' }).click()
  await expect(page.locator('[data-blocker="WEBSITE_PRIVACY_MISSING"]')).toHaveCount(0)
  await submit(page).click()
  await finishedByItself(page, javaScriptEnabled)
})

test('Submit, then close the page: carriers approve, the mail arrives, and its link shows setup complete', async ({
  page,
  context,
  javaScriptEnabled,
}) => {
  await toA2pPage(page)
  await checked(page)
  const tenant = await tenantOf(page)
  await submit(page).click()
  await expect(pill(page)).toHaveText(/^Submitted/)
  await page.close()
  // No page open from here on: the worker follows the registration and the SMTP fake gets the mail.
  const MAIL_FAKE = `http://127.0.0.1:${Number(process.env.E2E_FAKES_PORT ?? 4110) + 7}`
  type Sent = { subject: string; links: string[]; messageId: string }
  let mail: Sent | undefined
  await expect
    .poll(
      async () => {
        const { messages } = (await (await fetch(`${MAIL_FAKE}/__fake/messages`)).json()) as { messages: Sent[] }
        mail = messages.find((m) => m.messageId.includes(tenant) && m.subject.includes('texting is on'))
        return mail?.subject
      },
      { timeout: 60_000 },
    )
    .toContain('your setup is complete')
  const next = await context.newPage()
  await next.goto(mail!.links[0])
  await reloadUntil(next, javaScriptEnabled, () =>
    next.getByRole('heading', { name: /^(You are all set|Onboarding is complete|Your dashboard)$/ }),
  )
})
