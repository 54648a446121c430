import type { CollectionAfterOperationHook, CollectionBeforeChangeHook } from 'payload'

import { refusal } from '../http/refusal'
import { generateSecret, isSealed, minSecretBytes, sealSecret, secretKey } from './secret'

declare module 'payload' {
  interface RequestContext {
    /** The secret of the webhook this request creates, shown once in the answer to the create. */
    newWebhookSecret?: string
  }
}

const secretMessage = `Een geheim begint met whsec_ gevolgd door de base64 van minstens ${minSecretBytes} willekeurige bytes (zoals whsec_ en 44 tekens). Laat het leeg om er een te laten maken.`

/**
 * A webhook's secret as sent (checked), or a new one when a webhook is created without; stored
 * sealed (src/webhooks/secret.ts). Leaving it out of an update keeps the secret; sending one
 * replaces it.
 */
export const sealWebhookSecret: CollectionBeforeChangeHook = ({ data, operation, originalDoc, req }) => {
  const given = typeof data.secret === 'string' ? data.secret.trim() : ''
  if (operation === 'update' && (given === '' || (isSealed(given) && given === originalDoc?.secret))) {
    delete data.secret
    return data
  }
  const secret = given === '' ? generateSecret() : given
  if (!secretKey(secret)) throw refusal(400, secretMessage, [{ path: 'secret', message: secretMessage }])
  if (operation === 'create') req.context.newWebhookSecret = secret
  data.secret = sealSecret(secret, req.payload.secret)
  return data
}

/** The answer to the create carries the secret; nothing reads it afterwards (its field's read access is nobody). */
export const showSecretOnce: CollectionAfterOperationHook = ({ operation, req, result }) => {
  const secret = req.context.newWebhookSecret
  if (operation !== 'create' || !secret) return result
  delete req.context.newWebhookSecret
  return { ...(result as object), secret } as typeof result
}
