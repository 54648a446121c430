'use client'

import { toast, useForm } from '@payloadcms/ui'
import { useCallback } from 'react'

import { statusLabel, type ActivityStatus } from '../../workflow/activityWorkflow'

/**
 * Saves the activity with a new status through the edit form: what the person changed in the form
 * is saved with it, the server's workflow hooks decide, and a refusal comes back as the
 * server's own message in a notice.
 */
export function useWorkflowSubmit() {
  const { getDataByPath, submit } = useForm()
  return useCallback(
    async (to: ActivityStatus, feedback?: string | null) => {
      const review = feedback === undefined ? {} : { review: { ...(getDataByPath('review') ?? {}), feedback: feedback?.trim() || null } }
      const result = await submit({ overrides: { status: to, ...review }, disableSuccessStatus: true })
      const ok = Boolean(result?.res?.ok)
      if (ok) toast.success(`Status gewijzigd: ${statusLabel(to)}.`)
      return ok
    },
    [getDataByPath, submit],
  )
}
