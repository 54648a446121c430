import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Activity, Edition, Organiser, Story } from '../src/payload-types'
import { richText } from '../src/seed/richText'
import { api, fieldErrors, payload as getPayload } from './helpers/api'
import { makeActivity, makeOpenEdition, makeOrganiser, makeUser, nextFreeYear, unique } from './helpers/fixtures'

let payload: Payload
let edition: Edition
let organiser: Organiser

/**
 * A word of letters no other document has: the suites share one database, so every question
 * here carries the marker of its own documents.
 */
const marker = () => `zoek${unique().replace(/\d/g, (digit) => 'ghijklmnop'[Number(digit)])}`

type Hit = { type: string; id: number; slug: string; title: string; snippet: string; rank: number }

const find = async (query: Record<string, string>, token?: string) => {
  const response = await api('GET', `search?${new URLSearchParams(query)}`, { token })
  expect(response.status, JSON.stringify(response.body)).toBe(200)
  return response.body as { docs: Hit[]; totalDocs: number; page: number; limit: number }
}
const titles = async (q: string, extra: Record<string, string> = {}) => (await find({ q, ...extra })).docs.map((hit) => hit.title)

const approved = (data: Partial<Activity>) => makeActivity(payload, edition, organiser, { status: 'approved', ...data })

const story = (data: Partial<Story>) =>
  payload.create({
    collection: 'stories',
    data: { perspective: 'parent', storyteller: { displayName: 'Noor' }, _status: 'published', ...data } as Story,
  })

beforeAll(async () => {
  payload = await getPayload()
  edition = await makeOpenEdition(payload, { year: await nextFreeYear(payload) })
  organiser = await makeOrganiser(payload)
})

describe('GET /api/search: Dutch full-text search', () => {
  it('finds other forms of a word (ouders finds ouder) and ignores accents', async () => {
    const m = marker()
    await approved({ title: `Een avond voor elke ouder ${m}` })
    await story({ title: `Over categorieën van signalen ${m}` })
    expect(await titles(`ouders ${m}`)).toEqual([`Een avond voor elke ouder ${m}`])
    expect(await titles(`categorieen ${m}`)).toEqual([`Over categorieën van signalen ${m}`])
    expect(await titles(`CATEGORIEËN ${m}`)).toEqual([`Over categorieën van signalen ${m}`])
  })

  it('searches the text of a rich-text body, and ranks a match in the title above one in the summary above one in the body', async () => {
    const m = marker()
    const inBody = await approved({ title: `Eerste ${m}`, description: richText('Een gesprek over de weegschaal van zorgen.') })
    const inTitle = await approved({ title: `De weegschaal ${m}` })
    const inSummary = await approved({ title: `Derde ${m}`, summary: 'Wat op de weegschaal ligt.' })
    const { docs } = await find({ q: `weegschaal ${m}` })
    expect(docs.map((hit) => hit.id)).toEqual([inTitle.id, inSummary.id, inBody.id])
    expect(docs[0].rank).toBeGreaterThan(docs[1].rank)
    expect(docs[1].rank).toBeGreaterThan(docs[2].rank)
  })

  it('understands quotes and -word', async () => {
    const m = marker()
    await approved({ title: `Eén ${m}`, summary: 'Signalen herkennen bij jonge kinderen.' })
    await approved({ title: `Twee ${m}`, summary: 'Herkennen van vroege signalen.' })
    expect((await titles(`signalen herkennen ${m}`)).sort()).toEqual([`Eén ${m}`, `Twee ${m}`])
    expect(await titles(`"signalen herkennen" ${m}`)).toEqual([`Eén ${m}`])
    expect(await titles(`${m} -vroege`)).toEqual([`Eén ${m}`])
  })

  it('marks the match in the snippet and never passes on markup of the content', async () => {
    const m = marker()
    await approved({
      title: `Veilig online ${m}`,
      summary: `Ouders <script>alert(1)</script> & <b>kinderen</b> ${m}`,
      description: richText('<img src=x onerror=alert(2)> Tweede alinea.'),
    })
    const [hit] = (await find({ q: `kinderen ${m}` })).docs
    expect(hit.snippet).toContain('<mark>kinderen</mark>')
    expect(hit.snippet).toContain('alert(1)&lt;/script&gt; &amp; &lt;b&gt;<mark>kinderen</mark>&lt;/b&gt;')
    expect(hit.snippet).toContain('&lt;img src=x onerror=alert(2)&gt;')
    // The only markup in a snippet is the mark.
    expect(hit.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/)
  })

  it('answers the type, id, slug, title, snippet and rank of each hit', async () => {
    const m = marker()
    const activity = await approved({ title: `Spreekuur ${m}`, summary: `Een spreekuur met de jeugdarts.` })
    const body = await find({ q: `jeugdarts ${m}` })
    expect(body).toMatchObject({ totalDocs: 1, page: 1, limit: 10 })
    expect(Object.keys(body.docs[0]).sort()).toEqual(['id', 'rank', 'slug', 'snippet', 'title', 'type'])
    expect(body.docs[0]).toMatchObject({ type: 'activities', id: activity.id, slug: activity.slug, title: activity.title })
    expect(body.docs[0].snippet).toContain('<mark>jeugdarts</mark>')
  })

  it('finds a title with a typo when the words themselves find nothing', async () => {
    const m = marker()
    await approved({ title: `Ouderavond ${m}` })
    expect(await titles(`Oudravond ${m}`)).toEqual([`Ouderavond ${m}`])
  })
})

describe('GET /api/search: public documents only', () => {
  it('never finds what anonymous readers may not read, whoever asks', async () => {
    const m = marker()
    const partnerOrganiser = await makeOrganiser(payload)
    const partner = await makeUser(payload, 'partner', partnerOrganiser)
    const editor = await makeUser(payload, 'editor')
    const later = await makeOpenEdition(payload, { year: await nextFreeYear(payload), submissions: { listedFrom: '2099-01-01T00:00:00.000Z' } })

    await approved({ title: `Openbaar ${m}` })
    await makeActivity(payload, edition, organiser, { title: `Concept ${m}` })
    await makeActivity(payload, edition, organiser, { title: `Ingediend ${m}`, status: 'submitted' })
    await makeActivity(payload, later, organiser, { title: `Nog niet vermeld ${m}`, status: 'approved' })
    await makeActivity(payload, edition, organiser, {
      title: `Met geheimen ${m}`,
      status: 'approved',
      contact: { name: 'Geheimcontact', email: 'geheimcontact@example.nl', phone: '0301234567' },
      review: { feedback: 'Geheimfeedback', internalNotes: 'Geheimnotitie' },
    })
    const changed = await makeActivity(payload, edition, partnerOrganiser, { title: `Goedgekeurd ${m}`, status: 'approved' })
    const change = await api('PATCH', `activities/${changed.id}`, { token: partner.token, body: { title: `Voorgesteld wijzigwoord ${m}` } })
    expect(change.status, JSON.stringify(change.body)).toBe(200)

    await story({ title: `Gepubliceerd verhaal ${m}` })
    await story({ title: `Conceptverhaal ${m}`, _status: 'draft' })
    await story({ title: `Ingetrokken verhaal ${m}`, consent: { withdrawn: true } })
    const redrafted = await story({ title: `Eerste versie ${m}` })
    await payload.update({ collection: 'stories', id: redrafted.id, data: { title: `Conceptwijziging ${m}` }, draft: true })

    const expected = [`Eerste versie ${m}`, `Gepubliceerd verhaal ${m}`, `Goedgekeurd ${m}`, `Met geheimen ${m}`, `Openbaar ${m}`]
    for (const token of [undefined, partner.token, editor.token]) {
      const { docs, totalDocs } = await find({ q: m, limit: '100' }, token)
      expect(docs.map((hit) => hit.title).sort()).toEqual(expected)
      expect(totalDocs).toBe(expected.length)
    }
    // Not by their own words or a typo of them either, nor by what hidden fields hold.
    const hidden = [
      `Concept ${m}`,
      `Ingediend ${m}`,
      `Nog niet vermeld ${m}`,
      `Voorgesteld wijzigwoord ${m}`,
      `Conceptverhaal ${m}`,
      `Ingetrokken verhaal ${m}`,
      `Conceptwijziging ${m}`,
    ]
    const probes = [...hidden, `wijzigwoord ${m}`, `Conceptverhal ${m}`, `Ingetrokkn verhaal ${m}`]
    for (const q of probes)
      expect(
        (await titles(q, { limit: '100' })).filter((title) => hidden.includes(title)),
        q,
      ).toEqual([])
    for (const q of ['Geheimcontact', 'geheimcontact@example.nl', '0301234567', 'Geheimfeedback', 'Geheimnotitie']) {
      expect(
        (await find({ q, limit: '100' })).docs.filter((hit) => hit.title.includes(m)),
        q,
      ).toEqual([])
    }
  })

  it('drops a story at once when its storyteller withdraws consent', async () => {
    const m = marker()
    const told = await story({ title: `Mijn verhaal ${m}`, summary: 'Over de buurvrouw die bleef vragen.' })
    expect(await titles(`buurvrouw ${m}`)).toEqual([`Mijn verhaal ${m}`])
    await payload.update({ collection: 'stories', id: told.id, data: { consent: { withdrawn: true } }, draft: true })
    expect(await titles(`buurvrouw ${m}`)).toEqual([])
  })

  it('searches the texts of the asked language', async () => {
    const m = marker()
    const told = await story({ title: `Een brug naar school ${m}` })
    await payload.update({ collection: 'stories', id: told.id, locale: 'en', data: { title: `A bridge to school ${m}`, summary: 'Parents and teachers.' } })
    expect(await titles(`brug ${m}`)).toEqual([`Een brug naar school ${m}`])
    expect(await titles(`bridge ${m}`)).not.toContain(`A bridge to school ${m}`)
    expect(await titles(`bridges ${m}`, { locale: 'en' })).toEqual([`A bridge to school ${m}`])
    expect(await titles(`parent ${m}`, { locale: 'en' })).toEqual([`A bridge to school ${m}`])
    expect(await titles(`brug ${m}`, { locale: 'en' })).not.toContain(`Een brug naar school ${m}`)
  })
})

describe('GET /api/search: types, pages and refusals', () => {
  it('filters by type and pages through the hits', async () => {
    const m = marker()
    for (const n of [1, 2, 3]) await approved({ title: `Activiteit ${n} ${m}` })
    for (const n of [1, 2]) await story({ title: `Verhaal ${n} ${m}` })

    expect((await titles(m, { type: 'stories' })).sort()).toEqual([`Verhaal 1 ${m}`, `Verhaal 2 ${m}`])
    expect((await find({ q: m, type: 'activities' })).totalDocs).toBe(3)
    expect((await find({ q: m, type: 'activities,stories' })).totalDocs).toBe(5)

    const seen: number[] = []
    for (const page of ['1', '2', '3']) {
      const body = await find({ q: m, limit: '2', page })
      expect(body).toMatchObject({ totalDocs: 5, page: Number(page), limit: 2 })
      seen.push(...body.docs.map((hit) => hit.id * 10 + (hit.type === 'stories' ? 1 : 0)))
    }
    expect(new Set(seen).size).toBe(5)
    expect(await find({ q: m, limit: '2', page: '4' })).toMatchObject({ docs: [], totalDocs: 5, page: 4 })
  })

  it('refuses an empty or overlong q and bad parameters with a Dutch 400 naming each', async () => {
    const cases: [string, string][] = [
      ['', 'q'],
      ['q=', 'q'],
      ['q=%20%20', 'q'],
      [`q=${'a'.repeat(201)}`, 'q'],
      ['q=ouders&type=users', 'type'],
      ['q=ouders&type=', 'type'],
      ['q=ouders&limit=0', 'limit'],
      ['q=ouders&limit=101', 'limit'],
      ['q=ouders&limit=tien', 'limit'],
      ['q=ouders&page=0', 'page'],
      ['q=ouders&page=-1', 'page'],
      ['q=ouders&locale=fr', 'locale'],
    ]
    for (const [query, path] of cases) {
      const response = await api('GET', `search?${query}`)
      expect(response.status, query).toBe(400)
      expect(Object.keys(fieldErrors(response)), query).toEqual([path])
      expect(response.headers.get('cache-control'), query).toBe('no-store')
    }
    const both = await api('GET', 'search?type=x&limit=1000')
    expect(Object.keys(fieldErrors(both)).sort()).toEqual(['limit', 'q', 'type'])
    expect(both.body.errors[0].message).toContain('Vul een zoekterm in')
    expect((await api('GET', `search?q=${'a'.repeat(200)}`)).status).toBe(200)
  })

  it('is cached like the rest of the public API', async () => {
    const anonymous = await api('GET', 'search?q=ouders')
    expect(anonymous.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=300')
    const tag = anonymous.headers.get('etag')
    expect(tag).toBeTruthy()
    expect((await api('GET', 'search?q=ouders', { headers: { 'If-None-Match': tag! } })).status).toBe(304)
    const editor = await makeUser(payload, 'editor')
    expect((await api('GET', 'search?q=ouders', { token: editor.token })).headers.get('cache-control')).toBe('private, no-store')
  })
})
