import type { CollectionSlug, Payload } from 'payload'

import { fillPreviewUrl, settings } from '../env'
import { refusal } from '../http/refusal'
import { type PreviewTarget, signPreviewToken } from './token'

/** What editors may preview on the campaign site. */
export const previewCollections = ['stories', 'editions', 'activities'] as const satisfies readonly CollectionSlug[]
export type PreviewCollection = (typeof previewCollections)[number]

export const isPreviewCollection = (slug: string): slug is PreviewCollection => (previewCollections as readonly string[]).includes(slug)

type Stored = Record<string, unknown> & { id: number | string }

/**
 * The newest version of a document as it is stored, before any field is read out: a draft when
 * there is one (an unpublished story, a change to an approved activity awaiting review), else
 * the document itself. Looked up as Payload's own `draft: true` read does.
 */
async function newestStored(payload: Payload, collection: PreviewCollection, id: string, locale: string): Promise<{ row: Stored; newest: Stored } | undefined> {
  const row = await payload.db.findOne<Stored>({ collection, where: { id: { equals: id } }, locale })
  if (!row) return undefined
  if (!payload.collections[collection].config.versions?.drafts) return { row, newest: row }
  const { docs } = await payload.db.findVersions<Stored>({
    collection,
    where: { parent: { equals: row.id } },
    sort: '-updatedAt',
    limit: 1,
    pagination: false,
    locale,
  })
  return { row, newest: docs[0] ? { ...(docs[0].version as Stored), id: row.id } : row }
}

/** A story whose storyteller withdrew consent is shown nowhere again, not even as a preview. */
const consentWithdrawn = (collection: PreviewCollection, doc: Stored) =>
  collection === 'stories' && (doc.consent as { withdrawn?: unknown } | null | undefined)?.withdrawn === true

/**
 * A story whose storyteller's consent has ended is not previewed either. The newest version
 * decides: it holds the editors' latest word on the consent, such as a renewal not yet published.
 */
const consentEnded = (collection: PreviewCollection, doc: Stored) => {
  const validUntil = collection === 'stories' ? (doc.consent as { validUntil?: unknown } | null | undefined)?.validUntil : undefined
  return typeof validUntil === 'string' && new Date(validUntil).getTime() <= Date.now()
}

/**
 * The newest version of one document in exactly the shape an anonymous reader gets of a public
 * one: Payload reads it out for a request without a user, so every field an anonymous reader
 * may not read (contact, review, consent, submittedBy...) is left out by the fields' own read
 * access, and related documents are filled in only where they are public.
 */
export async function publicPreview(payload: Payload, target: PreviewTarget & { collection: PreviewCollection }, options: { locale: string; depth: number }) {
  const { collection, id } = target
  const stored = await newestStored(payload, collection, id, options.locale)
  if (!stored) throw refusal(404, 'Dit document bestaat niet (meer).')
  if (consentWithdrawn(collection, stored.row) || consentWithdrawn(collection, stored.newest)) {
    throw refusal(410, 'De verteller heeft de toestemming voor dit verhaal ingetrokken: het wordt nergens meer getoond, ook niet als voorbeeld.')
  }
  if (consentEnded(collection, stored.newest)) {
    throw refusal(
      410,
      'De toestemming van de verteller voor dit verhaal is verlopen: het wordt niet getoond, ook niet als voorbeeld. Leg eerst een nieuwe toestemming vast.',
    )
  }
  // `data` hands Payload the version to read out; no `user`: the read is an anonymous one.
  const doc = await payload.findByID({
    collection,
    id: stored.row.id,
    data: stored.newest,
    draft: false,
    overrideAccess: false,
    disableErrors: true,
    depth: options.depth,
    locale: options.locale as never,
  })
  if (!doc) throw refusal(404, 'Dit document bestaat niet (meer).')
  return doc as unknown as Record<string, unknown>
}

export type PreviewLink = { token: string; url: string | null; expiresAt: string }

/** A fresh token for one document and, when PREVIEW_URL is set, the campaign site's preview page with it. */
export async function previewLink(
  payload: Payload,
  doc: { collection: PreviewCollection; id: number | string; slug?: unknown; locale: string },
): Promise<PreviewLink> {
  const { token, expiresAt } = await signPreviewToken(payload.config.secret, { collection: doc.collection, id: String(doc.id) })
  const template = settings().previewUrl
  const url = template
    ? fillPreviewUrl(template, { collection: doc.collection, id: String(doc.id), slug: typeof doc.slug === 'string' ? doc.slug : '', locale: doc.locale, token })
    : null
  return { token, url, expiresAt: expiresAt.toISOString() }
}
