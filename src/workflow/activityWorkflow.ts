import { activityStatuses } from '../fields/options'

/**
 * The review workflow of activities: the one table that hooks, endpoints and the admin use.
 * A transition is an update of `status`; `review.feedback` carries the message to the submitter.
 */

export type ActivityStatus = 'draft' | 'submitted' | 'in-review' | 'changes-requested' | 'approved' | 'rejected' | 'withdrawn' | 'cancelled'

export type Actor = 'partner' | 'editor'

export type Transition = {
  from: ActivityStatus[]
  to: ActivityStatus
  /** Who may make it: partners only for activities of their own organiser. */
  by: Actor[]
  /** A partner may submit only while the edition's submission window is open. */
  partnerNeedsOpenWindow?: boolean
  /** The submitter must be told why. */
  needsFeedback?: boolean
}

export const transitions: Transition[] = [
  { from: ['draft'], to: 'submitted', by: ['partner', 'editor'], partnerNeedsOpenWindow: true },
  { from: ['submitted'], to: 'in-review', by: ['editor'] },
  { from: ['submitted', 'in-review'], to: 'approved', by: ['editor'] },
  { from: ['submitted', 'in-review'], to: 'changes-requested', by: ['editor'], needsFeedback: true },
  { from: ['submitted', 'in-review'], to: 'rejected', by: ['editor'], needsFeedback: true },
  { from: ['changes-requested'], to: 'submitted', by: ['partner', 'editor'] },
  { from: ['draft', 'submitted', 'changes-requested'], to: 'withdrawn', by: ['partner', 'editor'] },
  { from: ['approved'], to: 'cancelled', by: ['partner', 'editor'] },
  { from: ['rejected', 'withdrawn'], to: 'in-review', by: ['editor'] },
]

/** Statuses whose version is public (with a passed listing date). */
export const publicStatuses: ActivityStatus[] = ['approved', 'cancelled']

/** Statuses in which a partner may still change the content of its own activity. */
export const partnerEditableStatuses: ActivityStatus[] = ['draft', 'submitted', 'changes-requested']

/** Decisions that are e-mailed to the activity's contact. */
export const decisions: ActivityStatus[] = ['approved', 'changes-requested', 'rejected']

export const statusLabel = (status: string | null | undefined): string => activityStatuses.find((option) => option.value === status)?.label.nl ?? status ?? ''

export const findTransition = (from: ActivityStatus, to: ActivityStatus): Transition | undefined =>
  transitions.find((transition) => transition.to === to && transition.from.includes(from))

/** Where `actor` may take an activity from `from`: the buttons an editor or partner sees. */
export const allowedTargets = (from: ActivityStatus, actor: Actor): ActivityStatus[] =>
  transitions.filter((transition) => transition.from.includes(from) && transition.by.includes(actor)).map((t) => t.to)

export type TransitionCheck = { ok: true; transition: Transition } | { ok: false; status: 400 | 403 | 409; message: string }

const list = (targets: ActivityStatus[]) => (targets.length === 0 ? 'geen enkele' : targets.map((target) => `'${statusLabel(target)}'`).join(', '))

/** Whether `actor` may move an activity from `from` to `to`, and if not, a message that says what is allowed. */
export function checkTransition(args: {
  from: ActivityStatus
  to: ActivityStatus
  actor: Actor
  feedback?: string | null
  windowOpen?: boolean
}): TransitionCheck {
  const { from, to, actor, feedback, windowOpen } = args
  const allowed = allowedTargets(from, actor)
  const transition = findTransition(from, to)
  const refusal = `Een activiteit met status '${statusLabel(from)}' kan niet naar '${statusLabel(to)}'.`
  if (!transition) {
    return { ok: false, status: 409, message: `${refusal} Toegestaan vanaf '${statusLabel(from)}': ${list(allowed)}.` }
  }
  if (!transition.by.includes(actor)) {
    return {
      ok: false,
      status: 403,
      message: `${refusal} Dat doet de redactie. Wat u vanaf '${statusLabel(from)}' kunt doen: ${list(allowed)}.`,
    }
  }
  if (transition.needsFeedback && !feedback?.trim()) {
    return {
      ok: false,
      status: 400,
      message: `Vul bij '${statusLabel(to)}' de terugkoppeling aan de indiener in (review.feedback): leg uit wat er moet gebeuren.`,
    }
  }
  if (actor === 'partner' && transition.partnerNeedsOpenWindow && windowOpen === false) {
    return {
      ok: false,
      status: 403,
      message: 'Het aanmelden van activiteiten voor deze editie is gesloten. Neem contact op met de redactie.',
    }
  }
  return { ok: true, transition }
}
