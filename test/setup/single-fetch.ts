import { decode } from 'turbo-stream'

// Remix's single fetch, as the browser speaks it: a page's data and its action answer at
// `<path>.data`, encoded with turbo-stream. Tests and the bench read replies through these helpers,
// so they see what the page's own code receives (the action's object, a route's loader data).

/** The data URL of a page: its action (POST), or its route's loader data (GET, `routeId` given). */
export function dataUrl(path: string, routeId?: string) {
  const [pathname, search = ''] = path.split('?')
  const query = new URLSearchParams(search)
  if (routeId) query.set('_routes', routeId)
  const rest = query.toString()
  return `${pathname === '/' ? '/_root' : pathname.replace(/\/$/, '')}.data${rest ? `?${rest}` : ''}`
}

/** The route of a page's path: /onboarding/account is routes/onboarding.account. */
export const routeIdOf = (path: string) => `routes/${path.split('?')[0].slice(1).replace(/\//g, '.')}`

/** A page's loader data at `url` (a page's address), as its revalidation reads it: decoded JSON. */
export async function fetchPageData(url: string, init: RequestInit = {}) {
  const { pathname, origin } = new URL(url)
  const route = routeIdOf(pathname)
  return plainReply(await fetch(`${origin}${dataUrl(pathname, route)}`, init), route)
}

/** A post to the action of the page at `url`, as its fetchers send it: the reply decoded to JSON. */
export async function postPage(url: string, init: RequestInit) {
  const { pathname, origin } = new URL(url)
  return plainReply(await fetch(`${origin}${dataUrl(pathname)}`, { ...init, method: 'POST' }))
}

type Redirect = { redirect: string; status: number }
const REDIRECT = Symbol('redirect')
// What Remix answers a redirect with (a page's loader or action redirecting), not the redirect itself.
const REDIRECT_STATUS = 202

/**
 * A single-fetch answer as plain HTTP: a JSON body of the action's reply (or `routeId`'s loader
 * data) with the answer's status and headers, a redirect as its own status with `location`, and
 * anything that is not single fetch (a 413 or 403 of the web server's own checks) as it came.
 */
export async function plainReply(res: Response, routeId?: string): Promise<Response> {
  if (!res.headers.get('content-type')?.startsWith('text/x-script') || !res.body) return res
  const decoded = await decode(res.body, {
    plugins: [
      (type: string, ...rest: unknown[]) =>
        type === 'SingleFetchRedirect' ? { value: { [REDIRECT]: rest[0] } } : undefined,
      (type: string, value?: unknown) => (type === 'SingleFetchClassInstance' ? { value } : undefined),
    ],
  })
  await decoded.done
  const value = decoded.value as Record<string | symbol, unknown>
  const headers = new Headers(res.headers)
  headers.set('content-type', 'application/json; charset=utf-8')
  // A loader's redirect comes wrapped, an action's as it is.
  const redirect = (value[REDIRECT] ?? (res.status === REDIRECT_STATUS ? value : undefined)) as Redirect | undefined
  if (redirect) {
    headers.set('location', redirect.redirect)
    return new Response(null, { status: redirect.status, headers })
  }
  const result = (routeId ? value[routeId] : value) as { data?: unknown; error?: unknown } | undefined
  const body = result && 'error' in result ? { error: String(result.error) } : (result?.data ?? null)
  return new Response(JSON.stringify(body), { status: res.status, headers })
}
