import diagnosticsChannel from 'node:diagnostics_channel'
import type { IncomingMessage } from 'node:http'
import { BlockList, isIP, type Socket } from 'node:net'

/**
 * The address of the client of a request, for the public form's rate limit. `X-Forwarded-For`
 * is whatever the client sent, plus one entry per proxy it passed: the Node server appends the
 * socket's address as the last hop (`appendSocketAddress`), and `TRUSTED_PROXIES` says how many
 * of the entries from the right were added by our own proxies.
 */

type TrustedProxies = { hops: number } | { addresses: BlockList }

const trustedProxiesHelp =
  'TRUSTED_PROXIES is the number of proxies in front of the CMS (such as 1), or a comma-separated list of their addresses (such as 10.0.0.5, 2001:db8::1, 10.0.0.0/8)'

/** IPv4 addresses as IPv4, also when a dual-stack socket reports them as `::ffff:a.b.c.d`. */
const normalise = (address: string) => {
  const trimmed = address.trim()
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed)
  return mapped ? mapped[1] : trimmed
}

const ipType = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4')

function parseTrustedProxies(value: string): TrustedProxies {
  const text = value.trim()
  if (text === '') return { hops: 0 }
  if (/^\d+$/.test(text)) return { hops: Number(text) }
  const addresses = new BlockList()
  for (const entry of text.split(',').map((part) => part.trim())) {
    const [address, prefix, ...rest] = entry.split('/')
    const ip = normalise(address)
    const bits = isIP(ip) === 6 ? 128 : 32
    if (!isIP(ip) || rest.length || (prefix !== undefined && !(/^\d+$/.test(prefix) && Number(prefix) <= bits))) {
      throw new Error(`${trustedProxiesHelp}; "${entry}" is neither.`)
    }
    if (prefix === undefined) addresses.addAddress(ip, ipType(ip))
    else addresses.addSubnet(ip, Number(prefix), ipType(ip))
  }
  return { addresses }
}

const parsed = new Map<string, TrustedProxies>()

/** `TRUSTED_PROXIES`, read once per value; throws on a value that is neither a number nor a list of addresses. */
export function trustedProxies(value = process.env.TRUSTED_PROXIES ?? ''): TrustedProxies {
  let proxies = parsed.get(value)
  if (!proxies) {
    proxies = parseTrustedProxies(value)
    parsed.set(value, proxies)
  }
  return proxies
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
