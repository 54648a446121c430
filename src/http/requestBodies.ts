/**
 * What Payload's REST routes get as a body. Payload answers JSON that does not parse with an
 * English "Invalid JSON", reads any size of JSON into memory, and answers a multipart request
 * without a usable boundary with a 500. Here those are refused before Payload sees them, with a
 * Dutch message: the caller is a person filling in a form or a developer building one.
 */
import { settings } from '../env'

import { type RefusalStatus, refusalResponse } from './refusal'

export const jsonBodyMaxBytes = () => settings().jsonBodyMaxBytes

/**
 * A GraphQL query is text that graphql-js parses and validates in full before any limit of
 * src/graphql/limits.ts can look at it: 10,000 `OR` clauses take seconds. No website's query
 * comes near this size.
 */
export const graphqlBodyMaxBytes = 32 * 1024

// RFC 2046: a boundary is 1 to 70 characters from a small set.
const boundaryPattern = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/

const refuse = (status: RefusalStatus, message: string) => refusalResponse(status, message, { headers: { 'Cache-Control': 'no-store' } })

const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} MB` : `${Math.round(bytes / 1024)} kB`

const tooLarge = (max: number) => refuse(413, `Het verzoek is te groot: stuur hooguit ${size(max)} aan gegevens.`)

type MediaType = { type: string; params: Map<string, string> }

function mediaType(header: string | null): MediaType {
  const [type = '', ...rest] = (header ?? '').split(';')
  const params = new Map<string, string>()
  for (const part of rest) {
    const at = part.indexOf('=')
    if (at > 0)
      params.set(
        part.slice(0, at).trim().toLowerCase(),
        part
          .slice(at + 1)
          .trim()
          .replace(/^"(.*)"$/, '$1'),
      )
  }
  return { type: type.trim().toLowerCase(), params }
}

/** The body as text, or undefined as soon as it grows past `max` bytes. */
export async function readAtMost(request: Pick<Request, 'body'>, max: number): Promise<string | undefined> {
  if (!request.body) return ''
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > max) {
      await reader.cancel().catch(() => undefined)
      return undefined
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}

async function checkJson(request: Request, max: number): Promise<Request | Response> {
  if (Number(request.headers.get('content-length') ?? 0) > max) return tooLarge(max)
  const text = await readAtMost(request, max)
  if (text === undefined) return tooLarge(max)
  try {
    if (text.trim() !== '') JSON.parse(text)
  } catch (error) {
    const position = /position (\d+)/.exec(String((error as Error).message))?.[1]
    const where = position ? ` (bij teken ${Number(position) + 1})` : ''
    return refuse(400, `De inhoud van het verzoek is geen geldige JSON${where}. Stuur de velden als JSON-object.`)
  }
  const headers = new Headers(request.headers)
  headers.delete('content-length')
  return new Request(request.url, { method: request.method, headers, body: text, signal: request.signal })
}

function checkMultipart(request: Request, { params }: MediaType): Request | Response {
  const boundary = params.get('boundary')
  if (!boundary || !boundaryPattern.test(boundary)) {
    return refuse(
      400,
      'Het formulier kon niet worden gelezen: Content-Type multipart/form-data heeft een boundary van 1 tot 70 tekens nodig. Laat de browser of de HTTP-bibliotheek die zelf invullen.',
    )
  }
  return request
}

/** Refuses unreadable or oversized bodies of POST, PATCH and PUT requests before Payload reads them. */
export const withReadableBodies =
  <Args>(handler: (request: Request, args: Args) => Promise<Response>, maxJsonBytes = jsonBodyMaxBytes) =>
  async (request: Request, ...args: [Args] | []): Promise<Response> => {
    const type = mediaType(request.headers.get('content-type'))
    let checked: Request | Response = request
    if (type.type === 'application/json') checked = await checkJson(request, maxJsonBytes())
    else if (type.type.startsWith('multipart/')) checked = checkMultipart(request, type)
    return checked instanceof Response ? checked : handler(checked, ...(args as [Args]))
  }
