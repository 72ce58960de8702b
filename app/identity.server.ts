import { db, ensureTenant } from './db.server'
import { env } from './env.server'
import { PERSONAS, type PersonaId } from './personas'

/** The dev identity is for local work only: production must use a real identity provider. */
export const devIdentityAllowed = () => env().NODE_ENV !== 'production'

// Signs a persona in: the owner's tenant is created on first sign-in, identity flags refreshed.
export async function signInPersona(persona: PersonaId, ownerId: string | undefined) {
  const p = PERSONAS[persona]
  const userId = `dev:${ownerId ?? persona}`
  const tenantId = await ensureTenant(db(), {
    userId,
    email: p.email,
    mobileE164: p.mobileE164,
    name: p.name,
    emailVerified: p.emailVerified,
    mobileVerified: p.mobileVerified,
    stripeActive: p.stripeActive,
    prefill: p.prefill,
  })
  return { userId, persona, tenantId }
}
