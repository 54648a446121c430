'use client'

import { useDocumentInfo } from '@payloadcms/ui'

import { publicStatuses, statusLabel, type ActivityStatus } from '../../workflow/activityWorkflow'

/** The workflow status in the document controls, where Payload shows draft or published. */
export function StatusLabel() {
  const { data, unpublishedVersionCount } = useDocumentInfo()
  const status = data?.status as ActivityStatus | undefined
  if (!status) return null
  const changePending = unpublishedVersionCount > 0 && !publicStatuses.includes(status)
  return (
    <p className="doc-controls__value">
      Status: <strong>{statusLabel(status)}</strong>
      {changePending && ' · de goedgekeurde versie blijft openbaar tot de wijziging is beoordeeld'}
    </p>
  )
}
