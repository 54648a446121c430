import type { PayloadRequest } from 'payload'

import type { Activity } from '../payload-types'

/** The row the public reads: the last published version of the activity. */
export const publishedRow = (req: PayloadRequest, id: number | string) =>
  req.payload.db.findOne<Activity>({ collection: 'activities', where: { id: { equals: id } }, req })

/** The newest version, which is a draft while a change to an approved activity awaits review. */
export const latestVersion = (req: PayloadRequest, id: number | string) =>
  req.payload.findByID({ collection: 'activities', id, draft: true, depth: 0, overrideAccess: true, disableErrors: true, req })
