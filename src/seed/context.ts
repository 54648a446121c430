import type { CollectionSlug, Payload, Where } from 'payload'

/** Passed to every operation, so hooks can tell seeding apart from editors' work. */
export const context = { seed: true }

export const seededCollections = ['media', 'organisers', 'editions', 'users', 'activities', 'stories', 'campaign-assets'] as const

export type SeededCollection = (typeof seededCollections)[number]

export type Tally = Record<SeededCollection, number>

export type Seeder = {
  payload: Payload
  log: (line: string) => void
  /** Records this run created, per collection. */
  created: Tally
}

export const emptyTally = (): Tally => Object.fromEntries(seededCollections.map((collection) => [collection, 0])) as Tally

/** The id of the first document matching `where`, whatever its status or access rules. */
export async function findId(seeder: Seeder, collection: CollectionSlug, where: Where): Promise<number | undefined> {
  const { docs } = await seeder.payload.find({
    collection,
    where,
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    context,
  })
  return (docs[0] as { id: number } | undefined)?.id
}

export const bySlug = (slug: string): Where => ({ slug: { equals: slug } })

/** Looks up ids that earlier steps must have made, with a clear message when one is missing. */
export function lookup<T>(map: Map<string, T>, key: string | number, what: string): T {
  const value = map.get(String(key))
  if (value === undefined) throw new Error(`Seed data refers to unknown ${what} '${key}'.`)
  return value
}
