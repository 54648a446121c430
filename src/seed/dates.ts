/** Minutes that Amsterdam is ahead of UTC at the given moment (60 in winter, 120 in summer). */
function amsterdamOffsetMinutes(moment: Date): number {
  const zone = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Amsterdam', timeZoneName: 'longOffset' })
    .formatToParts(moment)
    .find((part) => part.type === 'timeZoneName')?.value
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(zone ?? '')
  if (!match) return 0
  const minutes = Number(match[2]) * 60 + Number(match[3])
  return match[1] === '-' ? -minutes : minutes
}

/** `amsterdam('2022-11-14', '19:30')`: the ISO timestamp of that wall-clock time in the Netherlands. */
export function amsterdam(date: string, time = '00:00'): string {
  const asIfUtc = new Date(`${date}T${time}:00.000Z`)
  return new Date(asIfUtc.getTime() - amsterdamOffsetMinutes(asIfUtc) * 60_000).toISOString()
}

/** A date without a time, stored the way the admin's day picker stores it: at 12:00 UTC. */
export const day = (date: string): string => `${date}T12:00:00.000Z`

const pad = (n: number) => String(n).padStart(2, '0')

export const isoDate = (year: number, month: number, dayOfMonth: number) => `${year}-${pad(month)}-${pad(dayOfMonth)}`

/** Adds days to an ISO date (yyyy-mm-dd) and returns an ISO date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00.000Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** Monday of the third week of November that runs from Monday to Sunday entirely inside November. */
export function thirdFullWeekOfNovember(year: number): { start: string; end: string } {
  const first = new Date(Date.UTC(year, 10, 1, 12))
  const toMonday = (8 - first.getUTCDay()) % 7
  const start = addDays(isoDate(year, 11, 1), toMonday + 14)
  return { start, end: addDays(start, 6) }
}
