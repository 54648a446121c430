import type { CollectionBeforeOperationHook, Config, Plugin } from 'payload'

import { withBeforeOperation } from './everyCollection'

export type ReadLimits = {
  /** Most documents one anonymous request may ask for (`limit`). */
  maxLimit: number
  /** Deepest relationship population an anonymous request may ask for (`depth`). */
  maxDepth: number
}

export const anonymousReadDefaults: ReadLimits = { maxLimit: 100, maxDepth: 2 }

/** Set in `context` by an endpoint that checks the size of its own reads (the iCalendar feed). */
export const limitsCheckedByEndpoint = 'limitsCheckedByEndpoint'

/**
 * Anonymous REST and GraphQL reads are capped: `limit` at most `maxLimit` (also for `limit=0`),
 * always paginated (no `pagination=false`), and `depth` at most `maxDepth`. A capped list says
 * so itself through `totalDocs`, `hasNextPage` and `limit` in the response.
 *
 * Only the request's own query is capped: Payload's relationship population runs nested finds
 * with `pagination: false` and a `currentDepth`, and those must stay whole.
 */
export const capAnonymousReads =
  ({ maxLimit, maxDepth }: ReadLimits): CollectionBeforeOperationHook =>
  ({ args, operation, req }) => {
    if (operation !== 'read' || req.user || req.payloadAPI === 'local' || args.currentDepth) return args
    if (req.context?.[limitsCheckedByEndpoint]) return args
    const depth = Math.max(0, Math.min(typeof args.depth === 'number' ? args.depth : req.payload.config.defaultDepth, maxDepth))
    if ('id' in args) return { ...args, depth } // a read by id
    const asked = typeof args.limit === 'number' && Number.isFinite(args.limit) ? args.limit : undefined
    return {
      ...args,
      depth,
      limit: asked === undefined ? undefined : asked <= 0 ? maxLimit : Math.min(asked, maxLimit),
      pagination: true,
    }
  }

/** Adds the anonymous read caps to every collection. */
export const anonymousReadLimits =
  (limits: ReadLimits = anonymousReadDefaults): Plugin =>
  (config: Config): Config =>
    withBeforeOperation(config, [capAnonymousReads(limits)], 'last')
