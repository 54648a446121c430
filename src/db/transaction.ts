import type { PostgresAdapter } from '@payloadcms/db-postgres'
import { sql } from '@payloadcms/db-postgres/drizzle'
import type { PayloadRequest } from 'payload'

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
