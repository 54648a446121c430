import type { Activity } from '../payload-types'
import { type FieldError, refusal } from '../http/refusal'
import { idOf } from '../access/roles'
import { type ActivityStatus, type Actor, checkTransition, partnerEditableStatuses, publicStatuses, statusLabel } from './activityWorkflow'

/**
 * What one write does to one activity, decided once per document: who writes, from which status
 * to which, and whether the approved version stays public meanwhile. The hooks in
 * `src/workflow/hooks.ts` gather the facts (after locking the activity's row, so they are what
 * the previous write committed), ask `planActivityWrite`, and apply the answer the same way for
 * every operation that writes an activity: create and update by id over REST, GraphQL and the
 * Local API. The operations that would write past it (update by `where`, restoring a version,
 * duplicate) are not offered.
 */

/** Trusted code (seed, jobs, the public form's own endpoints) writes as the system. */
export type Writer = Actor | 'system'

export type Channel = 'cms' | 'public-form'

export type ActivityPlan = {
  operation: 'create' | 'update'
  writer: Writer
  channel: Channel
  /** The status the write starts from: null for a new activity. */
  from: ActivityStatus | null
  to: ActivityStatus
  /**
   * Which version the write starts from. A partner's new change to an approved activity whose
   * last change was rejected or withdrawn starts again from the public, approved version.
   */
  base: 'latest' | 'public'
  /**
   * Saved as a draft version: a change to an approved activity, which stays public in its
   * approved form until an editor approves the change.
   */
  pendingChange: boolean
  /** Cancelling concerns the public, approved version: its content is what gets cancelled. */
  cancelsApprovedVersion: boolean
}

declare module 'payload' {
  interface RequestContext {
    /** The workflow's plan per activity this request writes, by id (`new` while creating one). */
    activityPlans?: Record<string, ActivityPlan>
    /** Set by the public form's endpoints: recorded in the history as the channel. */
    submissionChannel?: 'public-form'
  }
}

/** What a version holds that the workflow looks at. */
export type VersionFacts = Pick<Activity, 'status' | 'organiser' | 'edition' | 'review' | 'submittedBy' | 'submittedAt'>

export type WriteFacts = {
  writer: Writer
  channel: Channel
  /** The partner's own organiser; undefined for editors and the system. */
  partnerOrganiser?: number | string
  /** What the caller asks for: the fields it sent. */
  data: Partial<Activity>
  /** Whether partners may still submit for the activity's edition; asked only when it matters. */
  windowOpen: (edition: unknown) => Promise<boolean>
} & (
  | { operation: 'create' }
  | {
      operation: 'update'
      /** The newest version, a draft while a change to an approved activity awaits review. */
      latest: VersionFacts
      /** The row websites read: the last published version. */
      published: VersionFacts
    }
)

const refuse = (status: 400 | 403 | 409, message: string, fieldErrors?: FieldError[]) => refusal(status, message, fieldErrors)

const transitionRefusal = (check: ReturnType<typeof checkTransition>) => {
  if (check.ok) return undefined
  const fieldErrors = check.status === 400 ? [{ path: 'review.feedback', message: check.message }] : undefined
  return refuse(check.status, check.message, fieldErrors)
}

/**
 * Partners do not decide for editors: a change of organiser, review or submitter fields is
 * refused with a message instead of being dropped silently.
 */
function refuseEditorOnlyChanges(data: Partial<Activity>, current: Partial<VersionFacts>, organiser: number | string) {
  const refused: string[] = []
  const paths: string[] = []
  if (data.organiser !== undefined && data.organiser !== null && idOf(data.organiser) !== organiser) {
    refused.push('de organisatie (een activiteit hoort altijd bij uw eigen organisatie)')
    paths.push('organiser')
  }
  const review = (data.review ?? {}) as NonNullable<Activity['review']>
  if (review.feedback !== undefined && (review.feedback ?? null) !== (current.review?.feedback ?? null)) {
    refused.push('de terugkoppeling van de redactie')
    paths.push('review.feedback')
  }
  if (review.internalNotes !== undefined && review.internalNotes !== null && review.internalNotes !== '') {
    refused.push('de interne notities van de redactie')
    paths.push('review.internalNotes')
  }
  if (data.submittedBy !== undefined && idOf(data.submittedBy) !== idOf(current.submittedBy)) {
    refused.push('de indiener')
    paths.push('submittedBy')
  }
  if (data.submittedAt !== undefined && data.submittedAt !== current.submittedAt) {
    refused.push('de indiendatum')
    paths.push('submittedAt')
  }
  if (refused.length > 0) {
    const message = `U kunt ${refused.join(', ')} niet wijzigen: dat doet de redactie.`
    throw refuse(
      403,
      message,
      paths.map((path) => ({ path, message })),
    )
  }
}

const closedWindow = () => refuse(403, 'Het aanmelden van activiteiten voor deze editie is gesloten (of nog niet open). Neem contact op met de redactie.')

async function planCreate(facts: WriteFacts & { operation: 'create' }): Promise<ActivityPlan> {
  const { writer, channel, data } = facts
  const to = (data.status ?? 'draft') as ActivityStatus
  const plan: ActivityPlan = {
    operation: 'create',
    writer,
    channel,
    from: null,
    to,
    base: 'latest',
    pendingChange: false,
    cancelsApprovedVersion: false,
  }
  if (writer !== 'partner') return plan
  refuseEditorOnlyChanges(data, {}, facts.partnerOrganiser!)
  if (!(await facts.windowOpen(data.edition))) throw closedWindow()
  if (to !== 'draft') {
    const refused = transitionRefusal(checkTransition({ from: 'draft', to, actor: 'partner', windowOpen: true }))
    if (refused) throw refused
  }
  return plan
}

/**
 * A partner's write to its own activity. While an approved activity is public, every change is
 * a proposal that goes (back) to review, also when the admin form sends the approved status
 * along; cancelling concerns the public version whatever became of a change to it.
 */
async function planPartnerUpdate(facts: WriteFacts & { operation: 'update' }, requested: ActivityStatus | undefined): Promise<ActivityPlan> {
  const { latest, published, data, channel } = facts
  const plan = (from: ActivityStatus, to: ActivityStatus, extra: Partial<ActivityPlan> = {}): ActivityPlan => ({
    operation: 'update',
    writer: 'partner',
    channel,
    from,
    to,
    base: 'latest',
    pendingChange: false,
    cancelsApprovedVersion: false,
    ...extra,
  })
  const approvedIsPublic = published.status === 'approved'
  // Payload reads a partner's activity through the partner's update access: a newest version
  // the partner may no longer change leaves the public, approved one to start from.
  const base = approvedIsPublic && !isPartnerWritable(latest.status) ? 'public' : 'latest'
  const from = (base === 'public' ? published.status : latest.status) as ActivityStatus

  if (approvedIsPublic && requested === 'cancelled') {
    const refused = transitionRefusal(checkTransition({ from: 'approved', to: 'cancelled', actor: 'partner' }))
    if (refused) throw refused
    return plan(from, 'cancelled', { base, cancelsApprovedVersion: true })
  }
  if (approvedIsPublic && latest.status === 'in-review') {
    throw refuse(
      409,
      `Deze activiteit heeft status '${statusLabel(latest.status)}': de redactie beoordeelt uw wijziging op dit moment. Na het besluit kunt u de activiteit weer wijzigen.`,
    )
  }
  if (!approvedIsPublic && requested !== undefined && requested !== latest.status && !isPartnerWritable(latest.status)) {
    // An editor took it further meanwhile: say what the status is now.
    const refused = transitionRefusal(checkTransition({ from: latest.status as ActivityStatus, to: requested, actor: 'partner' }))
    if (refused) throw refused
  }
  // Compared with what the partner reads (the newest version), as the admin form sends it back.
  refuseEditorOnlyChanges(data, latest, facts.partnerOrganiser!)

  if (approvedIsPublic) {
    const proposes = requested === undefined || publicStatuses.includes(requested) || requested === 'submitted'
    if (proposes) {
      if (requested !== undefined && requested !== 'submitted' && requested !== from) {
        throw refuse(
          409,
          `Een goedgekeurde activiteit kunt u wijzigen (de wijziging gaat naar de redactie) of annuleren, niet naar '${statusLabel(requested)}' zetten.`,
        )
      }
      // A new proposal, or an edit of the one waiting for review.
      return plan(from, 'submitted', { base, pendingChange: true })
    }
    // Withdrawing the proposal: the approved version stays public.
    const refused = transitionRefusal(checkTransition({ from, to: requested!, actor: 'partner' }))
    if (refused) throw refused
    return plan(from, requested!, { base, pendingChange: true })
  }

  const to = requested ?? from
  if (to !== from) {
    const windowOpen = to === 'submitted' && from === 'draft' ? await facts.windowOpen(data.edition ?? latest.edition) : true
    const refused = transitionRefusal(checkTransition({ from, to, actor: 'partner', windowOpen }))
    if (refused) throw refused
  }
  return plan(from, to)
}

/** An editor's write: every transition of the table; a change to an approved activity's pending change stays a draft. */
function planEditorUpdate(facts: WriteFacts & { operation: 'update' }, requested: ActivityStatus | undefined): ActivityPlan {
  const { latest, published, data, channel } = facts
  const from = latest.status as ActivityStatus
  const to = requested ?? from
  const approvedIsPublic = published.status === 'approved'
  const cancelsApprovedVersion = approvedIsPublic && to === 'cancelled'
  if (to !== from) {
    // Cancelling concerns the public, approved version, even while a change to it awaits review.
    const refused = transitionRefusal(
      checkTransition({ from: cancelsApprovedVersion ? 'approved' : from, to, actor: 'editor', feedback: feedbackAfterWrite(data, latest) }),
    )
    if (refused) throw refused
  }
  return {
    operation: 'update',
    writer: 'editor',
    channel,
    from,
    to,
    base: 'latest',
    pendingChange: approvedIsPublic && !publicStatuses.includes(to),
    cancelsApprovedVersion,
  }
}

/** The feedback the activity holds once the write is saved: what was sent, else what it had. */
const feedbackAfterWrite = (data: Partial<Activity>, latest: VersionFacts) =>
  data.review?.feedback !== undefined ? data.review.feedback : latest.review?.feedback

const isPartnerWritable = (status: unknown) => [...partnerEditableStatuses, 'approved'].includes(status as ActivityStatus)

/**
 * The plan for one write, or a refusal that names what is allowed. Returns undefined when the
 * caller's access decides (a partner writing another organisation's activity is refused by the
 * update access, as if the activity did not exist for it).
 */
export async function planActivityWrite(facts: WriteFacts): Promise<ActivityPlan | undefined> {
  if (facts.operation === 'create') return planCreate(facts)
  const requested = facts.data.status as ActivityStatus | undefined
  const from = facts.latest.status as ActivityStatus
  switch (facts.writer) {
    case 'system':
      return {
        operation: 'update',
        writer: 'system',
        channel: facts.channel,
        from,
        to: requested ?? from,
        base: 'latest',
        pendingChange: false,
        cancelsApprovedVersion: false,
      }
    case 'editor':
      return planEditorUpdate(facts, requested)
    case 'partner':
      if (idOf(facts.latest.organiser) !== facts.partnerOrganiser) return undefined
      return planPartnerUpdate(facts, requested)
  }
}
