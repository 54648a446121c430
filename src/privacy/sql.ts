import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { SQL } from '@payloadcms/db-postgres/drizzle'
import type { PayloadRequest } from 'payload'

import { transactionOf } from '../db/transaction'
import { escapeRegExp } from '../query/regExp'

/** Runs a statement in the request's transaction (or on its own without one). */
export async function execute<Row extends Record<string, unknown>>(req: PayloadRequest, query: SQL): Promise<{ rows: Row[]; rowCount: number }> {
  const db = (await transactionOf(req)) ?? (req.payload.db as unknown as PostgresAdapter).drizzle
  const result = await db.execute<Row>(query)
  return { rows: result.rows as Row[], rowCount: result.rowCount ?? result.rows.length }
}

/**
 * A PostgreSQL regular expression (for `~*`) that finds the address as a whole inside a text:
 * `anne@school.nl` does not match inside `joanne@school.nl`. Groups 1 and 2 are the characters
 * around it, to put back in a replacement.
 */
export const addressPattern = (address: string) => `(^|[^[:alnum:]._%+-])${escapeRegExp(address)}($|[^[:alnum:]_.-]|[.]($|[^[:alnum:]]))`

/** The same test in JavaScript, for files. */
export const mentions = (text: string, address: string) =>
  new RegExp(`(^|[^\\p{L}\\p{N}._%+-])${escapeRegExp(address)}($|[^\\p{L}\\p{N}_.-]|\\.($|[^\\p{L}\\p{N}]))`, 'iu').test(text)
