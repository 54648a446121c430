import type {
  CollectionAfterChangeHook,
  CollectionBeforeChangeHook,
  CollectionBeforeOperationHook,
  PayloadRequest,
} from 'payload'
import { APIError } from 'payload'

import { idOf, isEditorRequest, partnerOrganiser } from '../access/roles'
import type { Activity } from '../payload-types'
import {
  type ActivityStatus,
  type Actor,
  checkTransition,
  decisions,
  publicStatuses,
  statusLabel,
} from './activityWorkflow'
import { latestVersion, publishedRow } from './activityRows'
import { announceDecision, announceSubmission } from './notifications'
import { editionWindowIsOpen } from './submissionWindow'

const actorOf = (req: PayloadRequest): Actor | undefined =>
  isEditorRequest(req) ? 'editor' : partnerOrganiser(req) !== undefined ? 'partner' : undefined

type ChangeContext = { changeToApproved?: boolean }
type UpdateArgs = { id?: number | string; data?: Partial<Activity> & { _status?: 'draft' | 'published' }; draft?: boolean }
const contextKey = (id: unknown) => `activity-workflow-${String(id)}`

/**
 * The workflow decides per document, for updates by id: an update by `where` and restoring an
 * old version would change activities past it (publish a change without review, bring back an
 * old status), so neither is offered. The admin's bulk decisions go one by one.
 */
export const refuseOperationsOutsideWorkflow: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  const { id, overrideAccess } = args as UpdateArgs & { overrideAccess?: boolean }
  if (operation === 'update' && (id === undefined || id === null)) {
    throw new APIError(
      'Activiteiten worden één voor één gewijzigd (PATCH /api/activities/:id), zodat elke wijziging de beoordeling volgt.',
      403,
      undefined,
      true,
    )
  }
  if (operation === 'restoreVersion' && (req.user || !overrideAccess)) {
    throw new APIError(
      'Een eerdere versie van een activiteit terugzetten kan niet: pas de activiteit aan, dan volgt de wijziging de beoordeling.',
      403,
      undefined,
      true,
    )
  }
  return args
}

/**
 * Every save of an activity publishes it, so the row websites read is always the current one,
 * with one exception: while an approved activity is public, a change that would take it out of
 * the approved (or cancelled) state is saved as a draft version, and the approved version stays
 * public until an editor approves the change. A partner's edit of an approved activity is such
 * a change.
 */
export const keepApprovedVersionPublic: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const update = args as UpdateArgs
  if (operation === 'update' && update.id !== undefined && update.id !== null) {
    const actor = actorOf(req)
    const published = actor ? await publishedRow(req, update.id) : null
    const ownOrEditor = actor === 'editor' || idOf(published?.organiser) === partnerOrganiser(req)
    if (published?.status === 'approved' && ownOrEditor) {
      const latest = await latestVersion(req, update.id)
      const requested = update.data?.status as ActivityStatus | undefined
      // A partner's change is a proposal unless it cancels: sending the status it already has
      // (as the admin form does) does not publish the change without review.
      const target =
        actor === 'partner'
          ? requested === 'cancelled' || (requested !== undefined && !publicStatuses.includes(requested))
            ? requested
            : 'submitted'
          : (requested ?? (latest?.status as ActivityStatus))
      if (!publicStatuses.includes(target)) {
        update.draft = true
        req.context[contextKey(update.id)] = { changeToApproved: true } satisfies ChangeContext
      }
    }
  }
  if (!update.draft) update.data = { ...update.data, _status: 'published' }
  return args
}

/**
 * Partners may not decide for editors: a change of organiser, review or submitter fields is
 * refused with a message instead of being dropped silently.
 */
export const refuseEditorOnlyChanges: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const organiser = partnerOrganiser(req)
  if (organiser === undefined || isEditorRequest(req)) return args
  const { id } = args as UpdateArgs
  const data = ((args as UpdateArgs).data ?? {}) as Partial<Activity>
  let current: Partial<Activity> = {}
  if (operation === 'update') {
    if (id === undefined || id === null) {
      if (['organiser', 'review', 'submittedBy', 'submittedAt'].some((key) => key in data)) {
        throw new APIError('Partners kunnen activiteiten alleen één voor één wijzigen.', 403, undefined, true)
      }
      return args
    }
    const latest = await latestVersion(req, id)
    if (!latest || idOf(latest.organiser) !== organiser) return args // access refuses it
    current = latest
  }
  const refused: string[] = []
  if (data.organiser !== undefined && data.organiser !== null && idOf(data.organiser) !== organiser) {
    refused.push('de organisatie (een activiteit hoort altijd bij uw eigen organisatie)')
  }
  const review = (data.review ?? {}) as NonNullable<Activity['review']>
  if ((review.feedback ?? null) !== (current.review?.feedback ?? null) && review.feedback !== undefined) {
    refused.push('de terugkoppeling van de redactie')
  }
  if (review.internalNotes !== undefined && review.internalNotes !== null && review.internalNotes !== '') {
    refused.push('de interne notities van de redactie')
  }
  if (data.submittedBy !== undefined && idOf(data.submittedBy) !== idOf(current.submittedBy)) refused.push('de indiener')
  if (data.submittedAt !== undefined && data.submittedAt !== current.submittedAt) refused.push('de indiendatum')
  if (refused.length > 0) {
    throw new APIError(`U kunt ${refused.join(', ')} niet wijzigen: dat doet de redactie.`, 403, undefined, true)
  }
  return args
}

/**
 * Applies the transition table to every status change: who may make it, from which status,
 * with feedback where the submitter must be told why, inside the submission window for
 * partners. A refused change throws before anything is written.
 */
export const enforceWorkflow: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req, context }) => {
  const actor = actorOf(req)
  if (!actor) return data // the Local API without a user (seed, migrations, jobs) is trusted

  if (operation === 'create') {
    if (actor === 'partner') {
      if (!(await editionWindowIsOpen(req, data.edition))) {
        throw new APIError(
          'Het aanmelden van activiteiten voor deze editie is gesloten (of nog niet open). Neem contact op met de redactie.',
          403,
          undefined,
          true,
        )
      }
      const status = (data.status ?? 'draft') as ActivityStatus
      if (status !== 'draft') {
        const check = checkTransition({ from: 'draft', to: status, actor, windowOpen: true })
        if (!check.ok) throw new APIError(check.message, check.status, undefined, true)
      }
      data.status = status
    }
    if (data.status === 'submitted') data.submittedAt = new Date().toISOString()
    return data
  }

  const previous = originalDoc as Activity
  const from = previous.status as ActivityStatus
  const change = context[contextKey(previous.id)] as ChangeContext | undefined
  let to = (data.status ?? from) as ActivityStatus

  // A partner's edit of its approved activity is a proposal: it goes (back) to review.
  if (change?.changeToApproved && actor === 'partner' && to === from && from !== 'submitted') to = 'submitted'
  if (to === from) return data

  const published = change?.changeToApproved || to === 'cancelled' ? await publishedRow(req, previous.id) : undefined
  const proposal = change?.changeToApproved && actor === 'partner' && to === 'submitted'
  if (!proposal) {
    // Cancelling concerns the public, approved version, even while a change to it awaits review.
    const effectiveFrom = to === 'cancelled' && published?.status === 'approved' ? 'approved' : from
    const check = checkTransition({
      from: effectiveFrom,
      to,
      actor,
      feedback: data.review?.feedback,
      windowOpen: to === 'submitted' && effectiveFrom === 'draft' ? await editionWindowIsOpen(req, data.edition ?? previous.edition) : true,
    })
    if (!check.ok) throw new APIError(check.message, check.status, undefined, true)
  } else if (data.status !== undefined && data.status !== 'submitted' && data.status !== from) {
    throw new APIError(
      `Een goedgekeurde activiteit kunt u wijzigen (de wijziging gaat naar de redactie) of annuleren, niet naar '${statusLabel(data.status)}' zetten.`,
      409,
      undefined,
      true,
    )
  }

  if (to === 'cancelled' && published && published.status === 'approved') {
    // Cancel what the public sees, not a change that was never approved.
    const { id: _id, createdAt: _c, updatedAt: _u, _status: _s, ...approvedContent } = published
    Object.assign(data, approvedContent)
  }
  data.status = to
  if (to === 'submitted') data.submittedAt = new Date().toISOString()
  return data
}

/** An organisation named on the public form becomes public with its first approved activity. */
async function listOrganiser(req: PayloadRequest, organiser: unknown) {
  const id = idOf(organiser)
  if (id === undefined) return
  await req.payload.update({
    collection: 'organisers',
    where: { and: [{ id: { equals: id } }, { listed: { equals: false } }] },
    data: { listed: true },
    overrideAccess: true,
    req,
  })
}

/**
 * Writes each status change to the append-only history, in the same transaction, and queues the
 * e-mails: a submission to the review inbox, a decision to the activity's contact.
 */
export const recordTransition: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req, context }) => {
  const activity = doc as Activity
  const from = operation === 'create' ? null : ((previousDoc as Activity | undefined)?.status ?? null)
  const to = activity.status as ActivityStatus
  if (from === to) return doc
  const changeToApproved = Boolean((context[contextKey(activity.id)] as ChangeContext | undefined)?.changeToApproved)
  const feedback = decisions.includes(to) || to === 'changes-requested' ? (activity.review?.feedback ?? null) : null
  await req.payload.create({
    collection: 'activity-history',
    data: {
      activity: activity.id,
      activityTitle: activity.title,
      from,
      to,
      by: req.user?.collection === 'users' ? req.user.id : null,
      at: new Date().toISOString(),
      feedback,
      changeToApproved,
      channel: (context.submissionChannel as 'public-form' | undefined) ?? 'cms',
    },
    overrideAccess: true,
    req,
  })
  if (to === 'approved') await listOrganiser(req, activity.organiser)
  if (to === 'submitted') await announceSubmission(req, activity, changeToApproved)
  if (decisions.includes(to)) await announceDecision(req, activity, to, activity.review?.feedback)
  return doc
}
