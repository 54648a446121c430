import config from '@payload-config'
import { getPayload, type Payload } from 'payload'

import * as rest from '../../src/app/(payload)/api/[...slug]/route'
import { POST as graphqlHandler } from '../../src/app/(payload)/api/graphql/route'

/**
 * The real Next.js route handlers of the CMS, called in-process with Request objects: the same
 * code path as an HTTP request, without a server to start.
 */

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

/** Hands a Request to the route handler Next.js would call for it. */
export async function send(request: Request): Promise<Response> {
  const url = new URL(request.url)
  const slug = url.pathname
    .replace(/^\/api\//, '')
    .split('/')
    .filter(Boolean)
    .map(decodeURIComponent)
  const handler = rest[request.method as 'GET' | 'POST' | 'PATCH' | 'DELETE']
  return handler(request, { params: Promise.resolve({ slug }) })
}

/** `api('POST', 'activities', { body, token })`; the path may carry a query string. */
export async function api(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, options: Options = {}): Promise<ApiResponse> {
  const url = new URL(`/api/${path}`, origin)
  const headers = new Headers(options.headers)
  if (options.token) headers.set('Authorization', `JWT ${options.token}`)
  let body: BodyInit | undefined
  if (options.form) body = options.form
  else if (options.body !== undefined) {
    headers.set('Content-Type', 'application/json')
    body = JSON.stringify(options.body)
  }
  return read(await send(new Request(url, { method, headers, body })))
}

export async function graphql(
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
  extraHeaders: Record<string, string> = {},
): Promise<ApiResponse> {
  const headers = new Headers({ ...extraHeaders, 'Content-Type': 'application/json' })
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
