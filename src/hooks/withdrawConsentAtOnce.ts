import type { CollectionBeforeChangeHook } from 'payload'

import { lockRow } from '../db/transaction'
import { refusal } from '../http/refusal'
import { writeAudit } from '../privacy/audit'

type Consent = { withdrawn?: boolean | null } | null | undefined

/**
 * A withdrawal of consent takes the story offline whatever kind of save makes it. The read rule
 * looks at the story's own row, which Payload writes on a publish only; a draft save or an
 * autosave writes a version. So every update that withdraws also marks the story's row, in the
 * same transaction.
 *
 * A withdrawal is final ("never served publicly again"): restoring a version from before it
 * keeps the consent withdrawn, and an explicit attempt to undo it is refused.
 */
export const withdrawConsentAtOnce: CollectionBeforeChangeHook = async ({ collection, data, operation, originalDoc, req }) => {
  if (operation !== 'update' || !originalDoc?.id) return data
  const id = originalDoc.id as number
  await lockRow(req, collection.slug, id) // a concurrent publish waits for the withdrawal
  const row = await req.payload.db.findOne<{ id: number; consent?: Consent }>({
    collection: collection.slug,
    where: { id: { equals: id } },
    select: { consent: { withdrawn: true } },
    req,
  })
  const rowWithdrawn = row?.consent?.withdrawn === true
  const asked = (data.consent as Consent)?.withdrawn
  if (rowWithdrawn || (originalDoc.consent as Consent)?.withdrawn === true) {
    if (asked === false && !req.context.isRestoringVersion) {
      throw refusal(
        400,
        'De toestemming voor dit verhaal is ingetrokken en dat blijft zo: het verhaal wordt nooit meer openbaar. Is er opnieuw toestemming, maak dan een nieuw verhaal.',
        [{ path: 'consent.withdrawn', message: 'Een ingetrokken toestemming blijft ingetrokken.' }],
      )
    }
    data.consent = { ...(data.consent ?? {}), withdrawn: true }
  } else if (asked !== true) return data
  if (!rowWithdrawn) {
    await req.payload.db.updateOne({ collection: collection.slug, id, data: { consent: { withdrawn: true } }, req, returning: false })
    // The first time only: the row carries the withdrawal from here on.
    await writeAudit(req, {
      action: 'consent-withdrawn',
      summary: `Toestemming ingetrokken: ${collection.slug} ${id}`,
      details: { collection: collection.slug, id },
    })
  }
  return data
}
