import type { Access, AccessResult, FieldAccess, Where } from 'payload'

import { partnerEditableStatuses, publicStatuses } from '../workflow/activityWorkflow'
import { idOf, isEditorRequest, partnerOrganiser } from './roles'

/**
 * What anybody may see: the published version of approved or cancelled activities of editions
 * whose listing date has passed. A change awaiting review is a draft and never matches.
 */
export const publiclyListed = (): Where => ({
  and: [
    { _status: { equals: 'published' } },
    { status: { in: publicStatuses } },
    { 'edition.submissions.listedFrom': { less_than_equal: new Date().toISOString() } },
  ],
})

export const readActivities: Access = ({ req }): AccessResult => {
  if (isEditorRequest(req)) return true
  const organiser = partnerOrganiser(req)
  if (organiser !== undefined) return { or: [{ organiser: { equals: organiser } }, publiclyListed()] }
  return publiclyListed()
}

export const createActivities: Access = ({ req }) => isEditorRequest(req) || partnerOrganiser(req) !== undefined

export const updateActivities: Access = ({ req }): AccessResult => {
  if (isEditorRequest(req)) return true
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
  if (isEditorRequest(req)) return true
  const organiser = partnerOrganiser(req)
  if (organiser === undefined || !doc) return false
  if (doc.id === undefined && (doc.organiser === undefined || doc.organiser === null)) return true
  return idOf(doc.organiser) === organiser
}
