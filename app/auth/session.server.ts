import { createCookieSessionStorage, redirect } from '@remix-run/node'
import * as z from 'zod'
import { requireClerkUserId, revokeClerkSession } from '../../platform/providers/clerk.server'
import { tenantForUser } from '../../db/flow.server'
import { nameTenant } from '../../db/context.server'
import { isOutage, pool, unavailable } from '../../platform/db.server'
import { env } from '../../platform/env.server'
import { firstClerkVisit, type Identity } from './identity.server'

// `lng`: the language the owner chose (app/i18n.server.ts), kept signed in and out.
type SessionData = { userId: string; persona: string; tenantId: string; lng: string }
type FlashData = { toast: string }

let storage: ReturnType<typeof createCookieSessionStorage<SessionData, FlashData>> | undefined
function sessions() {
  storage ??= createCookieSessionStorage<SessionData, FlashData>({
    cookie: {
      name: '__ob_session',
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: env().NODE_ENV === 'production',
      secrets: env().SESSION_SECRET,
      maxAge: 60 * 60 * 24 * 30,
    },
  })
  return storage
}

/** The session store itself, for remix-i18next's language detection. */
export const sessionStorage = () => sessions()
export const getSession = (request: Request) => sessions().getSession(request.headers.get('Cookie'))
export const commitSession: ReturnType<typeof sessions>['commitSession'] = (s, o) => sessions().commitSession(s, o)
export const destroySession: ReturnType<typeof sessions>['destroySession'] = (s, o) => sessions().destroySession(s, o)

export type { Identity }
const IdentitySchema = z.object({ userId: z.string().min(1), persona: z.string(), tenantId: z.string().uuid() })

// The tenant always comes from the verified Clerk session or the signed dev cookie, never from form data.
export async function requireIdentity(request: Request): Promise<Identity> {
  const identity = await identify(request)
  nameTenant(identity.tenantId) // the request's log lines name it from here on
  return identity
}

async function identify(request: Request): Promise<Identity> {
  if (env().clerk) {
    const userId = await requireClerkUserId(request)
    try {
      const tenantId = (await tenantForUser(pool(), userId)) ?? (await firstClerkVisit(userId))
      return { userId, persona: 'clerk', tenantId }
    } catch (error) {
      throw isOutage(error) ? unavailable() : error
    }
  }
  const session = await getSession(request)
  const identity = IdentitySchema.safeParse({
    userId: session.get('userId'),
    persona: session.get('persona'),
    tenantId: session.get('tenantId'),
  })
  if (!identity.success) throw redirect('/dev/sign-in')
  return identity.data
}

/**
 * Signs the owner out: with Clerk, the session is revoked at Clerk and its cookies here cleared,
 * then Clerk's sign-in; in dev, the signed cookie is dropped and the persona picker shows.
 */
export async function signOut(request: Request): Promise<Response> {
  const clerk = env().clerk
  if (!clerk)
    return redirect('/dev/sign-in', { headers: { 'Set-Cookie': await destroySession(await getSession(request)) } })
  await revokeClerkSession(request)
  const headers = new Headers()
  const secure = env().NODE_ENV === 'production' ? '; Secure' : ''
  headers.append('Set-Cookie', `__session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure}`)
  headers.append('Set-Cookie', `__client_uat=0; Path=/; Max-Age=0; SameSite=Lax${secure}`)
  return redirect(clerk.signInUrl, { headers })
}

export async function redirectWithToast(request: Request, to: string, toast: string) {
  const session = await getSession(request)
  session.flash('toast', toast)
  return redirect(to, { headers: { 'Set-Cookie': await commitSession(session) } })
}
