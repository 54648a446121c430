import { createHmac } from 'node:crypto'

import type { PayloadRequest } from 'payload'

import { purposeKey } from '../db/secret'
import { type FindingKind, kindLabel, mask, richTextToPlain, scanText } from './personalData'

/**
 * The personal-data check of a story as it would be published: its public texts in every
 * locale, the help lines of site-settings excepted. Used by the publish rule
 * (src/hooks/checkPersonalData.ts) and by the editors' live check in the admin
 * (src/endpoints/privacyCheck.ts), so both see the same findings.
 */

type Doc = Record<string, unknown>

/** One finding as editors see it: never the fragment itself, only masked. */
export type Finding = {
  path: string
  /** null for a field that is the same in every locale. */
  locale: string | null
  kind: FindingKind
  fragment: string
  /** Which detail this is (kind and value, keyed with the CMS secret): what an acknowledgement covers. */
  key: string
}

/** The public texts of a story. `storyteller.displayName` is the same in every locale. */
const textFields: { path: string; richText?: boolean; localized: boolean }[] = [
  { path: 'title', localized: true },
  { path: 'summary', localized: true },
  { path: 'body', richText: true, localized: true },
  { path: 'quote', localized: true },
  { path: 'whatHelped', localized: true },
  { path: 'reflection', richText: true, localized: true },
  { path: 'storyteller.displayName', localized: false },
  { path: 'storyteller.role', localized: true },
  { path: 'series', localized: false },
  { path: 'meta.title', localized: true },
  { path: 'meta.description', localized: true },
]

const valueAt = (doc: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Doc)[key] : undefined), doc)

export const localeCodes = (req: PayloadRequest): string[] => (req.payload.config.localization ? req.payload.config.localization.localeCodes : ['nl'])

/**
 * The story's texts as a publish would make them: what the write carries (in its locale, or in
 * every locale for `locale: 'all'`) over the stored document with all its locales.
 */
export function textsToPublish(
  write: Doc,
  stored: Doc,
  req: PayloadRequest,
  writeLocale: string = req.locale ?? localeCodes(req)[0],
): { path: string; locale: string | null; text: string }[] {
  const locales = localeCodes(req)
  const out: { path: string; locale: string | null; text: string }[] = []
  const plain = (value: unknown, richText?: boolean) => (richText ? richTextToPlain(value) : typeof value === 'string' ? value : '')
  for (const field of textFields) {
    const written = valueAt(write, field.path)
    const kept = valueAt(stored, field.path)
    if (!field.localized) {
      out.push({ path: field.path, locale: null, text: plain(written !== undefined ? written : kept, field.richText) })
      continue
    }
    const writtenAll = writeLocale === 'all' && written && typeof written === 'object' ? (written as Doc) : undefined
    for (const locale of locales) {
      const keptValue = kept && typeof kept === 'object' ? (kept as Doc)[locale] : undefined
      let value = keptValue
      if (writtenAll && locale in writtenAll) value = writtenAll[locale]
      else if (!writtenAll && locale === writeLocale && written !== undefined) value = written
      out.push({ path: field.path, locale, text: plain(value, field.richText) })
    }
  }
  return out
}

type Text = ReturnType<typeof textsToPublish>[number]

/**
 * The transcript of the story's audio, in every locale: public with the story
 * (src/access/stories.ts, `readStoryAudio`), so it is one of its texts.
 */
export async function transcriptTexts(req: PayloadRequest, audio: unknown, path = 'audio.transcript'): Promise<Text[]> {
  const id = audio && typeof audio === 'object' ? (audio as Doc).id : audio
  if (typeof id !== 'number' && typeof id !== 'string') return []
  // The database adapter, not the Local API: that would set this request's locale for the rest of the write.
  const doc = await req.payload.db.findOne<{ id: number; transcript?: unknown }>({
    collection: 'story-audio',
    where: { id: { equals: id } },
    locale: 'all',
    req,
  })
  return transcriptsByLocale(req, doc?.transcript, path)
}

export const transcriptsByLocale = (req: PayloadRequest, transcript: unknown, path: string): Text[] =>
  localeCodes(req).map((locale) => {
    const text = transcript && typeof transcript === 'object' ? (transcript as Doc)[locale] : undefined
    return { path, locale, text: typeof text === 'string' ? text : '' }
  })

/** The numbers of the help lines in site-settings: a story may always name them. */
export async function helpLinePhones(req: PayloadRequest): Promise<string[]> {
  const settings = (await req.payload.db.findGlobal({ slug: 'site-settings', locale: localeCodes(req)[0], req })) as {
    helpLines?: { phone?: string | null }[] | null
  } | null
  return (settings?.helpLines ?? []).map((line) => line.phone ?? '').filter(Boolean)
}

export const fingerprint = (req: PayloadRequest, kind: FindingKind, normalized: string): string =>
  createHmac('sha256', purposeKey(req.payload.secret, 'privacy-check')).update(`${kind}:${normalized}`).digest('hex').slice(0, 32)

/** Every finding in the texts, once per field, locale and detail. */
export async function findingsIn(req: PayloadRequest, texts: ReturnType<typeof textsToPublish>, names: readonly string[]): Promise<Finding[]> {
  const allowedPhones = await helpLinePhones(req)
  const seen = new Set<string>()
  const findings: Finding[] = []
  for (const { path, locale, text } of texts) {
    for (const match of scanText(text, { names, allowedPhones })) {
      const key = fingerprint(req, match.kind, match.normalized)
      const once = `${path}|${locale}|${key}`
      if (seen.has(once)) continue
      seen.add(once)
      findings.push({ path, locale, kind: match.kind, fragment: mask(match.fragment), key })
    }
  }
  return findings
}

export const namesToAvoid = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((name): name is string => typeof name === 'string' && name.trim().length > 0) : []

/** "e-mailadres j…@…l in body (nl)" */
export const describeFinding = (finding: Pick<Finding, 'kind' | 'fragment' | 'path' | 'locale'>): string =>
  `${kindLabel(finding.kind)} "${finding.fragment}" in ${finding.path}${finding.locale ? ` (${finding.locale})` : ''}`
