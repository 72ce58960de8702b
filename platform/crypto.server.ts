import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { env } from './env.server'

// Secrets kept at rest (port-in account numbers and PINs, the calendar's refresh token and PKCE
// verifier, a typed one-time code, the Slack link), sealed with AES-256-GCM. Each is bound to its
// tenant and its column as associated data, so a sealed value copied into another tenant's row, or
// another column, does not open. Stored as "v2:<key id>:<iv>:<tag>:<ciphertext>": sealed with
// PORT_IN_KEY, opened with it or with a retired key of PORT_IN_KEYS_RETIRED (key rotation).
export type SealedField =
  | 'ob_number.port_in.accountNumber'
  | 'ob_number.port_in.pin'
  | 'ob_calmsg.calendar_refresh_token'
  | 'ob_calmsg.calendar_oauth_verifier'
  | 'ob_calmsg.slack_webhook_url'
  | 'ob_a2p.otp_code'
export type SealedFor = { tenantId: string; field: SealedField }

const keyId = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 8)
function keys(): Map<string, Buffer> {
  const all = [env().PORT_IN_KEY, ...env().PORT_IN_KEYS_RETIRED].map((k) => Buffer.from(k, 'base64'))
  return new Map(all.map((k) => [keyId(k), k]))
}
const aad = (o: SealedFor) => Buffer.from(`${o.tenantId}:${o.field}`, 'utf8')

export function seal(plain: string, o: SealedFor): string {
  const key = Buffer.from(env().PORT_IN_KEY, 'base64')
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(aad(o))
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return ['v2', keyId(key), ...[iv, cipher.getAuthTag(), body].map((p) => p.toString('base64url'))].join(':')
}

export class NotSealed extends Error {}

/** The plain value; NotSealed when it is not one of ours, for this tenant and field, under a key we hold. */
export function unseal(sealed: string, o: SealedFor): string {
  const [version, kid, iv, tag, body] = sealed.split(':')
  const key = keys().get(kid ?? '')
  if (version !== 'v2' || !key || !iv || !tag || body === undefined)
    throw new NotSealed('not a sealed value of a key we hold')
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
    decipher.setAAD(aad(o))
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
  } catch {
    throw new NotSealed(`not sealed for ${o.field} of this tenant`)
  }
}

/** The plain value, or null when it does not open for this tenant and field (moved from another row, or under a key we no longer hold). */
export function unsealOrNull(sealed: string, o: SealedFor): string | null {
  try {
    return unseal(sealed, o)
  } catch (error) {
    if (error instanceof NotSealed) return null
    throw error
  }
}

/**
 * A link's proof, for pages opened without signing in (the reminder mail's "turn reminders off"):
 * an HMAC of what it is for, under the newest SESSION_SECRET; any secret still listed verifies it.
 */
export function linkToken(purpose: 'reminders-off', tenantId: string): string {
  return `${tenantId}.${mac(env().SESSION_SECRET[0], purpose, tenantId)}`
}

/** The tenant a link's token proves, or null for one that was not made by linkToken. */
export function tenantOfLinkToken(purpose: 'reminders-off', token: string): string | null {
  const m = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token)
  if (!m) return null
  const ok = env().SESSION_SECRET.some((secret) =>
    timingSafeEqual(Buffer.from(mac(secret, purpose, m[1])), Buffer.from(m[2])),
  )
  return ok ? m[1] : null
}

const mac = (secret: string, purpose: string, tenantId: string) =>
  createHmac('sha256', secret).update(`${purpose}:${tenantId}`).digest('base64url')
