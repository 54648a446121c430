import config from '@payload-config'
import { REST_GET, REST_PATCH } from '@payloadcms/next/routes'
import type { Payload } from 'payload'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { withCacheHeaders } from '../src/delivery/cache'
import { answerStore, cacheLimits, MemoryAnswerStore, RedisAnswerStore, type StoredAnswer } from '../src/delivery/responseStore'
import type { Activity, Edition, Organiser, Story } from '../src/payload-types'
import { api, graphql, origin, payload as getPayload, type ApiResponse } from './helpers/api'
import { fileOf, png } from './helpers/files'
import { makeActivity, makeOpenEdition, makeOrganiser, makeUser, unique } from './helpers/fixtures'
import { redisServer, removeKeys, type RedisServer } from './helpers/redis'

// The response cache of anonymous reads (src/delivery/cache.ts), in this process and in Redis.

const redisUrl = 'redis://127.0.0.1:6379'
const campaignSite = 'https://www.weektegenkindermishandeling.nl'

let payload: Payload
let edition: Edition
let organiser: Organiser
let editor: Awaited<ReturnType<typeof makeUser>>

beforeAll(async () => {
  payload = await getPayload()
  edition = await makeOpenEdition(payload)
  organiser = await makeOrganiser(payload, { name: `Cache ${unique()}` })
  editor = await makeUser(payload, 'editor')
})

const xCache = (response: ApiResponse) => response.headers.get('x-cache')
const titles = (response: ApiResponse) => (response.body.docs as Activity[]).map((doc) => doc.title)
const graphqlGet = async (query: string) => {
  const { GET } = await import('../src/app/(payload)/api/graphql/route')
  const response = await GET(new Request(`${origin}/api/graphql?${new URLSearchParams({ query })}`, { headers: { Accept: 'application/json' } }))
  return { status: response.status, body: await response.json(), headers: response.headers } as ApiResponse
}

/** A read that must come from the cache, after one that filled it. */
async function filled(path: string, headers: Record<string, string> = {}) {
  const first = await api('GET', path, { headers })
  expect(first.status, path).toBe(200)
  const second = await api('GET', path, { headers })
  expect(xCache(second), path).toBe('HIT')
  return second
}

const modes = [
  ['in this process', undefined],
  ['in Redis', redisUrl],
] as const

describe.each(modes)('the response cache %s', (_, url) => {
  const prefix = `wtk-test-${unique()}:`

  beforeAll(async () => {
    if (!url) return
    process.env.REDIS_URL = url
    process.env.REDIS_KEY_PREFIX = prefix
    const store = answerStore()
    expect(store).toBeInstanceOf(RedisAnswerStore)
    await (store as RedisAnswerStore).ready()
  })

  afterAll(async () => {
    delete process.env.REDIS_URL
    delete process.env.REDIS_KEY_PREFIX
    if (url) expect(await removeKeys(url, prefix)).toBeGreaterThan(0)
  })

  it('answers MISS, then HIT with the same answer', async () => {
    const path = `activities?where[edition][equals]=${edition.id}&depth=0&limit=${5 + modes.findIndex(([, value]) => value === url)}`
    const first = await api('GET', path)
    expect(first.status).toBe(200)
    expect(xCache(first)).toBe('MISS')
    const second = await api('GET', path)
    expect(xCache(second)).toBe('HIT')
    expect(second.body).toEqual(first.body)
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'))
    expect(second.headers.get('cache-control')).toBe(first.headers.get('cache-control'))
    expect(second.headers.get('content-type')).toBe(first.headers.get('content-type'))
  })

  it('shares an entry between the same parameters in another order', async () => {
    const mark = unique()
    const first = await api('GET', `organisers?depth=0&limit=3&where[name][not_equals]=${mark}`)
    expect(xCache(first)).toBe('MISS')
    const reordered = await api('GET', `organisers?where[name][not_equals]=${mark}&limit=3&depth=0`)
    expect(xCache(reordered)).toBe('HIT')
    expect(reordered.body).toEqual(first.body)
  })

  it('keys on the locale', async () => {
    const english = await payload.update({ collection: 'editions', id: edition.id, locale: 'en', data: { theme: `Talk to each other ${unique()}` } })
    const dutch = await filled(`editions/${edition.id}?depth=0`)
    expect(dutch.body.theme).not.toBe(english.theme)
    const inEnglish = await api('GET', `editions/${edition.id}?depth=0&locale=en`)
    expect(xCache(inEnglish)).toBe('MISS')
    expect(inEnglish.body.theme).toBe(english.theme)
  })

  it('never answers a request with a login from the cache, nor keeps its answer', async () => {
    const submitted = await makeActivity(payload, edition, organiser, { status: 'submitted', title: `Nog te beoordelen ${unique()}` })
    const path = `activities?where[edition][equals]=${edition.id}&depth=0&limit=100&sort=-createdAt`
    const anonymous = await filled(path)
    expect(titles(anonymous)).not.toContain(submitted.title)
    const withToken = await api('GET', path, { token: editor.token })
    expect(xCache(withToken)).toBeNull()
    expect(titles(withToken)).toContain(submitted.title)
    const withCookie = await api('GET', path, { headers: { Cookie: `payload-token=${editor.token}`, Origin: origin } })
    expect(xCache(withCookie)).toBeNull()
    expect(titles(withCookie)).toContain(submitted.title)
    // Payload trims a cookie's name: a space before `=` still signs in, and still counts as a login.
    for (const cookie of [`payload-token =${editor.token}`, `voorkeur=1; payload-token =${editor.token}`]) {
      const spaced = `${path}&cookie=${cookie.length}`
      const signedIn = await api('GET', spaced, { headers: { Cookie: cookie, Origin: origin } })
      expect(titles(signedIn), cookie).toContain(submitted.title)
      expect(xCache(signedIn)).toBeNull()
      expect(signedIn.headers.get('cache-control')).toBe('private, no-store')
      const anonymousAfter = await api('GET', spaced)
      expect(xCache(anonymousAfter)).toBe('MISS')
      expect(titles(anonymousAfter)).not.toContain(submitted.title)
    }
    const query = `{ Activities(where: { title: { equals: "${submitted.title}" } }) { docs { title } } }`
    const signedInGraphql = await graphql(query, undefined, undefined, { Cookie: `payload-token =${editor.token}`, Origin: origin })
    expect(signedInGraphql.body.data.Activities.docs).toEqual([{ title: submitted.title }])
    expect(xCache(signedInGraphql)).toBeNull()
    const anonymousGraphql = await graphql(query)
    expect(anonymousGraphql.body.data.Activities.docs).toEqual([])
    // What a login computed is never kept for the anonymous.
    const fresh = `${path}&page=1`
    expect(titles(await api('GET', fresh, { token: editor.token }))).toContain(submitted.title)
    const after = await api('GET', fresh)
    expect(xCache(after)).toBe('MISS')
    expect(titles(after)).not.toContain(submitted.title)
  })

  it('does not keep errors', async () => {
    for (const path of ['activities/999999999', 'activities?where[contact.email][equals]=a@example.nl', 'activities/calendar.ics?limit=0']) {
      const first = await api('GET', path)
      const second = await api('GET', path)
      expect(first.status, path).toBeGreaterThanOrEqual(400)
      expect([xCache(first), xCache(second)], path).toEqual(['MISS', 'MISS'])
    }
  })

  it('never keeps an answer past a write that was in progress when it was read', async () => {
    const target = await makeOrganiser(payload, { name: `Voor ${unique()}` })
    const renamed = `Na ${unique()}`
    const path = `organisers/${target.id}?depth=0`
    const writer = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await writer.connect()
    try {
      await writer.query('BEGIN')
      await writer.query('UPDATE organisers SET name = $1 WHERE id = $2', [renamed, target.id])
      expect((await filled(path)).body.name).toBe(target.name)
      await writer.query('COMMIT')
      const after = await api('GET', path)
      expect(xCache(after)).toBe('MISS')
      expect(after.body.name).toBe(renamed)
    } finally {
      await writer.end()
    }
  })

  it('computes an answer once for requests that arrive together', async () => {
    let computed = 0
    const rest = REST_GET(config)
    const route = withCacheHeaders(config, (request, args) => {
      computed++
      return rest(request, args)
    })
    const path = `organisers?limit=4&where[name][not_equals]=${unique()}`
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => route(new Request(`${origin}/api/${path}`), { params: Promise.resolve({ slug: ['organisers'] }) })),
    )
    const bodies = await Promise.all(responses.map((response) => response.text()))
    expect(new Set(bodies).size).toBe(1)
    expect(computed).toBeLessThan(8)
    expect(responses.filter((response) => response.headers.get('x-cache') === 'MISS')).toHaveLength(computed)
  })

  it('gives each origin its own CORS headers, whoever filled the entry', async () => {
    const path = `organisers?limit=2&where[name][not_equals]=${unique()}`
    const filledByOther = await api('GET', path, { headers: { Origin: 'https://elders.example' } })
    expect(filledByOther.headers.get('access-control-allow-origin')).toBeNull()
    const allowed = await api('GET', path, { headers: { Origin: campaignSite } })
    expect(xCache(allowed)).toBe('HIT')
    expect(allowed.headers.get('access-control-allow-origin')).toBe(campaignSite)
    const other = await api('GET', path, { headers: { Origin: 'https://elders.example' } })
    expect(xCache(other)).toBe('HIT')
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
    const none = await api('GET', path)
    expect(none.headers.get('access-control-allow-origin')).toBeNull()
  })

  describe('sees every write at the next read', () => {
    const list = () => `activities?where[edition][equals]=${edition.id}&depth=0&limit=100&sort=title`

    /** Fills the entry, writes, and expects the next read to be computed anew. */
    async function afterWrite(path: string, write: () => Promise<unknown>) {
      await filled(path)
      await write()
      const after = await api('GET', path)
      expect(xCache(after), path).toBe('MISS')
      return after
    }

    it('a public activity created, changed and deleted', async () => {
      let activity: Activity | undefined
      const title = `Nieuw in de lijst ${unique()}`
      expect(
        titles(await afterWrite(list(), async () => (activity = await makeActivity(payload, edition, organiser, { status: 'approved', title })))),
      ).toContain(title)
      const renamed = `${title} (verplaatst)`
      const changed = await afterWrite(list(), () => payload.update({ collection: 'activities', id: activity!.id, data: { title: renamed } }))
      expect(titles(changed)).toContain(renamed)
      expect(titles(changed)).not.toContain(title)
      expect(titles(await afterWrite(list(), () => payload.delete({ collection: 'activities', id: activity!.id })))).not.toContain(renamed)
    })

    it('an activity cancelled, and the activities of an edition taken off the list', async () => {
      const cancelling = await makeActivity(payload, edition, organiser, { status: 'approved', title: `Gaat niet door ${unique()}` })
      const cancelled = await afterWrite(`activities/${cancelling.id}?depth=0`, () =>
        payload.update({ collection: 'activities', id: cancelling.id, data: { status: 'cancelled' } }),
      )
      expect(cancelled.body.status).toBe('cancelled')
      // Approved activities leave the public only with their edition's listing (or deleted, above).
      const later = await makeOpenEdition(payload)
      const activity = await makeActivity(payload, later, organiser, { status: 'approved' })
      const offline = await afterWrite(`activities/${activity.id}?depth=0`, () =>
        payload.update({ collection: 'editions', id: later.id, data: { submissions: { listedFrom: '2099-01-01T00:00:00.000Z' } } }),
      )
      expect(offline.status).toBe(404)
    })

    it('a story whose storyteller withdrew consent, also saved as a draft', async () => {
      const story = (await payload.create({
        collection: 'stories',
        data: {
          title: `Verhaal ${unique()}`,
          perspective: 'parent',
          storyteller: { displayName: 'Mila', role: 'pleegmoeder' },
          consent: { method: 'written', obtainedAt: '2026-01-05T00:00:00.000Z', recordedBy: editor.user.id, withdrawn: false },
          _status: 'published',
        },
      })) as Story
      const path = `stories?where[id][equals]=${story.id}&depth=0`
      const withdrawn = await afterWrite(path, () =>
        api('PATCH', `stories/${story.id}?draft=true`, { token: editor.token, body: { consent: { withdrawn: true } } }),
      )
      expect(withdrawn.body.docs).toEqual([])
      expect((await api('GET', `stories/${story.id}`)).status).toBe(404)
    })

    it('an edition, the site settings and an image', async () => {
      const theme = `Praat met elkaar ${unique()}`
      const changed = await afterWrite(`editions/${edition.id}?depth=0`, () => payload.update({ collection: 'editions', id: edition.id, data: { theme } }))
      expect(changed.body.theme).toBe(theme)
      const meldcodeUrl = `https://www.example.nl/meldcode-${unique()}`
      const settings = await afterWrite('globals/site-settings', () => payload.updateGlobal({ slug: 'site-settings', data: { meldcodeUrl } }))
      expect(settings.body.meldcodeUrl).toBe(meldcodeUrl)
      const image = await payload.create({ collection: 'media', data: { alt: 'Eerste tekst' }, file: fileOf(await png(), `cache-${unique()}.png`, 'image/png') })
      const media = await afterWrite(`media/${image.id}`, () => payload.update({ collection: 'media', id: image.id, data: { alt: 'Tweede tekst' } }))
      expect(media.body.alt).toBe('Tweede tekst')
    })

    it('the iCalendar feed and the current edition', async () => {
      const feed = `activities/calendar.ics?where[edition][equals]=${edition.id}`
      const title = `In de agenda ${unique()}`
      const calendar = await afterWrite(feed, () => makeActivity(payload, edition, organiser, { status: 'approved', title }))
      expect(calendar.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
      expect(String(calendar.body)).toContain(title)
      expect(String((await filled(feed)).body)).toContain(title)
      const before = await payload.findGlobal({ slug: 'site-settings', depth: 0 })
      try {
        const current = await afterWrite('editions/current?depth=0', () => payload.updateGlobal({ slug: 'site-settings', data: { currentEdition: edition.id } }))
        expect(current.body.id).toBe(edition.id)
      } finally {
        await payload.updateGlobal({ slug: 'site-settings', data: { currentEdition: before.currentEdition ?? null } })
      }
    })
  })

  describe('GraphQL', () => {
    it('keeps a query, sent with POST or GET, and sees the next write', async () => {
      const query = `query Listing($edition: JSON, $limit: Int) { Activities(where: { edition: { equals: $edition } }, limit: $limit, sort: "title") { docs { title } } }`
      const variables = { edition: edition.id, limit: 90 + modes.findIndex(([, value]) => value === url) }
      const first = await graphql(query, variables)
      expect(first.body.errors).toBeUndefined()
      expect(xCache(first)).toBe('MISS')
      const reordered = await graphql(query, { limit: variables.limit, edition: variables.edition })
      expect(xCache(reordered)).toBe('HIT')
      expect(reordered.body).toEqual(first.body)
      const title = `Via GraphQL ${unique()}`
      await makeActivity(payload, edition, organiser, { status: 'approved', title })
      const after = await graphql(query, variables)
      expect(xCache(after)).toBe('MISS')
      expect(after.body.data.Activities.docs.map((doc: Activity) => doc.title)).toContain(title)

      const byGet = `{ Organisers(limit: 1, where: { name: { not_equals: "${unique()}" } }) { totalDocs } }`
      const got = await graphqlGet(byGet)
      expect(got.body.errors).toBeUndefined()
      expect(xCache(got)).toBe('MISS')
      expect(xCache(await graphqlGet(byGet))).toBe('HIT')
    })

    it('never keeps a mutation, an answer with errors or one with a login', async () => {
      const mutation = `mutation { updateSiteSetting(data: { meldcodeUrl: "https://example.nl/${unique()}" }) { meldcodeUrl } }`
      for (const response of [await graphql(mutation), await graphql(mutation)]) {
        expect(response.body.errors?.length).toBeGreaterThan(0)
        expect(xCache(response)).toBeNull()
      }
      const failing = `{ Activities(where: { contact__email: { equals: "a@example.nl" } }) { totalDocs } }`
      expect(xCache(await graphql(failing))).toBe('MISS')
      expect(xCache(await graphql(failing))).toBe('MISS')
      const query = `{ Activities(where: { status: { equals: submitted } }, limit: 100) { totalDocs } }`
      const asEditor = await graphql(query, undefined, editor.token)
      expect(xCache(asEditor)).toBeNull()
      const anonymous = await graphql(query)
      expect(xCache(anonymous)).toBe('MISS')
      expect(anonymous.body.data.Activities.totalDocs).toBe(0)
      expect(asEditor.body.data.Activities.totalDocs).toBeGreaterThan(0)
    })
  })
})

describe('answers that must not be kept', () => {
  const kinds: [string, () => Response][] = [
    ['with a cookie', () => Response.json({ ok: true }, { headers: { 'Set-Cookie': 'a=b' } })],
    ['marked no-store', () => Response.json({ ok: true }, { headers: { 'Cache-Control': 'no-store' } })],
    ['not a 200', () => Response.json({ ok: true }, { status: 201 })],
  ]
  it('an answer larger than an entry may be is served whole, each time computed', async () => {
    const size = cacheLimits.entryBytes + 100_000
    let computed = 0
    const route = withCacheHeaders(config, async () => {
      computed++
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let sent = 0; sent < size; sent += 65_536) controller.enqueue(new Uint8Array(Math.min(65_536, size - sent)).fill(7))
          controller.close()
        },
      })
      return new Response(body, { headers: { 'Content-Type': 'application/octet-stream' } })
    })
    const path = `media/${unique()}`
    for (let i = 0; i < 2; i++) {
      const response = await route(new Request(`${origin}/api/${path}`), { params: Promise.resolve({ slug: path.split('/') }) })
      expect(response.headers.get('x-cache')).toBe('MISS')
      expect((await response.arrayBuffer()).byteLength).toBe(size)
    }
    expect(computed).toBe(2)
  })

  it.each(kinds)('an answer %s is computed each time', async (_, answer) => {
    let computed = 0
    const route = withCacheHeaders(config, async () => {
      computed++
      return answer()
    })
    const path = `organisers/${unique()}`
    for (let i = 0; i < 2; i++) {
      const response = await route(new Request(`${origin}/api/${path}`), { params: Promise.resolve({ slug: path.split('/') }) })
      expect(response.headers.get('x-cache')).toBe('MISS')
    }
    expect(computed).toBe(2)
  })
})

describe('the cache in this process', () => {
  const answer = (bytes: number): StoredAnswer => ({ status: 200, headers: [], body: Buffer.alloc(bytes) })

  it('keeps at most its number of answers, dropping the least recently used', async () => {
    const store = new MemoryAnswerStore({ entries: 2, bytes: 1_000_000 })
    await store.set('a', answer(1))
    await store.set('b', answer(1))
    await store.get('a')
    await store.set('c', answer(1))
    expect(await store.get('b')).toBeUndefined()
    expect(await store.get('a')).toBeDefined()
    expect(await store.get('c')).toBeDefined()
  })

  it('keeps at most its bytes, and no answer larger than that', async () => {
    const store = new MemoryAnswerStore({ entries: 100, bytes: 1000 })
    for (const key of ['a', 'b', 'c']) await store.set(key, answer(400))
    expect(await store.get('a')).toBeUndefined()
    expect(await store.get('b')).toBeDefined()
    await store.set('huge', answer(2000))
    expect(await store.get('huge')).toBeUndefined()
    expect(await store.get('c')).toBeDefined()
  })
})

describe('instances sharing Redis', () => {
  const prefix = `wtk-test-${unique()}:answers:`
  const first = new RedisAnswerStore(redisUrl, prefix)
  const second = new RedisAnswerStore(redisUrl, prefix)
  const instance = (store: RedisAnswerStore) => ({
    GET: withCacheHeaders(config, REST_GET(config), () => store),
    PATCH: REST_PATCH(config),
  })
  const call = async (handler: ReturnType<typeof instance>['GET'], path: string, init: RequestInit = {}) => {
    const response = await handler(new Request(`${origin}/api/${path}`, init), { params: Promise.resolve({ slug: path.split('?')[0].split('/') }) })
    return { status: response.status, body: await response.json(), headers: response.headers } as ApiResponse
  }

  afterAll(async () => {
    await first.close()
    await second.close()
    expect(await removeKeys(redisUrl, prefix)).toBeGreaterThan(0)
  })

  it('serves on one what the other computed, and a write through either is seen by both', async () => {
    await Promise.all([first.ready(), second.ready()])
    const a = instance(first)
    const b = instance(second)
    const activity = await makeActivity(payload, edition, organiser, { status: 'approved', title: `Gedeeld ${unique()}` })
    const path = `activities/${activity.id}?depth=0`
    expect(xCache(await call(a.GET, path))).toBe('MISS')
    const shared = await call(b.GET, path)
    expect(xCache(shared)).toBe('HIT')
    expect(shared.body.title).toBe(activity.title)
    const renamed = `${activity.title} (nieuw)`
    const patched = await call(a.PATCH, `activities/${activity.id}`, {
      method: 'PATCH',
      headers: { Authorization: `JWT ${editor.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: renamed }),
    })
    expect(patched.status).toBe(200)
    const onOther = await call(b.GET, path)
    expect(xCache(onOther)).toBe('MISS')
    expect(onOther.body.title).toBe(renamed)
    const back = await call(a.GET, path)
    expect(xCache(back)).toBe('HIT')
    expect(back.body.title).toBe(renamed)
  })
})

describe('when Redis is down', () => {
  let redis: RedisServer

  beforeAll(async () => {
    redis = await redisServer()
  })

  afterAll(async () => {
    await redis?.stop()
  })

  it('reads go on uncached with one warning, and the cache is used again when Redis is back', async () => {
    const warnings: string[] = []
    const infos: string[] = []
    const store = new RedisAnswerStore(redis.url, `wtk-test-${unique()}:`, { warn: (message) => warnings.push(message), info: (message) => infos.push(message) })
    const GET = withCacheHeaders(config, REST_GET(config), () => store)
    const read = async () => {
      const response = await GET(new Request(`${origin}/api/organisers?limit=1`), { params: Promise.resolve({ slug: ['organisers'] }) })
      expect(response.status).toBe(200)
      expect((await response.json()).docs).toHaveLength(1)
      return response.headers.get('x-cache')
    }
    try {
      await store.ready()
      expect([await read(), await read()]).toEqual(['MISS', 'HIT'])
      await redis.pause()
      expect([await read(), await read(), await read()]).toEqual(['MISS', 'MISS', 'MISS'])
      expect(warnings).toHaveLength(1)
      expect(warnings[0]).toMatch(/Redis cannot be reached/)
      await redis.resume()
      await store.ready()
      expect([await read(), await read()]).toEqual(['MISS', 'HIT'])
      expect(warnings).toHaveLength(1)
      expect(infos).toEqual([expect.stringMatching(/Redis answers again/)])
    } finally {
      await store.close()
    }
  }, 60_000)
})
