'use client'

import { useAllFormFields, useConfig, useDocumentInfo, useField, useLocale } from '@payloadcms/ui'
import { reduceFieldsToValues } from 'payload/shared'
import { useEffect, useMemo, useRef, useState } from 'react'

export type Finding = { path: string; locale: string | null; kind: string; kindLabel: string; fragment: string; key: string; covered: boolean }

type Values = Record<string, Record<string, unknown> | undefined>

/** The texts the publish check reads (src/privacy/publishCheck.ts), and the names to avoid. */
const scanned = (values: Values) => ({
  title: values.title,
  summary: values.summary,
  body: values.body,
  quote: values.quote,
  whatHelped: values.whatHelped,
  reflection: values.reflection,
  storyteller: { displayName: values.storyteller?.displayName, role: values.storyteller?.role },
  series: values.series,
  audio: values.audio,
  meta: { title: values.meta?.title, description: values.meta?.description },
  privacyCheck: { namesToAvoid: values.privacyCheck?.namesToAvoid },
})

/**
 * The findings of the publish check in what the story form holds now: the same check the server
 * makes (POST /api/stories/privacy-check), masked, 400 ms after the last change.
 */
export function usePrivacyFindings(): { findings: Finding[] | null; failed: boolean } {
  const [fields] = useAllFormFields()
  const { id } = useDocumentInfo()
  const locale = useLocale()
  const { config } = useConfig()
  const [findings, setFindings] = useState<Finding[] | null>(null)
  const [failed, setFailed] = useState(false)
  const texts = useMemo(() => JSON.stringify(scanned(reduceFieldsToValues(fields, true) as Values)), [fields])

  useEffect(() => {
    const controller = new AbortController()
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`${config.serverURL}${config.routes.api}/stories/privacy-check`, {
          method: 'POST',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ id, locale: locale?.code, data: JSON.parse(texts) }),
          signal: controller.signal,
        })
        if (!response.ok) throw new Error(String(response.status))
        setFindings(((await response.json()) as { findings: Finding[] }).findings)
        setFailed(false)
      } catch {
        if (!controller.signal.aborted) setFailed(true)
      }
    }, 400)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [texts, id, locale?.code, config.serverURL, config.routes.api])

  return { findings, failed }
}

/**
 * The form sends back the stored `acknowledged: true`, and the server takes an acknowledgement in
 * a write as covering every finding of that write. So the box is unticked as soon as a finding
 * turns up that it was not ticked for (nor covered by the stored acknowledgement): the editor then
 * has to tick it again, having seen the new finding. A tick covers the findings listed at the
 * moment of ticking.
 */
export function useUntickUncoveredAcknowledgement(findings: Finding[] | null): void {
  const { value: acknowledged, setValue: setAcknowledged } = useField<boolean>({ path: 'privacyCheck.acknowledged' })
  const tickedFor = useRef<Set<string>>(new Set())
  const previous = useRef(acknowledged)
  useEffect(() => {
    if (acknowledged === true && previous.current !== true && previous.current !== undefined) {
      tickedFor.current = new Set((findings ?? []).map((finding) => finding.key))
    }
    previous.current = acknowledged
  }, [acknowledged, findings])
  useEffect(() => {
    if (acknowledged !== true || !findings) return
    if (findings.some((finding) => !finding.covered && !tickedFor.current.has(finding.key))) {
      tickedFor.current = new Set()
      setAcknowledged(false)
    }
  }, [findings, acknowledged, setAcknowledged])
}
