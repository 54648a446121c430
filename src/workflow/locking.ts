import type { CollectionBeforeChangeHook, CollectionBeforeOperationHook, PayloadRequest } from 'payload'
import { APIError, Locked } from 'payload'

import { idOf, isEditorRequest, partnerOrganiser } from '../access/roles'
import { lockRow } from '../db/transaction'
import type { Activity } from '../payload-types'
import { type ActivityStatus, checkTransition, partnerEditableStatuses, statusLabel } from './activityWorkflow'
import { latestStatus, publishedRow } from './activityRows'

/**
 * Concurrent changes of one activity (a partner withdrawing while an editor approves, two
 * editors deciding at once) are made one after the other: the first thing an update does is
 * lock the activity's row in its transaction, so every check after it reads the status the
 * previous change committed, and the loser of a race is refused with the status it lost to.
 */

type UpdateArgs = { id?: number | string; data?: Partial<Activity>; overrideAccess?: boolean; overrideLock?: boolean }

const lockedKey = (id: unknown) => `activity-row-locked-${String(id)}`


/**
 * Payload's check of the admin's edit lock ("someone else is editing this") queries outside the
 * request's transaction, so it needs a second pooled connection while the transaction holds
 * one. Under a burst of updates every connection is held by a transaction waiting for another
 * one, and all of them time out. The same check, made inside the transaction.
 */
async function refuseWhileEditedByOthers(req: PayloadRequest, id: number | string) {
  const { docs } = await req.payload.db.find<{ updatedAt: string; user?: { value?: unknown } }>({
    collection: 'payload-locked-documents',
    where: { and: [{ 'document.relationTo': { equals: 'activities' } }, { 'document.value': { equals: id } }] },
    sort: '-updatedAt',
    limit: 1,
    pagination: false,
    req,
  })
  const lock = docs[0]
  if (!lock) return
  const lockDurationMs = 300 * 1000 // Payload's default, which activities use
  const byOther = idOf(lock.user?.value) !== req.user?.id
  if (byOther && Date.now() - new Date(lock.updatedAt).getTime() <= lockDurationMs) {
    throw new Locked('Iemand anders bewerkt deze activiteit op dit moment. Probeer het over een paar minuten opnieuw.')
  }
}

/**
 * A partner asking for a status change of its own activity that partners can no longer touch
 * (an editor took it in review meanwhile) hears what the status is now, instead of the generic
 * refusal of the access rule.
 *
 * While an approved activity is public, its status is that of the change proposed to it. The
 * partner may cancel the public activity whatever became of a change, and may propose a new
 * change once the last one was decided or withdrawn, but not while an editor reviews one.
 */
function refuseStalePartnerTransition(
  req: PayloadRequest,
  activity: { organiser?: unknown; status: ActivityStatus; publicStatus?: ActivityStatus },
  to: unknown,
) {
  const organiser = partnerOrganiser(req)
  if (organiser === undefined || isEditorRequest(req)) return
  if (idOf(activity.organiser) !== organiser) return // the access rule refuses it
  if (activity.publicStatus === 'approved') {
    if (to === 'cancelled') return // the workflow hook cancels the approved version
    if (activity.status === 'in-review') {
      throw new APIError(
        `Deze activiteit heeft status '${statusLabel(activity.status)}': de redactie beoordeelt uw wijziging op dit moment. Na het besluit kunt u de activiteit weer wijzigen.`,
        409,
        undefined,
        true,
      )
    }
    return // the workflow hook decides
  }
  if (typeof to !== 'string' || to === activity.status) return
  if ([...partnerEditableStatuses, 'approved'].includes(activity.status)) return // the workflow hook decides
  const check = checkTransition({ from: activity.status, to: to as ActivityStatus, actor: 'partner' })
  if (!check.ok) throw new APIError(check.message, check.status, undefined, true)
}

/** Runs first among the activity's beforeOperation hooks, inside the update's transaction. */
export const lockActivityForUpdate: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'update') return args
  const update = args as UpdateArgs
  if (update.id === undefined || update.id === null) return args // a bulk update: see refuseStaleStatus
  if (!req.user && !update.overrideAccess) return args // anonymous: the access rule refuses it, no lock needed
  if (!(await lockRow(req, 'activities', update.id))) return args
  req.context[lockedKey(update.id)] = true
  if (!update.overrideLock) {
    await refuseWhileEditedByOthers(req, update.id)
    update.overrideLock = true
  }
  const current = await publishedRow(req, update.id)
  const status = await latestStatus(req, update.id)
  if (current && status) {
    refuseStalePartnerTransition(req, { organiser: current.organiser, status, publicStatus: current.status }, update.data?.status)
  }
  return args
}

/**
 * A bulk update (`PATCH /api/activities?where=...`) reads its documents before any hook runs,
 * so the lock comes later: once it is held, a status that changed since the read refuses the
 * change instead of overwriting it.
 */
export const refuseStaleStatus: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  if (operation !== 'update' || !originalDoc?.id || req.context[lockedKey(originalDoc.id)]) return data
  if (!(await lockRow(req, 'activities', originalDoc.id))) return data
  req.context[lockedKey(originalDoc.id)] = true
  const status = await latestStatus(req, originalDoc.id)
  if (status && status !== originalDoc.status) {
    throw new APIError(
      `De status van deze activiteit is intussen gewijzigd in '${statusLabel(status)}'. Bekijk de activiteit opnieuw en probeer het nog eens.`,
      409,
      undefined,
      true,
    )
  }
  return data
}
