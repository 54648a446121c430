import { randomBytes } from 'node:crypto'

import type { Payload } from 'payload'

import type { Activity, Edition, Organiser, User } from '../../src/payload-types'

const unique = () => randomBytes(4).toString('hex')

export async function makeOrganiser(payload: Payload, data: Partial<Organiser> = {}): Promise<Organiser> {
  return payload.create({ collection: 'organisers', data: { name: `Organisatie ${unique()}`, ...data } })
}

/** Each edition needs its own year; tests take years after any real or seeded edition. */
export async function nextFreeYear(payload: Payload): Promise<number> {
  const latest = await payload.find({ collection: 'editions', sort: '-year', limit: 1, depth: 0 })
  return Math.max(2030, (latest.docs[0]?.year ?? 0) + 1)
}

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

export const minimalActivity = (edition: Edition, organiser: Organiser) => ({
  title: `Informatiebijeenkomst ${unique()}`,
  edition: edition.id,
  organiser: organiser.id,
  format: 'meeting' as const,
  startsAt: `${edition.year}-11-18T18:30:00.000Z`,
  location: { mode: 'online' as const, onlineUrl: 'https://meet.example.nl/bijeenkomst' },
  contact: { name: 'Sanne de Vries', email: 'sanne@example.nl' },
})

export async function makeActivity(
  payload: Payload,
  edition: Edition,
  organiser: Organiser,
  data: Partial<Activity> = {},
): Promise<Activity> {
  return payload.create({
    collection: 'activities',
    data: { ...minimalActivity(edition, organiser), ...data } as Activity,
  })
}

export const password = 'Test-wachtwoord-2026!'

export async function makeUser(
  payload: Payload,
  role: User['role'],
  organiser?: Organiser,
): Promise<{ user: User; token: string }> {
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
  const [a, b] = [Math.random(), Math.random()].map((n) => Math.floor(n * 0xffff).toString(16))
  return `2001:db8::${a}:${b}`
}
