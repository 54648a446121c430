/** Dates as Dutch editors read them, in Dutch time whatever the server's or browser's zone. */
const dateTime = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
})
const date = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' })

const valid = (value: unknown): value is string | Date => (typeof value === 'string' || value instanceof Date) && !Number.isNaN(new Date(value).getTime())

export const formatDateTime = (value: unknown) => (valid(value) ? dateTime.format(new Date(value)) : '')
export const formatDate = (value: unknown) => (valid(value) ? date.format(new Date(value)) : '')

/** Whole days between `since` and `now`, for "waits 3 days". */
export const daysSince = (since: unknown, now = new Date()) =>
  valid(since) ? Math.max(0, Math.floor((now.getTime() - new Date(since).getTime()) / 86_400_000)) : undefined
