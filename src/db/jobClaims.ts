import type { PostgresAdapter } from '@payloadcms/db-postgres'
import { sql } from '@payloadcms/db-postgres/drizzle'
import type { DatabaseAdapterObj, UpdateJobsArgs } from 'payload'

import { settings } from '../env'
import { changeAdapter } from './adapter'

/**
 * Payload's job runner claims a batch by reading the runnable jobs and then marking them
 * `processing`, in two steps without a row lock: two instances running the queue at the same
 * moment (every instance's cron fires at the start of the minute) read the same jobs and both
 * ran them, and a mail went out twice. Here the claim locks the rows it takes with
 * `FOR UPDATE SKIP LOCKED` in the claim's transaction: a job that another runner is claiming is
 * skipped, and one it has claimed no longer matches once that claim commits. Every job is run by
 * one runner, whichever instance, endpoint or command runs the queue.
 */

/** A claim reads this many times its batch, so that runners claiming at once each find a full batch. */
const candidatesPerClaimed = 10

type JobId = number | string
type Transaction = { execute: (query: ReturnType<typeof sql>) => Promise<{ rows: Record<string, unknown>[] }> }

/**
 * Runnable, checked again on the row once it is locked: still not taken, not finished, not
 * failed for good, not waiting for a retry. (Payload's runner asks the same of the jobs it reads.)
 */
const stillRunnable = sql`processing = false AND completed_at IS NULL AND has_error IS NOT TRUE AND (wait_until IS NULL OR wait_until < now())`

/**
 * A job stays `processing` when the instance running it dies. Once it has been so for
 * PAYLOAD_JOBS_RECLAIM_AFTER_MINUTES (longer than any task takes) it is handed back to the queue
 * and runs again: such a job runs at least once rather than exactly once (a mail the dead
 * instance had already sent goes out again). Concurrent runners hand each job back once: the
 * second one waits for the first one's row lock and then finds the job recently updated.
 */
async function reclaimAbandoned(adapter: PostgresAdapter, db: Transaction): Promise<void> {
  const minutes = settings().jobsReclaimAfterMinutes
  const { rows } = await db.execute(sql`
    UPDATE payload_jobs SET processing = false, updated_at = now()
    WHERE processing = true AND completed_at IS NULL AND updated_at < now() - make_interval(mins => ${minutes})
    RETURNING id`)
  if (rows.length) {
    adapter.payload.logger.warn(`Jobs ${rows.map((row) => row.id).join(', ')} were still marked as running after ${minutes} minutes; they run again.`)
  }
}

/** Locks up to `limit` of the runnable jobs `where` finds, in its order, skipping those another runner holds. */
async function lockRunnable(adapter: PostgresAdapter, db: Transaction, req: UpdateJobsArgs['req'], args: UpdateJobsArgs): Promise<JobId[]> {
  const limit = args.limit && args.limit > 0 ? args.limit : undefined
  const candidates = await adapter.find({
    collection: 'payload-jobs',
    where: args.where!,
    sort: args.sort,
    limit: limit ? limit * candidatesPerClaimed : 0,
    pagination: false,
    select: { id: true },
    req,
  })
  const ids = candidates.docs.map((doc) => doc.id as JobId)
  if (!ids.length) return []
  const order = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )
  const { rows } = await db.execute(sql`
    SELECT id FROM payload_jobs
    WHERE id IN (${order}) AND ${stillRunnable}
    ORDER BY array_position(ARRAY[${order}]::text[], id::text)
    ${limit ? sql`LIMIT ${limit}` : sql``}
    FOR UPDATE SKIP LOCKED`)
  return rows.map((row) => row.id as JobId)
}

/** The claim of a batch: `processing: true` for the jobs a `where` finds (not one job by id). */
const isClaim = (args: UpdateJobsArgs) => !args.id && args.data?.processing === true && args.where !== undefined

type Sessions = Record<string, { db: unknown }>

/** The database adapter whose job claims never hand one job to two runners. */
export function withExclusiveJobClaims<T extends DatabaseAdapterObj>(result: T): T {
  return changeAdapter(result, (adapter) => {
    const updateJobs = adapter.updateJobs
    adapter.updateJobs = async function claimOrUpdateJobs(this: PostgresAdapter, args: UpdateJobsArgs) {
      if (!isClaim(args)) return updateJobs.call(this, args)
      // Payload begins a transaction for the claim and commits it after; the locks last until then.
      const given = await args.req?.transactionID
      const transactionID = given ?? ((await this.beginTransaction()) as string)
      const req = { ...args.req, transactionID }
      try {
        const db = (this.sessions as unknown as Sessions)[String(transactionID)].db as Transaction
        await reclaimAbandoned(this, db)
        const ids = await lockRunnable(this, db, req, args)
        const claimed = ids.length
          ? await updateJobs.call(this, { data: args.data, limit: args.limit, sort: args.sort, returning: args.returning, req, where: { id: { in: ids } } })
          : []
        if (given === undefined) await this.commitTransaction(transactionID)
        return claimed
      } catch (error) {
        // Payload does not roll back a claim that failed; its locks would be held until the connection dies.
        await this.rollbackTransaction(transactionID)
        throw error
      }
    }
  })
}
