import type { Activity, Story } from '../payload-types'
import { activities, type ActivitySeed } from './activities'
import { bySlug, context, findId, lookup, type Seeder } from './context'
import { amsterdam, isoDate } from './dates'
import { organiserBySlug, partnerOrganiserSlug } from './organisers'
import { richText } from './richText'
import { reflections, seriesName, stories, type StorySeed } from './stories'

/** 'Samira El Amrani' at 'example.nl' → 'samira.elamrani@example.nl'. */
function mailAddress(name: string, domain: string): string {
  const [first, ...rest] = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/\s+/)
  return `${[first, rest.join('')].filter(Boolean).join('.')}@${domain}`
}

function location(activity: ActivitySeed): Activity['location'] {
  const { place, onlineUrl } = activity
  if (place && onlineUrl) return { mode: 'hybrid', ...place, onlineUrl }
  if (place) return { mode: 'on-site', ...place }
  if (onlineUrl) return { mode: 'online', onlineUrl }
  throw new Error(`Activity '${activity.slug}' needs a place, an online link or both.`)
}

/** Every activity that left the draft state was submitted during the October before the week. */
const submittedAt = (activity: ActivitySeed, index: number) =>
  activity.status === 'draft' ? undefined : amsterdam(isoDate(activity.year, 10, 1 + ((index * 3) % 28)), '10:00')

type Ids = { editions: Map<string, number>; organisers: Map<string, number>; partnerUser: number }

function activityData(activity: ActivitySeed, index: number, ids: Ids): Omit<Activity, 'id' | 'createdAt' | 'updatedAt'> {
  const organiser = organiserBySlug(activity.organiser)
  const [contactName, phone] = activity.contact
  const date = (dayOfMonth: number) => isoDate(activity.year, 11, dayOfMonth)
  return {
    title: activity.title,
    slug: activity.slug,
    edition: lookup(ids.editions, activity.year, 'edition'),
    organiser: lookup(ids.organisers, activity.organiser, 'organiser'),
    summary: activity.summary,
    description: richText(...activity.description),
    format: activity.format,
    audiences: activity.audiences,
    themes: activity.themes,
    startsAt: amsterdam(date(activity.day), activity.from),
    endsAt: amsterdam(date(activity.untilDay ?? activity.day), activity.to),
    location: location(activity),
    registration: {
      url: activity.registration?.url,
      isFree: !activity.registration?.cost,
      costNote: activity.registration?.cost,
    },
    contact: { name: contactName, email: mailAddress(contactName, organiser.mailDomain), phone },
    status: activity.status,
    review: { feedback: activity.feedback, internalNotes: activity.internalNotes },
    // The demo partner account entered its school's activities itself.
    submittedBy: activity.organiser === partnerOrganiserSlug ? ids.partnerUser : undefined,
    submittedAt: submittedAt(activity, index),
  }
}

/** Activities are only created when missing: editors may have moved them on in the workflow since. */
export async function seedActivities(seeder: Seeder, ids: Ids): Promise<void> {
  for (const [index, activity] of activities.entries()) {
    if ((await findId(seeder, 'activities', bySlug(activity.slug))) !== undefined) continue
    await seeder.payload.create({
      collection: 'activities',
      data: activityData(activity, index, ids),
      depth: 0,
      context,
    })
    seeder.created.activities++
  }
  seeder.log(`Activiteiten: ${activities.length} (${seeder.created.activities} nieuw)`)
}

const storySlug = (story: StorySeed) => `leren-van-elkaar-${String(story.number).padStart(2, '0')}`

// Published through 2019: the first in January, the thirtieth on 20 November, the day the
// Convention turned thirty.
const seriesStart = Date.UTC(2019, 0, 9)
const seriesEnd = Date.UTC(2019, 10, 20)

function publicationDay(story: StorySeed): string {
  const step = (seriesEnd - seriesStart) / (stories.length - 1)
  return new Date(seriesStart + Math.round(((story.number - 1) * step) / 86_400_000) * 86_400_000).toISOString().slice(0, 10)
}

const consentMethods: NonNullable<NonNullable<Story['consent']>['method']>[] = ['written', 'digital', 'verbal-recorded']

function consent(story: StorySeed, recordedBy: number): NonNullable<Story['consent']> {
  const obtained = new Date(`${publicationDay(story)}T12:00:00.000Z`)
  obtained.setUTCDate(obtained.getUTCDate() - 21)
  return {
    obtainedAt: obtained.toISOString(),
    // Children's stories are published with the consent of a parent or guardian as well.
    method: story.perspective === 'child-or-young-person' ? 'guardian' : consentMethods[story.number % consentMethods.length],
    recordedBy,
    withdrawn: story.consentWithdrawn === true,
  }
}

type StoryIds = { edition: number; editor: number; image: number }

function storyData(story: StorySeed, ids: StoryIds): Omit<Story, 'id' | 'createdAt' | 'updatedAt'> {
  const published = story.status !== 'draft'
  return {
    title: story.title,
    slug: storySlug(story),
    perspective: story.perspective,
    storyteller: {
      displayName: story.name,
      role: story.role,
      // Also in professionals' stories: they tell about families, whose details were changed.
      anonymised: true,
    },
    summary: story.summary,
    body: richText(...story.body),
    quote: story.quote,
    whatHelped: story.whatHelped,
    reflection: richText(...reflections[story.reflection]),
    series: seriesName,
    seriesNumber: story.number,
    edition: ids.edition,
    themes: story.themes,
    heroImage: ids.image,
    publishedAt: published ? amsterdam(publicationDay(story), '09:00') : undefined,
    consent: consent(story, ids.editor),
    _status: published ? 'published' : 'draft',
  }
}

/** Stories are only created when missing; later edits by the editors are left alone. */
export async function seedStories(seeder: Seeder, ids: StoryIds): Promise<void> {
  for (const story of stories) {
    if ((await findId(seeder, 'stories', bySlug(storySlug(story)))) !== undefined) continue
    await seeder.payload.create({
      collection: 'stories',
      data: storyData(story, ids),
      draft: story.status === 'draft',
      locale: 'nl',
      depth: 0,
      context,
    })
    seeder.created.stories++
  }
  seeder.log(`Verhalen: ${stories.length} (${seeder.created.stories} nieuw)`)
}
