'use client'

import { Button, useAuth, useConfig, useListQuery, useSelection } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

import type { ActivityStatus } from '../../workflow/activityWorkflow'
import { actorOfUser, type WorkflowAction, workflowAction } from '../../workflow/actions'
import { WorkflowActions } from './WorkflowActions'

type Outcome = { id: number | string; title: string; ok: boolean; message?: string }

/** The decisions editors take on many activities at once; each must fit the table per activity. */
const bulkTargets: ActivityStatus[] = ['in-review', 'approved', 'changes-requested', 'rejected']

/**
 * Bulk decisions in the activities list: the chosen move is sent for each selected activity on its
 * own through the REST API, so the workflow hooks check, record and mail every one, and the
 * editor sees per activity what was refused and why.
 */
export function BulkDecisions() {
  const { user } = useAuth()
  const { selectedIDs } = useSelection()
  const { data } = useListQuery()
  const {
    config: {
      routes: { api },
      serverURL,
    },
  } = useConfig()
  const router = useRouter()
  const [running, setRunning] = useState(false)
  const [outcomes, setOutcomes] = useState<{ action: WorkflowAction; results: Outcome[] } | null>(null)

  if (actorOfUser(user) !== 'editor') return null
  const titles = new Map((data?.docs ?? []).map((doc) => [doc.id, String(doc.title ?? doc.id)]))
  // The label of a decision does not depend on where the activity comes from, except for
  // 'in-review', which reads "In behandeling nemen" from submitted.
  const actions = bulkTargets.map((to) => workflowAction(to === 'in-review' ? 'submitted' : 'in-review', to))

  async function decide(action: WorkflowAction, feedback: string | undefined) {
    setRunning(true)
    const results: Outcome[] = []
    for (const id of selectedIDs) {
      const title = titles.get(id) ?? `#${id}`
      const body: Record<string, unknown> = { status: action.to }
      if (feedback !== undefined) body.review = { feedback: feedback.trim() || null }
      try {
        const response = await fetch(`${serverURL}${api}/activities/${id}?depth=0`, {
          method: 'PATCH',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json', 'Accept-Language': 'nl' },
          body: JSON.stringify(body),
        })
        const json = (await response.json().catch(() => ({}))) as { errors?: { message?: string }[]; message?: string }
        results.push(
          response.ok ? { id, title, ok: true } : { id, title, ok: false, message: json.errors?.[0]?.message ?? json.message ?? `Fout ${response.status}` },
        )
      } catch {
        results.push({ id, title, ok: false, message: 'Geen verbinding met de server.' })
      }
    }
    setOutcomes({ action, results })
    setRunning(false)
    router.refresh()
    return true
  }

  const report = outcomes && (
    <div className="bulk-decisions__report">
      <p>
        <strong>
          {outcomes.action.label}: {outcomes.results.filter((r) => r.ok).length} van {outcomes.results.length} gelukt.
        </strong>
      </p>
      {outcomes.results.some((r) => !r.ok) && (
        <ul>
          {outcomes.results
            .filter((r) => !r.ok)
            .map((r) => (
              <li key={r.id}>
                Geweigerd: <strong>{r.title}</strong> — {r.message}
              </li>
            ))}
        </ul>
      )}
      <Button buttonStyle="secondary" size="small" onClick={() => setOutcomes(null)}>
        Sluiten
      </Button>
    </div>
  )

  // The live region stays in place whether or not activities are selected, so a screen reader
  // announces the report when it appears (a region that appears with its text is often not read).
  return (
    <>
      <div className="bulk-decisions__live" role="status">
        {report}
      </div>
      {selectedIDs.length > 0 ? (
        <div className="bulk-decisions">
          <p className="bulk-decisions__title">
            Besluit voor {selectedIDs.length === 1 ? '1 geselecteerde activiteit' : `${selectedIDs.length} geselecteerde activiteiten`}:
          </p>
          <WorkflowActions actions={actions} busy={running} onRun={decide} submitter="de indieners" suffix={` (${selectedIDs.length})`} />
        </div>
      ) : (
        !report && (
          <p className="bulk-decisions__hint">
            Zoek op titel, samenvatting of plaats en filter op editie, status, provincie, vorm, organisatie of datum. Selecteer activiteiten om voor meerdere
            tegelijk te beslissen.
          </p>
        )
      )}
    </>
  )
}
