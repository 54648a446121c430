import type { CollectionBeforeOperationHook, Config, Plugin, SanitizedCollectionConfig, Where } from 'payload'
import { APIError, NotFound } from 'payload'

import { refuseUnstorableData } from '../hooks/refuseUnstorableData'
import { withBeforeOperation } from './everyCollection'
import { findWhereProblem, whereLimits, type WhereLimits } from '../query/where'

export type QueryLimits = WhereLimits & {
  /** Most documents one signed-in request may ask for; anonymous ones have their own cap. */
  maxLimit: number
  /** Highest page number; beyond it PostgreSQL's OFFSET would overflow. */
  maxPage: number
}

export const queryLimitDefaults: QueryLimits = { ...whereLimits, maxLimit: 1000, maxPage: 1_000_000 }

type QueryArgs = {
  id?: unknown
  where?: Where
  limit?: unknown
  page?: unknown
  pagination?: boolean
  currentDepth?: number
}

const refuse = (message: string, path?: string) =>
  new APIError(path ? `Zoekopdracht op "${path}": ${message}` : message, 400, path ? [{ path }] : undefined, true)

const hasNumericIds = (collection: SanitizedCollectionConfig) =>
  !collection.flattenedFields.some((field) => field.name === 'id')

/** Payload answers a document that does not exist with 404; an id that cannot exist is no different. */
function checkId(collection: SanitizedCollectionConfig, args: QueryArgs, req: Parameters<CollectionBeforeOperationHook>[0]['req']) {
  if (args.id === undefined || args.id === null || !hasNumericIds(collection)) return
  if (!/^\d{1,15}$/.test(String(args.id))) throw new NotFound(req.t)
}

function checkWhere(collection: SanitizedCollectionConfig, where: Where | undefined, limits: QueryLimits) {
  const problem = findWhereProblem(where, collection.flattenedFields, limits)
  if (problem) throw refuse(problem.message, problem.path)
}

function checkPage(page: unknown, limits: QueryLimits) {
  if (page === undefined || page === null) return
  if (!Number.isSafeInteger(page) || (page as number) < 1 || (page as number) > limits.maxPage) {
    throw refuse(`page moet een geheel getal van 1 tot en met ${limits.maxPage.toLocaleString('nl-NL')} zijn.`)
  }
}

/** `limit=0`, a limit over the cap and `pagination=false` give one page of `maxLimit` documents. */
function cappedLimit(args: QueryArgs, limits: QueryLimits): Pick<QueryArgs, 'limit' | 'pagination'> {
  const asked = typeof args.limit === 'number' && Number.isFinite(args.limit) ? args.limit : undefined
  if (args.pagination === false) return { limit: limits.maxLimit, pagination: true }
  if (asked === undefined) return { limit: undefined }
  return { limit: asked <= 0 || asked > limits.maxLimit ? limits.maxLimit : asked }
}

/**
 * Bounds every REST and GraphQL query, for every role: the size and nesting of `where`, values
 * that fit the fields they are compared with, ids that are ids, a sane `page`, and at most
 * `maxLimit` documents per read. The Local API (the CMS's own code) is trusted and left alone,
 * and so are Payload's nested finds that populate relationships.
 */
export const limitQueries =
  (limits: QueryLimits): CollectionBeforeOperationHook =>
  ({ args, collection, operation, req }) => {
    if (req.payloadAPI === 'local') return args
    const query = args as QueryArgs
    if (query.currentDepth) return args
    checkId(collection, query, req)
    checkWhere(collection, query.where, limits)
    if (operation !== 'read' || 'id' in query) return args
    checkPage(query.page, limits)
    // Anonymous reads have their own, smaller caps (src/plugins/anonymousReadLimits.ts).
    return req.user ? { ...args, ...cappedLimit(query, limits) } : args
  }

/**
 * Guards every collection against hostile input: bounded and
 * well-typed queries (above) and data the database can store (src/hooks/refuseUnstorableData.ts).
 */
export const inputGuards =
  (limits: QueryLimits = queryLimitDefaults): Plugin =>
  (config: Config): Config =>
    withBeforeOperation(config, [limitQueries(limits), refuseUnstorableData], 'first')
