'use client'

import { ExportListMenuItem } from '@payloadcms/plugin-import-export/rsc'
import { useAuth } from '@payloadcms/ui'

import { isEditorUser } from '../../admin/visibility'

/** The import/export plugin's "Export" item in the activities list, for editors only. */
export function ExportMenuItem(props: { collectionSlug: string; exportCollectionSlug: string }) {
  const { user } = useAuth()
  return isEditorUser(user) ? <ExportListMenuItem {...props} /> : null
}
