import type { CollectionSlug, Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Activity, Edition, Organiser, User } from '../src/payload-types'
import { api, graphql, payload as getTestPayload } from './helpers/api'
import { makeActivity, makeEdition, makeOpenEdition, makeOrganiser, makeUser, unique } from './helpers/fixtures'
import { fileOf, wav } from './helpers/files'

/*
 * "Nothing inferred" (issue 11, findings 9-12): what a caller may not read must not show through
 * the order of a list, the answer to a slug, the answer to docAccess, or a server error.
 */

let payload: Payload
let edition: Edition
let ownOrganiser: Organiser
let otherOrganiser: Organiser
let partner: { user: User; token: string }
let editor: { user: User; token: string }
let admin: { user: User; token: string }
/** Editors whose names and e-mail addresses sort first and last. */
let early: User
let late: User
let ownActivity: Activity

beforeAll(async () => {
  payload = await getTestPayload()
  edition = await makeOpenEdition(payload)
  ownOrganiser = await makeOrganiser(payload)
  otherOrganiser = await makeOrganiser(payload)
  partner = await makeUser(payload, 'partner', ownOrganiser)
  editor = await makeUser(payload, 'editor')
  admin = await makeUser(payload, 'admin')
  const tag = unique()
  early = await payload.create({
    collection: 'users',
    data: { email: `aaaa-${tag}@example.nl`, password: 'Test-wachtwoord-2026!', name: `Aaaa ${tag}`, role: 'editor' },
  })
  late = await payload.create({
    collection: 'users',
    data: { email: `zzzz-${tag}@example.nl`, password: 'Test-wachtwoord-2026!', name: `Zzzz ${tag}`, role: 'editor' },
  })
  ownActivity = await makeActivity(payload, edition, ownOrganiser)
  for (const [by, at] of [
    [late, '2031-01-01T10:00:00.000Z'],
    [early, '2031-01-02T10:00:00.000Z'],
  ] as const) {
    await payload.create({
      collection: 'activity-history',
      data: { activity: ownActivity.id, activityTitle: ownActivity.title, from: 'draft', to: 'submitted', by: by.id, at },
    })
  }
})

const historyIds = (docs: { id: number }[]) => docs.map((doc) => doc.id)

describe('sorting through a relationship (finding 9)', () => {
  // The two entries made above, not the one the workflow wrote when the activity was created.
  const scoped = () => `activity-history?where[activity][equals]=${ownActivity.id}&where[by][exists]=true&depth=0`

  it.each(['by.email', '-by.email', 'by.name', '-by.name', 'by.hash', '-by.hash', 'by.salt', 'by.role', 'by__name'])(
    'a partner cannot sort its history by %s (REST)',
    async (sort) => {
      const response = await api('GET', `${scoped()}&sort=${sort}`, { token: partner.token })
      expect(response.status).toBe(400)
      expect(response.body.errors[0].message).toContain(`"${sort.replace(/^-/, '').replace(/__/g, '.')}"`)
      expect(JSON.stringify(response.body)).not.toContain('"docs"')
    },
  )

  it('a partner cannot sort through a relationship in a list of sort paths', async () => {
    const response = await api('GET', `${scoped()}&sort=-at,by.name`, { token: partner.token })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].message).toContain('"by.name"')
  })

  it.each(['by.name', 'by__email', 'by.hash'])('a partner cannot sort its history by %s (GraphQL)', async (sort) => {
    const response = await graphql(
      `query ($sort: String) { ActivityHistories(sort: $sort, where: { activity: { equals: ${ownActivity.id} } }) { docs { id } } }`,
      { sort },
      partner.token,
    )
    expect(response.body.errors[0].extensions.statusCode).toBe(400)
    expect(response.body.errors[0].message).toContain(`"${sort.replace(/__/g, '.')}"`)
    expect(response.body.data?.ActivityHistories ?? null).toBeNull()
  })

  it.each(['by.name', 'by.hash'])('a partner cannot sort its history by %s (Local API)', async (sort) => {
    await expect(
      payload.find({ collection: 'activity-history', sort, overrideAccess: false, user: partner.user, where: { activity: { equals: ownActivity.id } } }),
    ).rejects.toMatchObject({ status: 400 })
  })

  it('a partner cannot sort activities by the account that submitted them', async () => {
    const response = await api('GET', `activities?where[organiser][equals]=${ownOrganiser.id}&sort=submittedBy.email`, { token: partner.token })
    expect(response.status).toBe(400)
  })

  it('nobody sorts the versions of an activity by the password hash of who submitted it', async () => {
    const response = await api('GET', `activities/versions?where[parent][equals]=${ownActivity.id}&sort=version.submittedBy.hash`, {
      token: editor.token,
    })
    expect(response.status).toBe(400)
    const byName = await api('GET', `activities/versions?where[parent][equals]=${ownActivity.id}&sort=version.submittedBy.name`, {
      token: editor.token,
    })
    expect(byName.status).toBe(200)
  })

  it('a partner may still sort by its own fields and through relationships everybody may read', async () => {
    const byTime = await api('GET', `${scoped()}&sort=at`, { token: partner.token })
    expect(byTime.status).toBe(200)
    expect(byTime.body.docs).toHaveLength(2)
    const byEdition = await api('GET', `activities?where[organiser][equals]=${ownOrganiser.id}&sort=-edition.year`, { token: partner.token })
    expect(byEdition.status).toBe(200)
    expect(historyIds(byEdition.body.docs)).toContain(ownActivity.id)
  })

  it('a partner cannot sort by organisers, some of which are not listed', async () => {
    const response = await api('GET', `activities?sort=organiser.name`, { token: partner.token })
    expect(response.status).toBe(400)
    const anonymous = await api('GET', `activities?sort=organiser.name`)
    expect(anonymous.status).toBe(400)
  })

  it('a partner filtering on an editor through the relationship finds nothing', async () => {
    const response = await api('GET', `${scoped()}&where[by.email][equals]=${encodeURIComponent(early.email)}`, { token: partner.token })
    expect(response.status).toBe(200)
    expect(response.body.docs).toHaveLength(0)
  })

  it.each([
    ['an editor', () => editor.token],
    ['an admin', () => admin.token],
  ])('%s sorts the history by who made the change', async (_who, token) => {
    const ascending = await api('GET', `${scoped()}&sort=by.name`, { token: token() })
    const descending = await api('GET', `${scoped()}&sort=-by.name`, { token: token() })
    expect(ascending.status).toBe(200)
    expect(ascending.body.docs.map((doc: { by: number }) => doc.by)).toEqual([early.id, late.id])
    expect(descending.body.docs.map((doc: { by: number }) => doc.by)).toEqual([late.id, early.id])
  })

  it.each([
    ['an editor', () => editor.token],
    ['an admin', () => admin.token],
  ])('%s cannot sort by password hashes either', async (_who, token) => {
    for (const sort of ['by.hash', 'by.salt', 'hash']) {
      const path = sort.startsWith('by.') ? scoped() : 'users?depth=0'
      const response = await api('GET', `${path}&sort=${sort}`, { token: token() })
      expect(response.status).toBe(400)
    }
  })
})

describe('slugs (finding 10)', () => {
  it('a partner setting a slug that a hidden draft of another organisation has gets the same answer as for a free one', async () => {
    const hidden = await makeActivity(payload, edition, otherOrganiser, { slug: `verborgen-${unique()}` })
    const mine = await makeActivity(payload, edition, ownOrganiser)
    const free = `vrij-${unique()}`

    const taken = await api('PATCH', `activities/${mine.id}`, { token: partner.token, body: { slug: hidden.slug } })
    const untaken = await api('PATCH', `activities/${mine.id}`, { token: partner.token, body: { slug: free } })
    expect(taken.status).toBe(200)
    expect(untaken.status).toBe(200)
    expect(taken.body.doc.slug).toBe(`${hidden.slug}-2`)
    expect(untaken.body.doc.slug).toBe(free)
    expect((await payload.findByID({ collection: 'activities', id: hidden.id })).slug).toBe(hidden.slug)
  })

  it('the same holds over GraphQL and the Local API', async () => {
    const hidden = await makeActivity(payload, edition, otherOrganiser, { slug: `verborgen-${unique()}` })
    const mine = await makeActivity(payload, edition, ownOrganiser)
    const { location, contact } = mine
    const response = await graphql(
      `
        mutation ($id: Int!, $data: mutationActivityUpdateInput!) {
          updateActivity(id: $id, data: $data) {
            slug
          }
        }
      `,
      {
        id: mine.id,
        data: { slug: hidden.slug, location: { mode: location.mode, onlineUrl: location.onlineUrl }, contact: { name: contact.name, email: contact.email } },
      },
      partner.token,
    )
    expect(response.body.errors).toBeUndefined()
    expect(response.body.data.updateActivity.slug).toBe(`${hidden.slug}-2`)

    const other = await makeActivity(payload, edition, ownOrganiser)
    const local = await payload.update({
      collection: 'activities',
      id: other.id,
      data: { slug: hidden.slug },
      overrideAccess: false,
      user: partner.user,
    })
    expect(local.slug).toBe(`${hidden.slug}-3`)
  })

  it('a partner creating an activity with a taken slug gets it suffixed', async () => {
    const hidden = await makeActivity(payload, edition, otherOrganiser, { slug: `verborgen-${unique()}` })
    const { title: _title, ...data } = { ...(await import('./helpers/fixtures')).minimalActivity(edition, ownOrganiser) }
    const response = await api('POST', 'activities', { token: partner.token, body: { ...data, title: `Nieuw ${unique()}`, slug: hidden.slug } })
    expect(response.status).toBe(201)
    expect(response.body.doc.slug).toBe(`${hidden.slug}-2`)
  })

  it.each([
    ['editions', async () => makeEdition(payload)],
    ['organisers', async () => makeOrganiser(payload)],
    [
      'stories',
      async () =>
        payload.create({
          collection: 'stories',
          data: { title: `Verhaal ${unique()}`, perspective: 'parent', storyteller: { displayName: 'Iris' } },
        }),
    ],
  ] as const)('an editor typing a taken slug on %s gets it suffixed', async (collection, make) => {
    const first = (await make()) as { id: number; slug: string }
    const second = (await make()) as { id: number; slug: string }
    const response = await api('PATCH', `${collection}/${second.id}`, { token: editor.token, body: { slug: first.slug } })
    expect(response.status).toBe(200)
    expect(response.body.doc.slug).toBe(`${first.slug}-2`)
    expect(((await payload.findByID({ collection: collection as CollectionSlug, id: first.id })) as { slug: string }).slug).toBe(first.slug)
  })
})

describe('docAccess (finding 11)', () => {
  const unknownId = 2_000_000_000
  let hidden: Record<string, number>

  beforeAll(async () => {
    const activity = await makeActivity(payload, edition, otherOrganiser)
    const story = await payload.create({
      collection: 'stories',
      data: { title: `Concept ${unique()}`, perspective: 'parent', storyteller: { displayName: 'Iris' } },
      draft: true,
    })
    const audio = await payload.create({
      collection: 'story-audio',
      data: { title: `Audio ${unique()}`, transcript: 'Uitgeschreven tekst.' },
      file: fileOf(wav(), `a-${unique()}.wav`, 'audio/wav'),
    })
    // The entry the workflow wrote when the other organisation's activity was made.
    const history = await payload.find({ collection: 'activity-history', where: { activity: { equals: activity.id } }, limit: 1 })
    hidden = {
      activities: activity.id,
      stories: story.id,
      'story-audio': audio.id,
      users: early.id,
      'activity-history': history.docs[0].id,
    }
  })

  const cases = ['activities', 'stories', 'story-audio', 'users', 'activity-history'] as const

  describe.each([
    ['anonymous', () => undefined],
    ['a partner', () => partner.token],
  ])('%s', (_who, token) => {
    it.each(cases)('gets the same answer for a hidden and an unknown id of %s (REST)', async (collection) => {
      const ofHidden = await api('POST', `${collection}/access/${hidden[collection]}`, { token: token() })
      const ofUnknown = await api('POST', `${collection}/access/${unknownId}`, { token: token() })
      expect(ofHidden.status).toBe(404)
      expect(ofUnknown.status).toBe(404)
      expect(ofHidden.body).toEqual(ofUnknown.body)
    })

    it('gets the same answer for a hidden and an unknown id with data in the body', async () => {
      const ofHidden = await api('POST', `activities/access/${hidden.activities}`, { token: token(), body: { title: 'x' } })
      const ofUnknown = await api('POST', `activities/access/${unknownId}`, { token: token(), body: { title: 'x' } })
      expect(ofHidden.status).toBe(404)
      expect(ofUnknown.status).toBe(404)
      expect(ofHidden.body).toEqual(ofUnknown.body)
    })

    it.each([
      ['docAccessActivity', 'activities'],
      ['docAccessStory', 'stories'],
      ['docAccessStoryAudio', 'story-audio'],
      ['docAccessUser', 'users'],
    ])('gets the same answer for a hidden and an unknown id from %s (GraphQL)', async (query, collection) => {
      const ask = (id: number) => graphql(`query ($id: Int!) { ${query}(id: $id) { read { permission } } }`, { id }, token())
      const ofHidden = await ask(hidden[collection])
      const ofUnknown = await ask(unknownId)
      expect(ofHidden.status).toBe(ofUnknown.status)
      expect(ofHidden.body).toEqual(ofUnknown.body)
      expect(ofHidden.body.data[query]).toBeNull()
    })
  })

  it('a partner still gets the permissions of its own activity', async () => {
    const response = await api('POST', `activities/access/${ownActivity.id}`, { token: partner.token })
    expect(response.status).toBe(200)
    expect(response.body.read).toBeTruthy()
    const viaGraphQL = await graphql(`{ docAccessActivity(id: ${ownActivity.id}) { read { permission } update { permission } } }`, undefined, partner.token)
    expect(viaGraphQL.body.data.docAccessActivity.read.permission).toBe(true)
  })

  it('an editor gets the permissions of any activity', async () => {
    const response = await api('POST', `activities/access/${hidden.activities}`, { token: editor.token })
    expect(response.status).toBe(200)
    expect(response.body.update).toBeTruthy()
  })
})

describe('access queries for anonymous callers (finding 12)', () => {
  it('GraphQL Access answers without a server error', async () => {
    const response = await graphql('{ Access { canAccessAdmin activities { read { permission } } } }')
    expect(response.status).toBe(200)
    expect(response.body.errors).toBeUndefined()
    expect(response.body.data.Access.canAccessAdmin).toBe(false)
  })

  it('GraphQL docAccess answers without a server error', async () => {
    const published = await makeActivity(payload, edition, otherOrganiser, { status: 'approved', _status: 'published' } as Partial<Activity>)
    expect((await api('GET', `activities/${published.id}`)).status).toBe(200)
    const response = await graphql(
      `{ docAccessActivity(id: ${published.id}) { read { permission } update { permission } fields { title { read { permission } } } } }
       `,
    )
    expect(response.status).toBe(200)
    expect(response.body.errors).toBeUndefined()
    expect(response.body.data.docAccessActivity).toEqual({
      read: { permission: true },
      update: { permission: false },
      fields: { title: { read: { permission: true } } },
    })
    const global = await graphql('{ docAccessSiteSetting { read { permission } update { permission } } }')
    expect(global.body.errors).toBeUndefined()
    expect(global.body.data.docAccessSiteSetting).toEqual({ read: { permission: true }, update: { permission: false } })
  })

  it('REST access answers without a server error', async () => {
    const response = await api('GET', 'access')
    expect(response.status).toBe(200)
    // Payload's trimmed form: a permission that is not granted is left out.
    expect(response.body.canAccessAdmin).toBeUndefined()
  })

  it('a signed-in partner gets its permissions', async () => {
    const response = await graphql('{ Access { canAccessAdmin activities { create { permission } } } }', undefined, partner.token)
    expect(response.body.errors).toBeUndefined()
    expect(response.body.data.Access.canAccessAdmin).toBe(true)
    expect(response.body.data.Access.activities.create.permission).toBe(true)
  })
})
