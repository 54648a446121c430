'use client'

import { Button } from '@payloadcms/ui'
import { useEffect, useId, useRef, useState } from 'react'

import type { WorkflowAction } from '../../workflow/actions'

type Props = {
  actions: WorkflowAction[]
  busy: boolean
  /** Makes the move; resolves true when it was made. */
  onRun: (action: WorkflowAction, feedback: string | undefined) => Promise<boolean>
  /** Who reads the feedback: "de indiener" or "de indieners". */
  submitter?: string
  /** Added to the confirm button, such as "(3)" for three selected activities. */
  suffix?: string
}

const style = (action: WorkflowAction) => ({
  buttonStyle: action.tone === 'primary' ? ('primary' as const) : ('secondary' as const),
  className: action.tone === 'danger' ? 'workflow-panel__danger' : undefined,
})

/**
 * The workflow's moves as buttons. A move that needs feedback, or that should be confirmed,
 * first asks for it; the others are made at once. The keyboard focus follows: into the question
 * when it opens, back to the move's button after "Terug".
 */
export function WorkflowActions({ actions, busy, onRun, submitter = 'de indiener', suffix = '' }: Props) {
  const [open, setOpen] = useState<WorkflowAction | null>(null)
  const [feedback, setFeedback] = useState('')
  /** The move whose button gets the focus back once its question closes. */
  const [returnTo, setReturnTo] = useState<WorkflowAction['to'] | null>(null)
  const container = useRef<HTMLDivElement>(null)
  const ids = useId()
  const close = (backToButton: boolean) => {
    setReturnTo(backToButton && open ? open.to : null)
    setOpen(null)
    setFeedback('')
  }

  useEffect(() => {
    const element = container.current
    if (!element) return
    if (open) (element.querySelector('textarea') ?? element).focus()
    else if (returnTo) element.querySelector<HTMLElement>(`[data-workflow-action="${returnTo}"]`)?.focus()
  }, [open, returnTo])

  if (!open) {
    if (actions.length === 0) return null
    return (
      <div className="workflow-panel__buttons" ref={container}>
        {actions.map((action) => (
          <Button
            key={action.to}
            {...style(action)}
            size="medium"
            disabled={busy}
            extraButtonProps={{ 'data-workflow-action': action.to }}
            onClick={() => (action.question || action.feedback !== 'none' ? setOpen(action) : void onRun(action, undefined))}
          >
            {action.label}
          </Button>
        ))}
      </div>
    )
  }

  const missing = open.feedback === 'required' && feedback.trim() === ''
  const questionId = `${ids}-question`
  const hintId = `${ids}-hint`
  const describedBy = [open.question && questionId, missing && hintId].filter(Boolean).join(' ') || undefined
  return (
    <div
      className="workflow-panel__confirm"
      role="group"
      aria-label={open.label}
      // With a text box the box carries the description; without one the group is focused and does.
      aria-describedby={open.feedback === 'none' ? describedBy : undefined}
      ref={container}
      tabIndex={-1}
    >
      {open.question && (
        <p className="workflow-panel__question" id={questionId}>
          {open.question}
        </p>
      )}
      {open.feedback !== 'none' && (
        <label className="workflow-panel__feedback-input">
          <span>{open.feedback === 'required' ? `Terugkoppeling aan ${submitter} (verplicht)` : `Bericht aan ${submitter} (niet verplicht)`}</span>
          <textarea
            name="workflow-feedback"
            rows={4}
            value={feedback}
            aria-required={open.feedback === 'required'}
            aria-describedby={describedBy}
            onChange={(event) => setFeedback(event.target.value)}
          />
        </label>
      )}
      <div className="workflow-panel__buttons">
        <Button
          {...style(open)}
          buttonStyle={open.tone === 'danger' ? 'secondary' : 'primary'}
          size="medium"
          disabled={missing || busy}
          onClick={async () => {
            if (await onRun(open, open.feedback === 'none' ? undefined : feedback)) close(false)
          }}
        >
          {`${open.confirmLabel}${suffix}`}
        </Button>
        <Button buttonStyle="secondary" size="medium" disabled={busy} onClick={() => close(true)}>
          Terug
        </Button>
      </div>
      {missing && (
        <p className="workflow-panel__hint" id={hintId}>
          Vul eerst de terugkoppeling in: {submitter} moet weten wat er moet gebeuren.
        </p>
      )}
    </div>
  )
}
