import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
  GlobalAfterChangeHook,
  PayloadRequest,
} from 'payload'

import { publicRows } from '../access/publicRows'
import { lockRow } from '../db/transaction'
import type { WebhookEvent, WebhookEventData, WebhookEventType } from './events'
import { queueWebhookEvents } from './queue'

/**
 * The events of a write, derived in one place from what the public API shows before and after
 * it, inside the write's transaction. "Public" is the read rule itself (`publiclyListed` for
 * activities, `publicStory` for stories) applied to the document's own row, so every way out
 * of the public API fires `*.unpublished`: a withdrawn consent, an unpublish, a rejected or
 * withdrawn activity, a delete. A draft version (a change awaiting review) does not touch the
 * row and fires nothing.
 */

type Watched = 'activities' | 'stories'

/** What the public API shows of a document: undefined when it shows nothing. */
type PublicState = { slug: string | null; status: string | null; updatedAt: string }

declare module 'payload' {
  interface RequestContext {
    /** The public state of each activity and story this request writes, read before the write. */
    webhookPublicBefore?: Record<string, PublicState | undefined>
  }
}

const nouns: Record<Watched, 'activity' | 'story'> = { activities: 'activity', stories: 'story' }

async function publicState(req: PayloadRequest, collection: Watched, id: number | string): Promise<PublicState | undefined> {
  const row = await req.payload.db.findOne<{ id: number; slug?: string | null; status?: string | null; updatedAt: string }>({
    collection,
    where: { and: [{ id: { equals: id } }, await publicRows[collection](req)] },
    select: collection === 'activities' ? { slug: true, status: true, updatedAt: true } : { slug: true, updatedAt: true },
    req,
  })
  return row ? { slug: row.slug ?? null, status: row.status ?? null, updatedAt: String(row.updatedAt) } : undefined
}

/** The events of one write of an activity or story, from its public state before and after. */
export function visibilityEvents(collection: Watched, id: number | string, before: PublicState | undefined, after: PublicState | undefined): WebhookEvent[] {
  const noun = nouns[collection]
  const data = (state: PublicState): WebhookEventData => ({ collection, id, slug: state.slug })
  if (before && !after) return [{ type: `${noun}.unpublished`, data: data(before) }]
  if (!after) return []
  if (before && after.status === 'cancelled' && before.status !== 'cancelled') return [{ type: 'activity.cancelled', data: data(after) }]
  // New in the public API, or its public row written again (a published change).
  if (!before || before.updatedAt !== after.updatedAt) return [{ type: `${noun}.published`, data: data(after) }]
  return []
}

const keyOf = (collection: string, id: unknown) => `${collection}:${String(id)}`
const remembered = (req: PayloadRequest) => (req.context.webhookPublicBefore ??= {})

/** Reads the public state before an update; the row lock keeps a concurrent write from changing it meanwhile. */
export const rememberPublicState: CollectionBeforeChangeHook = async ({ collection, data, operation, originalDoc, req }) => {
  if (operation !== 'update' || originalDoc?.id === undefined) return data
  const slug = collection.slug as Watched
  await lockRow(req, slug, originalDoc.id)
  remembered(req)[keyOf(slug, originalDoc.id)] = await publicState(req, slug, originalDoc.id)
  return data
}

export const rememberPublicStateBeforeDelete: CollectionBeforeDeleteHook = async ({ collection, id, req }) => {
  const slug = collection.slug as Watched
  await lockRow(req, slug, id)
  remembered(req)[keyOf(slug, id)] = await publicState(req, slug, id)
}

const takeRemembered = (req: PayloadRequest, collection: string, id: unknown) => {
  const key = keyOf(collection, id)
  const state = req.context.webhookPublicBefore?.[key]
  if (req.context.webhookPublicBefore) delete req.context.webhookPublicBefore[key]
  return state
}

export const announceVisibility: CollectionAfterChangeHook = async ({ collection, doc, operation, req }) => {
  const slug = collection.slug as Watched
  const before = operation === 'update' ? takeRemembered(req, slug, doc.id) : undefined
  await queueWebhookEvents(req, visibilityEvents(slug, doc.id, before, await publicState(req, slug, doc.id)))
  return doc
}

export const announceVisibilityAfterDelete: CollectionAfterDeleteHook = async ({ collection, id, req }) => {
  const slug = collection.slug as Watched
  await queueWebhookEvents(req, visibilityEvents(slug, id, takeRemembered(req, slug, id), undefined))
}

/** Activities and stories: the events of their public visibility. */
export const visibilityHooks = {
  beforeChange: [rememberPublicState],
  afterChange: [announceVisibility],
  beforeDelete: [rememberPublicStateBeforeDelete],
  afterDelete: [announceVisibilityAfterDelete],
}

type AlwaysPublic = 'editions' | 'campaign-assets'

const eventOf = (type: WebhookEventType, collection: AlwaysPublic, doc: { id: number | string; slug?: string | null }): WebhookEvent => ({
  type,
  data: { collection, id: doc.id, slug: doc.slug ?? null },
})

/** Collections whose every document is public: each change, and each delete, is an event. */
export const announceChanges = (collection: AlwaysPublic, changed: WebhookEventType, deleted: WebhookEventType) => ({
  afterChange: [
    (async ({ doc, req }) => {
      await queueWebhookEvents(req, [eventOf(changed, collection, doc)])
      return doc
    }) satisfies CollectionAfterChangeHook,
  ],
  afterDelete: [
    (async ({ doc, req }) => {
      await queueWebhookEvents(req, [eventOf(deleted, collection, doc)])
    }) satisfies CollectionAfterDeleteHook,
  ],
})

export const announceSiteSettings: GlobalAfterChangeHook = async ({ doc, req }) => {
  await queueWebhookEvents(req, [{ type: 'site-settings.updated', data: { global: 'site-settings' } }])
  return doc
}
