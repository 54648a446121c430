import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import type { PostgresAdapter } from '@payloadcms/db-postgres'
import { Kind, parse, type OperationDefinitionNode } from 'graphql'
import { getPayload, getRequestLanguage, headersWithCors, type Payload, type PayloadRequest, type SanitizedConfig } from 'payload'

import { contentVersionQuery, databaseIdentityQuery } from '../db/contentChanges'
import { carriesCredentials as carriesLogin } from '../http/credentials'
import { answerStore, cacheLimits, type AnswerStore, type StoredAnswer } from './responseStore'
import { amsterdamDate } from './time'

type RouteArgs = { params: Promise<{ slug: string[] }> }
type RouteHandler = (request: Request, args: RouteArgs) => Promise<Response>

/** What websites read anonymously; everything else under /api is never cached. */
const publicPaths = [
  'activities',
  'editions',
  'organisers',
  'stories',
  'campaign-assets',
  'media',
  'story-audio',
  'globals/site-settings',
  'search',
  'openapi.json',
]

export const publicCacheControl = 'public, max-age=60, stale-while-revalidate=300'
export const privateCacheControl = 'private, no-store'

const isPublicPath = (slug: string[]) => {
  const path = slug.join('/')
  return publicPaths.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))
}

/** A request that carries a login (token header, API key or session cookie) is never shared. */
export const carriesCredentials = (request: Request): boolean => carriesLogin(request.headers)

const poolOf = (payload: Payload) => (payload.db as unknown as PostgresAdapter).pool

/** Changes whenever what anonymous readers see can change; see src/db/contentChanges.ts. */
async function contentVersion(payload: Payload): Promise<string> {
  const now = new Date()
  const { rows } = await poolOf(payload).query<{ changes: string; writing: string; listed: number; expired: number }>(contentVersionQuery, [now])
  const { changes, writing, listed, expired } = rows[0]
  // Today's date in Amsterdam too: the current edition is chosen by date.
  return `${changes}|${writing}|${listed}|${expired}|${amsterdamDate(now)}`
}

let identity: Promise<string> | undefined

/**
 * Which database and which build an answer comes from: instances of another database (a staging
 * site on the same Redis, a database made anew whose counter starts again) or of another build
 * (a rolling deploy) never share entries.
 */
function answersOrigin(payload: Payload): Promise<string> {
  identity ??= poolOf(payload)
    .query<{ started: string; database: string }>(databaseIdentityQuery)
    .then(({ rows }) => {
      let build = ''
      try {
        build = fs.readFileSync(path.resolve('.next', 'BUILD_ID'), 'utf8').trim()
      } catch {
        // not a production build
      }
      return `${rows[0].started}|${rows[0].database}|${build}`
    })
    .catch((error) => {
      identity = undefined
      throw error
    })
  return identity
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

/** The Payload request the CORS headers are computed for. */
const corsRequest = (payload: Payload, request: Request) => ({ payload, headers: request.headers }) as PayloadRequest

/** Headers that are the same for every request with the same key; CORS is added per request. */
const keptHeaders = (response: Response): [string, string][] =>
  [...response.headers].filter(([name]) => !/^(access-control-|content-length$|transfer-encoding$|connection$|date$|x-cache$)/i.test(name))

/** Only a complete 200 that nobody marked as personal is kept. */
const storable = (response: Response) =>
  response.status === 200 &&
  !response.headers.has('set-cookie') &&
  !forbidsStoring(response) &&
  !/\bprivate\b/i.test(response.headers.get('cache-control') ?? '')

const marked = (response: Response, state: 'HIT' | 'MISS') => {
  const headers = new Headers(response.headers)
  headers.set('X-Cache', state)
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers })
}

const replay = (answer: StoredAnswer, payload: Payload, request: Request) => {
  const headers = headersWithCors({ headers: new Headers(answer.headers), req: corsRequest(payload, request) })
  headers.set('X-Cache', 'HIT')
  return new Response(new Uint8Array(answer.body), { status: answer.status, headers })
}

/** The body when it is at most `max` bytes; otherwise the response, still whole, to pass on. */
async function bodyAtMost(response: Response, max: number): Promise<Buffer | Response> {
  if (Number(response.headers.get('content-length') ?? 0) > max || !response.body) {
    return response.body ? response : Buffer.alloc(0)
  }
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return Buffer.concat(chunks)
    chunks.push(value)
    size += value.byteLength
    if (size > max) break
  }
  const rest = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk)
    },
    async pull(controller) {
      const { done, value } = await reader.read()
      if (done) controller.close()
      else controller.enqueue(value)
    },
    cancel: (reason) => reader.cancel(reason),
  })
  return new Response(rest, { status: response.status, statusText: response.statusText, headers: response.headers })
}

// Requests for the same key that arrive while it is being computed wait for that computation.
const computing = new Map<string, Promise<StoredAnswer | undefined>>()

type Answering = {
  payload: Payload
  store: AnswerStore
  key: string
  request: Request
  compute: () => Promise<Response>
  /** A further condition on the body (GraphQL: no `errors`). */
  keeps?: (body: Buffer) => boolean
}

/**
 * The answer for `key` from the store (`X-Cache: HIT`), or computed and kept when it may be
 * (`X-Cache: MISS`). The key holds the content version read before the data, so an entry is
 * never older than the content a request starting now would see.
 */
async function cachedAnswer({ payload, store, key, request, compute, keeps }: Answering): Promise<Response> {
  const stored = await store.get(key)
  if (stored) return replay(stored, payload, request)
  const pending = computing.get(key)
  const shared = pending && (await pending)
  if (shared) return replay(shared, payload, request)
  // Not kept (an error, too large): each waiting request computes its own.
  let settle: (answer: StoredAnswer | undefined) => void = () => undefined
  const leads = !computing.has(key)
  if (leads) computing.set(key, new Promise((resolve) => (settle = resolve)))
  let kept: StoredAnswer | undefined
  try {
    const response = await compute()
    if (!storable(response)) return marked(response, 'MISS')
    const body = await bodyAtMost(response, cacheLimits.entryBytes)
    if (!Buffer.isBuffer(body)) return marked(body, 'MISS')
    const answer: StoredAnswer = { status: response.status, headers: keptHeaders(response), body }
    if (!keeps || keeps(body)) {
      kept = answer
      await store.set(key, answer)
    }
    return marked(new Response(new Uint8Array(body), { status: response.status, statusText: response.statusText, headers: response.headers }), 'MISS')
  } finally {
    if (leads) {
      computing.delete(key)
      settle(kept)
    }
  }
}

const hashOf = (parts: unknown[]) => createHash('sha256').update(JSON.stringify(parts)).digest('base64url')

/** Path and query with the parameters sorted: `?a=1&b=2` and `?b=2&a=1` are one entry. */
const normalisedTarget = (request: Request) => {
  const url = new URL(request.url)
  url.searchParams.sort()
  return `${url.pathname}?${url.searchParams}`
}

/** The language Payload answers in (`payload-lng` cookie, `Accept-Language`), as Payload picks it. */
const languageOf = (payload: Payload, request: Request) => {
  const cookies = new Map<string, string>()
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const at = part.indexOf('=')
    if (at > 0) cookies.set(part.slice(0, at).trim(), part.slice(at + 1).trim())
  }
  return getRequestLanguage({ config: payload.config, cookies, headers: request.headers })
}

/** The store key of an anonymous request at a content version. */
async function answerKey(payload: Payload, version: string, request: Request, extra: unknown[] = []): Promise<string> {
  return hashOf([await answersOrigin(payload), version, request.method, normalisedTarget(request), languageOf(payload, request), ...extra])
}

/**
 * Cache headers and the response cache for the REST API. Anonymous reads of public content may be
 * kept by a CDN or a browser for a minute, and revalidated after that with `If-None-Match`: when
 * nothing changed the answer is a `304` without running the query. Otherwise the answer comes
 * from the response cache when an instance computed it at the current content version. A
 * response to a request with credentials is `private, no-store`, whatever it contains, and never
 * comes from or goes into the response cache.
 */
export const withCacheHeaders =
  (config: Promise<SanitizedConfig>, handler: RouteHandler, store: () => AnswerStore = answerStore): RouteHandler =>
  async (request, args) => {
    if (carriesCredentials(request)) {
      return withHeaders(await handler(request, args), { 'Cache-Control': privateCacheControl })
    }
    const { slug } = await args.params
    if (!isPublicPath(slug)) {
      return withHeaders(await handler(request, args), { 'Cache-Control': 'no-store' })
    }
    const payload = await getPayload({ config })
    // The version is read before the data, so a tag or an entry is never older than what it labels.
    const version = await contentVersion(payload).catch(() => undefined)
    const tag = version ? entityTag(version, request) : undefined
    const shared = { 'Cache-Control': publicCacheControl, Vary: 'Origin, Authorization, Cookie' }
    if (tag && matches(request.headers.get('if-none-match'), tag)) {
      // Payload's own CORS headers, as on the full answer.
      const headers = headersWithCors({ headers: new Headers({ ...shared, ETag: tag }), req: corsRequest(payload, request) })
      return new Response(null, { status: 304, headers })
    }
    // A range of a file is passed on as it is.
    const key = version && !request.headers.has('range') ? await answerKey(payload, version, request).catch(() => undefined) : undefined
    const response = key
      ? await cachedAnswer({ payload, store: store(), key, request, compute: () => handler(request, args) })
      : marked(await handler(request, args), 'MISS')
    if (response.status !== 200) return withHeaders(response, { 'Cache-Control': 'no-store' })
    return withHeaders(response, tag ? { ...shared, ETag: tag } : shared)
  }

type GraphQLParams = { query?: unknown; operationName?: unknown; variables?: unknown; extensions?: unknown }

/** The request's GraphQL parameters: the JSON body of a POST, the query string of a GET. */
async function graphQLParams(request: Request): Promise<GraphQLParams | undefined> {
  if (request.method === 'GET') {
    const params = new URL(request.url).searchParams
    return { query: params.get('query') ?? undefined, operationName: params.get('operationName') ?? undefined }
  }
  if (request.method !== 'POST') return undefined
  try {
    const body: unknown = JSON.parse(await request.clone().text())
    return body && typeof body === 'object' && !Array.isArray(body) ? (body as GraphQLParams) : undefined
  } catch {
    return undefined
  }
}

/** `query` or `mutation` for the operation the request runs; undefined when that is not clear. */
function operationType({ query, operationName }: GraphQLParams): string | undefined {
  if (typeof query !== 'string') return undefined
  try {
    const operations = parse(query).definitions.filter((node): node is OperationDefinitionNode => node.kind === Kind.OPERATION_DEFINITION)
    const chosen =
      typeof operationName === 'string' ? operations.find((node) => node.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined
    return chosen?.operation
  } catch {
    return undefined
  }
}

/** JSON with object keys sorted, so the same variables in another order are the same entry. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  )

/** A GraphQL answer with `errors` is not kept: it may be a passing fault. */
const withoutErrors = (body: Buffer) => {
  try {
    return !('errors' in (JSON.parse(body.toString('utf8')) as object))
  } catch {
    return false
  }
}

/**
 * The response cache for GraphQL: anonymous queries, sent with POST or GET, keyed by the whole
 * request body (query, variables, operation name and anything else Payload reads from it, such as
 * a locale). A mutation or anything that is not a single query operation is passed on untouched.
 */
export const withGraphQLCache =
  (config: Promise<SanitizedConfig>, handler: (request: Request) => Promise<Response>, store: () => AnswerStore = answerStore) =>
  async (request: Request): Promise<Response> => {
    if (carriesCredentials(request)) return handler(request)
    const params = await graphQLParams(request)
    if (!params || operationType(params) !== 'query') return handler(request)
    const payload = await getPayload({ config })
    const version = await contentVersion(payload).catch(() => undefined)
    const extra = [canonical(params), request.headers.get('content-type'), request.headers.get('accept')]
    const key = version ? await answerKey(payload, version, request, extra).catch(() => undefined) : undefined
    if (!key) return marked(await handler(request), 'MISS')
    return cachedAnswer({ payload, store: store(), key, request, compute: () => handler(request), keeps: withoutErrors })
  }
