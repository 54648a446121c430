import { randomBytes } from 'node:crypto'

import type { Payload } from 'payload'

import type { Activity, Edition, Organiser, User } from '../../src/payload-types'
import { editions } from '../../src/seed/editions'

/** Eight random hex digits, for names, e-mail addresses, slugs and file names no other test uses. */
export const unique = (): string => randomBytes(4).toString('hex')

export async function makeOrganiser(payload: Payload, data: Partial<Organiser> = {}): Promise<Organiser> {
  return payload.create({ collection: 'organisers', data: { name: `Organisatie ${unique()}`, ...data } })
}

/** Each edition needs its own year; tests take years after any real or seeded edition. */
/**
 * A year no edition has. An edition's year lies between 2000 and 2100 and the suites share one
 * database, so future years come first (from 2030 up, then 2027–2029), then past years, and the
 * years of the seed's real editions last: the seed's own test needs them free.
 */
export async function nextFreeYear(payload: Payload): Promise<number> {
  const taken = new Set(
    (await payload.find({ collection: 'editions', select: { year: true }, limit: 0, pagination: false, depth: 0 })).docs.map((doc) => doc.year),
  )
  const seeded = new Set(editions.map((edition) => edition.year))
  const past = range(2000, 2026).reverse()
  const order = [...range(2030, 2100), ...range(2027, 2029), ...past.filter((year) => !seeded.has(year)), ...past.filter((year) => seeded.has(year))]
  const year = order.find((candidate) => !taken.has(candidate))
  if (year === undefined) throw new Error('Every year from 2000 to 2100 has an edition in the test database.')
  return year
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i)

export async function makeEdition(payload: Payload, data: Partial<Edition> = {}): Promise<Edition> {
  const year = data.year ?? (await nextFreeYear(payload))
  return payload.create({
    collection: 'editions',
    data: {
      year,
      theme: `Thema ${year}`,
      startDate: `${year}-11-16T00:00:00.000Z`,
      endDate: `${year}-11-22T00:00:00.000Z`,
      ...data,
    },
  })
}

/** A submission window open from 2020 to 2099: editions made with it take submissions now. */
export const openWindow = { opensAt: '2020-01-01T00:00:00.000Z', closesAt: '2099-12-31T00:00:00.000Z' }

/**
 * An edition that takes submissions now and whose activities are public (listed since 2020);
 * `data.submissions` changes single dates, e.g. `{ listedFrom: '2099-01-01T00:00:00.000Z' }`.
 */
export async function makeOpenEdition(payload: Payload, data: Partial<Edition> = {}): Promise<Edition> {
  return makeEdition(payload, { ...data, submissions: { ...openWindow, listedFrom: '2020-01-01T00:00:00.000Z', ...data.submissions } })
}

export const minimalActivity = (edition: Edition, organiser: Organiser) => ({
  title: `Informatiebijeenkomst ${unique()}`,
  edition: edition.id,
  organiser: organiser.id,
  format: 'meeting' as const,
  startsAt: `${edition.year}-11-18T18:30:00.000Z`,
  location: { mode: 'online' as const, onlineUrl: 'https://meet.example.nl/bijeenkomst' },
  contact: { name: 'Sanne de Vries', email: 'sanne@example.nl' },
})

export async function makeActivity(payload: Payload, edition: Edition, organiser: Organiser, data: Partial<Activity> = {}): Promise<Activity> {
  return payload.create({
    collection: 'activities',
    data: { ...minimalActivity(edition, organiser), ...data } as Activity,
  })
}

export const password = 'Test-wachtwoord-2026!'

export async function makeUser(payload: Payload, role: User['role'], organiser?: Organiser): Promise<{ user: User; token: string }> {
  // The very first account always becomes an administrator; make sure this one is not it.
  if (role !== 'admin' && (await payload.count({ collection: 'users' })).totalDocs === 0) {
    await makeUser(payload, 'admin')
  }
  const email = `${role}-${unique()}@example.nl`
  const user = await payload.create({
    collection: 'users',
    data: { email, password, name: `${role} ${unique()}`, role, organiser: organiser?.id },
  })
  const { token } = await payload.login({ collection: 'users', data: { email, password } })
  return { user, token: token! }
}

/**
 * A client address of its own for a public submission (`X-Forwarded-For`): the form allows a few
 * submissions per address an hour, and every suite shares the database the limit counts in.
 */
export const freshClientAddress = (): string => {
  const id = unique()
  return `2001:db8::${id.slice(0, 4)}:${id.slice(4)}`
}
