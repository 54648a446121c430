'use client'

import { useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import { statusLabel } from '../../workflow/activityWorkflow'
import { formatDateTime } from '../format'

type Entry = {
  id: number | string
  from?: string | null
  to: string
  at: string
  feedback?: string | null
  changeToApproved?: boolean | null
  channel?: string | null
  by?: { name?: string | null } | number | string | null
}

const who = (entry: Entry) => {
  if (entry.channel === 'public-form') return 'via het aanmeldformulier'
  if (entry.by && typeof entry.by === 'object' && entry.by.name) return entry.by.name
  return entry.by ? 'de redactie' : 'het systeem'
}

/**
 * The activity's review history from `activity-history`, read with the signed-in account's own
 * access (a partner sees its own organisation's entries only), fetched again after each save.
 */
export function ActivityHistory() {
  const { id, lastUpdateTime } = useDocumentInfo()
  const {
    config: {
      routes: { api },
      serverURL,
    },
  } = useConfig()
  const [entries, setEntries] = useState<Entry[] | null>(null)
  const [failed, setFailed] = useState(false)

  useEffect(() => {
    if (!id) return
    const controller = new AbortController()
    const query = new URLSearchParams({ 'where[activity][equals]': String(id), sort: '-at', limit: '50', depth: '1' })
    fetch(`${serverURL}${api}/activity-history?${query}`, { credentials: 'include', signal: controller.signal })
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
      .then((body: { docs: Entry[] }) => {
        setEntries(body.docs)
        setFailed(false)
      })
      .catch((error: unknown) => {
        if ((error as Error).name !== 'AbortError') setFailed(true)
      })
    return () => controller.abort()
  }, [id, lastUpdateTime, api, serverURL])

  if (!id) return null
  return (
    <div className="activity-history field-type">
      <h4 className="activity-history__title">Geschiedenis</h4>
      {failed && <p>De geschiedenis kon niet worden geladen.</p>}
      {entries?.length === 0 && <p>Nog geen statuswijzigingen.</p>}
      {entries && entries.length > 0 && (
        <ol className="activity-history__list">
          {entries.map((entry) => (
            <li key={entry.id}>
              <span className="activity-history__when">{formatDateTime(entry.at)}</span>
              <span>
                {entry.from ? `${statusLabel(entry.from)} → ` : ''}
                <strong>{statusLabel(entry.to)}</strong> door {who(entry)}
                {entry.changeToApproved ? ' (wijziging op goedgekeurde versie)' : ''}
              </span>
              {entry.feedback && <q className="activity-history__feedback">{entry.feedback}</q>}
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}
