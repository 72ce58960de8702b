import type { Sql } from '../../db/client.server'
import type { Browser } from './app'
import { formFields } from './form'
import { until } from './wait'

// The wizard walked over HTTP as a browser without JavaScript does: each page's form as it is
// sent when its button is pressed.
// React's text separators (<!-- -->) are dropped, so a sentence reads as the owner sees it.
export const html = async (b: Browser, path: string) => (await (await b.get(path)).text()).replaceAll('<!-- -->', '')
export const where = (res: Response) => `${res.status} ${res.headers.get('location') ?? ''}`

/** The page's form as the browser sends it when the button of `intent` is pressed. */
export async function pressed(b: Browser, page: string, intent = 'continue') {
  return formFields(await html(b, `/onboarding/${page}`), page, { name: 'intent', value: intent })
}

export const tenantOf = async (sql: Sql, owner: string) =>
  (await sql`select tenant_id from ob_employee where clerk_user_id = ${`dev:${owner}`}`)[0]?.tenantId as string

/** A new owner who accepts every default up to the registration page (needs a worker running). */
export async function walkToRegistration(sql: Sql, b: Browser, owner: string) {
  await until(
    'the prefill',
    async () => !(await html(b, '/onboarding/account')).includes('Fetching your business details'),
  )
  const step = async (page: string) => where(await b.post(`/onboarding/${page}`, await pressed(b, page), { js: false }))
  if ((await step('account')) !== '302 /onboarding/number') throw new Error('Account did not go on')
  await step('number')
  await until('the number', async () => (await html(b, '/onboarding/number')).includes('data-testid="number-banner"'))
  if ((await step('number')) !== '302 /onboarding/calmsg') throw new Error('Number did not go on')
  if ((await step('calmsg')) !== '302 /onboarding/a2p') throw new Error('Services did not go on')
  await until(
    'the website check',
    async () => !(await html(b, '/onboarding/a2p')).includes('data-blocker="WEBSITE_CHECKING"'),
  )
  return tenantOf(sql, owner)
}
