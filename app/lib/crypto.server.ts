import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { env } from './env.server'

// Port-in account numbers and PINs, encrypted at rest with AES-256-GCM under PORT_IN_KEY (32 bytes,
// base64). Stored as "v1:<iv>:<tag>:<ciphertext>", so a key rotation can add v2 beside it.
const key = () => Buffer.from(env().PORT_IN_KEY, 'base64')

export function seal(plain: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key(), iv)
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return ['v1', iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join(':')
}

export function unseal(sealed: string): string {
  const [version, iv, tag, body] = sealed.split(':')
  if (version !== 'v1' || !iv || !tag || !body) throw new Error('not a sealed value')
  const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'))
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
}
