import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Activity, Edition, Organiser, User } from '../src/payload-types'
import { api, graphql, payload as getTestPayload } from './helpers/api'
import { makeActivity, makeEdition, makeOrganiser, makeUser } from './helpers/fixtures'

/**
 * The operations Payload mounts beside create, read and update by id: duplicate, update by
 * `where` and restoring a version. Each keeps the review promise or is not offered.
 */

let payload: Payload
let edition: Edition
let own: Organiser
let other: Organiser
let partner: { user: User; token: string }
let editor: { user: User; token: string }

beforeAll(async () => {
  payload = await getTestPayload()
  const year = new Date().getFullYear()
  edition = await makeEdition(payload, {
    submissions: { opensAt: `${year - 1}-01-01T00:00:00.000Z`, closesAt: '2099-12-31T00:00:00.000Z', listedFrom: '2020-01-01T00:00:00.000Z' },
  })
  own = await makeOrganiser(payload)
  other = await makeOrganiser(payload)
  partner = await makeUser(payload, 'partner', own)
  editor = await makeUser(payload, 'editor')
})

const approved = (organiser: Organiser, title: string) =>
  makeActivity(payload, edition, organiser, {
    title,
    status: 'approved',
    contact: { name: 'Femke Bakker', email: 'femke@school.test', phone: '030 123 4567' },
    review: { feedback: 'Mooi initiatief.' },
  } as Partial<Activity>)

const publicTitle = async (id: number) => (await api('GET', `activities/${id}?depth=0`)).body.title
const latest = (id: number) => payload.findByID({ collection: 'activities', id, draft: true, depth: 0 })
const activityCount = async () => (await payload.count({ collection: 'activities' })).totalDocs
const historyCount = async (id: number) =>
  (await payload.count({ collection: 'activity-history', where: { activity: { equals: id } } })).totalDocs

describe('duplicate is not offered', () => {
  it('REST and GraphQL refuse to copy another organisation’s public activity, and nothing is created', async () => {
    const theirs = await approved(other, 'Voorlichting op het schoolplein')
    const before = await activityCount()
    const rest = await api('POST', `activities/${theirs.id}/duplicate`, { token: partner.token, body: { edition: edition.id } })
    expect(rest.status).toBe(404)
    const gql = await graphql(`mutation { duplicateActivity(id: ${theirs.id}, data: { edition: ${edition.id} }) { id } }`, undefined, partner.token)
    expect(gql.body.errors?.[0]?.message).toMatch(/duplicateActivity/)
    expect(await activityCount()).toBe(before)
  })

  it('for no collection at all', () => {
    for (const collection of payload.config.collections) {
      expect(collection.disableDuplicate, collection.slug).toBe(true)
      expect(collection.endpoints ? collection.endpoints.some((e) => e.path === '/:id/duplicate') : false, collection.slug).toBe(false)
    }
  })
})

describe('update by where is not offered for activities', () => {
  it('a partner’s bulk change of its own approved activity is refused and publishes nothing', async () => {
    const mine = await approved(own, 'Ouderavond over opvoeden')
    const entries = await historyCount(mine.id)
    const response = await api('PATCH', `activities?where[id][equals]=${mine.id}`, {
      token: partner.token,
      body: { title: 'Ouderavond', registration: { url: 'https://phishing.example/aanmelden' } },
    })
    expect(response.status).toBe(403)
    expect(response.body.errors[0].message).toMatch(/één voor één/)
    expect(await publicTitle(mine.id)).toBe('Ouderavond over opvoeden')
    expect(await latest(mine.id)).toMatchObject({ title: 'Ouderavond over opvoeden', status: 'approved' })
    expect(await historyCount(mine.id)).toBe(entries)
  })

  it('is refused to editors and to the Local API with a user too', async () => {
    const mine = await approved(own, 'Training signaleren')
    const rest = await api('PATCH', `activities?where[id][equals]=${mine.id}`, { token: editor.token, body: { status: 'cancelled' } })
    expect(rest.status).toBe(403)
    await expect(
      payload.update({ collection: 'activities', where: { id: { equals: mine.id } }, data: { title: 'Anders' }, overrideAccess: false, user: partner.user }),
    ).rejects.toMatchObject({ status: 403 })
    expect(await latest(mine.id)).toMatchObject({ title: 'Training signaleren', status: 'approved' })
  })
})

describe('restoring a version of an activity is not offered', () => {
  /** An approved activity with an older approved version whose title differs. */
  async function withOlderVersion() {
    const activity = await approved(own, 'Eerste titel')
    await payload.update({ collection: 'activities', id: activity.id, data: { title: 'Tweede titel' } })
    const versions = await payload.findVersions({ collection: 'activities', where: { parent: { equals: activity.id } }, sort: 'createdAt', limit: 10 })
    const older = versions.docs.find((version) => version.version.title === 'Eerste titel')!
    return { activity, older }
  }

  it('is refused to the partner over REST, GraphQL and the Local API, and publishes nothing', async () => {
    const { activity, older } = await withOlderVersion()
    const entries = await historyCount(activity.id)
    const rest = await api('POST', `activities/versions/${older.id}`, { token: partner.token })
    expect(rest.status).toBe(403)
    const gql = await graphql(`mutation { restoreVersionActivity(id: ${older.id}) { id title } }`, undefined, partner.token)
    expect(gql.body.errors?.[0]?.extensions?.statusCode ?? gql.body.errors?.[0]?.message).toBeTruthy()
    expect(gql.body.data?.restoreVersionActivity ?? null).toBeNull()
    await expect(
      payload.restoreVersion({ collection: 'activities', id: older.id, overrideAccess: false, user: partner.user }),
    ).rejects.toMatchObject({ status: 403 })
    expect(await publicTitle(activity.id)).toBe('Tweede titel')
    expect(await historyCount(activity.id)).toBe(entries)
  })

  it('is refused to an editor too, changing nothing', async () => {
    const { activity, older } = await withOlderVersion()
    const rest = await api('POST', `activities/versions/${older.id}`, { token: editor.token })
    expect(rest.status).toBe(403)
    expect(await latest(activity.id)).toMatchObject({ title: 'Tweede titel', status: 'approved' })
  })
})
