import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Edition, Organiser } from '../src/payload-types'
import { api, fieldErrors, payload as getTestPayload } from './helpers/api'
import { freshClientAddress, makeEdition, makeOrganiser, makeUser, minimalActivity, nextFreeYear } from './helpers/fixtures'

let payload: Payload
let token: string
let edition: Edition
let organiser: Organiser

beforeAll(async () => {
  payload = await getTestPayload()
  ;({ token } = await makeUser(payload, 'editor'))
  edition = await makeEdition(payload)
  organiser = await makeOrganiser(payload)
})

const countWhere = async (collection: 'activities' | 'editions' | 'organisers' | 'stories' | 'users', where: any) =>
  (await payload.count({ collection, where })).totalDocs

/** Posts as an editor and expects a 400 naming `path` with a message that contains `message`. */
async function expectRefused(collection: string, body: Record<string, unknown>, path: string, message: RegExp) {
  const response = await api('POST', collection, { body, token })
  expect(response.status).toBe(400)
  const errors = fieldErrors(response)
  expect(Object.keys(errors)).toContain(path)
  expect(errors[path]).toMatch(message)
  return response
}

describe('minimum fields to create', () => {
  it('creates each collection with exactly the documented minimum', async () => {
    const year = await nextFreeYear(payload)
    const cases: [string, Record<string, unknown>][] = [
      ['organisers', { name: 'Basisschool De Regenboog' }],
      ['editions', { year, theme: 'Kijk om je heen', startDate: `${year}-11-16`, endDate: `${year}-11-22` }],
      ['activities', minimalActivity(edition, organiser)],
      ['stories', { title: 'Wat ik zag op het schoolplein', perspective: 'professional', storyteller: { displayName: 'Marieke' } }],
      ['users', { email: 'nieuw-partner@example.nl', password: 'Een-lang-wachtwoord-1', name: 'Nieuwe partner', role: 'partner', organiser: organiser.id }],
    ]
    for (const [collection, body] of cases) {
      const response = await api('POST', collection, { body, token })
      expect(response.status, `${collection}: ${JSON.stringify(response.body)}`).toBe(201)
    }
  })

  it.each([
    ['organisers', { name: 'x' }, 'name'],
    ['editions', { year: 2099, theme: 't', startDate: '2099-11-16', endDate: '2099-11-22' }, 'year'],
    ['editions', { year: 2099, theme: 't', startDate: '2099-11-16', endDate: '2099-11-22' }, 'theme'],
    ['editions', { year: 2099, theme: 't', startDate: '2099-11-16', endDate: '2099-11-22' }, 'startDate'],
    ['editions', { year: 2099, theme: 't', startDate: '2099-11-16', endDate: '2099-11-22' }, 'endDate'],
    ['stories', { title: 't', perspective: 'parent', storyteller: { displayName: 'A' } }, 'title'],
    ['stories', { title: 't', perspective: 'parent', storyteller: { displayName: 'A' } }, 'perspective'],
    ['stories', { title: 't', perspective: 'parent', storyteller: { displayName: 'A' } }, 'storyteller.displayName'],
  ])('%s without %s is refused and nothing is stored', async (collection, full, missing) => {
    const body = structuredClone(full) as Record<string, any>
    const [head, tail] = missing.split('.')
    if (tail) delete body[head][tail]
    else delete body[head]
    const before = (await payload.count({ collection: collection as 'stories' })).totalDocs
    const response = await api('POST', collection, { body, token })
    expect(response.status).toBe(400)
    expect(Object.keys(fieldErrors(response))).toContain(missing)
    expect((await payload.count({ collection: collection as 'stories' })).totalDocs).toBe(before)
  })

  it.each(['title', 'edition', 'organiser', 'format', 'startsAt', 'location.mode', 'contact.name', 'contact.email'])(
    'an activity without %s is refused',
    async (missing) => {
      const body = structuredClone(minimalActivity(edition, organiser)) as Record<string, any>
      const [head, tail] = missing.split('.')
      if (tail) delete body[head][tail]
      else delete body[head]
      const response = await api('POST', 'activities', { body, token })
      expect(response.status).toBe(400)
      expect(Object.keys(fieldErrors(response))).toContain(missing)
    },
  )

  it('a partner account without an organiser is refused', async () => {
    await expectRefused(
      'users',
      { email: 'zonder-organisatie@example.nl', password: 'Een-lang-wachtwoord-1', name: 'Partner', role: 'partner' },
      'organiser',
      /hoort bij een organisatie/,
    )
    expect(await countWhere('users', { email: { equals: 'zonder-organisatie@example.nl' } })).toBe(0)
  })
})

describe('editions', () => {
  it('refuses an end date before the start date', async () => {
    const year = await nextFreeYear(payload)
    await expectRefused(
      'editions',
      { year, theme: 'Omgekeerd', startDate: `${year}-11-20`, endDate: `${year}-11-14` },
      'endDate',
      /einddatum ligt voor de begindatum/,
    )
    expect(await countWhere('editions', { year: { equals: year } })).toBe(0)
  })

  it('refuses a year that differs from the year of the start date', async () => {
    const year = await nextFreeYear(payload)
    await expectRefused(
      'editions',
      { year, theme: 'Verkeerd jaar', startDate: `${year + 1}-11-16`, endDate: `${year + 1}-11-22` },
      'year',
      /moet gelijk zijn aan het jaar van de begindatum/,
    )
  })

  it('refuses a second edition for the same year', async () => {
    await expectRefused(
      'editions',
      { year: edition.year, theme: 'Dubbel', startDate: `${edition.year}-11-16`, endDate: `${edition.year}-11-22` },
      'year',
      new RegExp(`al een editie voor ${edition.year}`),
    )
    expect(await countWhere('editions', { year: { equals: edition.year } })).toBe(1)
  })

  it('refuses a submission window that closes before it opens', async () => {
    const year = await nextFreeYear(payload)
    await expectRefused(
      'editions',
      {
        year,
        theme: 'Venster',
        startDate: `${year}-11-16`,
        endDate: `${year}-11-22`,
        submissions: { opensAt: `${year}-10-01`, closesAt: `${year}-09-01` },
      },
      'submissions.closesAt',
      /kan niet sluiten voordat het opent/,
    )
  })

  it('makes the slug from the year', async () => {
    expect(edition.slug).toBe(String(edition.year))
  })
})

describe('activities', () => {
  const base = () => minimalActivity(edition, organiser)

  it('refuses an end before the start', async () => {
    await expectRefused(
      'activities',
      { ...base(), startsAt: '2031-11-18T18:00:00.000Z', endsAt: '2031-11-18T17:00:00.000Z' },
      'endsAt',
      /kan niet eindigen voordat ze begint/,
    )
  })

  it('refuses an on-site activity without city and province', async () => {
    const response = await expectRefused('activities', { ...base(), location: { mode: 'on-site', venue: 'Wijkcentrum' } }, 'location.city', /Vul de plaats in/)
    expect(fieldErrors(response)['location.province']).toMatch(/Kies de provincie/)
  })

  it('refuses a hybrid activity without a link', async () => {
    await expectRefused('activities', { ...base(), location: { mode: 'hybrid', city: 'Utrecht', province: 'utrecht' } }, 'location.onlineUrl', /Vul de link in/)
  })

  it('refuses an online activity without a link', async () => {
    await expectRefused('activities', { ...base(), location: { mode: 'online' } }, 'location.onlineUrl', /Vul de link in/)
  })

  it('refuses a province that is not one of the twelve', async () => {
    const response = await api('POST', 'activities', {
      body: { ...base(), location: { mode: 'on-site', city: 'Antwerpen', province: 'antwerpen' } },
      token,
    })
    expect(response.status).toBe(400)
    expect(Object.keys(fieldErrors(response))).toContain('location.province')
  })

  it.each([
    ['location.onlineUrl', { location: { mode: 'online', onlineUrl: 'javascript:alert(1)' } }, /webadres/],
    ['registration.url', { registration: { url: 'www.zonder-protocol.nl' } }, /webadres/],
    ['contact.email', { contact: { name: 'Sanne', email: 'sanne-at-example.nl' } }, /geldig e-mailadres/],
    ['contact.phone', { contact: { name: 'Sanne', email: 'sanne@example.nl', phone: '12' } }, /telefoonnummer/],
    ['location.postalCode', { location: { mode: 'on-site', city: 'Utrecht', province: 'utrecht', postalCode: '35111AB' } }, /postcode/],
    ['format', { format: 'picnic' }, /./],
  ])('refuses a malformed %s', async (path, overrides, message) => {
    await expectRefused('activities', { ...base(), ...overrides }, path, message)
  })

  it('refuses a malformed organiser website', async () => {
    await expectRefused('organisers', { name: 'Club', website: 'niet een url' }, 'website', /webadres/)
  })

  it('refuses a list, an object or a boolean for a text field instead of storing it as text', async () => {
    for (const value of [{}, ['Utrecht'], true]) {
      const response = await api('POST', 'activities', {
        body: { ...base(), location: { mode: 'on-site', city: 'Utrecht', province: 'utrecht', address: value } },
        token,
      })
      expect(response.status).toBe(400)
      expect(fieldErrors(response)['location.address']).toMatch(/tekst/)
    }
    const titled = await api('POST', 'activities', { body: { ...base(), title: { nl: 'Titel' } }, token })
    expect(titled.status).toBe(400)
    expect(Object.keys(fieldErrors(titled))).toContain('title')
  })

  it('stores nothing when refused', async () => {
    const title = 'Wordt geweigerd'
    await api('POST', 'activities', { body: { ...base(), title, location: { mode: 'online' } }, token })
    expect(await countWhere('activities', { title: { equals: title } })).toBe(0)
  })
})

describe('slugs', () => {
  it('makes a slug from the title and numbers clashes', async () => {
    const title = 'Praat met elkaar: café-avond voor ouders!'
    const first = await api('POST', 'activities', { body: { ...minimalActivity(edition, organiser), title }, token })
    const second = await api('POST', 'activities', { body: { ...minimalActivity(edition, organiser), title }, token })
    expect(first.status).toBe(201)
    expect(second.status).toBe(201)
    expect(first.body.doc.slug).toBe('praat-met-elkaar-cafe-avond-voor-ouders')
    expect(second.body.doc.slug).toBe('praat-met-elkaar-cafe-avond-voor-ouders-2')
  })

  it('keeps the slug when the title changes', async () => {
    const created = await api('POST', 'organisers', { body: { name: 'GGD Hollands Noorden' }, token })
    const renamed = await api('PATCH', `organisers/${created.body.doc.id}`, { body: { name: 'GGD Noord-Holland' }, token })
    expect(renamed.status).toBe(200)
    expect(renamed.body.doc.slug).toBe('ggd-hollands-noorden')
  })

  // A refusal would tell whether a hidden document has the slug (tests/inference.test.ts).
  it('numbers a typed slug that is already taken', async () => {
    const response = await api('POST', 'organisers', { body: { name: 'Andere naam', slug: organiser.slug }, token })
    expect(response.status).toBe(201)
    expect(response.body.doc.slug).toBe(`${organiser.slug}-2`)
  })

  it('numbers a clash for the public form too, however many slugs look alike', async () => {
    // More look-alikes than one anonymous page holds: the form must still see the taken slug.
    for (let n = 1; n <= 12; n++) {
      await payload.create({
        collection: 'activities',
        data: { ...minimalActivity(edition, organiser), title: `Inloopavond ${n}`, slug: `a${n}-inloopavond-b` } as never,
      })
    }
    await payload.create({ collection: 'activities', data: { ...minimalActivity(edition, organiser), title: 'Inloopavond' } as never })
    const { organiser: _organiser, ...body } = minimalActivity(edition, organiser)
    const response = await api('POST', 'activities/public-submission', {
      body: { ...body, title: 'Inloopavond', organisation: { name: 'Buurthuis De Linde' } },
      headers: { 'X-Forwarded-For': freshClientAddress() },
    })
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    const slugs = (await payload.find({ collection: 'activities', where: { title: { equals: 'Inloopavond' } }, sort: 'id', depth: 0 })).docs
    expect(slugs.map((doc) => doc.slug)).toEqual(['inloopavond', 'inloopavond-2'])
  })

  it('refuses a slug with spaces or capitals', async () => {
    await expectRefused('organisers', { name: 'Club', slug: 'Mijn Club' }, 'slug', /kleine letters/)
  })
})
