import { jwtVerify, SignJWT } from 'jose'

import { purposeKey } from '../db/secret'

/**
 * Preview tokens: a JWT that names one document (collection and id) and nothing else, valid for
 * at most an hour. The campaign site gets it in the preview URL and trades it for that document's
 * newest draft; it opens no session and reads nothing else.
 *
 * The key is derived from the CMS secret with its own purpose label, so it is never the key that
 * signs logins: a session token is no preview token, and a preview token is no session token.
 */

export type PreviewTarget = Readonly<{ collection: string; id: string }>

export const previewTokenLifetimeSeconds = 60 * 60

const audience = 'wtk-preview'
const tokenType = 'wtk-preview+jwt'
const algorithm = 'HS256'

const keyFor = (secret: string) => purposeKey(secret, 'preview token v1')

/** The token for `target`, made at `now` (a test passes a time in the past to make an expired one). */
export async function signPreviewToken(secret: string, target: PreviewTarget, now: Date = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const issuedAt = Math.floor(now.getTime() / 1000)
  const expiresAt = issuedAt + previewTokenLifetimeSeconds
  const token = await new SignJWT({ collection: target.collection, id: target.id })
    .setProtectedHeader({ alg: algorithm, typ: tokenType })
    .setAudience(audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(keyFor(secret))
  return { token, expiresAt: new Date(expiresAt * 1000) }
}

/** The document a token names, or undefined for one that is not ours, was altered, or expired. */
export async function verifyPreviewToken(secret: string, token: string): Promise<PreviewTarget | undefined> {
  try {
    const { payload } = await jwtVerify(token, keyFor(secret), {
      algorithms: [algorithm],
      audience,
      typ: tokenType,
      requiredClaims: ['iat', 'exp'],
      // Also a token someone made with a longer life (only with the secret) lasts an hour at most.
      maxTokenAge: previewTokenLifetimeSeconds,
    })
    const { collection, id } = payload
    return typeof collection === 'string' && typeof id === 'string' ? { collection, id } : undefined
  } catch {
    return undefined
  }
}
