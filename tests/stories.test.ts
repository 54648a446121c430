import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { api, payload as getTestPayload } from './helpers/api'

let payload: Payload

beforeAll(async () => {
  payload = await getTestPayload()
})

const draftStory = (title: string) =>
  payload.create({
    collection: 'stories',
    data: { title, perspective: 'professional', storyteller: { displayName: 'Fatima', role: 'jeugdarts' }, _status: 'draft' },
  })

const schedule = (id: number, waitUntil: Date) =>
  payload.jobs.queue({
    task: 'schedulePublish',
    input: { type: 'publish', doc: { relationTo: 'stories', value: id } },
    waitUntil,
  })

describe('scheduled publication of stories', () => {
  it('publishes a story when its time has come, through the jobs queue', async () => {
    const story = await draftStory('Verhaal voor maandag')
    const job = await schedule(story.id, new Date(Date.now() - 1000))
    expect((await api('GET', `stories/${story.id}`)).status).toBe(404)

    // The runner picks this job only (other suites may have left mail in the queue), and only
    // because its time has come.
    await payload.jobs.run({ queue: 'default', where: { id: { equals: job.id } } })

    const response = await api('GET', `stories/${story.id}`)
    expect(response.status).toBe(200)
    expect(response.body._status).toBe('published')
    expect(response.body.publishedAt).toBeTruthy()
  })

  it('leaves a story scheduled for later unpublished', async () => {
    const story = await draftStory('Verhaal voor volgend jaar')
    const job = await schedule(story.id, new Date(Date.now() + 365 * 24 * 3600 * 1000))
    await payload.jobs.run({ queue: 'default', where: { id: { equals: job.id } } })
    expect((await api('GET', `stories/${story.id}`)).status).toBe(404)
  })
})

describe('versions and drafts', () => {
  it('keeps the published text public while an editor works on a new draft', async () => {
    const story = await payload.create({
      collection: 'stories',
      data: { title: 'Eerste versie', perspective: 'parent', storyteller: { displayName: 'Joris' }, _status: 'published' },
    })
    await payload.update({ collection: 'stories', id: story.id, data: { title: 'Tweede versie (concept)' }, draft: true })
    const publicView = await api('GET', `stories/${story.id}`)
    expect(publicView.body.title).toBe('Eerste versie')
    const versions = await payload.findVersions({ collection: 'stories', where: { parent: { equals: story.id } } })
    expect(versions.totalDocs).toBeGreaterThanOrEqual(2)
  })
})

describe('localisation', () => {
  it('falls back to Dutch where no English text exists', async () => {
    const story = await payload.create({
      collection: 'stories',
      locale: 'nl',
      data: {
        title: 'Praten hielp',
        quote: 'Ik werd gehoord.',
        perspective: 'child-or-young-person',
        storyteller: { displayName: 'Sam', anonymised: true },
        _status: 'published',
      },
    })
    await payload.update({ collection: 'stories', id: story.id, locale: 'en', data: { title: 'Talking helped' } })
    const english = await api('GET', `stories/${story.id}?locale=en`)
    expect(english.body.title).toBe('Talking helped')
    expect(english.body.quote).toBe('Ik werd gehoord.')
    const dutch = await api('GET', `stories/${story.id}?locale=nl`)
    expect(dutch.body.title).toBe('Praten hielp')
  })
})
