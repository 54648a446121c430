import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto'

import { purposeKey } from '../db/secret'

/**
 * Webhook secrets as the Standard Webhooks specification has them: `whsec_` and the base64 of
 * 24 to 64 random bytes; the HMAC key is the decoded bytes.
 *
 * A secret must be recoverable to sign with, so it cannot be hashed like a password. It is
 * stored encrypted (AES-256-GCM, the key derived from the CMS secret, PAYLOAD_SECRET): a copy of
 * the database, a backup or a read-only leak does not let anyone sign deliveries. Changing
 * PAYLOAD_SECRET makes the stored secrets unreadable; each webhook then needs a new secret.
 */

const prefix = 'whsec_'
const sealedPrefix = 'v1.'
export const minSecretBytes = 24
const maxSecretBytes = 64

export const generateSecret = (): string => prefix + randomBytes(32).toString('base64')

/** The key bytes of a well-formed secret, or undefined. */
export function secretKey(secret: string): Buffer | undefined {
  if (!secret.startsWith(prefix)) return undefined
  const encoded = secret.slice(prefix.length)
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) return undefined
  const bytes = Buffer.from(encoded, 'base64')
  if (bytes.toString('base64') !== encoded) return undefined
  return bytes.length >= minSecretBytes && bytes.length <= maxSecretBytes ? bytes : undefined
}

const encryptionKey = (payloadSecret: string) => purposeKey(payloadSecret, 'webhook secret encryption')

export function sealSecret(secret: string, payloadSecret: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', encryptionKey(payloadSecret), iv)
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()])
  return sealedPrefix + Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url')
}

/** The secret a sealed value holds; throws when it was sealed with another CMS secret or altered. */
export function openSecret(sealed: string, payloadSecret: string): string {
  if (!sealed.startsWith(sealedPrefix)) throw new Error('The stored webhook secret is not in the expected form.')
  const bytes = Buffer.from(sealed.slice(sealedPrefix.length), 'base64url')
  const decipher = createDecipheriv('aes-256-gcm', encryptionKey(payloadSecret), bytes.subarray(0, 12))
  decipher.setAuthTag(bytes.subarray(12, 28))
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8')
}

export const isSealed = (value: unknown): value is string => typeof value === 'string' && value.startsWith(sealedPrefix)

/** `webhook-signature`: `v1,` and the base64 HMAC-SHA256 of `id.timestamp.body`. */
export function signature(secret: string, id: string, timestamp: number, body: string): string {
  const key = secretKey(secret)
  if (!key) throw new Error('The webhook secret is not a whsec_ secret.')
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`
}
