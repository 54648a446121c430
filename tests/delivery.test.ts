import fs from 'node:fs'
import path from 'node:path'

import config from '@payload-config'
import type { PostgresAdapter } from '@payloadcms/db-postgres'
import { PayloadSDK } from '@payloadcms/sdk'
import ICAL from 'ical.js'
import type { Payload } from 'payload'
import pg from 'pg'
import { beforeAll, describe, expect, it } from 'vitest'

import { untrackedTables } from '../src/db/contentChanges'
import { pickByDate } from '../src/endpoints/currentEdition'
import { graphQLSchemaText } from '../src/graphql/schema'
import type { Activity, Config, Edition, Organiser } from '../src/payload-types'
import { amsterdamDate } from '../src/delivery/time'
import { api, graphql, origin, payload as getPayload, send } from './helpers/api'
import { fileOf, png } from './helpers/files'
import { makeActivity, makeEdition, makeOpenEdition, makeOrganiser, makeUser, nextFreeYear } from './helpers/fixtures'

let payload: Payload
let edition: Edition
let hidden: Edition
let organiser: Organiser
let evening: Activity
let summer: Activity
let cancelled: Activity
let submitted: Activity
let unlisted: Activity

const secretEmail = 'geheim-contact-delivery@example.nl'
const campaignSite = 'https://www.weektegenkindermishandeling.nl'

beforeAll(async () => {
  payload = await getPayload()
  const year = await nextFreeYear(payload)
  edition = await makeOpenEdition(payload, { year })
  hidden = await makeOpenEdition(payload, { year: year + 1, submissions: { listedFrom: '2099-01-01T00:00:00.000Z' } })
  organiser = await makeOrganiser(payload, { name: 'Jeugdgezondheidszorg Utrecht', shortName: 'JGZ' })
  const contact = { name: 'Geheim Contact', email: secretEmail, phone: '0301234567' }
  evening = await makeActivity(payload, edition, organiser, {
    title: 'Signalen herkennen; een avond voor ouders, buren en leerkrachten',
    summary:
      'Hoe herken je signalen van kindermishandeling?\nEn wat doe je dan? Een avond met een jeugdarts, een pleegmoeder en een medewerker van Veilig Thuis – met ruimte voor vragen.',
    startsAt: `${edition.year}-11-18T18:30:00.000Z`,
    endsAt: `${edition.year}-11-18T20:30:00.000Z`,
    location: { mode: 'on-site', venue: 'Wijkcentrum De Pijler', address: 'Kanaalweg 1', postalCode: '3526 KL', city: 'Utrecht', province: 'utrecht' },
    registration: { url: 'https://aanmelden.example.nl/signalen', isFree: true },
    contact,
    status: 'approved',
  })
  summer = await makeActivity(payload, edition, organiser, {
    title: 'Zomerschool meldcode',
    startsAt: `${edition.year}-06-10T08:00:00.000Z`,
    location: { mode: 'online', onlineUrl: 'https://meet.example.nl/zomerschool' },
    contact,
    status: 'approved',
  })
  cancelled = await makeActivity(payload, edition, organiser, { title: 'Afgelaste lezing', contact, status: 'approved' })
  cancelled = await payload.update({ collection: 'activities', id: cancelled.id, data: { status: 'cancelled' } })
  submitted = await makeActivity(payload, edition, organiser, { title: 'Nog niet beoordeeld', contact, status: 'submitted' })
  unlisted = await makeActivity(payload, hidden, organiser, { title: 'Nog niet openbaar', contact, status: 'approved' })
})

describe('GET /api/editions/current', () => {
  it('answers the edition the editors chose, with its organisers', async () => {
    const withOrganisers = await payload.update({
      collection: 'editions',
      id: edition.id,
      data: { organisers: [{ organiser: organiser.id, role: 'initiator' }] },
    })
    const before = await payload.findGlobal({ slug: 'site-settings', depth: 0 })
    await payload.updateGlobal({ slug: 'site-settings', data: { currentEdition: withOrganisers.id } })
    try {
      const response = await api('GET', 'editions/current')
      expect(response.status).toBe(200)
      expect(response.body).toMatchObject({ id: edition.id, year: edition.year })
      expect(response.body.organisers[0]).toMatchObject({ role: 'initiator', organiser: { name: organiser.name, shortName: 'JGZ' } })
      // Listings populate only what they need of an organiser.
      expect(Object.keys(response.body.organisers[0].organiser).sort()).toEqual(['id', 'logo', 'name', 'shortName', 'slug'])
    } finally {
      await payload.updateGlobal({ slug: 'site-settings', data: { currentEdition: before.currentEdition ?? null } })
    }
  })

  it('falls back to the edition running today when none is chosen', async () => {
    const today = new Date()
    const year = new Date(today.getTime() - 86_400_000).getUTCFullYear()
    const taken = await payload.find({ collection: 'editions', where: { year: { equals: year } }, limit: 1 })
    const running =
      taken.docs[0] ??
      (await makeEdition(payload, {
        year,
        startDate: new Date(today.getTime() - 86_400_000).toISOString(),
        endDate: new Date(today.getTime() + 86_400_000).toISOString(),
      }))
    try {
      const response = await api('GET', 'editions/current')
      expect(response.status).toBe(200)
      expect(response.body.id).toBe(running.id)
    } finally {
      if (!taken.docs[0]) await payload.delete({ collection: 'editions', id: running.id })
    }
  })

  it('chooses the running edition, else the next, else the most recent', () => {
    const editions = [
      { id: 1, startDate: '2024-11-18T00:00:00.000Z', endDate: '2024-11-24T00:00:00.000Z' },
      { id: 2, startDate: '2025-11-17T00:00:00.000Z', endDate: '2025-11-23T00:00:00.000Z' },
      { id: 3, startDate: '2026-11-16T00:00:00.000Z', endDate: '2026-11-22T00:00:00.000Z' },
    ]
    expect(pickByDate(editions, '2025-11-23')?.id).toBe(2) // last day, in Amsterdam
    expect(pickByDate(editions, '2025-11-24')?.id).toBe(3)
    expect(pickByDate(editions, '2027-01-01')?.id).toBe(3)
    expect(pickByDate([], '2027-01-01')).toBeUndefined()
    expect(amsterdamDate(new Date('2025-11-23T23:30:00.000Z'))).toBe('2025-11-24')
  })
})

describe('the iCalendar feed', () => {
  const feed = async (query = '', token?: string) => {
    const response = await api('GET', `activities/calendar.ics${query}`, { token })
    return { ...response, text: String(response.body) }
  }
  const events = (text: string) => {
    const calendar = new ICAL.Component(ICAL.parse(text))
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone)
    return { calendar, events: calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent)) }
  }
  const ofEdition = '?where[edition][equals]='

  it('is valid iCalendar with the Amsterdam time zone and only public activities', async () => {
    const response = await feed(`${ofEdition}${edition.id}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    const { calendar, events: all } = events(response.text)
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0')
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Amsterdam')
    expect(all.map((event) => event.summary).sort()).toEqual([evening.title, summer.title, cancelled.title].sort())
    expect(response.text).not.toContain(submitted.title)
    expect(response.text).not.toContain(unlisted.title)
    expect(response.text).not.toContain(secretEmail)
    expect(response.text).not.toContain('Geheim Contact')
  })

  it('gives local times in Amsterdam that come back to the stored moment, in winter and in summer', async () => {
    const { events: all } = events((await feed(`${ofEdition}${edition.id}`)).text)
    const byTitle = new Map(all.map((event) => [event.summary, event]))
    const winter = byTitle.get(evening.title)!
    expect(winter.startDate.zone?.tzid).toBe('Europe/Amsterdam')
    expect(winter.startDate.toString()).toBe(`${edition.year}-11-18T19:30:00`)
    expect(winter.startDate.toJSDate().toISOString()).toBe(evening.startsAt)
    expect(winter.endDate.toJSDate().toISOString()).toBe(evening.endsAt)
    const june = byTitle.get(summer.title)!
    expect(june.startDate.toString()).toBe(`${edition.year}-06-10T10:00:00`)
    expect(june.startDate.toJSDate().toISOString()).toBe(summer.startsAt)
  })

  it('escapes text, folds long lines at 75 octets and ends every line with CRLF', async () => {
    const { text } = await feed(`${ofEdition}${edition.id}`)
    expect(text.endsWith('\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75)
    const event = events(text).events.find((item) => item.uid === `activity-${evening.id}@weektegenkindermishandeling.nl`)!
    expect(event.summary).toBe(evening.title)
    expect(event.description).toContain(evening.summary)
    expect(event.description).toContain('Organisatie: Jeugdgezondheidszorg Utrecht')
    expect(event.location).toBe('Wijkcentrum De Pijler, Kanaalweg 1, 3526 KL Utrecht')
  })

  it('keeps UIDs stable and marks cancelled activities CANCELLED', async () => {
    const first = events((await feed(`${ofEdition}${edition.id}`)).text).events
    const second = events((await feed(`${ofEdition}${edition.id}`)).text).events
    expect(second.map((event) => event.uid)).toEqual(first.map((event) => event.uid))
    expect(new Set(first.map((event) => event.uid)).size).toBe(first.length)
    const status = (event: ICAL.Event) => event.component.getFirstPropertyValue('status')
    expect(first.map((event) => [event.summary, status(event)])).toContainEqual([cancelled.title, 'CANCELLED'])
    expect(first.map((event) => [event.summary, status(event)])).toContainEqual([evening.title, 'CONFIRMED'])
  })

  it('takes the same filters as the list, sorted by start', async () => {
    const inUtrecht = events((await feed(`${ofEdition}${edition.id}&where[location.province][equals]=utrecht`)).text).events
    expect(inUtrecht.map((event) => event.summary)).toEqual([evening.title])
    const sorted = events((await feed(`${ofEdition}${edition.id}`)).text).events.map((event) => event.startDate.toJSDate().getTime())
    expect(sorted).toEqual([...sorted].sort((a, b) => a - b))
    const english = await feed(`${ofEdition}${edition.id}&locale=en`)
    expect(english.text).toContain('Organiser: Jeugdgezondheidszorg Utrecht')
  })

  it('shows a partner only the public activities, not their own unreviewed ones', async () => {
    const { token } = await makeUser(payload, 'partner', organiser)
    const { text } = await feed(`${ofEdition}${edition.id}`, token)
    expect(events(text).events.map((event) => event.summary)).toContain(evening.title)
    expect(text).not.toContain(submitted.title)
    expect(text).not.toContain(secretEmail)
  })

  it.each(['0', '1001', 'alles', '-3'])('refuses limit=%s with a 400 that says the range', async (limit) => {
    const response = await api('GET', `activities/calendar.ics?limit=${limit}`)
    expect(response.status).toBe(400)
    expect(JSON.stringify(response.body)).toContain('1 tot en met 1000')
  })

  it('refuses a filter on a hidden field like the list does', async () => {
    const query = `where[contact.email][equals]=${secretEmail}`
    const response = await api('GET', `activities/calendar.ics?${query}`)
    expect(response.status).toBe(400)
    expect(response.body.errors[0].message).toBe('Op het volgende veld kan niet worden gezocht: contact.email')
    expect((await api('GET', `activities?${query}`)).status).toBe(400)
  })
})

describe('anonymous reads are capped', () => {
  let many: Edition

  beforeAll(async () => {
    many = await makeOpenEdition(payload)
    for (let i = 0; i < 101; i++) {
      await makeActivity(payload, many, organiser, { title: `Activiteit ${i}`, status: 'approved' })
    }
  }, 120_000)

  it.each([
    ['limit=0', 100],
    ['limit=1000000', 100],
    ['limit=-1', 100],
    ['pagination=false', 10],
    ['limit=0&pagination=false', 100],
    ['limit=25', 25],
  ])('%s gives at most 100 documents, paginated', async (query, expected) => {
    const response = await api('GET', `activities?where[edition][equals]=${many.id}&${query}&depth=0`)
    expect(response.status).toBe(200)
    expect(response.body.docs).toHaveLength(expected)
    expect(response.body).toMatchObject({ totalDocs: 101, limit: expected, hasNextPage: true })
  })

  it('caps GraphQL lists the same way', async () => {
    const response = await graphql(`{ Activities(where: { edition: { equals: ${many.id} } }, limit: 0, pagination: false) { docs { id } totalDocs } }`)
    expect(response.body.errors).toBeUndefined()
    expect(response.body.data.Activities.docs).toHaveLength(100)
    expect(response.body.data.Activities.totalDocs).toBe(101)
  })

  it('does not cap an editor', async () => {
    const { token } = await makeUser(payload, 'editor')
    const response = await api('GET', `activities?where[edition][equals]=${many.id}&limit=0&depth=0`, { token })
    expect(response.body.docs).toHaveLength(101)
  })

  it('populates at most two levels deep', async () => {
    const logo = await payload.create({ collection: 'media', data: { alt: 'Logo JGZ' }, file: fileOf(await png(), 'jgz.png', 'image/png') })
    const withLogo = await makeOrganiser(payload, { logo: logo.id })
    await payload.update({ collection: 'editions', id: many.id, data: { organisers: [{ organiser: withLogo.id, role: 'partner' }] } })
    const [activity] = (await payload.find({ collection: 'activities', where: { edition: { equals: many.id } }, limit: 1 })).docs
    // Asking for the edition's organisers and their logos needs three levels.
    const query = `activities/${activity.id}?depth=3&populate[editions][organisers]=true`
    const anonymous = await api('GET', query)
    expect(anonymous.status).toBe(200)
    expect(anonymous.body.edition.organisers[0].organiser).toMatchObject({ name: withLogo.name, logo: logo.id })
    const { token } = await makeUser(payload, 'editor')
    const editor = await api('GET', query, { token })
    expect(editor.body.edition.organisers[0].organiser.logo).toMatchObject({ id: logo.id, alt: 'Logo JGZ' })
    const none = await api('GET', `activities/${activity.id}?depth=0`)
    expect(none.body.organiser).toBe(organiser.id)
  })
})

describe('cache headers', () => {
  const list = () => `activities?where[edition][equals]=${edition.id}&sort=startsAt&limit=20&depth=1`

  it('lets a CDN keep an anonymous read for a minute and revalidate it with a 304', async () => {
    const first = await api('GET', list())
    expect(first.status).toBe(200)
    expect(first.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=300')
    const tag = first.headers.get('etag')
    expect(tag).toMatch(/^W\/"[\w-]+"$/)
    const again = await api('GET', list(), { headers: { 'If-None-Match': tag! } })
    expect(again.status).toBe(304)
    expect(again.body).toBeUndefined()
    expect(again.headers.get('etag')).toBe(tag)
    expect(again.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=300')
    const other = await api('GET', `${list()}&page=2`, { headers: { 'If-None-Match': tag! } })
    expect(other.status).toBe(200)
  })

  it('gives a new tag, and the new content, after any change', async () => {
    const before = await api('GET', list())
    await payload.update({ collection: 'activities', id: evening.id, data: { summary: 'Bijgewerkte samenvatting.' } })
    const after = await api('GET', list(), { headers: { 'If-None-Match': before.headers.get('etag')! } })
    expect(after.status).toBe(200)
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'))
    expect(after.body.docs.map((doc: Activity) => doc.summary)).toContain('Bijgewerkte samenvatting.')
  })

  it('gives a new tag when an edition becomes listed, without any write', async () => {
    const soon = await makeOpenEdition(payload, { submissions: { listedFrom: new Date(Date.now() + 1500).toISOString() } })
    const activity = await makeActivity(payload, soon, organiser, { status: 'approved' })
    const path = `activities?where[edition][equals]=${soon.id}`
    const before = await api('GET', path)
    expect(before.body.docs).toHaveLength(0)
    await new Promise((resolve) => setTimeout(resolve, 2000))
    const after = await api('GET', path, { headers: { 'If-None-Match': before.headers.get('etag')! } })
    expect(after.status).toBe(200)
    expect(after.body.docs.map((doc: Activity) => doc.id)).toEqual([activity.id])
  })

  it('never labels old content with a tag that outlives a write in progress', async () => {
    const writer = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await writer.connect()
    try {
      await writer.query('BEGIN')
      await writer.query('UPDATE organisers SET name = $1 WHERE id = $2', ['Nieuwe naam JGZ', organiser.id])
      // Read while the change is written but not committed: the old name, under some tag.
      const during = await api('GET', `organisers/${organiser.id}`)
      expect(during.body.name).toBe('Jeugdgezondheidszorg Utrecht')
      await writer.query('COMMIT')
      const after = await api('GET', `organisers/${organiser.id}`, { headers: { 'If-None-Match': during.headers.get('etag')! } })
      expect(after.status).toBe(200)
      expect(after.body.name).toBe('Nieuwe naam JGZ')
      const again = await api('GET', `organisers/${organiser.id}`, { headers: { 'If-None-Match': after.headers.get('etag')! } })
      expect(again.status).toBe(304)
    } finally {
      await writer.query('UPDATE organisers SET name = $1 WHERE id = $2', ['Jeugdgezondheidszorg Utrecht', organiser.id])
      await writer.end()
    }
  })

  it('counts writes to every table but bookkeeping, so a new table cannot be forgotten', async () => {
    const { rows } = await (payload.db as unknown as PostgresAdapter).pool.query<{ relname: string }>(
      `SELECT c.relname FROM pg_class c
        WHERE c.relkind IN ('r', 'p') AND c.relnamespace = current_schema()::regnamespace
          AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'note_content_change')`,
    )
    const untracked = rows.map((row) => row.relname)
    expect(
      untracked.filter((name) => !untrackedTables.includes(name)),
      'run trackContentChanges in the migration',
    ).toEqual([])
    expect(untracked).toContain('payload_preferences')
  })

  it('serves the feed and the current edition with the same headers', async () => {
    for (const path of [`activities/calendar.ics?where[edition][equals]=${edition.id}`, 'globals/site-settings', 'organisers']) {
      const response = await api('GET', path)
      expect(response.headers.get('cache-control'), path).toBe('public, max-age=60, stale-while-revalidate=300')
      const revalidated = await api('GET', path, { headers: { 'If-None-Match': response.headers.get('etag')! } })
      expect(revalidated.status, path).toBe(304)
    }
  })

  it('never lets anything with a login be shared', async () => {
    const { token } = await makeUser(payload, 'editor')
    const response = await api('GET', list(), { token })
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    expect(response.headers.get('etag')).toBeNull()
    const withCookie = await api('GET', list(), { headers: { Cookie: `payload-token=${token}` } })
    expect(withCookie.headers.get('cache-control')).toBe('private, no-store')
  })

  it('does not cache errors or anything outside the public content', async () => {
    const missing = await api('GET', 'activities/999999999')
    expect(missing.status).toBe(404)
    expect(missing.headers.get('cache-control')).toBe('no-store')
    for (const path of ['users/me', 'activity-history', 'payload-jobs']) {
      const response = await api('GET', path)
      expect(response.headers.get('cache-control'), path).toBe('no-store')
      expect(response.headers.get('etag'), path).toBeNull()
    }
  })
})

describe('browsers on other origins', () => {
  it('lets the configured campaign website read the API, and no other', async () => {
    const allowed = await api('GET', 'organisers', { headers: { Origin: campaignSite } })
    expect(allowed.headers.get('access-control-allow-origin')).toBe(campaignSite)
    expect(allowed.headers.get('vary')).toContain('Origin')
    const revalidated = await api('GET', 'organisers', {
      headers: { Origin: campaignSite, 'If-None-Match': allowed.headers.get('etag')! },
    })
    expect(revalidated.status).toBe(304)
    expect(revalidated.headers.get('access-control-allow-origin')).toBe(campaignSite)
    const foreign = await api('GET', 'organisers', { headers: { Origin: 'https://elders.example' } })
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('ignores the login cookie when the request comes from another origin', async () => {
    const { token } = await makeUser(payload, 'editor')
    const me = (headers: Record<string, string>) => api('GET', 'users/me', { headers: { Cookie: `payload-token=${token}`, ...headers } })
    expect((await me({ Origin: 'http://localhost:3000' })).body.user).toMatchObject({ role: 'editor' })
    expect((await me({ 'Sec-Fetch-Site': 'same-origin' })).body.user).toMatchObject({ role: 'editor' })
    expect((await me({ Origin: 'https://elders.example' })).body.user).toBeNull()
    expect((await me({ Origin: campaignSite })).body.user).toBeNull()
    expect((await me({ 'Sec-Fetch-Site': 'cross-site' })).body.user).toBeNull()
  })
})

describe('GraphQL limits', () => {
  it('answers a listing query a campaign site would send', async () => {
    const response = await graphql(`{
      Activities(where: { edition: { equals: ${edition.id} } }, sort: "startsAt", limit: 20) {
        docs { title startsAt location { city province } organiser { name shortName } edition { year theme } }
        totalDocs
      }
      Edition(id: ${edition.id}) { year theme }
    }`)
    expect(response.body.errors).toBeUndefined()
    expect(response.body.data.Activities.docs.map((doc: Activity) => doc.title)).toContain(evening.title)
  })

  it('refuses a query nested deeper than 8 levels', async () => {
    const response = await graphql(`{ Activities { docs { edition { organisers { organiser { logo { sizes { card { url } } } } } } } } }`)
    expect(response.body.data).toBeUndefined()
    expect(response.body.errors[0].message).toMatch(/nested 9 levels deep; at most 8/)
  })

  it('refuses more than 20 aliases', async () => {
    const aliases = Array.from({ length: 21 }, (_, i) => `a${i}: name`).join(' ')
    const response = await graphql(`{ Organisers(limit: 1) { docs { ${aliases} } } }`)
    expect(response.body.data).toBeUndefined()
    expect(response.body.errors.map((error: Error) => error.message)).toEqual(['The query uses 21 aliases; at most 20 are allowed per request.'])
  })

  it('refuses more than 12 top-level fields, also through fragments', async () => {
    const fields = ['Activities', 'Editions', 'Organisers', 'Stories', 'CampaignAssets', 'Media', 'StoryAudios']
    const fragment = `fragment all on Query { ${fields.map((name) => `${name}(limit: 1) { totalDocs }`).join(' ')} }`
    const response = await graphql(
      `query { ...all SiteSetting { meldcodeUrl } x: Activities(limit: 1) { totalDocs } y: Editions(limit: 1) { totalDocs } z: Organisers(limit: 1) { totalDocs } w: Stories(limit: 1) { totalDocs } v: Media(limit: 1) { totalDocs } } ${fragment}`,
    )
    expect(response.body.data).toBeUndefined()
    expect(JSON.stringify(response.body.errors)).toMatch(/13 top-level fields; at most 12/)
  })
})

describe('the published GraphQL schema', () => {
  it('is the committed docs/schema.graphql (run `npm run generate:graphql` after a schema change)', async () => {
    const committed = fs.readFileSync(path.resolve('docs/schema.graphql'), 'utf8')
    expect(graphQLSchemaText(await config) === committed, 'docs/schema.graphql is out of date').toBe(true)
  })
})

describe('the typed client', () => {
  const sdk = new PayloadSDK<Config>({
    baseURL: `${origin}/api`,
    fetch: (input, init) => send(new Request(input, init)),
  })

  it('lists, filters and reads activities as a campaign website would', async () => {
    const found = await sdk.find({
      collection: 'activities',
      where: { and: [{ edition: { equals: edition.id } }, { 'location.province': { equals: 'utrecht' } }] },
      sort: 'startsAt',
      limit: 20,
      depth: 1,
    })
    expect(found.docs.map((doc) => doc.title)).toEqual([evening.title])
    expect(found.docs[0]).not.toHaveProperty('contact')
    const bySlug = await sdk.find({ collection: 'activities', where: { slug: { equals: evening.slug } }, limit: 1 })
    expect(bySlug.docs[0]?.id).toBe(evening.id)
    const current = await sdk.request({ method: 'GET', path: '/editions/current' })
    expect(current.status).toBe(200)
  })
})
