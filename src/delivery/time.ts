/** Dates as people in the Netherlands read them: in Europe/Amsterdam, summer time included. */
export const timeZone = 'Europe/Amsterdam'

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

/** The wall-clock time in Amsterdam: { year, month, day, hour, minute, second } as strings. */
export function amsterdamParts(date: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string> {
  const out: Record<string, string> = {}
  for (const part of parts.formatToParts(date)) out[part.type] = part.value
  return out as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string>
}

/** `2026-11-23` for any moment of that day in Amsterdam. */
export function amsterdamDate(date: Date): string {
  const { year, month, day } = amsterdamParts(date)
  return `${year}-${month}-${day}`
}
