'use client'

import { SaveButton, useDocumentInfo } from '@payloadcms/ui'

/**
 * One save button instead of Payload's "save draft" and "publish": the workflow decides what the
 * public sees (an approved activity's change is kept as a draft until an editor approves it).
 */
export function ActivitySaveButton() {
  const { id } = useDocumentInfo()
  return <SaveButton label={id ? 'Opslaan' : 'Opslaan als concept'} />
}
