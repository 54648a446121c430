import type { CollectionBeforeOperationHook } from 'payload'

import { idOf, isAdmin, roleOf } from '../access/roles'
import { refusal } from '../http/refusal'

/**
 * Who may hand out which role, said out loud: a refused role or organiser change is a 403 with
 * the reason, not a silently ignored field. Administrators may do everything; editors manage
 * partner and editor accounts but never make administrators or change their own role; partners
 * keep the role and organisation they were given.
 */
export const guardAccountRoles: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if ((operation !== 'create' && operation !== 'update') || !req.user || isAdmin(req)) return args
  const { id, data } = args as { id?: number | string; data?: { role?: string; organiser?: unknown } }
  if (!data || (data.role === undefined && data.organiser === undefined)) return args
  const role = roleOf(req)
  const current =
    operation === 'update' && id !== undefined
      ? await req.payload.findByID({ collection: 'users', id, depth: 0, overrideAccess: true, disableErrors: true, req })
      : null
  const roleChanges = data.role !== undefined && data.role !== current?.role
  const organiserChanges = data.organiser !== undefined && idOf(data.organiser) !== idOf(current?.organiser)
  const refuse = (message: string) => {
    throw refusal(403, message)
  }
  if (role === 'editor') {
    if (data.role === 'admin' && roleChanges) refuse('Alleen een beheerder kan iemand beheerder maken.')
    if (current && String(current.id) === String(req.user.id) && roleChanges) refuse('U kunt uw eigen rol niet wijzigen.')
    return args
  }
  if (roleChanges) refuse('U kunt uw rol niet wijzigen; vraag de redactie.')
  if (organiserChanges) refuse('U kunt uw organisatie niet wijzigen; vraag de redactie.')
  return args
}
