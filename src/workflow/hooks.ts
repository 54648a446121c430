import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionBeforeOperationHook, PayloadRequest } from 'payload'

import { idOf, isEditor, partnerOrganiser } from '../access/roles'
import { lockRow } from '../db/transaction'
import { refusal } from '../http/refusal'
import type { Activity } from '../payload-types'
import { type ActivityPlan, type VersionFacts, type Writer, planActivityWrite } from './activityPlan'
import { type ActivityStatus, decisions, statusLabel } from './activityWorkflow'
import { latestVersion, publishedRow } from './activityRows'
import { announceDecision, announceSubmission } from './notifications'
import { editionWindowIsOpen } from './submissionWindow'

/**
 * The activity workflow's hooks: one plan per written activity (src/workflow/activityPlan.ts),
 * made in `planActivityWrites` and carried in the typed `req.context.activityPlans`, applied in
 * `applyActivityPlan` and recorded in `recordActivityPlan`.
 */

type WriteArgs = {
  id?: number | string
  data?: Partial<Activity> & { _status?: 'draft' | 'published' }
  draft?: boolean
  autosave?: boolean
  overrideAccess?: boolean
  publishAllLocales?: boolean
  unpublishAllLocales?: boolean
  publishSpecificLocale?: string
}

const newActivity = 'new'
const planKey = (id: unknown) => (id === undefined || id === null ? newActivity : String(id))

function writerOf(req: PayloadRequest, overrideAccess: boolean | undefined): Writer | undefined {
  if (isEditor(req)) return 'editor'
  if (partnerOrganiser(req) !== undefined) return 'partner'
  // Trusted code: the Local API without a user (seed, jobs, the public form's endpoints).
  return req.user ? undefined : overrideAccess === false ? undefined : 'system'
}

const plansOf = (req: PayloadRequest) => (req.context.activityPlans ??= {})

/**
 * The workflow decides per document. An update by `where` and restoring an old version would
 * change activities past it (publish a change without review, bring back an old status), so
 * neither is offered; the admin's bulk decisions go one by one.
 */
export const refuseWritesPastTheWorkflow: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  const { id, overrideAccess } = args as WriteArgs
  if (operation === 'update' && (id === undefined || id === null)) {
    throw refusal(403, 'Activiteiten worden één voor één gewijzigd (PATCH /api/activities/:id), zodat elke wijziging de beoordeling volgt.')
  }
  if (operation === 'restoreVersion' && (req.user || !overrideAccess)) {
    throw refusal(403, 'Een eerdere versie van een activiteit terugzetten kan niet: pas de activiteit aan, dan volgt de wijziging de beoordeling.')
  }
  return args
}

const versionFacts = (doc: Partial<Activity>): VersionFacts => ({
  status: doc.status as Activity['status'],
  organiser: doc.organiser as Activity['organiser'],
  edition: doc.edition as Activity['edition'],
  review: doc.review,
  submittedBy: doc.submittedBy,
  submittedAt: doc.submittedAt,
})

/**
 * Makes the plan of a create or an update by id. An update first locks the activity's row in
 * its transaction: concurrent writes of one activity (a partner withdrawing while an editor
 * approves, two editors deciding at once) run one after the other, and the facts read after
 * the lock are what the previous write committed. The loser of a race hears the status it lost
 * to. Whether the write is saved as a draft version is the plan's decision, not the caller's.
 */
export const planActivityWrites: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const write = args as WriteArgs
  const writer = writerOf(req, write.overrideAccess)
  if (!writer) return args // an account without a role in the workflow: the access rules refuse it
  const data = (write.data ?? {}) as Partial<Activity>
  const common = {
    writer,
    channel: req.context.submissionChannel ?? 'cms',
    partnerOrganiser: writer === 'partner' ? partnerOrganiser(req) : undefined,
    data,
    windowOpen: (edition: unknown) => editionWindowIsOpen(req, edition),
  } as const

  let plan: ActivityPlan | undefined
  if (operation === 'create') {
    plan = await planActivityWrite({ ...common, operation })
  } else {
    const id = write.id!
    if (!/^\d{1,15}$/.test(String(id))) return args // not an id: Payload answers 404
    await lockRow(req, 'activities', id)
    // One after the other: both run on the transaction's one connection.
    const published = await publishedRow(req, id)
    const latest = await latestVersion(req, id)
    if (!published || !latest) return args // Payload answers 404
    plan = await planActivityWrite({ ...common, operation, published: versionFacts(published), latest: versionFacts(latest) })
    if (plan && writer === 'system' && write.draft) plan.pendingChange = true
  }
  if (!plan) return args // another organisation's activity: the update access refuses it
  plansOf(req)[planKey(write.id)] = plan

  write.draft = plan.pendingChange
  write.autosave = false
  // Locale publishing options would overwrite the newest version in place, the approved one included.
  delete write.publishAllLocales
  delete write.unpublishAllLocales
  delete write.publishSpecificLocale
  write.data = { ...data, _status: plan.pendingChange ? 'draft' : 'published' }
  return args
}

/**
 * Applies the plan to the data Payload is about to save. The document Payload read must be the
 * one the plan started from; anything else means the facts moved, and the write is refused
 * rather than saved on a guess.
 */
export const applyActivityPlan: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  if (operation !== 'create' && operation !== 'update') return data
  const key = planKey(operation === 'update' ? originalDoc?.id : undefined)
  const plan = req.context.activityPlans?.[key]
  if (!plan) {
    // Only a write that passed `planActivityWrites` gets here with a plan; the Local API called
    // with a user but without access control is the one way around it.
    if (writerOf(req, true) === 'system') return data
    throw refusal(403, 'Deze wijziging van een activiteit kan niet worden beoordeeld en is niet opgeslagen.')
  }
  if (operation === 'update' && originalDoc?.status !== plan.from) {
    throw refusal(
      409,
      `De status van deze activiteit is intussen gewijzigd in '${statusLabel(originalDoc?.status)}'. Bekijk de activiteit opnieuw en probeer het nog eens.`,
    )
  }
  if (plan.cancelsApprovedVersion) {
    // Cancel what the public sees, not a change that was never approved.
    const published = await publishedRow(req, originalDoc!.id)
    if (published) {
      const { id: _id, createdAt: _c, updatedAt: _u, _status: _s, ...approvedContent } = published
      Object.assign(data, approvedContent)
    }
  }
  data.status = plan.to
  if (plan.to === 'submitted' && plan.from !== 'submitted') data.submittedAt = new Date().toISOString()
  // Whoever creates an activity with an account submits it; a partner always for its own organisation.
  if (operation === 'create' && req.user?.collection === 'users') data.submittedBy = req.user.id
  if (plan.writer === 'partner') data.organiser = partnerOrganiser(req)
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
export const recordActivityPlan: CollectionAfterChangeHook = async ({ doc, operation, previousDoc, req }) => {
  const activity = doc as Activity
  const plans = req.context.activityPlans
  const key = planKey(operation === 'update' ? activity.id : undefined)
  const plan = plans?.[key]
  if (plans) delete plans[key]
  // Trusted code writing without a plan (Local API with a user and no access control).
  const from = plan ? plan.from : operation === 'create' ? null : ((previousDoc as Activity | undefined)?.status ?? null)
  const to = activity.status as ActivityStatus
  if (from === to) return doc
  const pendingChange = plan?.pendingChange ?? false
  const feedback = decisions.includes(to) ? (activity.review?.feedback ?? null) : null
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
      changeToApproved: pendingChange,
      channel: plan?.channel ?? req.context.submissionChannel ?? 'cms',
    },
    overrideAccess: true,
    req,
  })
  if (to === 'approved') await listOrganiser(req, activity.organiser)
  if (to === 'submitted') await announceSubmission(req, activity, pendingChange)
  if (decisions.includes(to)) await announceDecision(req, activity, to, activity.review?.feedback)
  return doc
}
