import type { CollectionBeforeChangeHook, CollectionBeforeOperationHook, Config, PayloadRequest, Plugin, SanitizedConfig, TypedUser, Where } from 'payload'
import { Locked } from 'payload'

import { asAccount, changeLocks, createLocks, holderOf, lockDurationMs, locksSlug, mayUpdate, readLocks, type LockTarget } from '../access/locks'
import { idOf, isEditor } from '../access/roles'
import { withBeforeOperation } from './everyCollection'
import { type RefusalStatus, refusal } from '../http/refusal'

/**
 * The admin's edit locks ("somebody else is editing this"), made trustworthy. Payload adds the
 * `payload-locked-documents` collection while it sanitizes the config, after the plugins ran,
 * with access for any signed-in account and a lock check that trusts the stored `user`:
 *
 * - `guardLockedDocuments` (applied to the built config) gives that collection its rules: a lock
 *   only in the caller's own name, only on a document the caller may update; the holder or an
 *   editor (taking it over) changes or removes it. (Duplicate is off everywhere: offeredOperations.)
 * - `documentLocks` (a plugin) makes a write ignore a lock that does not bind the caller: a
 *   partner's lock never holds up an editor, and a lock on a document its holder may not update
 *   holds up nobody. Payload itself creates locks without access checks (the admin's form-state
 *   server function writes them with `payload.db.create`), so the rules above alone cannot keep
 *   every lock legitimate.
 */

type LockDoc = { id: number | string; user?: unknown; document?: unknown; globalSlug?: unknown }

const targetOf = (lock: { document?: unknown; globalSlug?: unknown }): LockTarget | undefined => {
  const document = lock.document as { relationTo?: unknown; value?: unknown } | null | undefined
  const id = idOf(document?.value)
  if (typeof document?.relationTo === 'string' && id !== undefined) return { collection: document.relationTo, id }
  if (typeof lock.globalSlug === 'string' && lock.globalSlug) return { global: lock.globalSlug }
  return undefined
}

const refuse = (message: string, status: RefusalStatus = 403) => refusal(status, message)

/** Runs for the REST and GraphQL API and for the Local API with a user; trusted code without one is not checked. */
const lockInOwnName: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  if (!req.user || (operation !== 'create' && operation !== 'update')) return data
  const me = { relationTo: req.user.collection, value: req.user.id }
  const asked = holderOf(data)
  if (data.user !== undefined && data.user !== null && (asked?.relationTo !== me.relationTo || asked.id !== me.value)) {
    throw refuse('U kunt een document alleen op uw eigen naam vergrendelen.')
  }
  // An update of somebody else's lock (only editors may make one) takes it over.
  data.user = me
  // A lock is as fresh as its last write: a chosen date would make it outlast its duration.
  data.updatedAt = new Date().toISOString()
  if (operation === 'create') data.createdAt = data.updatedAt
  const target = targetOf({
    document: data.document === undefined ? originalDoc?.document : data.document,
    globalSlug: data.globalSlug === undefined ? originalDoc?.globalSlug : data.globalSlug,
  })
  if (!target) throw refuse('Geef aan welk document of welke globale instelling u vergrendelt.', 400)
  if (!(await mayUpdate(req, target))) {
    throw refuse('U mag dit document niet bewerken, en dus ook niet vergrendelen.')
  }
  return data
}

export function guardLockedDocuments(config: SanitizedConfig): SanitizedConfig {
  const locks = config.collections.find((collection) => collection.slug === locksSlug)
  if (!locks) return config
  locks.access = { ...locks.access, read: readLocks, create: createLocks, update: changeLocks, delete: changeLocks }
  locks.hooks.beforeChange = [...(locks.hooks.beforeChange ?? []), lockInOwnName]
  return config
}

/** Whether the holder's lock keeps the caller from writing the document. */
async function binds(req: PayloadRequest, lock: LockDoc, target: LockTarget): Promise<boolean> {
  const holder = holderOf(lock)
  if (!holder) return false
  const account = await req.payload.db.findOne<{ id: number | string }>({
    collection: holder.relationTo as 'users',
    where: { id: { equals: holder.id } },
    req,
  })
  if (!account) return false
  const asHolder = asAccount(req, { ...account, collection: holder.relationTo } as unknown as TypedUser)
  // An editor's decision (or a consent withdrawal) is never held up by a partner editing.
  if (isEditor(req) && !isEditor(asHolder)) return false
  return mayUpdate(asHolder, target)
}

type WriteArgs = { id?: number | string; where?: Where; overrideLock?: boolean; overrideAccess?: boolean }

/**
 * Payload's own lock check trusts any lock, queries outside the operation's transaction, and runs
 * for REST writes only (GraphQL and the Local API override locks unless told otherwise). This one
 * decides instead, inside the transaction, for every write made with access control (REST,
 * GraphQL, the Local API with `overrideAccess: false`): only a lock that binds the caller refuses
 * the write. Then Payload is told to override, and removes the document's locks as it always does
 * after a write. An explicit `overrideLock` (the REST query parameter, trusted code) is kept.
 */
const refuseWhileLockedByOthers: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  if (operation !== 'update' && operation !== 'delete') return args
  const write = args as WriteArgs
  if (write.overrideLock === true || collection.lockDocuments === false) return args
  if (write.overrideAccess || !req.user) {
    // Trusted code overrides locks unless it asks otherwise, as in Payload.
    if (write.overrideAccess && write.overrideLock === undefined) write.overrideLock = true
    return args
  }
  if (write.id === undefined && !write.where) return args
  if (write.id !== undefined && !/^\d{1,15}$/.test(String(write.id))) return args // not an id: Payload answers 404
  const active: Where[] = [
    { 'document.relationTo': { equals: collection.slug } },
    { updatedAt: { greater_than: new Date(Date.now() - lockDurationMs(collection)).toISOString() } },
  ]
  if (write.id !== undefined) active.push({ 'document.value': { equals: write.id } })
  const { docs: locks } = await req.payload.db.find<LockDoc>({
    collection: locksSlug,
    where: { and: active },
    pagination: false,
    limit: 0,
    req,
  })
  let written = new Set(locks.map((lock) => String(idOf((lock.document as { value?: unknown } | undefined)?.value))))
  if (write.id === undefined && written.size > 0) {
    const { docs } = await req.payload.find({
      collection: collection.slug as 'stories',
      where: { and: [write.where!, { id: { in: [...written] } }] },
      select: {},
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    written = new Set(docs.map((doc) => String(doc.id)))
  }
  for (const lock of locks) {
    const target = targetOf(lock)
    if (!target || !('id' in target) || !written.has(String(target.id))) continue
    const holder = holderOf(lock)
    if (holder?.relationTo === req.user.collection && holder.id === req.user.id) continue
    if (await binds(req, lock, target)) {
      throw new Locked('Iemand anders bewerkt dit document op dit moment. Probeer het over een paar minuten opnieuw.')
    }
  }
  write.overrideLock = true
  return args
}

/** Runs ahead of every collection's own hooks (the activity workflow checks locks itself). */
export const documentLocks =
  (): Plugin =>
  (config: Config): Config =>
    withBeforeOperation(config, [refuseWhileLockedByOthers], 'first')
