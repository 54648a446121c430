import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { CampaignAsset, Media, User } from '../src/payload-types'
import { api, graphql, payload as getTestPayload, type ApiResponse } from './helpers/api'
import { makeUser, unique } from './helpers/fixtures'
import { fileOf, pdf, png, uploadForm } from './helpers/files'

/**
 * Images keep a text for people who cannot see them: `alt` on media and on image campaign
 * material cannot be left out or cleared by any write (create, update by id or by where, REST,
 * GraphQL, the Local API with an editor's access), in any locale. An empty value was already
 * refused; a value of spaces only went through everywhere.
 */

let payload: Payload
let editor: { user: User; token: string }

const show = (response: ApiResponse) => JSON.stringify(response.body)
const asEditor = () => ({ ...editor.user, collection: 'users' as const })

beforeAll(async () => {
  payload = await getTestPayload()
  editor = await makeUser(payload, 'editor')
})

const makeMedia = async (): Promise<Media> =>
  payload.create({ collection: 'media', data: { alt: 'Een kind op een schommel' }, file: fileOf(await png(), `alt-${unique()}.png`, 'image/png') })

const makeImageAsset = async (): Promise<CampaignAsset> =>
  payload.create({
    collection: 'campaign-assets',
    data: { title: `Poster ${unique()}`, kind: 'poster', alt: 'Poster met de tekst: kijk om je heen' },
    file: fileOf(await png(), `poster-${unique()}.png`, 'image/png'),
  })

const altOf = async (collection: 'media' | 'campaign-assets', id: number, locale: 'nl' | 'en' = 'nl') =>
  (await payload.findByID({ collection, id, locale, fallbackLocale: false, depth: 0 })).alt

const blanks = ['   ', '\t\n', '\u00a0'] as const

describe.each(['media', 'campaign-assets'] as const)('the alt text of an image in %s', (collection) => {
  const make = () => (collection === 'media' ? makeMedia() : makeImageAsset())
  const original = async (id: number) => altOf(collection, id)

  it.each(blanks)('cannot be cleared by an update by id (alt %j)', async (alt) => {
    const doc = await make()
    const response = await api('PATCH', `${collection}/${doc.id}`, { token: editor.token, body: { alt } })
    expect(response.status, show(response)).toBe(400)
    expect(await original(doc.id)).toBe(doc.alt)
  })

  it.each(blanks)('cannot be cleared by an update by where (alt %j)', async (alt) => {
    const doc = await make()
    const response = await api('PATCH', `${collection}?where[id][equals]=${doc.id}`, { token: editor.token, body: { alt } })
    expect(response.status, show(response)).toBe(400)
    expect(await original(doc.id)).toBe(doc.alt)
  })

  it('cannot be cleared through GraphQL', async () => {
    const doc = await make()
    const mutation = collection === 'media' ? 'updateMedia' : 'updateCampaignAsset'
    const response = await graphql(`mutation { ${mutation}(id: ${doc.id}, data: { alt: "  " }) { id } }`, undefined, editor.token)
    expect(response.body.errors?.[0]?.extensions?.statusCode, show(response)).toBe(400)
    expect(await original(doc.id)).toBe(doc.alt)
  })

  it('cannot be cleared through the Local API with an editor’s access', async () => {
    const doc = await make()
    await expect(payload.update({ collection, id: doc.id, data: { alt: ' ' }, overrideAccess: false, user: asEditor() })).rejects.toMatchObject({ status: 400 })
    expect(await original(doc.id)).toBe(doc.alt)
  })

  it('is required in English too, once an English text is written', async () => {
    const doc = await make()
    const english = collection === 'media' ? {} : { title: 'Poster' }
    const ok = await api('PATCH', `${collection}/${doc.id}?locale=en`, { token: editor.token, body: { ...english, alt: 'A child on a swing' } })
    expect(ok.status, show(ok)).toBe(200)
    const cleared = await api('PATCH', `${collection}/${doc.id}?locale=en`, { token: editor.token, body: { ...english, alt: ' ' } })
    expect(cleared.status, show(cleared)).toBe(400)
    expect(await altOf(collection, doc.id, 'en')).toBe('A child on a swing')
  })

  it('must be given when the image is uploaded, also as spaces only', async () => {
    const name = `zonder-alt-${unique()}.png`
    const data = collection === 'media' ? {} : { title: `Zonder alt ${unique()}`, kind: 'poster' }
    for (const alt of [undefined, '  ']) {
      const response = await api('POST', collection, {
        token: editor.token,
        form: uploadForm(await png(), name, 'image/png', alt === undefined ? data : { ...data, alt }),
      })
      expect(response.status, show(response)).toBe(400)
    }
    expect((await payload.count({ collection, where: { filename: { like: name.replace('.png', '') } } })).totalDocs).toBe(0)
  })
})

describe('campaign material that is not an image', () => {
  it('needs no alt text, until its file is replaced by an image', async () => {
    const created = await api('POST', 'campaign-assets', {
      token: editor.token,
      form: uploadForm(pdf(2000), `factsheet-${unique()}.pdf`, 'application/pdf', { title: `Factsheet ${unique()}`, kind: 'factsheet', alt: ' ' }),
    })
    expect(created.status, show(created)).toBe(201)
    const replaced = await api('PATCH', `campaign-assets/${created.body.doc.id}`, {
      token: editor.token,
      form: uploadForm(await png(), `factsheet-${unique()}.png`, 'image/png', {}),
    })
    expect(replaced.status, show(replaced)).toBe(400)
    expect((await payload.findByID({ collection: 'campaign-assets', id: created.body.doc.id, depth: 0 })).mimeType).toBe('application/pdf')
  })
})
