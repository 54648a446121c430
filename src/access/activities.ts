import type { Access, AccessResult, FieldAccess, Where } from 'payload'

import { isEditorRequest, partnerOrganiser } from './roles'

/** What anybody may see: approved or cancelled activities of editions whose listing date has passed. */
export const publiclyListed = (): Where => ({
  and: [
    { status: { in: ['approved', 'cancelled'] } },
    { 'edition.submissions.listedFrom': { less_than_equal: new Date().toISOString() } },
  ],
})

/** States in which a partner may still edit its own activity. */
export const partnerEditableStatuses = ['draft', 'submitted', 'changes-requested']

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
  return { and: [{ organiser: { equals: organiser } }, { status: { in: partnerEditableStatuses } }] }
}

/** Contact details and the review are for editors and for the partner whose activity it is. */
export const ownOrganiserOrEditor: FieldAccess = ({ req, doc }) => {
  if (isEditorRequest(req)) return true
  const organiser = partnerOrganiser(req)
  if (organiser === undefined || !doc) return false
  const own = doc.organiser as number | string | { id: number | string } | undefined
  return (typeof own === 'object' && own ? own.id : own) === organiser
}
