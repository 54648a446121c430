import type { Endpoint, PayloadRequest } from 'payload'

import { isEditor } from '../access/roles'
import { privateCacheControl } from '../delivery/cache'
import { kindLabel } from '../privacy/personalData'
import { findingsIn, localeCodes, namesToAvoid, textsToPublish, transcriptTexts } from '../privacy/publishCheck'
import { refusal } from '../http/refusal'

type Doc = Record<string, unknown>

/**
 * `POST /api/stories/privacy-check` with `{ id?, locale, data }`: the findings of the publish
 * check (src/hooks/checkPersonalData.ts) in the form's current texts, the other locales as
 * stored, the help lines excepted, each masked and marked `covered` when the stored
 * acknowledgement covers it. For the admin's findings panel only: editors, never public.
 */
export const privacyCheckEndpoint: Endpoint = {
  path: '/privacy-check',
  method: 'post',
  handler: async (req: PayloadRequest) => {
    if (!req.user) throw refusal(401, 'Log in als redacteur om een verhaal te laten nalopen.')
    if (!isEditor(req)) throw refusal(403, 'Alleen de redactie loopt verhalen na voor publicatie.')
    let body: { id?: unknown; locale?: unknown; data?: unknown }
    try {
      body = ((await req.json?.()) ?? {}) as typeof body
    } catch {
      throw refusal(400, 'Stuur de teksten van het verhaal als JSON.')
    }
    const data = body.data && typeof body.data === 'object' ? (body.data as Doc) : {}
    const locale = typeof body.locale === 'string' && localeCodes(req).includes(body.locale) ? body.locale : localeCodes(req)[0]
    const id = typeof body.id === 'number' || (typeof body.id === 'string' && /^[1-9]\d{0,14}$/.test(body.id)) ? body.id : undefined
    const stored = id
      ? ((await req.payload.findByID({
          collection: 'stories',
          id,
          draft: true,
          locale: 'all',
          depth: 0,
          disableErrors: true,
          overrideAccess: false,
          user: req.user,
        })) as Doc | null)
      : null
    const check = { ...((stored?.privacyCheck as Doc | undefined) ?? {}), ...((data.privacyCheck as Doc | undefined) ?? {}) }
    const texts = [...textsToPublish(data, stored ?? {}, req, locale), ...(await transcriptTexts(req, data.audio !== undefined ? data.audio : stored?.audio))]
    const findings = await findingsIn(req, texts, namesToAvoid(check.namesToAvoid))
    const covered = new Set((((stored?.privacyCheck as Doc | undefined)?.acknowledgedFindings as { key?: string }[] | undefined) ?? []).map((f) => f.key))
    return Response.json(
      {
        findings: findings.map((finding) => ({ ...finding, kindLabel: kindLabel(finding.kind), covered: covered.has(finding.key) })),
      },
      { headers: { 'Cache-Control': privateCacheControl } },
    )
  },
}
