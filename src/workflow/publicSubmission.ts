import { createHash, createHmac, timingSafeEqual } from 'node:crypto'

import { settings } from '../env'

/**
 * Submissions from the campaign website's public form ("meld je activiteit aan"): the contact
 * confirms by a link signed with the CMS secret; unconfirmed submissions expire.
 */

const sign = (secret: string, id: number | string, expires: number) =>
  createHmac('sha256', secret).update(`activity-confirmation:${id}:${expires}`).digest('base64url')

export function confirmationLink(secret: string, id: number | string, expiresAt: Date): string {
  const base = settings().serverUrl
  const expires = expiresAt.getTime()
  const params = new URLSearchParams({ id: String(id), expires: String(expires), signature: sign(secret, id, expires) })
  return `${base}/api/activities/public-submission/confirm?${params}`
}

export type LinkCheck = { ok: true; id: string } | { ok: false; status: 400 | 410; message: string }

export function checkConfirmationLink(secret: string, params: URLSearchParams, now = Date.now()): LinkCheck {
  const id = params.get('id') ?? ''
  const expires = Number(params.get('expires'))
  const signature = params.get('signature') ?? ''
  if (!/^\d+$/.test(id) || !Number.isFinite(expires) || !signature) {
    return { ok: false, status: 400, message: 'Deze bevestigingslink is onvolledig. Gebruik de link uit de e-mail.' }
  }
  const expected = Buffer.from(sign(secret, id, expires))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, status: 400, message: 'Deze bevestigingslink klopt niet. Gebruik de link uit de e-mail.' }
  }
  if (now > expires) {
    return { ok: false, status: 410, message: 'Deze bevestigingslink is verlopen. Meld de activiteit opnieuw aan.' }
  }
  return { ok: true, id }
}

/** The address is kept only as a keyed hash, for the rate limit. */
export const hashAddress = (secret: string, address: string) =>
  createHash('sha256').update(`${secret}:${address}`).digest('hex').slice(0, 32)

