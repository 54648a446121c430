import { createHash, createHmac, timingSafeEqual } from 'node:crypto'

import { sql } from '@payloadcms/db-postgres/drizzle'
import type { PayloadRequest, Where } from 'payload'

import { transactionOf } from '../db/transaction'
import { settings } from '../env'
import { refusalResponse } from '../http/refusal'
import { limitsCheckedByEndpoint } from '../plugins/anonymousReadLimits'

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
export const hashAddress = (secret: string, address: string) => createHash('sha256').update(`${secret}:${address}`).digest('hex').slice(0, 32)

const hourRefusal = (message: string) => refusalResponse(429, message, { headers: { 'Retry-After': '3600' } })

/**
 * The caps of the last hour: per client address, per contact e-mail address and in total. Run
 * in the submission's transaction behind one advisory lock, so a burst of parallel submissions
 * is counted one after the other.
 */
export async function submissionLimitReached(req: PayloadRequest, ipHash: string, contactEmail: string): Promise<Response | undefined> {
  await (await transactionOf(req))?.execute(sql`SELECT pg_advisory_xact_lock(hashtext('wtk-public-submission'))`)
  const lastHour: Where = {
    and: [{ 'publicSubmission.expiresAt': { exists: true } }, { createdAt: { greater_than: new Date(Date.now() - 3600_000).toISOString() } }],
  }
  const total = await req.payload.count({ collection: 'activities', where: lastHour, overrideAccess: true, req })
  if (total.totalDocs >= settings().publicSubmissionLimitTotal) {
    return hourRefusal('Er zijn het afgelopen uur erg veel activiteiten aangemeld. Probeer het over een uur opnieuw.')
  }
  // At most the total cap of rows: the ones of this hour.
  const { docs } = await req.payload.find({
    collection: 'activities',
    where: lastHour,
    select: { contact: { email: true }, publicSubmission: { ipHash: true } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    context: { [limitsCheckedByEndpoint]: true },
    req,
  })
  if (docs.filter((doc) => doc.publicSubmission?.ipHash === ipHash).length >= settings().publicSubmissionLimitPerHour) {
    return hourRefusal('U heeft het afgelopen uur al veel activiteiten aangemeld. Probeer het over een uur opnieuw.')
  }
  const sameContact = docs.filter((doc) => doc.contact?.email?.trim().toLowerCase() === contactEmail)
  if (contactEmail && sameContact.length >= settings().publicSubmissionLimitPerContact) {
    return hourRefusal('Met dit e-mailadres zijn het afgelopen uur al meerdere activiteiten aangemeld. Probeer het over een uur opnieuw.')
  }
  return undefined
}
