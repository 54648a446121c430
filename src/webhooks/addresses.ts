import { isIP } from 'node:net'

/**
 * Which addresses a webhook may not reach: everything that is not the public internet. A URL
 * that names (or resolves to) the CMS itself, the database, the cloud's metadata service or the
 * office network would let an administrator's typo, or a stolen admin session, probe inside.
 */

type Range = readonly [bytes: number[], prefix: number]

const v4 = (text: string): number[] => text.split('.').map(Number)

/** Ranges of IPv4 addresses that are not public, from the IANA special-purpose registry. */
const internalV4: Range[] = [
  [[0, 0, 0, 0], 8], // "this network", 0.0.0.0 included
  [[10, 0, 0, 0], 8], // private
  [[100, 64, 0, 0], 10], // carrier-grade NAT
  [[127, 0, 0, 0], 8], // loopback
  [[169, 254, 0, 0], 16], // link-local, the cloud metadata service
  [[172, 16, 0, 0], 12], // private
  [[192, 0, 0, 0], 24], // IETF protocol assignments
  [[192, 0, 2, 0], 24], // documentation
  [[192, 88, 99, 0], 24], // 6to4 relay anycast
  [[192, 168, 0, 0], 16], // private
  [[198, 18, 0, 0], 15], // benchmarking
  [[198, 51, 100, 0], 24], // documentation
  [[203, 0, 113, 0], 24], // documentation
  [[224, 0, 0, 0], 4], // multicast
  [[240, 0, 0, 0], 4], // reserved, broadcast included
]

/** The 16 bytes of an IPv6 address, also with an embedded IPv4 address (`::ffff:127.0.0.1`). */
function v6(text: string): number[] {
  let address = text.split('%')[0] // a zone index names an interface, not an address
  const tail: number[] = []
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(address)
  if (dotted) {
    const [a, b, c, d] = v4(dotted[1])
    address = `${address.slice(0, -dotted[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head, rest] = address.split('::')
  const groups = (part: string | undefined) => (part ? part.split(':').map((group) => parseInt(group, 16)) : [])
  const front = groups(head)
  const back = groups(rest)
  const words = rest === undefined ? front : [...front, ...new Array(8 - front.length - back.length).fill(0), ...back]
  for (const word of words) tail.push(word >> 8, word & 0xff)
  return tail
}

const inRange = (bytes: number[], [range, prefix]: Range) => {
  for (let bit = 0; bit < prefix; bit++) {
    const mask = 0x80 >> (bit % 8)
    if ((bytes[Math.floor(bit / 8)] & mask) !== (range[Math.floor(bit / 8)] & mask)) return false
  }
  return true
}

/** Ranges of IPv6 addresses that are not public; those that embed an IPv4 address are checked by that address. */
const internalV6: Range[] = [
  [v6('::'), 128], // unspecified
  [v6('::1'), 128], // loopback
  [v6('100::'), 64], // discard
  [v6('2001:db8::'), 32], // documentation
  [v6('fc00::'), 7], // unique-local
  [v6('fe80::'), 10], // link-local
  [v6('fec0::'), 10], // site-local (deprecated)
  [v6('ff00::'), 8], // multicast
]

/** IPv6 ranges that carry an IPv4 address: at which byte it starts. */
const embeddingV4: [Range, number][] = [
  [[v6('::ffff:0:0'), 96], 12], // IPv4-mapped
  [[v6('::'), 96], 12], // IPv4-compatible (deprecated)
  [[v6('64:ff9b::'), 96], 12], // NAT64
  [[v6('2002::'), 16], 2], // 6to4
]

const internalIPv4 = (bytes: number[]) => internalV4.some((range) => inRange(bytes, range))

/** Whether `address` (an IP address as text) is loopback, private, link-local or otherwise not on the public internet. */
export function isInternalAddress(address: string): boolean {
  const family = isIP(address)
  if (family === 4) return internalIPv4(v4(address))
  if (family !== 6) return true // not an address at all: never reached
  const bytes = v6(address)
  if (internalV6.some((range) => inRange(bytes, range))) return true
  for (const [range, start] of embeddingV4) {
    if (inRange(bytes, range)) return internalIPv4(bytes.slice(start, start + 4))
  }
  return false
}
