import { ClerkUnavailable, readClerkOwner } from '../providers/clerk.server'
import { ensureTenant, recordIdentityFlags } from '../../db/flow.server'
import { db } from '../lib/db.server'
import { env } from '../lib/env.server'
import { PERSONAS, type PersonaId } from './personas'

/** Who is signed in: the tenant always comes from the verified session, never from form data. */
export type Identity = { userId: string; persona: string; tenantId: string }

/** The dev identity is for local work only: production must use a real identity provider. */
export const devIdentityAllowed = () => env().NODE_ENV !== 'production' && !env().clerk

// Signs a persona in: the owner's tenant is created on first sign-in, identity flags refreshed.
export async function signInPersona(persona: PersonaId, ownerId: string | undefined) {
  const p = PERSONAS[persona]
  const userId = `dev:${ownerId ?? persona}`
  // A separate owner gets Stripe ids of its own (the Stripe fake serves them the persona's objects).
  const suffix = ownerId ? `__${ownerId.replace(/-/g, '_')}` : ''
  const tenantId = await ensureTenant(db(), {
    userId,
    ...p,
    stripeCustomerId: p.stripeCustomerId + suffix,
    stripeAccountId: p.stripeAccountId + suffix,
  })
  return { userId, persona, tenantId }
}

/** First visit of a Clerk user: their tenant, made from what Clerk knows about them. */
export async function firstClerkVisit(userId: string): Promise<string> {
  const owner = await readClerkOwner(userId, 3000).catch((error) => {
    if (error instanceof ClerkUnavailable) {
      throw new Response('We could not reach the sign-in service. Try again in a minute.', { status: 503 })
    }
    throw error
  })
  return ensureTenant(db(), owner)
}

/**
 * Email and mobile verification as Clerk says now, read with a short timeout while the Account
 * page loads; when Clerk does not answer, the flags stored last time stand.
 */
export async function refreshIdentityFlags(identity: Identity): Promise<void> {
  if (!env().clerk) return
  try {
    const owner = await readClerkOwner(identity.userId, 1500)
    await recordIdentityFlags(db(), identity.tenantId, owner)
  } catch (error) {
    if (!(error instanceof ClerkUnavailable)) throw error
    console.warn(`${error.message}; using the stored verification flags`)
  }
}
