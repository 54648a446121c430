import diagnosticsChannel from 'node:diagnostics_channel'
import type { IncomingMessage } from 'node:http'
import { isIP, type Socket } from 'node:net'

import { ipType, normaliseAddress as normalise, parseTrustedProxies, settings, type TrustedProxies } from '../env'

/**
 * The address of the client of a request, for the public form's rate limit. `X-Forwarded-For`
 * is whatever the client sent, plus one entry per proxy it passed: the Node server appends the
 * socket's address as the last hop (`appendSocketAddress`), and `TRUSTED_PROXIES` says how many
 * of the entries from the right were added by our own proxies.
 */

/** `TRUSTED_PROXIES` as set, or the given value; throws on one that is neither a number nor a list of addresses. */
export function trustedProxies(value?: string): TrustedProxies {
  return value === undefined ? settings().trustedProxies : parseTrustedProxies(value)
}

/** The rightmost `X-Forwarded-For` entry that no trusted proxy added. */
export function clientAddress(headers: Headers): string {
  const entries = (headers.get('x-forwarded-for') ?? '').split(',').map(normalise).filter(Boolean)
  if (entries.length === 0) return 'unknown'
  const proxies = trustedProxies()
  let index = entries.length - 1
  if ('hops' in proxies) index = Math.max(0, index - proxies.hops)
  else {
    const isProxy = (entry: string) => isIP(entry) !== 0 && proxies.addresses.check(entry, ipType(entry))
    while (index > 0 && isProxy(entries[index])) index--
  }
  return entries[index]
}

const channelKey = Symbol.for('wtk.socketAddressInForwardedFor')

/**
 * Appends the socket's address to `X-Forwarded-For` of every request the Node server receives,
 * as a proxy would, before Next.js reads it (Next only sets the header when the client did not).
 * Node publishes `http.server.request.start` just before the server emits `request`.
 */
export function appendSocketAddress(): void {
  const global = globalThis as { [channelKey]?: diagnosticsChannel.Channel }
  if (global[channelKey]) return
  const channel = diagnosticsChannel.channel('http.server.request.start')
  channel.subscribe((message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket }
    const address = socket.remoteAddress ?? 'unknown'
    const incoming = request.headers['x-forwarded-for']
    request.headers['x-forwarded-for'] = incoming ? `${incoming}, ${address}` : address
  })
  // Kept here, so the channel (and its subscriber) lives as long as the process.
  global[channelKey] = channel
}
