import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { publicStory } from '../access/stories'
import { idOf } from '../access/roles'
import { refusal } from '../http/refusal'

/**
 * The stories also run as a podcast: a story with audio is published only when that audio has a
 * transcript in the default locale (Dutch), for people who cannot hear it. And a transcript an
 * audio file of a public story has is not taken away (update by id or by where, REST, GraphQL,
 * Local API).
 */

const hasText = (value: unknown) => typeof value === 'string' && value.trim().length > 0

const defaultLocale = (req: PayloadRequest) => (req.payload.config.localization ? req.payload.config.localization.defaultLocale : 'nl')

export const requireTranscriptToPublish: CollectionBeforeChangeHook = async ({ data, req }) => {
  if (data._status !== 'published' || (data.consent as { withdrawn?: boolean } | undefined)?.withdrawn === true) return data
  const audio = idOf(data.audio)
  if (audio === undefined) return data
  // The database adapter, not the Local API: that would switch this request to the default locale
  // for the rest of the write. The adapter answers with every locale.
  const doc = await req.payload.db.findOne<{ id: number; transcript?: unknown }>({
    collection: 'story-audio',
    where: { id: { equals: audio } },
    locale: 'all',
    req,
  })
  const transcript = doc?.transcript
  if (hasText(typeof transcript === 'object' && transcript !== null ? (transcript as Record<string, unknown>)[defaultLocale(req)] : transcript)) return data
  throw refusal(
    400,
    'Dit verhaal wordt niet gepubliceerd: het audiofragment heeft nog geen uitgeschreven tekst in het Nederlands. Voeg die eerst toe aan het audiofragment.',
    [{ path: 'audio', message: 'Dit audiofragment heeft nog geen uitgeschreven tekst (transcript) in het Nederlands.' }],
  )
}

export const keepTranscriptWhilePublished: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  if (operation !== 'update' || !originalDoc?.id) return data
  const locale = defaultLocale(req)
  const inDefault = (value: unknown) => (req.locale === 'all' ? (value as Record<string, unknown> | null | undefined)?.[locale] : value)
  if (req.locale !== 'all' && req.locale !== locale) return data
  if (!hasText(inDefault(originalDoc.transcript)) || hasText(inDefault(data.transcript))) return data
  const { totalDocs } = await req.payload.db.count({ collection: 'stories', where: { and: [publicStory(), { audio: { equals: originalDoc.id } }] }, req })
  if (totalDocs === 0) return data
  throw refusal(
    400,
    'De uitgeschreven tekst blijft staan: een gepubliceerd verhaal gebruikt dit audiofragment. Pas de tekst aan in plaats van hem te verwijderen.',
    [{ path: 'transcript', message: 'Een gepubliceerd verhaal gebruikt dit audiofragment: de uitgeschreven tekst in het Nederlands is verplicht.' }],
  )
}
