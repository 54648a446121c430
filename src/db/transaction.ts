import { randomUUID } from 'node:crypto'

import type { PostgresAdapter } from '@payloadcms/db-postgres'
import { sql } from '@payloadcms/db-postgres/drizzle'
import { commitTransaction, type DatabaseAdapterObj, initTransaction, killTransaction, type PayloadRequest } from 'payload'

/**
 * The drizzle session of the transaction Payload opened for this request (every write
 * operation opens one before its hooks run), or undefined when the operation runs without one.
 */
export async function transactionOf(req: PayloadRequest) {
  const id = req.transactionID instanceof Promise ? await req.transactionID : req.transactionID
  if (id === undefined || id === null) return undefined
  return (req.payload.db as unknown as PostgresAdapter).sessions[id]?.db
}

/**
 * Locks one row until the request's transaction ends: a concurrent write to the same row waits
 * here, and reads after the lock see what the other write committed. Returns false when there
 * is no transaction to hold the lock.
 */
export async function lockRow(req: PayloadRequest, table: string, id: number | string): Promise<boolean> {
  const db = await transactionOf(req)
  if (!db) return false
  await db.execute(sql`SELECT 1 FROM ${sql.identifier(table)} WHERE id = ${id} FOR UPDATE`)
  return true
}

type Session = { db: unknown; resolve: () => Promise<void>; reject: () => Promise<void> }
type TransactionalAdapter = {
  drizzle: { transaction: (run: (tx: unknown) => Promise<void>, options?: unknown) => Promise<void> }
  initializing?: Promise<void>
  sessions: Record<string, Session>
  transactionOptions?: unknown
}

/**
 * Begins a transaction whose COMMIT is awaited. `@payloadcms/drizzle` absorbs the rejection of
 * the drizzle transaction, so a COMMIT that fails (PostgreSQL restarting, the connection
 * killed after the last statement) looked like success: the operation answered 201 for a row
 * that was rolled back. Here `resolve()` rejects when the COMMIT does.
 */
async function beginCheckedTransaction(this: TransactionalAdapter, options?: unknown): Promise<string> {
  await this.initializing
  const id = randomUUID()
  let transaction: unknown
  let finish!: (commit: boolean) => void
  let ready!: () => void
  let failed!: (error: unknown) => void
  const started = new Promise<void>((resolve, reject) => {
    ready = resolve
    failed = reject
  })
  const done = this.drizzle.transaction(async (tx) => {
    transaction = tx
    await new Promise<void>((resolve, reject) => {
      finish = (commit) => (commit ? resolve() : reject(new Error('rolled back')))
      ready()
    })
  }, options ?? this.transactionOptions)
  // Failing before the callback ran (no connection): the begin fails. Later, whoever ends it hears.
  done.catch(failed)
  try {
    await started
  } catch (error) {
    throw new Error(`Error: cannot begin transaction: ${(error as Error)?.message}`, { cause: error })
  }
  this.sessions[id] = {
    db: transaction,
    resolve: async () => {
      finish(true)
      await done
    },
    reject: async () => {
      finish(false)
      await done.catch(() => undefined)
    },
  }
  return id
}

async function commitCheckedTransaction(this: TransactionalAdapter, incomingID: string | number | Promise<string | number> = ''): Promise<void> {
  const id = String(await incomingID)
  const session = this.sessions[id]
  if (!session) return // already ended: rolled back by an error earlier in the operation
  delete this.sessions[id]
  await session.resolve()
}

/** The database adapter with transactions whose failed COMMIT fails the operation. */
export function withCheckedCommits<T extends DatabaseAdapterObj>(result: T): T {
  return {
    ...result,
    init: (args) => Object.assign(result.init(args), { beginTransaction: beginCheckedTransaction, commitTransaction: commitCheckedTransaction }),
  }
}

/** Runs `work` in one transaction of the request: its changes are committed together or not at all (or in the transaction the request already has). */
export async function inOneTransaction<T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> {
  const ownTransaction = await initTransaction(req)
  try {
    const result = await work()
    if (ownTransaction) await commitTransaction(req)
    return result
  } catch (error) {
    if (ownTransaction) await killTransaction(req)
    throw error
  }
}
