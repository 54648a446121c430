import { lookup } from 'node:dns/promises'
import http from 'node:http'
import https from 'node:https'
import { isIP, type LookupFunction } from 'node:net'

import { settings } from '../env'
import { isInternalAddress } from './addresses'

/** How long one delivery may take, connecting included. */
export const deliveryTimeoutMs = 15_000

export type SendResult =
  | { outcome: 'delivered'; status: number }
  /** The receiver answered, but not with a 2xx: retried, except 410 (the endpoint is gone). */
  | { outcome: 'refused'; status: number; error: string }
  /** No answer: DNS, connection, TLS or timeout. Retried. */
  | { outcome: 'unreachable'; error: string }
  /** Not sent at all: the URL or its address may not be reached. Not retried. */
  | { outcome: 'blocked'; error: string }

/** http and https URLs only; checked when a webhook is saved and again before each delivery. */
export function webhookUrl(value: unknown): URL | undefined {
  if (typeof value !== 'string') return undefined
  try {
    const url = new URL(value.trim())
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' ? url : undefined
  } catch {
    return undefined
  }
}

/**
 * The one address the delivery goes to. Every address the name resolves to is checked, and the
 * request is pinned to a checked one: no second lookup in between could answer differently (DNS
 * rebinding).
 */
async function resolve(url: URL): Promise<{ address: string; family: 4 | 6 } | { blocked: string } | { unreachable: string }> {
  const host = url.hostname.replace(/^\[|\]$/g, '')
  let addresses: { address: string; family: number }[]
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }]
  else {
    try {
      addresses = await lookup(host, { all: true, verbatim: true })
    } catch (error) {
      return { unreachable: `De naam ${host} bestaat niet of is niet op te zoeken (${(error as NodeJS.ErrnoException).code ?? 'DNS'}).` }
    }
  }
  if (addresses.length === 0) return { unreachable: `De naam ${host} heeft geen adres.` }
  if (!settings().webhooksAllowPrivateAddresses) {
    const internal = addresses.find(({ address }) => isInternalAddress(address))
    if (internal) {
      return {
        blocked: `Niet verstuurd: ${host} wijst naar ${internal.address}, een intern adres (loopback, privé, link-local of vergelijkbaar). Webhooks gaan alleen naar het openbare internet.`,
      }
    }
  }
  const [first] = addresses
  return { address: first.address, family: first.family === 6 ? 6 : 4 }
}

/** Posts `body` with `headers` to `target`, at most 15 seconds, without following redirects. */
export async function sendWebhook(target: string, headers: Record<string, string>, body: string): Promise<SendResult> {
  const url = webhookUrl(target)
  if (!url) return { outcome: 'blocked', error: 'Niet verstuurd: de URL is geen http- of https-adres.' }
  const resolved = await resolve(url)
  if ('blocked' in resolved) return { outcome: 'blocked', error: resolved.blocked }
  if ('unreachable' in resolved) return { outcome: 'unreachable', error: resolved.unreachable }
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [resolved])
    else callback(null, resolved.address, resolved.family)
  }
  const client = url.protocol === 'https:' ? https : http
  return new Promise<SendResult>((done) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        lookup: pinned,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'wtk-cms-webhooks/1' },
        signal: AbortSignal.timeout(deliveryTimeoutMs),
      },
      (response) => {
        const status = response.statusCode ?? 0
        // The answer's body is not needed: drained so the connection closes cleanly.
        response.resume()
        if (status >= 200 && status < 300) done({ outcome: 'delivered', status })
        else if (status >= 300 && status < 400) {
          done({ outcome: 'refused', status, error: `Doorverwijzing (${status}) niet gevolgd: webhooks volgen geen doorverwijzingen. Gebruik het eindadres.` })
        } else done({ outcome: 'refused', status, error: `De ontvanger antwoordde ${status}.` })
      },
    )
    request.on('error', (error: NodeJS.ErrnoException) => {
      const timedOut = error.name === 'AbortError' || error.name === 'TimeoutError'
      done({
        outcome: 'unreachable',
        error: timedOut ? `Geen antwoord binnen ${deliveryTimeoutMs / 1000} seconden.` : `Niet bereikbaar: ${error.code ?? error.message}.`,
      })
    })
    request.end(body)
  })
}
