import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { POST as graphqlRoute } from '../src/app/(payload)/api/graphql/route'
import type { Edition, Organiser } from '../src/payload-types'
import { queryLimitDefaults } from '../src/plugins/inputGuards'
import { api, fieldErrors, graphql, origin, payload as getTestPayload, send, type ApiResponse } from './helpers/api'
import { freshClientAddress, makeActivity, makeOpenEdition, makeOrganiser, makeUser, minimalActivity } from './helpers/fixtures'

// Whatever a caller sends, the answer is a 4xx or a normal 200: never a 500, never SQL or a stack
// trace, never slower because of what the query says, and a refused write stores nothing.

let payload: Payload
let edition: Edition
let organiser: Organiser
const tokens: Record<'anonymous' | 'partner' | 'editor', string | undefined> = { anonymous: undefined, partner: undefined, editor: undefined }
const callers = Object.keys(tokens) as (keyof typeof tokens)[]

beforeAll(async () => {
  payload = await getTestPayload()
  edition = await makeOpenEdition(payload)
  organiser = await makeOrganiser(payload)
  for (let i = 0; i < 3; i++) await makeActivity(payload, edition, organiser, { status: 'approved' })
  tokens.partner = (await makeUser(payload, 'partner', organiser)).token
  tokens.editor = (await makeUser(payload, 'editor')).token
  // Warm up: the first GraphQL request builds the schema, the first REST request the routes.
  await api('GET', 'activities?limit=1')
  await graphql('{ Activities(limit: 1) { totalDocs } }')
})

// (Refusals may quote the caller's own value back, SQL-looking or not.)
const leaks = /Failed query|drizzle|postgres|relation "|violates|at .*\.(js|ts):\d+|node_modules|"stack"/i

/** A refusal or a normal answer, and nothing in it that tells how the server is built. */
function expectHandled(response: ApiResponse, label: string) {
  const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? '')
  expect(response.status, `${label}: ${text.slice(0, 300)}`).toBeLessThan(500)
  expect(text, label).not.toMatch(leaks)
  expect(text, label).not.toMatch(/Something went wrong/)
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now()
  const result = await work()
  return [result, performance.now() - started]
}

const sleepy = [
  "'); select pg_sleep(2)--",
  "' OR 1=1; select pg_sleep(2); --",
  '1; select pg_sleep(2)',
  '$$; select pg_sleep(2); $$',
  "\\'; select pg_sleep(2)--",
]

/** Query paths of each kind of field: text, localized text, rich text, json inside rich text, array, relationship, select. */
const paths: [collection: string, path: string][] = [
  ['activities', 'title'],
  ['activities', 'location.city'],
  ['activities', 'description'],
  ['activities', 'description.root.children'],
  ['activities', 'edition'],
  ['activities', 'edition.theme'],
  ['activities', 'location.province'],
  ['activities', 'audiences'],
  ['activities', 'id'],
  ['editions', 'theme'],
  ['editions', 'keyFigures.label'],
  ['editions', 'organisers.organiser'],
  ['editions', 'year'],
  ['stories', 'title'],
  ['stories', 'body'],
]

describe('injection in where, sort, select, joins and depth', () => {
  for (const caller of callers) {
    it(`${caller}: SQL in every kind of field answers 4xx or an empty list, without delay`, async () => {
      for (const [collection, path] of paths) {
        for (const operator of ['equals', 'like', 'contains', 'in', 'not_equals']) {
          for (const value of sleepy) {
            const query = `where[${path}][${operator}]=${encodeURIComponent(value)}`
            const [response, ms] = await timed(() => api('GET', `${collection}?${query}`, { token: tokens[caller] }))
            expectHandled(response, `${collection}?${query}`)
            if (response.status === 200 && operator !== 'not_equals') expect(response.body.totalDocs, query).toBe(0)
            expect(ms, `${collection}?${query} took ${ms} ms`).toBeLessThan(1500)
          }
        }
      }
    })
  }

  it.each(
    [
      'sort=-title;DROP TABLE activities',
      'sort=title%20desc,(select%20pg_sleep(2))',
      `sort=${'x'.repeat(5000)}`,
      'select[title;drop]=true',
      'select[a.b.c]=true&depth=abc',
      'joins[x][limit]=abc',
      'depth=-1',
      'depth=1e308',
      'depth=100',
      'limit=-5',
      'limit=1e400',
      'page=-1',
      'page=99999999999999999999',
      'page=abc',
      'draft=banana',
      'locale=%27;drop',
      'where[a.b.c.d][equals]=1',
      'where[location.city.x.y][equals]=1',
      `where[${'k'.repeat(10_000)}][equals]=1`,
      'where[title][equals]=%00',
      'where[title%00][equals]=a',
      'where[title][like]=%F0%9F%98%80%00%E2%80%AE',
      'where[title][like]=%E2%80%AE%EF%BF%BF%ED%9F%BF',
      'where[description][like]=pg_sleep',
      'where[description][equals]=%7B%7D',
      'where[edition][equals]=abc',
      'where[edition][in]=1,abc',
      'where[id][equals]=1%20or%201=1',
      'where[id][exists]=maybe',
      'where[title][near]=1,2',
      'where[title][within]=x',
      'where[title][foo]=x',
      'where={bad json',
      'where=%7B%22or%22%3A5%7D',
      'where[or]=5',
      'where[or][1500][title][equals]=x',
      'where[themes][contains]=x',
      'where[audiences][all]=x',
      'where[location.province][equals]=atlantis',
      'where[format][in]=meeting,bogus',
      'where[registration.isFree][equals]=maybe',
      'where[startsAt][greater_than]=notadate',
    ].map((query) => [query.slice(0, 80), query]),
  )('%s: 4xx or a normal list for every caller', async (_label, query) => {
    for (const caller of callers) {
      for (const path of [`activities?${query}`, `activities/count?${query}`]) {
        expectHandled(await api('GET', path, { token: tokens[caller] }), `${caller} ${path.slice(0, 120)}`)
      }
    }
  })

  it('refuses values that cannot match the field with a message that names the field', async () => {
    for (const [query, path] of [
      ['where[location.province][equals]=atlantis', 'location.province'],
      ['where[edition][equals]=abc', 'edition'],
      ['where[title][equals]=a%00b', 'title'],
      ['where[description][like]=x', 'description'],
    ]) {
      const response = await api('GET', `activities?${query}`)
      expect(response.status, query).toBe(400)
      expect(response.body.errors[0].message, query).toContain(`"${path}"`)
      expect(response.body.errors[0].message, query).toMatch(/Zoekopdracht op/)
    }
  })

  it('answers an id that cannot exist with 404, for reads and writes', async () => {
    // (Payload reads `1'` and `1;drop` as id 1, like parseInt: harmless, and not refused.)
    for (const id of ['abc', '99999999999999999999', '%00', '-1', 'x1']) {
      expect((await api('GET', `activities/${id}`)).status, id).toBe(404)
      expect((await api('PATCH', `activities/${id}`, { body: { title: 'x' }, token: tokens.editor })).status, id).toBe(404)
      expect((await api('DELETE', `activities/${id}`, { token: tokens.editor })).status, id).toBe(404)
    }
  })

  it('applies the same checks to the iCalendar feed', async () => {
    const refused = await api('GET', 'activities/calendar.ics?where[edition][equals]=abc')
    expect(refused.status).toBe(400)
    const sleepyFeed = `activities/calendar.ics?where[title][equals]=${encodeURIComponent(sleepy[0])}`
    const [response, ms] = await timed(() => api('GET', sleepyFeed))
    expect(response.status).toBe(200)
    expect(String(response.body)).not.toMatch(/BEGIN:VEVENT/)
    expect(ms).toBeLessThan(1500)
  })

  it('refuses the same values through GraphQL with a message, not a crash', async () => {
    for (const where of ['{ edition: { equals: "abc" } }', '{ title: { equals: "a\\u0000b" } }', '{ location__province: { equals: atlantis } }']) {
      const response = await graphql(`{ Activities(where: ${where}) { totalDocs } }`, undefined, tokens.editor)
      expectHandled(response, where)
      expect(response.body.errors?.[0]?.extensions?.statusCode ?? 400, where).toBeLessThan(500)
    }
  })
})

describe("Payload's query refusals in Dutch", () => {
  it('refuses a path the caller may not query, naming it, in Dutch', async () => {
    const one = await api('GET', 'activities?where[contact.email][equals]=sanne@example.nl')
    expect(one.status).toBe(400)
    expect(one.body.errors).toEqual([
      { name: 'QueryError', message: 'Op het volgende veld kan niet worden gezocht: contact.email', data: [{ path: 'contact.email' }] },
    ])
    const two = await api('GET', 'activities?where[contact.email][equals]=a@example.nl&where[review.internalNotes][like]=x')
    expect(two.status).toBe(400)
    expect(two.body.errors[0].message).toBe('Op de volgende velden kan niet worden gezocht: contact.email, review.internalNotes')
  })

  it('refuses a value inside a JSON field it cannot search with, in Dutch', async () => {
    const response = await api('GET', `activities?where[description.root.type][equals]=${encodeURIComponent("a'b")}`, { token: tokens.editor })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].message).toMatch(/^a'b kan niet als zoekwaarde in een JSON-veld worden gebruikt/)
  })

  it('says the same over GraphQL', async () => {
    const response = await graphql('{ Activities(where: { contact__email: { equals: "sanne@example.nl" } }) { totalDocs } }')
    expect(response.body.errors[0].message).toBe('Op het volgende veld kan niet worden gezocht: contact.email')
    expect(response.body.errors[0].extensions.statusCode).toBe(400)
  })
})

const orClauses = (count: number) => Array.from({ length: count }, (_, i) => ({ title: { equals: `titel ${i}` } }))
const orQueryString = (count: number) =>
  orClauses(count)
    .map((clause, i) => `where[or][${i}][title][equals]=${encodeURIComponent(clause.title.equals)}`)
    .join('&')

describe('query size', () => {
  const { maxConditions, maxNesting, maxLimit } = queryLimitDefaults

  it(`takes up to ${maxConditions} conditions`, async () => {
    const response = await api('GET', `activities?${orQueryString(maxConditions)}`, { token: tokens.editor })
    expect(response.status).toBe(200)
  })

  for (const caller of callers) {
    it(`${caller}: refuses more conditions quickly, with a Dutch message, in every way a where can arrive`, async () => {
      const token = tokens[caller]
      const big = JSON.stringify({ or: orClauses(10_000) })
      const attempts: [string, () => Promise<ApiResponse>][] = [
        ['query string', () => api('GET', `activities?${orQueryString(maxConditions + 1)}`, { token })],
        ['query string, 1000', () => api('GET', `activities?${orQueryString(1000)}`, { token })],
        ['where as JSON, 10,000', () => api('GET', `activities?where=${encodeURIComponent(big)}`, { token })],
        ['count', () => api('GET', `activities/count?where=${encodeURIComponent(big)}`, { token })],
        ['calendar', () => api('GET', `activities/calendar.ics?${orQueryString(1000)}`, { token })],
        [
          'POST with method override',
          async () => {
            const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded', 'X-HTTP-Method-Override': 'GET' }
            if (token) headers.Authorization = `JWT ${token}`
            const response = await send(new Request(new URL('/api/activities', origin), { method: 'POST', headers, body: `where=${encodeURIComponent(big)}` }))
            return { status: response.status, body: await response.json(), headers: response.headers }
          },
        ],
        ['bulk update', () => api('PATCH', `activities?where=${encodeURIComponent(big)}`, { token, body: { title: 'Veranderd' } })],
        ['bulk delete', () => api('DELETE', `activities?where=${encodeURIComponent(big)}`, { token })],
      ]
      for (const [label, attempt] of attempts) {
        const [response, ms] = await timed(attempt)
        expect(response.status, label).toBe(400)
        expect(JSON.stringify(response.body), label).toMatch(/te veel voorwaarden: hooguit 150/)
        expect(ms, `${label} took ${ms} ms`).toBeLessThan(1000)
      }
      expect((await payload.count({ collection: 'activities', where: { title: { equals: 'Veranderd' } } })).totalDocs).toBe(0)
    })
  }

  it('refuses where clauses nested too deep', async () => {
    let where: Record<string, unknown> = { title: { equals: 'diep' } }
    for (let i = 0; i <= maxNesting; i++) where = { and: [where] }
    const response = await api('GET', `activities?where=${encodeURIComponent(JSON.stringify(where))}`, { token: tokens.editor })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].message).toMatch(/te diep genest/)
  })

  it('refuses 10,000 or-clauses through GraphQL quickly, also for an editor', async () => {
    const clauses = Array.from({ length: 10_000 }, (_, i) => `{ title: { equals: "t${i}" } }`).join(',')
    for (const caller of callers) {
      const [response, ms] = await timed(() => graphql(`{ Activities(where: { OR: [${clauses}] }) { totalDocs } }`, undefined, tokens[caller]))
      expect(response.body.data?.Activities ?? null).toBeNull()
      // Refused for its size before GraphQL parses it, or for its conditions.
      expect(response.body.errors[0].message).toMatch(/te veel voorwaarden|te groot/)
      expect(ms, `${caller} took ${ms} ms`).toBeLessThan(1000)
    }
  })

  it('refuses deeply nested GraphQL and 200 aliases quickly', async () => {
    const nested = `{ Activities { docs { edition { organisers { organiser { logo { id } } } } } } }`
    let deep = '{ Activities { docs { id '
    for (let i = 0; i < 50; i++) deep += 'edition { heroImage { id } organisers { organiser { id '
    const aliases = `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: Activities(limit: 1) { totalDocs }`).join(' ')} }`
    for (const query of [aliases, `${deep}${'} } } '.repeat(50)}} } }`]) {
      const [response, ms] = await timed(() => graphql(query))
      expect(response.body.data ?? null).toBeNull()
      expect(response.body.errors.length).toBeGreaterThan(0)
      expect(ms).toBeLessThan(1000)
    }
    expect((await graphql(nested)).body.errors ?? []).toEqual([])
  })

  it.each(callers)('%s: limit=0, limit=1000000, pagination=false and depth=100 stay bounded', async (caller) => {
    const cap = caller === 'anonymous' ? 100 : maxLimit
    for (const query of ['limit=0', 'limit=1000000', 'pagination=false', 'limit=0&pagination=false&depth=100']) {
      const [response, ms] = await timed(() => api('GET', `activities?${query}`, { token: tokens[caller] }))
      expect(response.status, query).toBe(200)
      // Anonymous `pagination=false` alone is one default page (docs/api.md).
      expect(response.body.limit, query).toBe(caller === 'anonymous' && query === 'pagination=false' ? 10 : cap)
      expect(response.body.totalDocs).toBeGreaterThanOrEqual(response.body.docs.length)
      expect(response.body.docs.length).toBeLessThanOrEqual(cap)
      expect(ms, `${query} took ${ms} ms`).toBeLessThan(1000)
    }
  })

  it.each(callers)('%s: depth=100 answers at the largest allowed depth, quickly', async (caller) => {
    const [response, ms] = await timed(() => api('GET', `activities?depth=100&limit=5`, { token: tokens[caller] }))
    expect(response.status).toBe(200)
    expect(typeof response.body.docs[0].edition).toBe('object')
    expect(ms).toBeLessThan(1000)
  })

  it('leaves an ordinary limit alone for editors (the admin lists 25 to 200)', async () => {
    const response = await api('GET', 'activities?limit=200', { token: tokens.editor })
    expect(response.body.limit).toBe(200)
  })
})

const count = async (collection: 'activities' | 'editions' | 'organisers' | 'stories' | 'users' | 'campaign-assets' | 'media') =>
  (await payload.count({ collection })).totalDocs

async function post(path: string, body: BodyInit, contentType: string, token?: string, method = 'POST'): Promise<ApiResponse> {
  const headers: Record<string, string> = { 'Content-Type': contentType }
  if (token) headers.Authorization = `JWT ${token}`
  const response = await send(new Request(new URL(`/api/${path}`, origin), { method, headers, body }))
  const text = await response.text()
  let parsed: unknown = text
  try {
    parsed = JSON.parse(text)
  } catch {
    // keep the text
  }
  return { status: response.status, body: parsed, headers: response.headers }
}

describe('malformed bodies', () => {
  const writable = ['activities', 'editions', 'organisers', 'stories', 'users', 'campaign-assets', 'media'] as const

  it.each(writable)('%s: invalid JSON is a Dutch 400 and stores nothing', async (collection) => {
    const before = await count(collection)
    for (const body of ['{bad', '{"title": "x",}', '\u0000', '{"title": "x"', "{'title': 'x'}", '[1, 2']) {
      for (const contentType of ['application/json', 'application/json; charset=utf-8']) {
        const response = await post(collection, body, contentType, tokens.editor)
        expect(response.status, body).toBe(400)
        expect(response.body.errors[0].message).toMatch(/geen geldige JSON/)
      }
    }
    expect(await count(collection)).toBe(before)
  })

  it('the public submission form and the site settings refuse invalid JSON too', async () => {
    const before = await count('activities')
    for (const path of ['activities/public-submission', 'globals/site-settings']) {
      const response = await post(path, '{"title": ', 'application/json', tokens.editor)
      expect(response.status).toBe(400)
      expect(response.body.errors[0].message).toMatch(/geen geldige JSON/)
    }
    expect(await count('activities')).toBe(before)
  })

  it('refuses a JSON body over the size limit with 413 before reading it all, and names the field of a long title', async () => {
    const before = await count('activities')
    const huge = await api('POST', 'activities', { body: { ...minimalActivity(edition, organiser), title: 'x'.repeat(5_000_000) }, token: tokens.editor })
    expect(huge.status).toBe(413)
    expect(huge.body.errors[0].message).toMatch(/te groot/)
    const long = await api('POST', 'activities', { body: { ...minimalActivity(edition, organiser), title: 'x'.repeat(200_000) }, token: tokens.editor })
    expect(long.status).toBe(400)
    expect(fieldErrors(long).title).toMatch(/maximale lengte/)
    const anonymous = await api('POST', 'activities/public-submission', { body: { title: 'x'.repeat(5_000_000) } })
    expect(anonymous.status).toBe(413)
    expect(await count('activities')).toBe(before)
  })

  it('refuses multipart bodies it cannot read with a Dutch 400 and stores nothing', async () => {
    const before = await count('media')
    const part = (name: string, value: string) => `--abc\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
    const cases: [string, string, RegExp][] = [
      ['multipart/form-data', part('alt', 'x'), /boundary/],
      ['multipart/form-data; boundary=', part('alt', 'x'), /boundary/],
      [`multipart/form-data; boundary=${'a'.repeat(5000)}`, part('alt', 'x'), /boundary/],
      ['multipart/form-data; boundary=abc', '--abc\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{"alt":', /formulier kon niet worden gelezen/],
      ['multipart/form-data; boundary=abc', `${part('_payload', '{bad')}--abc--\r\n`, /JSON die niet klopt/],
      ['multipart/form-data; boundary=abc', 'not a multipart body at all', /formulier kon niet worden gelezen/],
      ['multipart/form-data; boundary=abc; charset=klingon', `${part('_payload', '{"alt": 5}')}--abc--\r\n`, /./],
    ]
    for (const collection of ['media', 'activities', 'campaign-assets']) {
      for (const [contentType, body, message] of cases) {
        const response = await post(collection, body, contentType, tokens.editor)
        expect(response.status, `${collection} ${contentType.slice(0, 60)} ${body.slice(0, 40)}`).toBeGreaterThanOrEqual(400)
        expect(response.status).toBeLessThan(500)
        expect(JSON.stringify(response.body)).toMatch(message)
      }
    }
    expect(await count('media')).toBe(before)
  })

  it('refuses an unreadable GraphQL body without a crash', async () => {
    const response = await graphqlRoute(
      new Request(new URL('/api/graphql', origin), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{bad' }),
    )
    expect(response.status).toBeLessThan(500)
  })

  const wrongValues: unknown[] = [5, -1.5, true, null, [], [1, 'x'], {}, { nested: { deeper: 1 } }, 'x', '', '\u0000', 'x'.repeat(10_000)]
  const bodies: Record<string, Record<string, unknown>> = {
    activities: minimalActivity({ id: 0, year: 2030 } as Edition, { id: 0 } as Organiser),
    editions: {
      year: 2099,
      theme: 'Thema',
      startDate: '2099-11-16',
      endDate: '2099-11-22',
      keyFigures: [],
      organisers: [],
      hashtags: 'x',
      submissions: {},
      kickOff: {},
    },
    organisers: { name: 'Organisatie', shortName: 'O', kind: 'school', website: 'https://example.nl', description: 'x' },
    stories: {
      title: 'Verhaal',
      perspective: 'parent',
      storyteller: { displayName: 'A', role: 'ouder', anonymised: true },
      seriesNumber: 1,
      themes: [],
      consent: {},
    },
    users: { email: 'nieuw@example.nl', password: 'Een-lang-wachtwoord-1', name: 'Nieuw', role: 'partner', organiser: 0 },
  }

  /** Fields whose rules compare them with another one: a wrong start date may be refused as a wrong year. */
  const checkedTogether: Record<string, string[]> = { startDate: ['year', 'endDate'], endDate: ['startDate'], startsAt: ['endsAt'] }

  it.each(Object.keys(bodies))('%s: a wrong type in any field is a 4xx naming the field, and stores nothing', async (collection) => {
    const base = { ...bodies[collection] }
    if (collection === 'activities') Object.assign(base, { edition: edition.id, organiser: organiser.id })
    if (collection === 'users') base.organiser = organiser.id
    const slug = collection as 'activities'
    const before = await count(slug)
    for (const field of Object.keys(base)) {
      for (const value of wrongValues) {
        const response = await api('POST', collection, { body: { ...base, [field]: value, unknownField: 'x' }, token: tokens.editor })
        const label = `${collection}.${field} = ${JSON.stringify(value).slice(0, 40)}`
        expectHandled(response, label)
        if (response.status >= 400) {
          const named = Object.keys(fieldErrors(response))
          const about = [field, ...(checkedTogether[field] ?? [])]
          if (named.length)
            expect(
              named.some((path) => about.some((name) => path === name || path.startsWith(`${name}.`))),
              `${label}: ${named}`,
            ).toBe(true)
        } else {
          // Accepted: the value was a valid one for that field after all; remove it again.
          await payload.delete({ collection: slug, id: response.body.doc.id })
        }
      }
    }
    expect(await count(slug)).toBe(before)
  })

  it('the site settings refuse wrong types by field and keep their values', async () => {
    const before = await payload.findGlobal({ slug: 'site-settings' })
    for (const [field, value] of [
      ['helpLines', 'x'],
      ['currentEdition', 'abc'],
      ['meldcodeUrl', 5],
      ['reviewInbox', ['x']],
      ['helpLines', [{ name: 5 }]],
    ] as const) {
      const response = await api('POST', 'globals/site-settings', { body: { [field]: value }, token: tokens.editor })
      expect(response.status, field).toBe(400)
      expectHandled(response, field)
    }
    const after = await payload.findGlobal({ slug: 'site-settings' })
    expect({ ...after, updatedAt: undefined }).toEqual({ ...before, updatedAt: undefined })
  })

  it('accounts: an e-mail address or password that is not text is refused by field, also at login', async () => {
    const before = await count('users')
    const created = await api('POST', 'users', { body: { ...bodies.users, organiser: organiser.id, email: 5, password: [1] }, token: tokens.editor })
    expect(created.status).toBe(400)
    expect(fieldErrors(created)).toMatchObject({ email: expect.stringMatching(/e-mailadres/), password: expect.stringMatching(/wachtwoord/) })
    for (const path of ['users/login', 'users/forgot-password']) {
      const response = await api('POST', path, { body: { email: { $gt: '' }, password: 6 } })
      expect(response.status, path).toBe(400)
    }
    expect(await count('users')).toBe(before)
  })

  it('the public submission form refuses wrong types by field and stores nothing', async () => {
    const before = await count('activities')
    const organisersBefore = await count('organisers')
    for (const body of [
      { title: 5, edition: 'x', location: [], contact: 'y', organisation: 5 },
      {
        title: ['a'],
        organisation: { name: 'Nieuwe school' },
        edition: edition.id,
        format: 'bogus',
        startsAt: 'morgen',
        location: { mode: 'on-site', province: 'atlantis' },
        contact: { name: 5, email: 'geen-mail' },
      },
      { title: 'x', organisation: { name: 'Nieuwe school' }, edition: { $ne: 0 }, contact: { email: ['a@b.nl'] } },
    ]) {
      const response = await api('POST', 'activities/public-submission', { body, headers: { 'X-Forwarded-For': freshClientAddress() } })
      expectHandled(response, JSON.stringify(body))
      expect(response.status).toBeGreaterThanOrEqual(400)
      expect(Object.keys(fieldErrors(response)).length).toBeGreaterThan(0)
    }
    expect(await count('activities')).toBe(before)
    expect(await count('organisers')).toBe(organisersBefore)
  })
})
