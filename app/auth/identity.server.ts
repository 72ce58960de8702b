import { ClerkUnavailable, readClerkOwner } from '../../platform/providers/clerk.server'
import { ensureTenant, recordIdentityFlags } from '../../db/flow.server'
import { pool, withTenant } from '../../platform/db.server'
import { env } from '../../platform/env.server'
import { PERSONAS, type PersonaId } from './personas'
import { log } from '../../platform/log.server'

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
  const tenantId = await ensureTenant(pool(), {
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
  return ensureTenant(pool(), owner)
}

// Clerk is read at most once a minute per owner and process, and once at a time: an Account page
// revalidates every second while a line is pending, and an owner may have many tabs open.
const CLERK_EVERY_MS = 60_000
const lastRead = new Map<string, number>()
const inFlight = new Map<string, Promise<void>>()

/**
 * Email and mobile verification as Clerk says now, read with a short timeout while the Account
 * page loads; when Clerk does not answer, the flags stored last time stand. No transaction is held
 * while Clerk answers: the flags are written in one of their own.
 */
export function refreshIdentityFlags(identity: Identity): Promise<void> {
  if (!env().clerk) return Promise.resolve()
  const last = lastRead.get(identity.userId)
  if (last !== undefined && Date.now() - last < CLERK_EVERY_MS) return Promise.resolve()
  let running = inFlight.get(identity.userId)
  if (!running) {
    running = readAndRecord(identity).finally(() => inFlight.delete(identity.userId))
    inFlight.set(identity.userId, running)
  }
  return running
}

async function readAndRecord(identity: Identity): Promise<void> {
  try {
    const owner = await readClerkOwner(identity.userId, 1500)
    await withTenant(identity.tenantId, (tx) => recordIdentityFlags(tx, identity.tenantId, owner))
    if (lastRead.size >= 10_000) lastRead.clear() // a bound, not a cache policy: at worst Clerk is read again
    lastRead.set(identity.userId, Date.now())
  } catch (error) {
    if (!(error instanceof ClerkUnavailable)) throw error
    log().warn(`${error.message}; using the stored verification flags`)
  }
}
