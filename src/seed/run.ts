import type { Payload } from 'payload'

import { seedAccounts, type SeedAccount } from './accounts'
import { seedEditions, seedOrganisers, seedSiteSettings } from './campaign'
import { seedActivities, seedStories } from './content'
import { context, emptyTally, lookup, seededCollections, type Seeder, type Tally } from './context'
import { seedCampaignAssets, seedMedia, seriesImageName } from './uploads'

export type { SeedAccount } from './accounts'
export type { SeededCollection } from './context'

export type SeedResult = {
  /** One account per role, with its development password. */
  accounts: SeedAccount[]
  /** Documents in each collection after seeding. */
  counts: Tally
  /** Documents this run created; all zero when the database was already seeded. */
  created: Tally
}

async function countAll(payload: Payload): Promise<Tally> {
  const counts = emptyTally()
  for (const collection of seededCollections) {
    counts[collection] = (await payload.count({ collection, overrideAccess: true, context })).totalDocs
  }
  return counts
}

/**
 * Fills the database with demo data of the campaign. Safe to run again: every record is looked
 * up by its natural key first; reference data (organisations, editions, settings) is brought in
 * line with the seed, everything else is only created when missing.
 */
export async function seed(payload: Payload, options: { log?: (line: string) => void } = {}): Promise<SeedResult> {
  const seeder: Seeder = { payload, log: options.log ?? (() => {}), created: emptyTally() }

  const media = await seedMedia(seeder)
  const organisers = await seedOrganisers(seeder, media)
  const editions = await seedEditions(seeder, organisers, media)
  const accounts = await seedAccounts(seeder, organisers)
  await seedSiteSettings(seeder, editions)
  await seedActivities(seeder, { editions, organisers, partnerUser: lookup(accounts.ids, 'partner', 'account') })
  await seedStories(seeder, {
    edition: lookup(editions, 2019, 'edition'),
    editor: lookup(accounts.ids, 'editor', 'account'),
    image: lookup(media, seriesImageName, 'image'),
  })
  await seedCampaignAssets(seeder, editions)

  return { accounts: accounts.list, counts: await countAll(payload), created: seeder.created }
}
