import { createClerkClient } from '@clerk/remix/api.server'
import { getAuth } from '@clerk/remix/ssr.server'
import { redirect } from '@remix-run/node'
import { env } from '../env.server'
import { log } from '../log.server'

// Clerk, when its keys are set. Sessions are verified by @clerk/remix (networkless with
// CLERK_JWT_KEY); the owner's email, mobile and Stripe ids come from Clerk's Backend API.
export type ClerkOwner = {
  userId: string
  name: string
  email: string | null
  emailVerified: boolean
  mobileE164: string | null
  mobileVerified: boolean
  stripeCustomerId: string | null
  stripeAccountId: string | null
}

export class ClerkUnavailable extends Error {}

/** Clerk's Backend API client, with the configured keys (and the fake's address in tests). */
const backend = () => {
  const clerk = env().clerk!
  return createClerkClient({ secretKey: clerk.secretKey, apiUrl: clerk.apiUrl, publishableKey: clerk.publishableKey })
}

/** The signed-in Clerk user id, or a redirect to Clerk's sign-in page. */
export async function requireClerkUserId(request: Request): Promise<string> {
  const clerk = env().clerk!
  const auth = await getAuth({ request, context: {}, params: {} }, { secretKey: clerk.secretKey })
  if (!auth.userId) throw redirect(`${clerk.signInUrl}?redirect_url=${encodeURIComponent(request.url)}`)
  return auth.userId
}

/**
 * Ends the request's Clerk session at Clerk (Backend API), so it cannot be refreshed again; false
 * when there was none or Clerk did not answer within `timeoutMs` (the caller clears the cookies anyway).
 */
export async function revokeClerkSession(request: Request, timeoutMs = 3000): Promise<boolean> {
  const clerk = env().clerk!
  const auth = await getAuth({ request, context: {}, params: {} }, { secretKey: clerk.secretKey })
  if (!auth.sessionId) return false
  const client = backend()
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)))
  try {
    return await Promise.race([client.sessions.revokeSession(auth.sessionId).then(() => true), timeout])
  } catch (error) {
    log().error({ err: error }, `Clerk session ${auth.sessionId} could not be revoked`)
    return false
  } finally {
    clearTimeout(timer)
  }
}

/** Reads the user from Clerk's Backend API, giving up after `timeoutMs`. */
export async function readClerkOwner(userId: string, timeoutMs: number): Promise<ClerkOwner> {
  const client = backend()
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ClerkUnavailable(`Clerk did not answer within ${timeoutMs} ms`)), timeoutMs)
  })
  try {
    const user = await Promise.race([client.users.getUser(userId), timeout])
    const email = user.emailAddresses.find((e) => e.id === user.primaryEmailAddressId)
    const phone = user.phoneNumbers.find((p) => p.id === user.primaryPhoneNumberId)
    const meta = user.publicMetadata as Record<string, unknown>
    const text = (v: unknown) => (typeof v === 'string' && v ? v : null)
    return {
      userId,
      name: [user.firstName, user.lastName].filter(Boolean).join(' ') || (email?.emailAddress ?? 'Owner'),
      email: email?.emailAddress ?? null,
      emailVerified: email?.verification?.status === 'verified',
      mobileE164: phone?.phoneNumber ?? null,
      mobileVerified: phone?.verification?.status === 'verified',
      stripeCustomerId: text(meta.stripeCustomerId),
      stripeAccountId: text(meta.stripeAccountId),
    }
  } catch (error) {
    throw error instanceof ClerkUnavailable
      ? error
      : new ClerkUnavailable(`Clerk user ${userId} could not be read: ${String(error)}`)
  } finally {
    clearTimeout(timer)
  }
}
