import { type ActivityStatus, type Actor, allowedTargets, findTransition } from './activityWorkflow'

/**
 * The workflow's transitions as the admin offers them: a button label, whether the submitter
 * must be told why, and whether the person should confirm first. Built from the transition
 * table, so a button exists only where the table allows the move.
 */
export type WorkflowAction = {
  to: ActivityStatus
  label: string
  /** Text on the confirm button once the person filled in what is asked. */
  confirmLabel: string
  feedback: 'required' | 'optional' | 'none'
  /** Asked before the move is made. */
  question?: string
  tone: 'primary' | 'secondary' | 'danger'
}

const labelFor = (from: ActivityStatus, to: ActivityStatus): string => {
  switch (to) {
    case 'submitted':
      return from === 'changes-requested' ? 'Opnieuw indienen' : 'Indienen ter beoordeling'
    case 'in-review':
      return from === 'submitted' ? 'In behandeling nemen' : 'Heropenen'
    case 'approved':
      return 'Goedkeuren'
    case 'changes-requested':
      return 'Wijzigingen vragen'
    case 'rejected':
      return 'Afwijzen'
    case 'withdrawn':
      return 'Intrekken'
    case 'cancelled':
      return 'Activiteit annuleren'
    default:
      return to
  }
}

const questionFor: Partial<Record<ActivityStatus, string>> = {
  approved: 'Goedkeuren: de activiteit komt op de campagnewebsite. Wilt u de indiener nog iets laten weten? (niet verplicht)',
  'changes-requested': 'Wat moet de indiener aanpassen? Dit bericht ziet de indiener bij de activiteit en krijgt het per e-mail.',
  rejected: 'Waarom wordt de activiteit afgewezen? Dit bericht ziet de indiener bij de activiteit en krijgt het per e-mail.',
  withdrawn: 'Intrekken: de activiteit wordt niet meer beoordeeld en komt niet op de website. Weet u het zeker?',
  cancelled: 'Annuleren: de activiteit blijft op de website staan, gemarkeerd als geannuleerd. Weet u het zeker?',
}

export function workflowAction(from: ActivityStatus, to: ActivityStatus): WorkflowAction {
  const transition = findTransition(from, to)
  const feedback = transition?.needsFeedback ? 'required' : to === 'approved' ? 'optional' : 'none'
  const tone = to === 'rejected' || to === 'withdrawn' || to === 'cancelled' ? 'danger' : to === 'approved' || to === 'submitted' ? 'primary' : 'secondary'
  const label = labelFor(from, to)
  return { to, label, confirmLabel: label, feedback, question: questionFor[to], tone }
}

/** The actions `actor` sees on an activity with status `from`, most common decision first. */
export const workflowActions = (from: ActivityStatus, actor: Actor): WorkflowAction[] => allowedTargets(from, actor).map((to) => workflowAction(from, to))

/** The admin account's part in the workflow. */
export const actorOfUser = (user: unknown): Actor | undefined => {
  const { role, organiser } = (user ?? {}) as { role?: string; organiser?: unknown }
  if (role === 'admin' || role === 'editor') return 'editor'
  if (role === 'partner' && organiser) return 'partner'
  return undefined
}

/** Statuses whose activities wait for an editor's decision. */
export const waitingStatuses: ActivityStatus[] = ['submitted', 'in-review']
