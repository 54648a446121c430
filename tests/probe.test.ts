import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Activity, Edition, Organiser } from '../src/payload-types'
import { api, graphql, payload as getTestPayload } from './helpers/api'
import { makeActivity, makeOpenEdition, makeOrganiser, makeUser } from './helpers/fixtures'

// A field a caller may not read must not narrow, order or reveal results: otherwise a query
// such as where[contact.email][like]=a answers "is there an activity whose contact starts
// with a" one letter at a time.

let payload: Payload
let edition: Edition
let organiser: Organiser
let partnerToken: string
let activities: Activity[]

beforeAll(async () => {
  payload = await getTestPayload()
  edition = await makeOpenEdition(payload)
  organiser = await makeOrganiser(payload)
  const { user: partnerUser } = await makeUser(payload, 'partner', organiser)
  ;({ token: partnerToken } = await makeUser(payload, 'partner', await makeOrganiser(payload)))
  activities = []
  for (const [name, email] of [
    ['Anna', 'anna@probe.test'],
    ['Zeger', 'zeger@probe.test'],
  ]) {
    activities.push(
      await makeActivity(payload, edition, organiser, {
        status: 'approved',
        contact: { name, email, phone: '0201234567' },
        review: { feedback: `Feedback ${name}`, internalNotes: `Notitie ${name}` },
        submittedBy: partnerUser.id,
      }),
    )
  }
  await payload.create({
    collection: 'stories',
    data: {
      title: 'Verhaal met toestemming',
      perspective: 'parent',
      storyteller: { displayName: 'Iris' },
      _status: 'published',
      consent: { method: 'written', obtainedAt: '2019-03-01T00:00:00.000Z', withdrawn: false },
    },
  })
})

const anonymousPaths = [
  'contact.name',
  'contact.email',
  'contact.phone',
  'review.feedback',
  'review.internalNotes',
  'submittedBy',
  'submittedBy.email',
  'submittedBy.name',
]

const scoped = (where: string) => `activities?where[organiser][equals]=${organiser.id}&${where}`

describe.each([
  ['anonymous', undefined as string | undefined, anonymousPaths],
  ['a partner of another organisation', 'partner', [...anonymousPaths]],
])('%s', (_who, role, paths) => {
  const token = () => (role ? partnerToken : undefined)

  it.each(paths)('cannot filter on %s', async (path) => {
    const response = await api('GET', scoped(`where[${path}][like]=anna`), { token: token() })
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
    expect(JSON.stringify(response.body)).not.toMatch(/anna@probe/)
  })

  it.each(paths)('cannot filter on %s with exists', async (path) => {
    const response = await api('GET', scoped(`where[${path}][exists]=true`), { token: token() })
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
  })

  it.each(paths)('cannot sort on %s', async (path) => {
    for (const sort of [path, `-${path}`]) {
      const response = await api('GET', scoped(`sort=${sort}&depth=0`), { token: token() })
      if (response.status === 200) {
        // Accepted only if the order is not the hidden field's order: same as without sort.
        const plain = await api('GET', scoped('depth=0'), { token: token() })
        expect(response.body.docs.map((d: Activity) => d.id)).toEqual(plain.body.docs.map((d: Activity) => d.id))
      } else {
        expect(response.status).toBeGreaterThanOrEqual(400)
        expect(response.status).toBeLessThan(500)
      }
    }
  })

  // A sort cannot be narrowed to the related documents the caller may read, as a filter is:
  // through a relationship into a collection it may read only in part, it is refused.
  it.each(['submittedBy.email', 'submittedBy.name', 'submittedBy.hash', 'submittedBy.salt', 'organiser.name', 'organiser__name'])(
    'is refused sorting through a relationship by %s',
    async (path) => {
      for (const sort of [path, `-${path}`]) {
        const response = await api('GET', scoped(`sort=${sort}&depth=0`), { token: token() })
        expect(response.status).toBe(400)
        expect(response.body.errors[0].message).toContain(`"${path.replace(/__/g, '.')}"`)
      }
    },
  )

  it.each(paths)('cannot select %s', async (path) => {
    const response = await api('GET', scoped(`select[${path.split('.')[0]}]=true&depth=1`), { token: token() })
    expect(JSON.stringify(response.body)).not.toMatch(/probe\.test|Notitie|Feedback|0201234567/)
  })

  it('cannot filter on hidden fields through GraphQL', async () => {
    const query = `{ Activities(where: { contact__email: { like: "anna" } }) { totalDocs docs { id } } }`
    const response = await graphql(query, undefined, token())
    expect(JSON.stringify(response.body)).not.toMatch(/"totalDocs":1\b/)
    expect(response.body.errors?.length ?? 0).toBeGreaterThan(0)
  })
})

describe('partners', () => {
  it('cannot filter on the internal notes of their own activities', async () => {
    const { token } = await makeUser(payload, 'partner', organiser)
    const response = await api('GET', scoped('where[review.internalNotes][like]=Notitie'), { token })
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
  })
})

describe('story audio', () => {
  it.each(['audio.filename', 'audio.title', 'audio.createdAt'])('cannot order the public stories by %s', async (path) => {
    for (const sort of [path, `-${path}`]) {
      const response = await api('GET', `stories?sort=${sort}`)
      expect(response.status).toBe(400)
      expect(response.body.errors[0].message).toContain(`"${path}"`)
    }
  })
})

describe('story consent', () => {
  it.each(['consent.method', 'consent.obtainedAt', 'consent.recordedBy', 'consent.withdrawn'])(
    'cannot be filtered, sorted or selected on %s by the public',
    async (path) => {
      const filtered = await api('GET', `stories?where[${path}][exists]=true`)
      expect(filtered.status).toBeGreaterThanOrEqual(400)
      expect(filtered.status).toBeLessThan(500)
      const sorted = await api('GET', `stories?sort=${path}`)
      if (sorted.status === 200) expect(JSON.stringify(sorted.body)).not.toMatch(/"consent"/)
      const selected = await api('GET', `stories?select[consent]=true`)
      expect(JSON.stringify(selected.body)).not.toMatch(/"consent"|written/)
    },
  )
})
