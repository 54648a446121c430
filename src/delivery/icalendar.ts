/**
 * iCalendar (RFC 5545) text for the activity feed: CRLF line ends, lines folded at 75 octets,
 * TEXT values escaped, local times in Europe/Amsterdam with its VTIMEZONE.
 */
import { amsterdamParts, timeZone } from './time'

export type CalendarEvent = {
  uid: string
  title: string
  startsAt: Date
  endsAt?: Date
  lastModified: Date
  cancelled: boolean
  description?: string
  location?: string
  url?: string
  categories?: string[]
}

export type Calendar = { name: string; description?: string; events: CalendarEvent[] }

/** Escapes a TEXT value (RFC 5545 3.3.11). */
export const escapeText = (value: string): string =>
  value
    .replace(/\r\n?/g, '\n')
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n')

/** Folds a content line to at most 75 octets per line, never inside a UTF-8 character (3.1). */
export function fold(line: string): string {
  const out: string[] = []
  let current = ''
  let octets = 0
  for (const char of line) {
    const size = Buffer.byteLength(char)
    const limit = out.length === 0 ? 75 : 74 // continuation lines start with a space
    if (octets + size > limit) {
      out.push(current)
      current = ''
      octets = 0
    }
    current += char
    octets += size
  }
  out.push(current)
  return out.join('\r\n ')
}

const utc = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')

const local = (date: Date) => {
  const p = amsterdamParts(date)
  return `${p.year}${p.month}${p.day}T${p.hour}${p.minute}${p.second}`
}

// Central European Time since 1996: summer time from the last Sunday of March, 02:00, to the last
// Sunday of October, 03:00.
const amsterdamTimeZone = [
  'BEGIN:VTIMEZONE',
  `TZID:${timeZone}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19810329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19961027T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
]

function event(item: CalendarEvent): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${item.uid}`,
    `DTSTAMP:${utc(item.lastModified)}`,
    `LAST-MODIFIED:${utc(item.lastModified)}`,
    `DTSTART;TZID=${timeZone}:${local(item.startsAt)}`,
  ]
  if (item.endsAt && item.endsAt > item.startsAt) lines.push(`DTEND;TZID=${timeZone}:${local(item.endsAt)}`)
  lines.push(`SUMMARY:${escapeText(item.title)}`)
  if (item.description) lines.push(`DESCRIPTION:${escapeText(item.description)}`)
  if (item.location) lines.push(`LOCATION:${escapeText(item.location)}`)
  if (item.url) lines.push(`URL;VALUE=URI:${item.url}`)
  if (item.categories?.length) lines.push(`CATEGORIES:${item.categories.map(escapeText).join(',')}`)
  lines.push(`STATUS:${item.cancelled ? 'CANCELLED' : 'CONFIRMED'}`, 'TRANSP:OPAQUE', 'END:VEVENT')
  return lines
}

export function toICalendar(calendar: Calendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Week tegen Kindermishandeling//Activiteiten//NL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    ...(calendar.description ? [`X-WR-CALDESC:${escapeText(calendar.description)}`] : []),
    `X-WR-TIMEZONE:${timeZone}`,
    ...amsterdamTimeZone,
    ...calendar.events.flatMap(event),
    'END:VCALENDAR',
  ]
  return lines.map(fold).join('\r\n') + '\r\n'
}
