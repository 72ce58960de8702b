import { expect, test } from './fixtures'
import { replyOf, signIn } from './helpers'

// Straight HTTP against the action: whatever arrives, the answer is a clear 4xx, never a 500.
test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'HTTP-level checks run once')

test('malformed requests get a 400 and change nothing', async ({ page }) => {
  await signIn(page, 'unverified-mobile')
  const post = (data: Record<string, string> | string, headers?: Record<string, string>) =>
    page.request.post('/onboarding/account.data', {
      form: typeof data === 'string' ? undefined : data,
      data: typeof data === 'string' ? data : undefined,
      headers,
    })
  const cases = [
    await post('{"displayName":"json"}', { 'content-type': 'application/json' }),
    await post({ intent: 'autosave', displayName: 'No version' }),
    await post({ intent: 'autosave', version: 'NaN', displayName: 'Bad version' }),
    await post({ intent: 'delete', version: '0', displayName: 'Unknown intent' }),
    await post({ intent: 'autosave', version: '0', displayName: 'x'.repeat(10_000) }),
    await post({ intent: 'autosave', version: '0', vertical: 'astrology' }),
    await post({ intent: 'continue', version: '0' }),
  ]
  expect(cases.map((r) => r.status())).toEqual([400, 400, 400, 400, 400, 400, 400])
  const body = await replyOf(cases[4])
  expect(body.result.error.displayName).toEqual(['Keep the name under 100 characters'])
  await page.goto('/onboarding/account')
  await expect(page.getByRole('textbox', { name: 'Business name' })).toHaveValue('Bright Spark Electric')
})

test('a stale version gets a 409 with one line and the standard shape', async ({ page }) => {
  await signIn(page, 'unverified-mobile')
  const post = (version: string, displayName: string) =>
    page.request.post('/onboarding/account.data', {
      form: { intent: 'autosave', version, displayName },
    })
  const first = await post('0', 'First')
  expect(first.status()).toBe(200)
  expect(await replyOf(first)).toMatchObject({
    phase: 'ACCOUNT',
    version: 1,
    saved: true,
    textingEligible: false,
    completion: { account: 100 },
  })
  const stale = await post('0', 'Second')
  expect(stale.status()).toBe(409)
  expect(await replyOf(stale)).toMatchObject({
    conflict: true,
    message: 'This page changed in another tab; reload to see the latest',
  })
})

test('the dev sign-in refuses an unknown persona with a clear message', async ({ request }) => {
  const res = await request.post('/dev/sign-in.data', { form: { persona: 'admin' } })
  expect(res.status()).toBe(400)
  expect(await replyOf(res)).toEqual({ error: 'Choose one of the listed personas' })
})
