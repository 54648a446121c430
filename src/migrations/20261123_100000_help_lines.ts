import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-postgres'

import { defaultHelpLines } from '../../globals/SiteSettings'

const englishAvailability: Record<string, string> = {
  'Veilig Thuis': 'Free, 24 hours a day, 7 days a week',
  Kindertelefoon: 'Free, every day from 11:00 to 21:00',
}

/** A fresh database shows the national help lines before anybody has saved the settings. */
export async function up({ payload, req }: MigrateUpArgs): Promise<void> {
  // The stored row, not findGlobal: that fills in the field defaults.
  const stored = await payload.db.findGlobal({ slug: 'site-settings', req })
  if (Array.isArray(stored?.helpLines) && stored.helpLines.length > 0) return
  const saved = await payload.updateGlobal({
    slug: 'site-settings',
    data: { helpLines: defaultHelpLines },
    locale: 'nl',
    req,
  })
  await payload.updateGlobal({
    slug: 'site-settings',
    data: {
      helpLines: (saved.helpLines ?? []).map((line) => ({
        ...line,
        availability: englishAvailability[line.name] ?? line.availability,
      })),
    },
    locale: 'en',
    req,
  })
}

export async function down({ payload, req }: MigrateDownArgs): Promise<void> {
  await payload.updateGlobal({ slug: 'site-settings', data: { helpLines: [] }, req })
}
