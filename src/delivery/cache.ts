import { createHash } from 'node:crypto'

import type { PostgresAdapter } from '@payloadcms/db-postgres'
import { getPayload, headersWithCors, type PayloadRequest, type SanitizedConfig } from 'payload'

import { contentVersionQuery } from '../db/contentChanges'
import { amsterdamDate } from './time'

type RouteArgs = { params: Promise<{ slug: string[] }> }
type RouteHandler = (request: Request, args: RouteArgs) => Promise<Response>

/** What websites read anonymously; everything else under /api is never cached. */
const publicPaths = ['activities', 'editions', 'organisers', 'stories', 'campaign-assets', 'media', 'story-audio', 'globals/site-settings']

export const publicCacheControl = 'public, max-age=60, stale-while-revalidate=300'
export const privateCacheControl = 'private, no-store'

const isPublicPath = (slug: string[]) => {
  const path = slug.join('/')
  return publicPaths.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))
}

/** A request that carries a login (token header, API key or session cookie) is never shared. */
export const carriesCredentials = (request: Request): boolean =>
  request.headers.has('authorization') || /(?:^|;\s*)payload-token=/.test(request.headers.get('cookie') ?? '')

/** Changes whenever what anonymous readers see can change; see src/db/contentChanges.ts. */
async function contentVersion(config: Promise<SanitizedConfig>): Promise<string> {
  const payload = await getPayload({ config })
  const { rows } = await (payload.db as unknown as PostgresAdapter).pool.query<{ changes: string; writing: string; listed: number }>(contentVersionQuery)
  const { changes, writing, listed } = rows[0]
  // Today's date in Amsterdam too: the current edition is chosen by date.
  return `${changes}|${writing}|${listed}|${amsterdamDate(new Date())}`
}

const entityTag = (version: string, request: Request) => {
  const url = new URL(request.url)
  const hash = createHash('sha256').update(`${version}\n${url.pathname}${url.search}`).digest('base64url')
  return `W/"${hash.slice(0, 32)}"`
}

const matches = (ifNoneMatch: string | null, tag: string) =>
  !!ifNoneMatch && (ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((candidate) => candidate.trim() === tag))

/** An endpoint that says `no-store` itself (a page for one person) keeps it. */
const forbidsStoring = (response: Response) => /(?:^|,)\s*no-store\s*(?:,|$)/i.test(response.headers.get('cache-control') ?? '')

const withHeaders = (response: Response, headers: Record<string, string>) => {
  if (forbidsStoring(response)) return response
  const merged = new Headers(response.headers)
  for (const [name, value] of Object.entries(headers)) merged.set(name, value)
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: merged })
}

/**
 * Cache headers for the REST API. Anonymous reads of public content may be kept by a CDN or a
 * browser for a minute, and revalidated after that with `If-None-Match`: when nothing changed
 * the answer is a `304` without running the query. A response to a request with credentials is
 * `private, no-store`, whatever it contains.
 */
export const withCacheHeaders =
  (config: Promise<SanitizedConfig>, handler: RouteHandler): RouteHandler =>
  async (request, args) => {
    if (carriesCredentials(request)) {
      return withHeaders(await handler(request, args), { 'Cache-Control': privateCacheControl })
    }
    const { slug } = await args.params
    if (!isPublicPath(slug)) {
      return withHeaders(await handler(request, args), { 'Cache-Control': 'no-store' })
    }
    // The version is read before the data, so a tag is never older than what it labels.
    const version = await contentVersion(config).catch(() => undefined)
    const tag = version ? entityTag(version, request) : undefined
    const shared = { 'Cache-Control': publicCacheControl, Vary: 'Origin, Authorization, Cookie' }
    if (tag && matches(request.headers.get('if-none-match'), tag)) {
      // Payload's own CORS headers, as on the full answer.
      const payload = await getPayload({ config })
      const req = { payload, headers: request.headers } as PayloadRequest
      const headers = headersWithCors({ headers: new Headers({ ...shared, ETag: tag }), req })
      return new Response(null, { status: 304, headers })
    }
    const response = await handler(request, args)
    if (response.status !== 200) return withHeaders(response, { 'Cache-Control': 'no-store' })
    return withHeaders(response, tag ? { ...shared, ETag: tag } : shared)
  }
