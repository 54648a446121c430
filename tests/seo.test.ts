import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Edition, Media, Organiser } from '../src/payload-types'
import { richText } from '../src/seed/richText'
import { api, graphql, payload as getPayload } from './helpers/api'
import { fileOf, photo, uploadForm } from './helpers/files'
import { makeActivity, makeOpenEdition, makeOrganiser, makeUser, nextFreeYear, unique } from './helpers/fixtures'

let payload: Payload
let edition: Edition
let organiser: Organiser
let image: Media
let editorToken: string

const longSummary =
  'Een vader vertelt hoe de leerkracht van zijn dochter doorvroeg toen zij stiller werd, hoe het gesprek met Veilig Thuis verliep en wat het gezin daarna hielp om weer met elkaar te praten over wat er thuis gebeurde.'

beforeAll(async () => {
  payload = await getPayload()
  edition = await makeOpenEdition(payload, { year: await nextFreeYear(payload) })
  organiser = await makeOrganiser(payload)
  image = await payload.create({
    collection: 'media',
    data: { alt: 'Een klaslokaal' },
    file: fileOf(await photo(1600, 900), `klas-${unique()}.jpg`, 'image/jpeg'),
  })
  editorToken = (await makeUser(payload, 'editor')).token
})

describe('SEO fields (meta) filled in from the document', () => {
  it('makes meta of a story from its title, summary and image when left empty, over REST, and shows it in GraphQL', async () => {
    const created = await api('POST', 'stories', {
      token: editorToken,
      body: {
        title: 'De leerkracht die doorvroeg',
        summary: longSummary,
        perspective: 'parent',
        storyteller: { displayName: 'Jan' },
        heroImage: image.id,
        _status: 'published',
      },
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const { meta } = created.body.doc
    expect(meta.title).toBe('De leerkracht die doorvroeg')
    expect(meta.description.length).toBeLessThanOrEqual(160)
    expect(meta.description).toMatch(/^Een vader vertelt hoe de leerkracht .*\S…$/)
    expect(meta.image).toMatchObject({ id: image.id })

    const read = await api('GET', `stories/${created.body.doc.id}?depth=1`)
    expect(read.body.meta).toMatchObject({ title: meta.title, description: meta.description, image: { id: image.id } })
    expect(read.body.meta.image.sizes.openGraph).toMatchObject({ width: 1200, height: 630 })

    const query = await graphql(`{ Story(id: ${created.body.doc.id}) { meta { title description image { alt sizes { openGraph { url width height } } } } } }`)
    expect(query.body.errors).toBeUndefined()
    expect(query.body.data.Story.meta).toMatchObject({
      title: meta.title,
      description: meta.description,
      image: { alt: 'Een klaslokaal', sizes: { openGraph: { width: 1200, height: 630 } } },
    })
    expect(query.body.data.Story.meta.image.sizes.openGraph.url).toMatch(/^\/api\/media\/file\/klas-.*-1200x630\.jpg$/)
  })

  it('keeps meta someone typed, and lets made meta follow the fields it was made from', async () => {
    const story = await payload.create({
      collection: 'stories',
      data: {
        title: 'Eerste titel',
        perspective: 'parent',
        storyteller: { displayName: 'Jan' },
        meta: { description: 'Zelf geschreven.' },
        _status: 'published',
      },
    })
    expect(story.meta).toMatchObject({ title: 'Eerste titel', description: 'Zelf geschreven.' })
    const renamed = await api('PATCH', `stories/${story.id}`, { token: editorToken, body: { title: 'Tweede titel', summary: 'Nieuwe samenvatting.' } })
    expect(renamed.body.doc.meta).toMatchObject({ title: 'Tweede titel', description: 'Zelf geschreven.' })
    const typed = await api('PATCH', `stories/${story.id}`, { token: editorToken, body: { meta: { title: 'Voor zoekmachines' } } })
    expect(typed.body.doc.meta.title).toBe('Voor zoekmachines')
    const again = await api('PATCH', `stories/${story.id}`, { token: editorToken, body: { title: 'Derde titel' } })
    expect(again.body.doc.meta.title).toBe('Voor zoekmachines')
  })

  it('makes meta of an edition from its year, theme, description and image, per language', async () => {
    const year = await nextFreeYear(payload)
    const made = await makeOpenEdition(payload, {
      year,
      theme: 'Praat met elkaar',
      description: richText('Een week over praten.', 'Met kinderen en ouders.'),
      heroImage: image.id,
    })
    expect(made.meta).toMatchObject({
      title: `Week tegen Kindermishandeling ${year}: Praat met elkaar`,
      description: 'Een week over praten. Met kinderen en ouders.',
    })
    expect(made.meta?.image).toMatchObject({ id: image.id })
    await payload.update({ collection: 'editions', id: made.id, locale: 'en', data: { theme: 'Talk to each other' } })
    const english = await api('GET', `editions/${made.id}?locale=en&depth=0`)
    expect(english.body.meta.title).toBe(`Week tegen Kindermishandeling ${year}: Talk to each other`)
    expect((await api('GET', `editions/${made.id}?depth=0`)).body.meta.title).toBe(`Week tegen Kindermishandeling ${year}: Praat met elkaar`)
  })

  it('makes meta of campaign material from its title and description', async () => {
    const form = uploadForm(await photo(800, 600), `poster-${unique()}.jpg`, 'image/jpeg', {
      title: 'Poster praat met elkaar',
      kind: 'poster',
      description: 'Voor in de klas.',
      alt: 'Poster met twee pratende mensen',
    })
    const response = await api('POST', 'campaign-assets', { token: editorToken, form })
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    expect(response.body.doc.meta).toMatchObject({ title: 'Poster praat met elkaar', description: 'Voor in de klas.' })
  })
})

describe('SEO fields of activities', () => {
  it('are public with the activity, and a partner’s change to them goes through review like any other', async () => {
    const partnerOrganiser = await makeOrganiser(payload)
    const partner = await makeUser(payload, 'partner', partnerOrganiser)
    const activity = await makeActivity(payload, edition, partnerOrganiser, { title: 'Ouderavond', summary: 'Over opvoeden en zorgen.', status: 'approved' })
    expect((await api('GET', `activities/${activity.id}`)).body.meta).toEqual({ title: 'Ouderavond', description: 'Over opvoeden en zorgen.', image: null })

    const change = await api('PATCH', `activities/${activity.id}`, { token: partner.token, body: { meta: { description: 'Een avond voor alle ouders.' } } })
    expect(change.status, JSON.stringify(change.body)).toBe(200)
    expect((await api('GET', `activities/${activity.id}`)).body.meta.description).toBe('Over opvoeden en zorgen.')
    const proposal = await api('GET', `activities/${activity.id}?draft=true`, { token: partner.token })
    expect(proposal.body).toMatchObject({ status: 'submitted', meta: { description: 'Een avond voor alle ouders.' } })

    const approved = await api('PATCH', `activities/${activity.id}`, { token: editorToken, body: { status: 'approved' } })
    expect(approved.status, JSON.stringify(approved.body)).toBe(200)
    expect((await api('GET', `activities/${activity.id}`)).body.meta.description).toBe('Een avond voor alle ouders.')
  })

  it('are not public while the activity is not', async () => {
    const activity = await makeActivity(payload, edition, organiser, { title: 'Nog niet beoordeeld', status: 'submitted' })
    expect((await api('GET', `activities/${activity.id}`)).status).toBe(404)
    const query = await graphql(`{ Activities(where: { meta__title: { equals: "Nog niet beoordeeld" } }) { docs { id } } }`)
    expect(query.body.data.Activities.docs).toEqual([])
  })
})

describe('the admin’s generate buttons', () => {
  it('answer only signed-in accounts, from the document they send', async () => {
    const body = { collectionSlug: 'stories', doc: { title: 'Een titel', summary: 'Een samenvatting.' } }
    expect((await api('POST', 'plugin-seo/generate-title', { body })).status).toBe(401)
    const title = await api('POST', 'plugin-seo/generate-title', { token: editorToken, body })
    expect(title.body).toEqual({ result: 'Een titel' })
    const description = await api('POST', 'plugin-seo/generate-description', { token: editorToken, body })
    expect(description.body).toEqual({ result: 'Een samenvatting.' })
  })
})
