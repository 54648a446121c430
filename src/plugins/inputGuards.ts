import type { CollectionBeforeOperationHook, Config, FlattenedField, Plugin, SanitizedCollectionConfig, Where } from 'payload'
import { buildVersionCollectionFields, NotFound, QueryError, validateQueryPaths } from 'payload'

import { refuseUnstorableData } from '../hooks/refuseUnstorableData'
import { withBeforeOperation } from './everyCollection'
import { findWhereProblem, sortPaths, whereLimits, type WhereLimits } from '../query/where'
import { refusal } from '../http/refusal'

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

const refuse = (message: string, path?: string) => (path ? refusal(400, `Zoekopdracht op "${path}": ${message}`, [{ path, message }]) : refusal(400, message))

const hasNumericIds = (collection: SanitizedCollectionConfig) => !collection.flattenedFields.some((field) => field.name === 'id')

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

/** The path the database sorts by: Payload sorts a virtual field by the path it stands for. */
function sortedPath(fields: FlattenedField[], path: string): string {
  let current = fields
  for (const segment of path.split('.')) {
    const field = current.find((candidate) => candidate.name === segment)
    if (!field) return path
    if ('virtual' in field && typeof field.virtual === 'string') return field.virtual
    if (!('flattenedFields' in field)) return path
    current = field.flattenedFields
  }
  return path
}

/**
 * A top-level field of the document itself that every reader of the document may read: sorting by
 * it reveals nothing, and validating it would cost each list request the collection's whole
 * field-permission tree.
 */
function plainlyReadable(fields: FlattenedField[], path: string): boolean {
  const field = fields.find((candidate) => candidate.name === path)
  if (!field || field.hidden || field.access?.read || ('virtual' in field && field.virtual)) return false
  return !['relationship', 'upload', 'join', 'group', 'tab', 'array', 'blocks'].includes(field.type)
}

const refuseSort = (path: string) => {
  const message = `Sorteren op "${path}" kan niet: dit veld bestaat niet, u mag het niet lezen, of het hoort bij documenten die u niet allemaal mag lezen.`
  return refusal(400, message, [{ path, message }])
}

/**
 * Refuses a sort by a path the caller could not filter on without a restriction. Payload checks
 * sort paths against field access itself, but it skips a path it cannot resolve without access
 * (a hidden field behind a relationship, such as `by.hash`), and where the related collection's
 * read access is a query it narrows a `where` by it, which a sort cannot be: ordering
 * activity-history by `by.email` would rank rows by values of accounts the caller may not read.
 * So every path is run through Payload's own `where` validation; a path it refuses, or narrows,
 * is refused.
 */
export const refuseHiddenSortPaths: CollectionBeforeOperationHook = async ({ args, collection, overrideAccess, req }) => {
  const { sort, currentDepth } = args as { sort?: unknown; currentDepth?: number }
  if (overrideAccess === true || currentDepth || sort === undefined || sort === null) return args
  for (const asked of sortPaths(sort)) {
    if (asked === 'id' || asked === '_id' || plainlyReadable(collection.flattenedFields, asked)) continue
    const isVersionPath = Boolean(collection.versions) && /^(version|parent|latest|snapshot)\./.test(asked)
    const versionFields = isVersionPath ? buildVersionCollectionFields(req.payload.config, collection, true) : undefined
    const path = sortedPath(versionFields ?? collection.flattenedFields, asked)
    const where: Where = { [path]: { exists: true } }
    try {
      await validateQueryPaths({ collectionConfig: collection, overrideAccess: false, req, versionFields, where })
    } catch (error) {
      if (error instanceof QueryError || (error as Error | undefined)?.name === 'QueryError') throw refuseSort(asked)
      throw error
    }
    // Payload adds the related collection's read constraint to a `where` it validates.
    if (Object.keys(where).some((key) => key !== path)) throw refuseSort(asked)
  }
  return args
}

/**
 * Guards every collection against hostile input: bounded and well-typed queries (above), sorts
 * that reveal nothing the caller may not read, and data the database can store
 * (src/hooks/refuseUnstorableData.ts).
 */
export const inputGuards =
  (limits: QueryLimits = queryLimitDefaults): Plugin =>
  (config: Config): Config =>
    withBeforeOperation(config, [limitQueries(limits), refuseHiddenSortPaths, refuseUnstorableData], 'first')
