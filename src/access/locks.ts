import type { Access, AccessResult, PayloadRequest, SanitizedCollectionConfig, TypedUser, Where } from 'payload'
import { combineQueries, isolateObjectProperty } from 'payload'

import { idOf, isEditor, roleOf } from './roles'

export const locksSlug = 'payload-locked-documents'

/** What a lock of `payload-locked-documents` is on: a document of a collection, or a global. */
export type LockTarget = { collection: string; id: number | string } | { global: string }

/** Payload's default lock duration, for collections that set none. */
const defaultLockSeconds = 300

export const lockDurationMs = (collection: SanitizedCollectionConfig): number =>
  (typeof collection.lockDocuments === 'object' ? collection.lockDocuments.duration : defaultLockSeconds) * 1000

/**
 * Whether the request's account may update the document, by the target's own `update` access,
 * evaluated the way Payload's docAccess does (a query result must match the document's row).
 * An unknown document or global answers false, like one the account may not update.
 */
export async function mayUpdate(req: PayloadRequest, target: LockTarget): Promise<boolean> {
  if ('global' in target) {
    const global = req.payload.config.globals.find((candidate) => candidate.slug === target.global)
    if (!global || global.lockDocuments === false) return false
    const result = await global.access.update({ req })
    if (typeof result === 'boolean') return result
    const doc = await req.payload.db.findGlobal({ slug: global.slug, req, select: {}, where: result })
    return Boolean(doc && Object.keys(doc).length > 0)
  }
  const collection = lockableCollections(req).find((candidate) => candidate.slug === target.collection)
  if (!collection) return false
  const result = await collection.access.update({ id: target.id as number, req })
  if (result === false) return false
  const { totalDocs } = await req.payload.db.count({
    collection: collection.slug,
    req,
    where: combineQueries({ id: { equals: target.id } }, result === true ? {} : (result as Where)),
  })
  return totalDocs > 0
}

/** The same request, acting as another account (the holder of a lock). */
export function asAccount(req: PayloadRequest, user: TypedUser): PayloadRequest {
  const copy = isolateObjectProperty(req, ['user', 'context'])
  copy.user = user
  copy.context = {}
  return copy
}

/** The collections Payload lets lock (those of the lock's `document` relationship). */
export function lockableCollections(req: PayloadRequest): SanitizedCollectionConfig[] {
  const locks = req.payload.collections[locksSlug]?.config
  const document = locks?.fields.find((field) => 'name' in field && field.name === 'document')
  const slugs = document && 'relationTo' in document ? [document.relationTo].flat() : []
  return slugs.map((slug) => req.payload.collections[slug as keyof typeof req.payload.collections].config)
}

/** The documents and globals the account may update, as a query on locks. */
async function updatableTargets(req: PayloadRequest): Promise<Where[]> {
  const targets: Where[] = []
  for (const collection of lockableCollections(req)) {
    const result = await collection.access.update({ req })
    if (result === false) continue
    const ofCollection: Where = { 'document.relationTo': { equals: collection.slug } }
    if (result === true) {
      targets.push(ofCollection)
      continue
    }
    const { docs } = await req.payload.db.find<{ id: number | string }>({
      collection: collection.slug,
      where: result,
      select: {},
      pagination: false,
      limit: 0,
      req,
    })
    if (docs.length > 0) targets.push({ and: [ofCollection, { 'document.value': { in: docs.map((doc) => doc.id) } }] })
  }
  for (const global of req.payload.config.globals) {
    if (global.lockDocuments !== false && (await global.access.update({ req })) === true) {
      targets.push({ globalSlug: { equals: global.slug } })
    }
  }
  return targets
}

const heldBy = (req: PayloadRequest): Where => ({
  and: [{ 'user.relationTo': { equals: req.user!.collection } }, { 'user.value': { equals: req.user!.id } }],
})

/**
 * Editors see every lock. Any other account sees its own locks and those on documents it may
 * update, so the admin can tell it that somebody else is editing the document it opens; a lock
 * on anything else (a draft story, another organisation's activity) stays out of sight.
 */
export const readLocks: Access = async ({ req }): Promise<AccessResult> => {
  if (isEditor(req)) return true
  if (!roleOf(req)) return false
  return { or: [heldBy(req), ...(await updatableTargets(req))] }
}

export const createLocks: Access = ({ req }) => Boolean(roleOf(req))

/** The holder changes or removes its lock; an editor may take any lock over, or remove it. */
export const changeLocks: Access = ({ req }): AccessResult => {
  if (isEditor(req)) return true
  if (!roleOf(req)) return false
  return heldBy(req)
}

/** A lock's holder as stored: `{ relationTo, value }`, the value an id or the populated account. */
export const holderOf = (lock: { user?: unknown } | undefined) => {
  const user = lock?.user as { relationTo?: unknown; value?: unknown } | undefined
  const id = idOf(user?.value)
  return id === undefined || typeof user?.relationTo !== 'string' ? undefined : { relationTo: user.relationTo, id }
}
