import type { CollectionBeforeChangeHook, CollectionBeforeOperationHook, PayloadRequest } from 'payload'

import { type FieldError, refusal } from '../http/refusal'
import { publicStory } from '../access/stories'
import { describeFinding, type Finding, findingsIn, namesToAvoid, textsToPublish, transcriptsByLocale, transcriptTexts } from '../privacy/publishCheck'

type Doc = Record<string, unknown>

type StoredFinding = { key?: string | null }
type PrivacyCheck = {
  namesToAvoid?: string[] | null
  acknowledged?: boolean | null
  note?: string | null
  acknowledgedFindings?: StoredFinding[] | null
}

/**
 * What the write itself says, before Payload fills in the stored values: whether it acknowledges
 * (a stored `acknowledged: true` must not acknowledge the findings of a later write), and which
 * version a restore brings back (its hooks are not told).
 */
export const noteStoryWrite: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  const { data, id } = args as { data?: { privacyCheck?: PrivacyCheck | null }; id?: unknown }
  if (operation === 'restoreVersion') req.context.restoredStoryVersion = id
  if (operation === 'create' || operation === 'update') req.context.writeAcknowledgesFindings = data?.privacyCheck?.acknowledged === true
  return args
}

/**
 * The stored story a publish builds on, with all locales. A restore publishes the restored
 * version; another update the locales it does not write from the newest version (by id) or from
 * the story's own row (a bulk update without draft): both are read, so no locale goes public
 * unchecked.
 */
async function storedStory(req: PayloadRequest, originalDoc: Doc | undefined): Promise<{ bases: Doc[]; acknowledgements?: Doc }> {
  const collection = 'stories'
  const versionId = req.context.isRestoringVersion ? req.context.restoredStoryVersion : undefined
  if (versionId !== undefined) {
    const { docs } = await req.payload.db.findVersions({ collection, where: { id: { equals: versionId } }, locale: 'all', limit: 1, pagination: false, req })
    const version = (docs[0]?.version ?? {}) as Doc
    return { bases: [version], acknowledgements: version }
  }
  const id = originalDoc?.id as number | undefined
  if (id === undefined) return { bases: [{}] }
  // The database adapter, not the Local API: that would set this request's locale to 'all' for the rest of the write.
  const [versions, row] = await Promise.all([
    req.payload.db.findVersions({
      collection,
      where: { and: [{ parent: { equals: id } }, { latest: { equals: true } }] },
      locale: 'all',
      sort: '-updatedAt',
      limit: 1,
      pagination: false,
      req,
    }),
    req.payload.db.findOne({ collection, where: { id: { equals: id } }, locale: 'all', req }),
  ])
  const latest = versions.docs[0]?.version
  return { bases: [latest, row].filter(Boolean) as unknown as Doc[], acknowledgements: originalDoc }
}

/**
 * A story is published only without what identifies a person in any of its public texts, in any
 * locale, its audio's transcript included (src/privacy/personalData.ts): e-mail addresses, phone numbers, postcodes with a house
 * number, BSNs, IBANs, dates of birth and the real names the editors listed in
 * `privacyCheck.namesToAvoid`. Every write that publishes is checked: publish now, a scheduled
 * publication, update by id or by where, create, restore, GraphQL, the Local API. Draft saves are not.
 *
 * An editor may publish anyway by sending `privacyCheck.acknowledged: true` with a `note` in the
 * same write: the hook then records who, when and which findings (masked, with a keyed
 * fingerprint) with the version. That record covers exactly those findings: a later publish with
 * a finding it does not cover is refused again, unless that write itself sends
 * `acknowledged: true` (a stored one does not count: see `noteStoryWrite`; a scheduled
 * publication or a restore never acknowledges). The admin form sends the whole document back,
 * the stored `acknowledged: true` with it, so its findings panel
 * (src/components/stories/PrivacyFindings.tsx) unticks the box as soon as a live finding is not
 * covered: a publish from the admin never acknowledges a finding the editor has not seen.
 */
export const checkPersonalDataBeforePublishing: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  if (data._status !== 'published') return data
  // A story whose consent is withdrawn is never public again: nothing to check, and the withdrawal must not be held up.
  if ((data.consent as { withdrawn?: boolean } | undefined)?.withdrawn === true) return data
  const { bases, acknowledgements } = await storedStory(req, originalDoc as Doc | undefined)
  const check = { ...((bases[0]?.privacyCheck as PrivacyCheck | undefined) ?? {}), ...((data.privacyCheck as PrivacyCheck | undefined) ?? {}) }
  // A restore also avoids the names listed since that version.
  const names = namesToAvoid([
    ...namesToAvoid(check.namesToAvoid),
    ...(req.context.isRestoringVersion ? namesToAvoid((originalDoc?.privacyCheck as PrivacyCheck | undefined)?.namesToAvoid) : []),
  ])
  const findings: Finding[] = []
  const seen = new Set<string>()
  for (const base of bases) {
    const texts = [...textsToPublish(data, base, req), ...(await transcriptTexts(req, data.audio !== undefined ? data.audio : base.audio))]
    for (const finding of await findingsIn(req, texts, names)) {
      const once = `${finding.path}|${finding.locale}|${finding.key}`
      if (!seen.has(once)) findings.push(finding)
      seen.add(once)
    }
  }
  if (findings.length === 0) return data
  const covered = new Set(((acknowledgements?.privacyCheck as PrivacyCheck | undefined)?.acknowledgedFindings ?? []).map((finding) => finding.key))
  const uncovered = findings.filter((finding) => !covered.has(finding.key))
  if (uncovered.length === 0) return data
  const note = typeof check.note === 'string' ? check.note.trim() : ''
  const acknowledges = req.context.writeAcknowledgesFindings === true && !req.context.isRestoringVersion
  if (acknowledges && note) {
    data.privacyCheck = {
      ...check,
      acknowledged: true,
      note,
      acknowledgedBy: req.user?.collection === 'users' ? req.user.id : null,
      acknowledgedAt: new Date().toISOString(),
      acknowledgedFindings: findings.map(({ path, locale, kind, fragment, key }) => ({ field: path, locale, kind, fragment, key })),
    }
    return data
  }
  const errors: FieldError[] = uncovered.map((finding) => ({ path: finding.path, message: describeFinding(finding) }))
  if (acknowledges) errors.push({ path: 'privacyCheck.note', message: 'Licht toe waarom het verhaal toch gepubliceerd mag worden.' })
  throw refusal(
    400,
    `Dit verhaal wordt niet gepubliceerd: het bevat gegevens die iemand herkenbaar kunnen maken: ${uncovered.map(describeFinding).join('; ')}. ` +
      'Haal ze weg, of vink bij "Privacycheck" aan dat het verhaal toch gepubliceerd mag worden, met een toelichting.',
    errors,
  )
}

/**
 * The transcript of audio that a public story uses is public with it: a change to it passes the
 * same check, with the names and acknowledgements of those stories. A finding none of them
 * acknowledged is refused; to publish one anyway, the editor takes the story offline, changes the
 * transcript and publishes the story again with an acknowledgement.
 */
export const checkTranscriptOfPublicStories: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  if (operation !== 'update' || originalDoc?.id === undefined || data.transcript === undefined) return data
  const { docs: stories } = await req.payload.db.find<{ id: number; privacyCheck?: PrivacyCheck | null }>({
    collection: 'stories',
    where: { and: [publicStory(), { audio: { equals: originalDoc.id } }] },
    pagination: false,
    req,
  })
  if (stories.length === 0) return data
  const stored = await req.payload.db.findOne<{ id: number; transcript?: unknown }>({
    collection: 'story-audio',
    where: { id: { equals: originalDoc.id } },
    locale: 'all',
    req,
  })
  const transcript = req.locale === 'all' ? data.transcript : { ...((stored?.transcript as Doc | undefined) ?? {}), [req.locale ?? 'nl']: data.transcript }
  const names = namesToAvoid(stories.flatMap((story) => story.privacyCheck?.namesToAvoid ?? []))
  const covered = new Set(stories.flatMap((story) => (story.privacyCheck?.acknowledgedFindings ?? []).map((finding) => finding.key)))
  const uncovered = (await findingsIn(req, transcriptsByLocale(req, transcript, 'transcript'), names)).filter((finding) => !covered.has(finding.key))
  if (uncovered.length === 0) return data
  throw refusal(
    400,
    `Deze uitgeschreven tekst wordt niet opgeslagen: een gepubliceerd verhaal gebruikt dit audiofragment, en de tekst bevat gegevens die iemand herkenbaar kunnen maken: ${uncovered.map(describeFinding).join('; ')}. ` +
      'Haal ze weg, of haal het verhaal offline, pas de tekst aan en publiceer het verhaal opnieuw met een toelichting bij "Privacycheck".',
    uncovered.map((finding) => ({ path: 'transcript', message: describeFinding(finding) })),
  )
}
