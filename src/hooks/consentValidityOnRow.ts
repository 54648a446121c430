import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionBeforeDeleteHook, PayloadRequest, Where } from 'payload'

import { consentExpiredStory } from '../access/stories'
import { lockRow } from '../db/transaction'
import { queueWebhookEvents } from '../webhooks/queue'

type Validity = { validUntil?: string | null; expiryAnnounced?: string | null } | null | undefined
type Row = { id: number; slug?: string | null; consent?: Validity }

/** An instant as milliseconds; no end date is later than every date. */
const until = (value: string | null | undefined): number => (value ? new Date(value).getTime() : Number.POSITIVE_INFINITY)

const readRow = (req: PayloadRequest, id: number | string, also?: Where) =>
  req.payload.db.findOne<Row>({
    collection: 'stories',
    where: also ? { and: [{ id: { equals: id } }, also] } : { id: { equals: id } },
    select: { slug: true, consent: { validUntil: true, expiryAnnounced: true } },
    req,
  })

const markAnnounced = (req: PayloadRequest, id: number | string, validUntil: string) =>
  req.payload.db.updateOne({ collection: 'stories', id, data: { consent: { expiryAnnounced: validUntil } }, req, returning: false })

/**
 * When a story's consent expires, nothing is written: the read rule (`publicStory`) hides it from
 * that moment on. Websites hear `story.unpublished` from whoever sees the expiry first, once: the
 * scheduled task (src/workflow/announceConsentExpiryTask.ts) or the story's next write or delete,
 * before that write's own events. `consent.expiryAnnounced` keeps the `validUntil` announced, so a
 * consent that is extended and expires again is announced again. Runs under the row lock, in the
 * caller's transaction. Returns whether it announced.
 */
export async function settleExpiredConsent(req: PayloadRequest, id: number | string): Promise<boolean> {
  await lockRow(req, 'stories', id)
  const row = await readRow(req, id, consentExpiredStory())
  const validUntil = row?.consent?.validUntil
  if (!validUntil || until(validUntil) === until(row.consent?.expiryAnnounced)) return false
  await queueWebhookEvents(req, [{ type: 'story.unpublished', data: { collection: 'stories', id: row.id, slug: row.slug ?? null } }])
  await markAnnounced(req, id, validUntil)
  return true
}

/** Placed before the hooks that change the row (a withdrawal), which would hide the pending expiry. */
export const settleExpiryBeforeChange: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  if (operation === 'update' && originalDoc?.id !== undefined) await settleExpiredConsent(req, originalDoc.id)
  return data
}

export const settleExpiryBeforeDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await settleExpiredConsent(req, id)
}

/**
 * A `validUntil` that is set or brought forward takes effect at once, whatever kind of save makes
 * it. The read rule looks at the story's own row, which Payload writes on a publish only; a draft
 * save, an autosave or a scheduled job writes a version. So every update that makes the consent
 * end earlier than the row says also writes it to the row, in the same transaction. A later end
 * date, or none, is a change like any other: public once published.
 *
 * Restoring a version never makes the consent last longer: the restored story keeps the earlier
 * of the `validUntil` its row has now and its newest version's (the editors' latest word), whatever
 * the restored version said. Restoring text from before the consent expired, or before it was
 * shortened, therefore cannot bring the story back online; lengthening the consent is always a
 * deliberate edit of the field itself.
 */
export const consentValidityOnRow: CollectionBeforeChangeHook = async ({ collection, data, operation, originalDoc, req }) => {
  if (operation !== 'update' || originalDoc?.id === undefined) return data
  const id = originalDoc.id as number
  await lockRow(req, collection.slug, id)
  const row = await readRow(req, id)
  const onRow = row?.consent?.validUntil ?? null
  if (req.context.isRestoringVersion) {
    const newest = (originalDoc.consent as Validity)?.validUntil ?? null
    data.consent = { ...(data.consent ?? {}), validUntil: until(newest) <= until(onRow) ? newest : onRow }
  }
  const asked = (data.consent as Validity)?.validUntil
  if (!asked || until(asked) >= until(onRow)) return data
  await req.payload.db.updateOne({ collection: collection.slug, id, data: { consent: { validUntil: asked } }, req, returning: false })
  return data
}

/**
 * After a write, an expired consent on the row needs no announcement from the task: either the
 * write took the story offline and its own events said so (src/webhooks/hooks.ts), or the story
 * was not public before it (a pending expiry was settled before the write, above). A publish
 * writes the row from the version, with that version's stale mark, so this also puts it back.
 */
export const markExpiryAfterChange: CollectionAfterChangeHook = async ({ doc, req }) => {
  const row = await readRow(req, doc.id)
  const validUntil = row?.consent?.validUntil
  if (validUntil && until(validUntil) <= Date.now() && until(validUntil) !== until(row.consent?.expiryAnnounced)) {
    await markAnnounced(req, doc.id, validUntil)
  }
  return doc
}
