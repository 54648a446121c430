import type { TaskConfig } from 'payload'

import { idOf } from '../access/roles'

/**
 * Removes public-form submissions whose contact never confirmed them, and organisations that
 * only such a submission had created.
 */
export const expireSubmissionsTask: TaskConfig<{ input: object; output: { removed: number } }> = {
  slug: 'expireUnconfirmedSubmissions',
  label: 'Onbevestigde aanmeldingen opruimen',
  schedule: [{ cron: '17 * * * *', queue: 'default' }],
  handler: async ({ req }) => {
    const expired = await req.payload.find({
      collection: 'activities',
      where: {
        and: [
          { status: { equals: 'draft' } },
          { 'publicSubmission.expiresAt': { less_than: new Date().toISOString() } },
          { 'publicSubmission.confirmedAt': { exists: false } },
        ],
      },
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    for (const activity of expired.docs) {
      await req.payload.delete({ collection: 'activities', id: activity.id, overrideAccess: true, req })
      const organiser = idOf(activity.organiser)
      if (organiser === undefined) continue
      const stillUsed = await req.payload.count({ collection: 'activities', where: { organiser: { equals: organiser } }, overrideAccess: true, req })
      const accounts = await req.payload.count({ collection: 'users', where: { organiser: { equals: organiser } }, overrideAccess: true, req })
      const unlisted = await req.payload.count({
        collection: 'organisers',
        where: { and: [{ id: { equals: organiser } }, { listed: { equals: false } }] },
        overrideAccess: true,
        req,
      })
      if (stillUsed.totalDocs === 0 && accounts.totalDocs === 0 && unlisted.totalDocs === 1) {
        await req.payload.delete({ collection: 'organisers', id: organiser, overrideAccess: true, req })
      }
    }
    return { output: { removed: expired.docs.length } }
  },
}
