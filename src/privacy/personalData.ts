/**
 * What in a text identifies a person: e-mail addresses, Dutch phone numbers, postcodes with a
 * house number, BSNs that pass the eleven-test, IBANs with a valid check, dates of birth, and
 * names an editor listed. Pure: no database, no Payload; the publish check
 * (src/privacy/publishCheck.ts) and its tests use it.
 */

import { privacyFindingKinds } from '../fields/options'
import { escapeRegExp } from '../query/regExp'

export type FindingKind = 'email' | 'phone' | 'postcode' | 'bsn' | 'iban' | 'birthDate' | 'name'

/** The Dutch word for a kind, as editors read it in a refusal. */
export const kindLabel = (kind: FindingKind): string => privacyFindingKinds.find((option) => option.value === kind)?.label.nl ?? kind

export type Match = {
  kind: FindingKind
  /** As written in the text: never shown or stored, only masked (`mask`) or fingerprinted. */
  fragment: string
  /** The same person's detail however it was written (digits only, lower case, …). */
  normalized: string
}

export type ScanOptions = {
  /** Real names behind a pseudonym, matched case-insensitively as whole words. */
  names?: readonly string[]
  /** Phone numbers that are never findings (the help lines in site-settings). */
  allowedPhones?: readonly string[]
}

// Letters and digits of any script: a match must not start or end inside a word or number.
const before = String.raw`(?<![\p{L}\p{N}])`
const after = String.raw`(?![\p{L}\p{N}])`

const emailPattern = new RegExp(String.raw`${before}[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}${after}`, 'gu')

// +31 / 0031 (optionally "(0)") and nine digits, or a national number of ten digits starting with
// a single 0, or a service number (0800, 0900, 0906, 0909) with four or seven digits. Spaces,
// hyphens and dots may separate the digits, a hyphen or dot with a space either side ("06 - 1234").
const sep = String.raw`(?:\s?[.\-]\s?|\s)?`
const phonePattern = new RegExp(
  [
    String.raw`${before}(?:\+|00)31${sep}(?:\(0\)${sep})?[1-9](?:${sep}\d){8}${after}`,
    String.raw`(?<![\p{L}\p{N}+])0[89]0[069]${sep}\d(?:${sep}\d){3}(?:(?:${sep}\d){3})?${after}`,
    String.raw`(?<![\p{L}\p{N}+])(?:\(0[1-9]\d{0,2}\)|0[1-9])(?:${sep}\d){8}${after}`,
    String.raw`(?<![\p{L}\p{N}+])\(0[1-9]\d{0,2}\)${sep}\d(?:${sep}\d){5,6}${after}`,
  ].join('|'),
  'gu',
)

// 1234 AB 12, 1234AB, 12, 1234 AB 12-3, 1234 AB 12a. SA, SD and SS are never used in postcodes.
const postcodePattern = new RegExp(String.raw`${before}([1-9]\d{3})\s?(?!SA|SD|SS)([A-Z]{2}),?\s+(\d{1,5})(?:\s?[-/]?\s?([A-Za-z]|\d{1,4}))?${after}`, 'gu')

const bsnPattern = new RegExp(String.raw`${before}\d(?:[\s.]?\d){8}${after}`, 'gu')

const dutchIbanShape = /^NL\d{2}\s?[A-Z]{4}(?:\s?\d){10}/i
const ibanPattern = new RegExp(String.raw`${before}[A-Z]{2}\d{2}(?:\s?[A-Z0-9]){11,30}${after}`, 'giu')

const months: Record<string, number> = {
  januari: 1, january: 1, jan: 1,
  februari: 2, february: 2, feb: 2, febr: 2,
  maart: 3, march: 3, mrt: 3, mar: 3,
  april: 4, apr: 4,
  mei: 5, may: 5,
  juni: 6, june: 6, jun: 6,
  juli: 7, july: 7, jul: 7,
  augustus: 8, august: 8, aug: 8,
  september: 9, sep: 9, sept: 9,
  oktober: 10, october: 10, okt: 10, oct: 10,
  november: 11, nov: 11,
  december: 12, dec: 12,
} // prettier-ignore
const monthNames = Object.keys(months)
  .sort((a, b) => b.length - a.length)
  .join('|')

const datePattern = new RegExp(
  [
    // 12-03-2015, 12/3/2015, 12.03.2015
    String.raw`${before}(?<d1>\d{1,2})[-/.](?<m1>\d{1,2})[-/.](?<y1>\d{4})${after}`,
    // 2015-03-12
    String.raw`${before}(?<y2>\d{4})-(?<m2>\d{1,2})-(?<d2>\d{1,2})${after}`,
    // 12 maart 2015, 12 mrt. 2015, 12th of March 2015
    String.raw`${before}(?<d3>\d{1,2})(?:st|nd|rd|th|e)?\s+(?:of\s+)?(?<m3>${monthNames})\.?,?\s+(?<y3>\d{4})${after}`,
    // March 12, 2015
    String.raw`${before}(?<m4>${monthNames})\.?\s+(?<d4>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y4>\d{4})${after}`,
  ].join('|'),
  'giu',
)

const birthWordPattern = /(?<![\p{L}\p{N}])(?:geboren|geb\.|geboortedatum|geboortedag|born|date of birth|birth date|birthdate|DOB)(?![\p{L}\p{N}])/giu

/** How far (in characters) a date may be from a birth word to be read as a date of birth. */
const birthWordDistance = 40

const digitsOf = (value: string) => value.replace(/\D/g, '')

/** A Dutch phone number as its national digits (+31 6… and 0031 6… become 06…). */
export function nationalPhone(value: string): string {
  let digits = value.replace(/\(0\)/g, '')
  digits = digitsOf(digits.startsWith('+') ? digits.replace(/^\+/, '00') : digits)
  if (digits.startsWith('0031')) return `0${digits.slice(4)}`
  return digits
}

/** The eleven-test of the burgerservicenummer. */
export function passesElevenTest(value: string): boolean {
  const digits = digitsOf(value)
  if (digits.length !== 9 || /^0+$/.test(digits)) return false
  let sum = 0
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i)
  sum -= Number(digits[8])
  return sum % 11 === 0
}

/** The ISO 13616 check of an IBAN (mod 97 = 1), with or without spaces. */
export function isValidIban(value: string): boolean {
  const iban = value.replace(/\s/g, '').toUpperCase()
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false
  if (iban.startsWith('NL') && !/^NL\d{2}[A-Z]{4}\d{10}$/.test(iban)) return false
  const rearranged = iban.slice(4) + iban.slice(0, 4)
  let remainder = 0
  for (const char of rearranged) {
    const code = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55)
    for (const digit of code) remainder = (remainder * 10 + Number(digit)) % 97
  }
  return remainder === 1
}

const isDate = (year: number, month: number, day: number) => {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return false
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function* matchesOf(pattern: RegExp, text: string) {
  pattern.lastIndex = 0
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) yield match
}

function birthDates(text: string): Match[] {
  const words = [...matchesOf(birthWordPattern, text)].map((m) => ({ start: m.index, end: m.index + m[0].length }))
  if (words.length === 0) return []
  const found: Match[] = []
  for (const match of matchesOf(datePattern, text)) {
    const g = match.groups ?? {}
    const day = Number(g.d1 ?? g.d2 ?? g.d3 ?? g.d4)
    const monthText = (g.m1 ?? g.m2 ?? g.m3 ?? g.m4).toLowerCase()
    const month = /^\d+$/.test(monthText) ? Number(monthText) : months[monthText]
    const year = Number(g.y1 ?? g.y2 ?? g.y3 ?? g.y4)
    if (!month || !isDate(year, month, day)) continue
    const start = match.index
    const end = start + match[0].length
    const near = words.some((word) => {
      const [from, to] = word.end <= start ? [word.end, start] : [end, word.start]
      // In the same sentence: "Geboren op 12 maart 2015. Op 3-4-2016 …" has one date of birth.
      return to - from <= birthWordDistance && !/[.!?]\s+\p{Lu}|\n/u.test(text.slice(from, Math.max(from, to) + 1))
    })
    if (!near) continue
    found.push({ kind: 'birthDate', fragment: match[0], normalized: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` })
  }
  return found
}

/**
 * A text as a reader sees it: full-width digits, letters and signs (＠, ０６…) as the plain ones,
 * every dash as a hyphen (Word's non-breaking hyphen and en dash included), and invisible
 * characters (zero-width spaces and joiners, soft hyphens, direction marks) left out. Otherwise
 * "06‑12345678" or "06\u200b12345678", which read as a phone number, would pass the check.
 */
export const asRead = (text: string): string =>
  text
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .replace(/[\u2010-\u2015\u2212]/g, '-')

/** Everything in `text` that identifies a person, in the order of the kinds, then of the text. */
export function scanText(written: string, options: ScanOptions = {}): Match[] {
  if (!written) return []
  const original = asRead(written)
  const allowed = new Set((options.allowedPhones ?? []).map(nationalPhone))
  const found: Match[] = []
  // IBANs, e-mail addresses and phone numbers first; their characters are then hidden from the
  // later patterns, so the digits of an IBAN or a phone number are not read again as a BSN.
  let rest = original
  const hide = (start: number, length: number) => (rest = rest.slice(0, start) + '#'.repeat(length) + rest.slice(start + length))
  for (const m of matchesOf(ibanPattern, original)) {
    // The pattern may run on into the next words ("NL91 ABNA 0417 1643 00 op"): the longest valid start counts.
    const iban = longestValidIban(m[0])
    if (iban) found.push({ kind: 'iban', fragment: iban, normalized: iban.replace(/\s/g, '').toUpperCase() })
    // An account number with a typo is no phone number either.
    const shaped = iban ?? dutchIbanShape.exec(m[0])?.[0]
    if (shaped) hide(m.index, shaped.length)
  }
  for (const m of matchesOf(emailPattern, original)) {
    found.push({ kind: 'email', fragment: m[0], normalized: m[0].toLowerCase() })
    hide(m.index, m[0].length)
  }
  for (const m of matchesOf(phonePattern, rest)) {
    const normalized = nationalPhone(m[0])
    if (!allowed.has(normalized)) found.push({ kind: 'phone', fragment: m[0], normalized })
    hide(m.index, m[0].length)
  }
  const text = rest
  for (const m of matchesOf(postcodePattern, text)) {
    found.push({ kind: 'postcode', fragment: m[0], normalized: `${m[1]}${m[2]} ${m[3]}${m[4] ? `-${m[4].toUpperCase()}` : ''}` })
  }
  for (const m of matchesOf(bsnPattern, text)) {
    if (passesElevenTest(m[0])) found.push({ kind: 'bsn', fragment: m[0], normalized: digitsOf(m[0]) })
  }
  found.push(...birthDates(text))
  for (const name of options.names ?? []) {
    const words = asRead(name).trim().split(/\s+/).filter(Boolean)
    if (words.length === 0 || name.trim().length < 2) continue
    const pattern = new RegExp(`${before}${words.map(escapeRegExp).join(String.raw`\s+`)}${after}`, 'giu')
    for (const m of matchesOf(pattern, text)) found.push({ kind: 'name', fragment: m[0], normalized: words.join(' ').toLowerCase() })
  }
  return found
}

function longestValidIban(candidate: string): string | undefined {
  for (let end = candidate.length; end >= 15; end--) {
    const part = candidate.slice(0, end).trimEnd()
    if (isValidIban(part)) return part
  }
  return undefined
}

/**
 * A fragment as it may be shown: its first and last character, the rest hidden (an e-mail
 * address keeps its @). Never the whole e-mail address, BSN, IBAN or phone number.
 */
export function mask(fragment: string): string {
  const value = fragment.trim()
  if (value.includes('@')) {
    const [local, domain] = [value.slice(0, value.indexOf('@')), value.slice(value.indexOf('@') + 1)]
    return `${local[0] ?? ''}…@…${domain.at(-1) ?? ''}`
  }
  if (value.length <= 2) return '…'
  return `${value[0]}…${value.at(-1)}`
}

/** A link's address as a reader of the page can open it: `mailto:anne%40school.nl` is anne@school.nl. */
function linkAddress(fields: unknown): string | undefined {
  const url = (fields as { url?: unknown } | null | undefined)?.url
  if (typeof url !== 'string' || !url.trim()) return undefined
  try {
    return decodeURIComponent(url)
  } catch {
    return url
  }
}

/**
 * The text of a Lexical rich-text value, one space between nodes. A link's address is public
 * too (a `mailto:` or `tel:` behind "mail haar"): the addresses follow the text, each on a line of
 * its own, so a sentence around a link still reads as one.
 */
export function richTextToPlain(value: unknown): string {
  const parts: string[] = []
  const addresses: string[] = []
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return
    const { text, children, type, fields } = node as { text?: unknown; children?: unknown; type?: unknown; fields?: unknown }
    if (typeof text === 'string') parts.push(text)
    if (type === 'linebreak' || type === 'tab') parts.push(type === 'tab' ? '\t' : '\n')
    if (Array.isArray(children)) {
      children.forEach(walk)
      // Blocks (paragraphs, headings, list items) end a line; a link's text runs on in its sentence.
      if (type !== 'link' && type !== 'autolink') parts.push('\n')
    }
    const address = type === 'link' || type === 'autolink' ? linkAddress(fields) : undefined
    if (address) addresses.push(address)
  }
  walk((value as { root?: unknown } | null)?.root)
  return [parts.join(''), ...addresses].join('\n').replace(/[ \t]+\n/g, '\n')
}
