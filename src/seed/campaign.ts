import type { Edition } from '../payload-types'
import { context, findId, lookup, type Seeder } from './context'
import { amsterdam, day, isoDate } from './dates'
import { currentEditionYear, editions, guidelines, type EditionSeed } from './editions'
import { richText } from './richText'
import { allOrganisers } from './organisers'
import { heroName, logoName } from './uploads'

/** Organisations are reference data: created when missing, brought in line with the seed otherwise. */
export async function seedOrganisers(seeder: Seeder, mediaIds: Map<string, number>): Promise<Map<string, number>> {
  const ids = new Map<string, number>()
  for (const organiser of allOrganisers) {
    const data = {
      name: organiser.name,
      shortName: organiser.shortName,
      slug: organiser.slug,
      kind: organiser.kind,
      website: organiser.website,
      logo: organiser.logo ? lookup(mediaIds, logoName(organiser.slug), 'image') : undefined,
      description: organiser.description.nl,
    }
    const existing = await findId(seeder, 'organisers', { slug: { equals: organiser.slug } })
    const saved =
      existing === undefined
        ? await seeder.payload.create({ collection: 'organisers', data, locale: 'nl', depth: 0, context })
        : await seeder.payload.update({ collection: 'organisers', id: existing, data, locale: 'nl', depth: 0, context })
    if (existing === undefined) seeder.created.organisers++
    if (organiser.description.en) {
      await seeder.payload.update({
        collection: 'organisers',
        id: saved.id,
        data: { description: organiser.description.en },
        locale: 'en',
        depth: 0,
        context,
      })
    }
    ids.set(organiser.slug, saved.id)
  }
  seeder.log(`Organisaties: ${ids.size} (${seeder.created.organisers} nieuw)`)
  return ids
}

function editionData(edition: EditionSeed, organiserIds: Map<string, number>, mediaIds: Map<string, number>) {
  const { year } = edition
  return {
    year,
    number: edition.number,
    theme: edition.theme.nl,
    slug: `week-${year}`,
    startDate: day(edition.start),
    endDate: day(edition.end),
    description: richText(...edition.description.nl),
    hashtags: edition.hashtags,
    keyFigures: (edition.keyFigures ?? []).map((figure) => ({
      value: figure.value,
      label: figure.label.nl,
      source: figure.source,
      sourceUrl: figure.sourceUrl,
    })),
    organisers: edition.organisers.map(({ organiser, role }) => ({
      organiser: lookup(organiserIds, organiser, 'organiser'),
      role,
    })),
    submissions: {
      opensAt: amsterdam(isoDate(year, 9, 1), '09:00'),
      closesAt: amsterdam(isoDate(year, 11, 1), '23:59'),
      listedFrom: amsterdam(isoDate(year, 9, 15), '09:00'),
      guidelines: guidelines.nl,
    },
    kickOff: {
      title: edition.kickOff.title.nl,
      startsAt: amsterdam(edition.kickOff.date, edition.kickOff.time),
      location: edition.kickOff.location,
      url: edition.kickOff.url,
    },
    heroImage: lookup(mediaIds, heroName(year), 'image'),
  }
}

/** The English texts go in a second update in locale 'en', keeping the array rows of the Dutch save. */
async function addEnglish(seeder: Seeder, edition: EditionSeed, saved: Edition): Promise<void> {
  await seeder.payload.update({
    collection: 'editions',
    id: saved.id,
    locale: 'en',
    depth: 0,
    context,
    data: {
      theme: edition.theme.en,
      description: richText(...edition.description.en),
      keyFigures: (saved.keyFigures ?? []).map((figure, i) => ({
        ...figure,
        label: edition.keyFigures?.[i]?.label.en ?? figure.label,
      })),
      submissions: { ...saved.submissions, guidelines: guidelines.en },
      kickOff: { ...saved.kickOff, title: edition.kickOff.title.en },
    },
  })
}

/** Editions are keyed by year; like organisers they are updated to match the seed. */
export async function seedEditions(seeder: Seeder, organiserIds: Map<string, number>, mediaIds: Map<string, number>): Promise<Map<string, number>> {
  const ids = new Map<string, number>()
  for (const edition of editions) {
    const data = editionData(edition, organiserIds, mediaIds)
    const existing = await findId(seeder, 'editions', { year: { equals: edition.year } })
    const saved =
      existing === undefined
        ? await seeder.payload.create({ collection: 'editions', data, locale: 'nl', depth: 0, context })
        : await seeder.payload.update({ collection: 'editions', id: existing, data, locale: 'nl', depth: 0, context })
    if (existing === undefined) seeder.created.editions++
    await addEnglish(seeder, edition, saved)
    ids.set(String(edition.year), saved.id)
  }
  seeder.log(`Edities: ${ids.size} (${seeder.created.editions} nieuw)`)
  return ids
}

export const reviewInbox = 'redactie@weektegenkindermishandeling.nl'

/** Points the website at the current edition; the help lines the migration wrote stay as they are. */
export async function seedSiteSettings(seeder: Seeder, editionIds: Map<string, number>): Promise<void> {
  await seeder.payload.updateGlobal({
    slug: 'site-settings',
    data: { currentEdition: lookup(editionIds, currentEditionYear, 'edition'), reviewInbox },
    depth: 0,
    context,
  })
  seeder.log(`Website-instellingen: huidige editie ${currentEditionYear}, aanmeldingen naar ${reviewInbox}`)
}
