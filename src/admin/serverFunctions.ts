import type { BuildFormStateArgs, PayloadRequest, ServerFunction } from 'payload'
import { docAccessOperation, docAccessOperationGlobal, Forbidden } from 'payload'
import {
  getUpcomingScheduledPublishHandler,
  type GetUpcomingScheduledPublishHandlerArgs,
  schedulePublishHandler,
  type SchedulePublishHandlerArgs,
} from '@payloadcms/ui/utilities/schedulePublishHandler'

import { type LockTarget, mayUpdate } from '../access/locks'

/**
 * The admin's server functions that the product guards itself (passed to `handleServerFunctions`
 * in the admin layout; the rest are Payload's, and run with the signed-in account's access).
 *
 * Payload's "schedule publication" queues a job for any document with only the admin-access
 * check, and removes any scheduled job by id: a partner could queue publications of stories or
 * take an editor's scheduled publication off the calendar. Here scheduling, and removing a
 * schedule, is for whoever may publish the document now.
 *
 * Payload's form state takes the document's lock in the caller's name through the database
 * adapter, past the lock rules (`src/access/locks.ts`): a partner opening a story or another
 * organisation's activity would hold a lock on it. Here only whoever may update the document
 * takes or refreshes its lock; everyone else gets the form without one.
 */

type Target = { doc?: { relationTo: string; value: number | string } | null; global?: string | null }

/** Whether the caller may publish the target now. An unreadable document is a no. */
async function mayPublish(req: PayloadRequest, target: Target): Promise<boolean> {
  const data = { _status: 'published' }
  try {
    if (target.doc) {
      const collection = req.payload.collections[target.doc.relationTo as 'stories']
      if (!collection) return false
      return Boolean((await docAccessOperation({ id: target.doc.value, collection, data, req })).update)
    }
    if (target.global) {
      const globalConfig = req.payload.config.globals.find((global) => global.slug === target.global)
      if (!globalConfig) return false
      return Boolean((await docAccessOperationGlobal({ data, globalConfig, req })).update)
    }
  } catch {
    return false
  }
  return false
}

const sameTarget = (a: Target, b: Target) =>
  a.doc && b.doc ? a.doc.relationTo === b.doc.relationTo && String(a.doc.value) === String(b.doc.value) : Boolean(a.global) && a.global === b.global

export const schedulePublication: ServerFunction<SchedulePublishHandlerArgs> = async (args) => {
  const { req } = args
  if (!(await mayPublish(req, args))) throw new Forbidden(req.t)
  if (args.deleteID !== undefined && args.deleteID !== null) {
    const job = await req.payload.db.findOne<{ id: number | string; taskSlug?: string; input?: Target }>({
      collection: 'payload-jobs',
      where: { id: { equals: args.deleteID } },
      req,
    })
    if (!job || job.taskSlug !== 'schedulePublish' || !sameTarget(job.input ?? {}, args)) throw new Forbidden(req.t)
  }
  return schedulePublishHandler(args)
}

export const upcomingPublications: ServerFunction<GetUpcomingScheduledPublishHandlerArgs> = async (args) => {
  const { req, collectionSlug, globalSlug, id } = args
  const target: Target = collectionSlug && id !== undefined ? { doc: { relationTo: collectionSlug, value: id } } : { global: globalSlug }
  if (!(await mayPublish(req, target))) throw new Forbidden(req.t)
  return getUpcomingScheduledPublishHandler(args)
}

export const formState: ServerFunction<BuildFormStateArgs> = async (args) => {
  // Loaded when used: the form state brings the admin's components (and their stylesheets) along.
  const { buildFormStateHandler } = await import('@payloadcms/ui/utilities/buildFormState')
  const { req, collectionSlug, globalSlug, id } = args
  if (args.returnLockStatus) {
    // The lock rule of the API (src/access/locks.ts). Payload's lock names the document and the
    // global when both are given: both must be the caller's to lock.
    const targets: LockTarget[] = []
    if (collectionSlug && id !== undefined && id !== null) targets.push({ collection: collectionSlug, id })
    if (globalSlug) targets.push({ global: globalSlug })
    for (const target of targets) {
      if (!(await mayUpdate(req, target))) return buildFormStateHandler({ ...args, returnLockStatus: false })
    }
  }
  return buildFormStateHandler(args)
}

export const guardedServerFunctions = {
  'form-state': formState,
  'schedule-publish': schedulePublication,
  'get-upcoming-scheduled-publish': upcomingPublications,
}
