import { sql } from '@payloadcms/db-postgres/drizzle'
import type { CollectionBeforeOperationHook, Config, GlobalBeforeOperationHook, PayloadRequest } from 'payload'
import { APIError } from 'payload'

import { transactionOf } from '../db/transaction'
import { carriesCredentials } from '../http/credentials'
import { withBeforeOperation } from './everyCollection'

/**
 * Payload's login check swallows every error: when the database cannot load the signed-in
 * account, the request goes on as anonymous and an editor's or partner's write answers 403 (or
 * a read answers what anonymous may see) instead of saying the database is away. A request that
 * carries a login but has no account is signed in once more; if that finds no account either and
 * the database does not answer, it gets a 503; otherwise the login was expired or ended, and
 * Payload's answer stands.
 */

const carriesLogin = (req: PayloadRequest) => carriesCredentials(req.headers, req.payload.config.cookiePrefix)

async function refuseWhileDatabaseAway(req: PayloadRequest) {
  if (req.user || req.context.loginChecked || !carriesLogin(req)) return
  req.context.loginChecked = true
  // Once more: the account may have failed to load on a connection that was just lost.
  const { user } = await req.payload.auth({ headers: req.headers, req })
  if (user) {
    req.user = user
    return
  }
  try {
    const db = (await transactionOf(req)) ?? (req.payload.db as unknown as { drizzle: { execute: (query: unknown) => Promise<unknown> } }).drizzle
    await db.execute(sql`select 1`)
  } catch {
    throw new APIError('De database is even niet bereikbaar. Probeer het over een minuut opnieuw.', 503, undefined, true)
  }
}

declare module 'payload' {
  interface RequestContext {
    /** Set once a request with a login but no account was checked against the database. */
    loginChecked?: boolean
  }
}

const collectionHook: CollectionBeforeOperationHook = async ({ args, req }) => {
  await refuseWhileDatabaseAway(req)
  return args
}

const globalHook: GlobalBeforeOperationHook = async ({ args, req }) => {
  await refuseWhileDatabaseAway(req)
  return args
}

export const unreachableSessions = (config: Config): Config => {
  const withCollections = withBeforeOperation(config, [collectionHook], 'first')
  return {
    ...withCollections,
    globals: (withCollections.globals ?? []).map((global) => ({
      ...global,
      hooks: { ...global.hooks, beforeOperation: [globalHook, ...(global.hooks?.beforeOperation ?? [])] },
    })),
  }
}
