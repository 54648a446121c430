'use client'

import { useAuth, useDocumentInfo, useFormProcessing } from '@payloadcms/ui'

import { statusLabel, type ActivityStatus } from '../../workflow/activityWorkflow'
import { actorOfUser, workflowActions } from '../../workflow/actions'
import { useWorkflowSubmit } from './useWorkflowSubmit'
import { WorkflowActions } from './WorkflowActions'

const partnerExplanation: Record<ActivityStatus, string> = {
  draft: 'Concept: alleen uw organisatie en de redactie zien deze activiteit. Dien haar in zodra alles is ingevuld.',
  submitted: 'Ingediend: de redactie beoordeelt uw activiteit binnen enkele werkdagen. Tot die tijd kunt u nog wijzigen.',
  'in-review': 'De redactie beoordeelt uw activiteit nu. Wijzigen kan weer zodra er een besluit is.',
  'changes-requested': 'De redactie vraagt u iets aan te passen. Pas de activiteit aan en dien haar opnieuw in.',
  approved:
    'Goedgekeurd: de activiteit staat op de campagnewebsite. Wijzigt u iets, dan beoordeelt de redactie de wijziging opnieuw; tot dan blijft de goedgekeurde versie staan.',
  rejected: 'Afgewezen: deze activiteit komt niet op de campagnewebsite.',
  withdrawn: 'Ingetrokken: deze activiteit wordt niet beoordeeld en komt niet op de website.',
  cancelled: 'Geannuleerd: de activiteit staat op de website als geannuleerd.',
}

const editorExplanation: Partial<Record<ActivityStatus, string>> = {
  draft: 'Concept: nog niet ingediend door de partner.',
  submitted: 'Wacht op een besluit van de redactie.',
  'in-review': 'In behandeling bij de redactie.',
  'changes-requested': 'Wacht op aanpassingen door de indiener.',
  approved: 'Goedgekeurd: openbaar zodra de editie activiteiten toont.',
}

/**
 * The top of an activity's edit view: its status in words, the editors' feedback, and the moves
 * of the workflow that this account may make from here, as buttons.
 */
export function WorkflowPanel() {
  const { id, data, hasSavePermission } = useDocumentInfo()
  const { user } = useAuth()
  const transition = useWorkflowSubmit()
  const processing = useFormProcessing()
  const actor = actorOfUser(user)
  const isPartner = actor === 'partner'

  if (!id) {
    return (
      <div className="workflow-panel workflow-panel--new">
        <p>
          {isPartner
            ? 'Vul de tabbladen in en kies Opslaan. Daarna kunt u de activiteit indienen ter beoordeling door de redactie.'
            : 'Nieuwe activiteit: na Opslaan staat ze als concept klaar om in te dienen.'}
        </p>
      </div>
    )
  }

  const status = (data?.status ?? 'draft') as ActivityStatus
  const feedback = (data?.review as { feedback?: string | null } | undefined)?.feedback
  // Without the right to change this activity (another organisation's public one) no moves show.
  const actions = actor && hasSavePermission ? workflowActions(status, actor) : []
  const feedbackMatters = status === 'changes-requested' || status === 'rejected'
  const explanation = isPartner ? partnerExplanation[status] : editorExplanation[status]

  return (
    <section className={`workflow-panel workflow-panel--${status}`} aria-label="Beoordeling">
      <div className="workflow-panel__status">
        <span className="workflow-panel__label">Status</span>
        <strong className={`status-pill status-pill--${status}`}>{statusLabel(status)}</strong>
        {explanation && <span className="workflow-panel__explanation">{explanation}</span>}
      </div>
      {feedback && (feedbackMatters || !isPartner) && (
        <div className={`workflow-panel__feedback${feedbackMatters ? ' workflow-panel__feedback--attention' : ''}`}>
          <strong>Terugkoppeling van de redactie</strong>
          <p>{feedback}</p>
        </div>
      )}
      <WorkflowActions actions={actions} busy={processing} onRun={(action, feedback) => transition(action.to, feedback)} />
    </section>
  )
}
