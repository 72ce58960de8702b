import { beforeAll, describe, expect, it } from 'vitest'
import { fakesFor, hasBuild, startWeb, startWorker } from '../setup/app'
import { freshDatabase } from '../setup/db'

// First visit without JavaScript: the Stripe prefill runs as a job enqueued at sign-in, so the page
// loaded right after it waits a moment (our database only, at most about 2 s) for the prefill to
// land, and shows the business name instead of "Fetching your business details...". When Stripe is
// slower than that, the page comes after those 2 s with the line and its Refresh link.
const { url } = await freshDatabase()
const { env, fake } = await fakesFor()
const appEnv = { DATABASE_URL: url, ...env }
const web = hasBuild() ? await startWeb(appEnv) : null
if (web) startWorker(appEnv)
const stripe = fake('stripe')
const text = (res: Response) => res.text().then((t) => t.replaceAll('<!-- -->', ''))

describe.runIf(hasBuild())('the first Account page after sign-in, without JavaScript', () => {
  beforeAll(async () => {
    // The worker process has just started: wait until it has run a first prefill.
    const warm = await web!.browser().signIn('verified')
    for (
      let i = 0;
      i < 100 && (await text(await warm.get('/onboarding/account'))).includes('Fetching your business details');
      i++
    )
      await new Promise((r) => setTimeout(r, 100))
  }, 30_000)

  it('waits for a prefill that takes about a second (Stripe answering each of its reads in 300 ms) and shows the business name', async () => {
    await stripe.switches({ delayMs: 300 })
    const browser = await web!.browser().signIn('verified')
    const page = await text(await browser.get('/onboarding/account'))
    expect(page).toContain('value="Rivera Plumbing &amp; Heating"')
    expect(page).not.toContain('Fetching your business details')
  })

  it('shows the line (with its Refresh link) after about 2 s when Stripe is slower', async () => {
    await stripe.switches({ delayMs: 6000 })
    const browser = await web!.browser().signIn('verified')
    const t0 = Date.now()
    const page = await text(await browser.get('/onboarding/account'))
    const waited = Date.now() - t0
    // It waited (a lower bound holds on a busy machine too), then answered before Stripe did (the line, not the name).
    expect(waited).toBeGreaterThanOrEqual(1900)
    expect(page).toContain('Fetching your business details')
    await stripe.switches({ delayMs: 0 })
  })
})
