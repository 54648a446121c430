import type { Access, AccessResult, FieldAccess, PayloadRequest, Where } from 'payload'

import { partnerEditableStatuses, publicStatuses } from '../workflow/activityWorkflow'
import { idOf, isEditor, partnerOrganiser } from './roles'

// Payload evaluates read access several times for one list request, on copies of the request
// that share its `context`: look the editions up once per request.
const listedByRequest = new WeakMap<object, Promise<number[]>>()

function listedEditions(req: PayloadRequest): Promise<number[]> {
  const key = req.context ?? req
  let listed = listedByRequest.get(key)
  if (!listed) {
    listed = req.payload.db
      .find<{ id: number }>({
        collection: 'editions',
        where: { 'submissions.listedFrom': { less_than_equal: new Date().toISOString() } },
        select: { id: true },
        limit: 0,
        pagination: false,
        req,
      })
      .then((result) => result.docs.map((edition) => edition.id))
    listedByRequest.set(key, listed)
  }
  return listed
}

/**
 * What anybody may see: the published version of approved or cancelled activities of editions
 * whose listing date has passed. A change awaiting review is a draft and never matches.
 *
 * The listed editions are looked up first (there are a few dozen) instead of joined: a join
 * makes Payload count the matches with a GROUP BY that scans the whole table at 100,000
 * activities (docs/performance.md).
 */
export const publiclyListed = async (req: PayloadRequest): Promise<Where> => {
  const listed = await listedEditions(req)
  return {
    and: [
      { _status: { equals: 'published' } },
      { status: { in: publicStatuses } },
      // No edition listed yet: an id no row has, so nothing matches.
      { edition: { in: listed.length ? listed : [0] } },
    ],
  }
}

export const readActivities: Access = async ({ req }): Promise<AccessResult> => {
  if (isEditor(req)) return true
  const organiser = partnerOrganiser(req)
  if (organiser !== undefined) return { or: [{ organiser: { equals: organiser } }, await publiclyListed(req)] }
  return publiclyListed(req)
}

export const createActivities: Access = ({ req }) => isEditor(req) || partnerOrganiser(req) !== undefined

export const updateActivities: Access = ({ req }): AccessResult => {
  if (isEditor(req)) return true
  const organiser = partnerOrganiser(req)
  if (organiser === undefined) return false
  // An approved one can still be cancelled, or changed through a new review.
  return { and: [{ organiser: { equals: organiser } }, { status: { in: [...partnerEditableStatuses, 'approved'] } }] }
}

/**
 * Contact details and the review are for editors and for the partner whose activity it is.
 * Without a document (as when a `where` is checked) a partner is refused, so no query can probe
 * these fields. A document without id is the one the partner is creating in the admin, which is
 * always for its own organisation: the partner fills in its contact.
 */
export const ownOrganiserOrEditor: FieldAccess = ({ req, doc }) => {
  if (isEditor(req)) return true
  const organiser = partnerOrganiser(req)
  if (organiser === undefined || !doc) return false
  if (doc.id === undefined && (doc.organiser === undefined || doc.organiser === null)) return true
  return idOf(doc.organiser) === organiser
}
