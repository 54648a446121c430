import type { TaskConfig } from 'payload'

import { consentExpiredStory } from '../access/stories'
import { inOneTransaction } from '../db/transaction'
import { settleExpiredConsent } from '../hooks/consentValidityOnRow'

type Candidate = { id: number; consent?: { validUntil?: string | null; expiryAnnounced?: string | null } | null }

/**
 * Tells websites `story.unpublished` for stories that went offline because their consent's
 * `validUntil` passed: the expiry itself writes nothing, so no write's hooks announce it. Each
 * story in its own transaction, under its row lock, and once (src/hooks/consentValidityOnRow.ts).
 */
export const announceConsentExpiryTask: TaskConfig<{ input: object; output: { announced: number } }> = {
  slug: 'announceConsentExpiry',
  label: 'Verlopen toestemming van verhalen melden aan websites',
  schedule: [{ cron: '* * * * *', queue: 'default' }],
  handler: async ({ req }) => {
    const expired = await req.payload.db.find<Candidate>({
      collection: 'stories',
      where: consentExpiredStory(),
      select: { consent: { validUntil: true, expiryAnnounced: true } },
      pagination: false,
      limit: 0,
      req,
    })
    const pending = expired.docs.filter(
      ({ consent }) => consent?.validUntil && new Date(consent.validUntil).getTime() !== new Date(consent.expiryAnnounced ?? 0).getTime(),
    )
    let announced = 0
    for (const story of pending) {
      if (await inOneTransaction(req, () => settleExpiredConsent(req, story.id))) announced++
    }
    return { output: { announced } }
  },
}
