import type { CampaignAsset } from '../payload-types'
import { assetUsageNotes, campaignAssets, seriesImage, type MediaSeed } from './assets'
import { context, lookup, type Seeder } from './context'
import { editions } from './editions'
import { renderPicture, type Picture } from './images'
import { escapeRegExp } from '../query/regExp'
import { nationalOrganisers } from './organisers'

type UploadCollection = 'media' | 'campaign-assets'

/**
 * Uploads are keyed by file name. Payload may change the extension (media is stored as WebP)
 * and appends -1, -2 when the name is taken on disk, so both are allowed when looking one up.
 */
async function findUpload(seeder: Seeder, collection: UploadCollection, name: string): Promise<number | undefined> {
  const { docs } = await seeder.payload.find({
    collection,
    where: { filename: { like: name } },
    depth: 0,
    limit: 20,
    overrideAccess: true,
    context,
  })
  const pattern = new RegExp(`^${escapeRegExp(name)}(-\\d+)?\\.[a-z0-9]+$`)
  return docs.find((doc) => pattern.test(doc.filename ?? ''))?.id
}

async function pictureFile(name: string, picture: Picture) {
  const data = await renderPicture(picture)
  const jpeg = picture.format === 'jpeg'
  return {
    data,
    mimetype: jpeg ? 'image/jpeg' : 'image/png',
    name: `${name}.${jpeg ? 'jpg' : 'png'}`,
    size: data.length,
  }
}

async function ensureMedia(seeder: Seeder, image: MediaSeed): Promise<number> {
  const existing = await findUpload(seeder, 'media', image.name)
  if (existing !== undefined) return existing
  const doc = await seeder.payload.create({
    collection: 'media',
    data: { alt: image.alt, credit: image.credit },
    file: await pictureFile(image.name, image.picture),
    locale: 'nl',
    depth: 0,
    context,
  })
  seeder.created.media++
  return doc.id
}

export const heroName = (year: number) => `editie-${year}-beeld`
export const logoName = (slug: string) => `logo-${slug}`
export const seriesImageName = seriesImage.name

function editionHeroes(): MediaSeed[] {
  return editions.map((edition) => ({
    name: heroName(edition.year),
    alt: `Campagnebeeld ${edition.year}: de tekst '${edition.theme.nl}' in witte letters op een gekleurde achtergrond met ronde vlakken.`,
    credit: 'NJi en Movisie',
    picture: {
      width: 1600,
      height: 900,
      background: edition.colour,
      heading: edition.theme.nl,
      lines: [`Week tegen Kindermishandeling ${edition.year}`],
      footer: 'weektegenkindermishandeling.nl',
      format: 'jpeg',
    },
  }))
}

function organiserLogos(): MediaSeed[] {
  return nationalOrganisers.flatMap((organiser) =>
    organiser.logo
      ? [
          {
            name: logoName(organiser.slug),
            alt: `Voorbeeldlogo van ${organiser.name}: de naam ${organiser.shortName ?? organiser.name} in witte letters.`,
            picture: {
              width: 600,
              height: 300,
              background: organiser.logo.colour,
              heading: organiser.shortName ?? organiser.name,
              accent: '#ffffff',
            },
          },
        ]
      : [],
  )
}

/** Hero images, organiser logos and the story series image; returns their ids by file name. */
export async function seedMedia(seeder: Seeder): Promise<Map<string, number>> {
  const ids = new Map<string, number>()
  for (const image of [...editionHeroes(), ...organiserLogos(), seriesImage]) {
    ids.set(image.name, await ensureMedia(seeder, image))
  }
  seeder.log(`Afbeeldingen: ${ids.size} (${seeder.created.media} nieuw)`)
  return ids
}

/** Downloadable campaign material, rendered with sharp and uploaded as PNG or JPEG. */
export async function seedCampaignAssets(seeder: Seeder, editionIds: Map<string, number>): Promise<void> {
  for (const asset of campaignAssets) {
    if ((await findUpload(seeder, 'campaign-assets', asset.name)) !== undefined) continue
    const data: Omit<CampaignAsset, 'id' | 'createdAt' | 'updatedAt'> = {
      title: asset.title,
      kind: asset.kind,
      edition: lookup(editionIds, asset.year, 'edition'),
      description: asset.description,
      language: asset.language,
      usageNotes: assetUsageNotes,
      alt: asset.alt,
    }
    await seeder.payload.create({
      collection: 'campaign-assets',
      data,
      file: await pictureFile(asset.name, asset.picture),
      locale: 'nl',
      depth: 0,
      context,
    })
    seeder.created['campaign-assets']++
  }
  seeder.log(`Campagnemateriaal: ${campaignAssets.length} (${seeder.created['campaign-assets']} nieuw)`)
}
