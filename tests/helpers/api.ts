import config from '@payload-config'
import { GRAPHQL_POST, REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'
import { getPayload, type Payload } from 'payload'

/**
 * The real Next.js route handlers of the CMS, called in-process with Request objects: the same
 * code path as an HTTP request, without a server to start.
 */
const rest = {
  GET: REST_GET(config),
  POST: REST_POST(config),
  PATCH: REST_PATCH(config),
  DELETE: REST_DELETE(config),
}
const graphqlHandler = GRAPHQL_POST(config)

export const origin = 'http://localhost:3000'

export const payload = (): Promise<Payload> => getPayload({ config })

export type ApiResponse<T = any> = { status: number; body: T; headers: Headers }

type Options = { body?: unknown; form?: FormData; token?: string; headers?: Record<string, string> }

async function read(response: Response): Promise<ApiResponse> {
  const text = await response.text()
  let body: unknown = text
  try {
    body = text ? JSON.parse(text) : undefined
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body, headers: response.headers }
}

/** `api('POST', 'activities', { body, token })`; the path may carry a query string. */
export async function api(method: keyof typeof rest, path: string, options: Options = {}): Promise<ApiResponse> {
  const url = new URL(`/api/${path}`, origin)
  const headers = new Headers(options.headers)
  if (options.token) headers.set('Authorization', `JWT ${options.token}`)
  let body: BodyInit | undefined
  if (options.form) body = options.form
  else if (options.body !== undefined) {
    headers.set('Content-Type', 'application/json')
    body = JSON.stringify(options.body)
  }
  const request = new Request(url, { method, headers, body })
  const slug = url.pathname.replace(/^\/api\//, '').split('/').filter(Boolean).map(decodeURIComponent)
  return read(await rest[method](request, { params: Promise.resolve({ slug }) }))
}

export async function graphql(query: string, variables?: Record<string, unknown>, token?: string): Promise<ApiResponse> {
  const headers = new Headers({ 'Content-Type': 'application/json' })
  if (token) headers.set('Authorization', `JWT ${token}`)
  const request = new Request(new URL('/api/graphql', origin), {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  })
  return read(await graphqlHandler(request))
}

/** The messages of a Payload validation error, by field path. */
export function fieldErrors(response: ApiResponse): Record<string, string> {
  const out: Record<string, string> = {}
  for (const error of response.body?.errors ?? []) {
    for (const field of error?.data?.errors ?? []) out[field.path] = field.message
  }
  return out
}
