import fc from 'fast-check'
import type { FlattenedField, Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Activity, Edition, Organiser } from '../src/payload-types'
import { api, payload as getTestPayload } from './helpers/api'
import { makeEdition, makeOrganiser, makeUser } from './helpers/fixtures'

// Property: whatever create or update body a partner, an editor or the public form sends for an
// activity, the answer is never a 5xx; an accepted activity reads back valid; a refused one left
// no row, no version and no history. FUZZ_SEED=<n> varies the run; a failure prints its seed.

const seed = Number(process.env.FUZZ_SEED ?? 20261123)
const numRuns = Number(process.env.FUZZ_RUNS ?? 100)

let payload: Payload
let edition: Edition
let organiser: Organiser
let fields: FlattenedField[]
const tokens: Record<'partner' | 'editor', string> = { partner: '', editor: '' }

beforeAll(async () => {
  payload = await getTestPayload()
  process.env.PUBLIC_SUBMISSION_LIMIT_PER_HOUR = '100000'
  const now = Date.now()
  edition = await makeEdition(payload, {
    submissions: {
      opensAt: new Date(now - 86_400_000).toISOString(),
      closesAt: new Date(now + 30 * 86_400_000).toISOString(),
      listedFrom: new Date(now - 86_400_000).toISOString(),
    },
  })
  organiser = await makeOrganiser(payload)
  tokens.partner = (await makeUser(payload, 'partner', organiser)).token
  tokens.editor = (await makeUser(payload, 'editor')).token
  fields = payload.collections.activities.config.flattenedFields
})

/** A field of the activities schema by path, such as `location.province`. */
function field(path: string): FlattenedField {
  let current = fields
  let found: FlattenedField | undefined
  for (const name of path.split('.')) {
    found = current.find((candidate) => candidate.name === name)
    if (!found) throw new Error(`No field ${path}`)
    current = 'flattenedFields' in found ? found.flattenedFields : []
  }
  return found!
}

const optionsOf = (path: string): string[] => {
  const f = field(path)
  return f.type === 'select' || f.type === 'radio' ? f.options.map((o) => (typeof o === 'string' ? o : o.value)) : []
}
const maxLengthOf = (path: string): number => {
  const f = field(path)
  return ('maxLength' in f && typeof f.maxLength === 'number' ? f.maxLength : undefined) ?? 500
}

/** Values no field should accept, of every JSON type. */
const junk = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.string({ maxLength: 20 }),
  fc.constantFrom('\u0000', "'); select pg_sleep(1)--", '{}', '[]', '💥'.repeat(50)),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }),
)

/** Mostly a valid value, sometimes junk, sometimes nothing at all. */
const sometimes = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 60, arbitrary: valid }, { weight: 1, arbitrary: junk }, { weight: 1, arbitrary: fc.constant(undefined) })

const text = (path: string) => fc.string({ minLength: 1, maxLength: maxLengthOf(path) + 20 })
const choice = (path: string) => fc.constantFrom(...optionsOf(path))
const choices = (path: string) => fc.subarray(optionsOf(path))
const url = fc.webUrl({ validSchemes: ['https'] })
const dateIn = (year: number) =>
  fc.date({ min: new Date(`${year}-11-01T00:00:00Z`), max: new Date(`${year}-11-30T00:00:00Z`), noInvalidDate: true }).map((d) => d.toISOString())

/** Create bodies for an activity, derived from the fields of the collection. */
const activityBody = () =>
  fc.record(
    {
      title: sometimes(text('title')),
      summary: sometimes(text('summary')),
      format: sometimes(choice('format')),
      audiences: sometimes(choices('audiences')),
      themes: sometimes(choices('themes')),
      startsAt: sometimes(dateIn(edition.year)),
      endsAt: sometimes(dateIn(edition.year)),
      edition: sometimes(fc.constantFrom(edition.id, edition.id, edition.id, 999_999)),
      location: sometimes(
        fc.record(
          {
            mode: sometimes(choice('location.mode')),
            venue: sometimes(text('location.venue')),
            city: sometimes(fc.constantFrom('Utrecht', 'Zwolle', "'s-Hertogenbosch")),
            postalCode: sometimes(fc.constantFrom('3511 AB', '8011AB', '1234 xy', '0000 XX')),
            province: sometimes(choice('location.province')),
            onlineUrl: sometimes(url),
          },
          { requiredKeys: [] },
        ),
      ),
      registration: sometimes(fc.record({ url: sometimes(url), isFree: sometimes(fc.boolean()), costNote: sometimes(text('registration.costNote')) }, { requiredKeys: [] })),
      contact: sometimes(
        fc.record({ name: sometimes(text('contact.name')), email: sometimes(fc.emailAddress()), phone: sometimes(fc.constantFrom('030-1234567', '+31 30 123 4567', '0201234567', '12')) }, { requiredKeys: [] }),
      ),
      status: fc.option(choice('status'), { freq: 8, nil: undefined }),
    },
    { requiredKeys: [] },
  )

const within = (value: unknown, options: string[]) => typeof value === 'string' && options.includes(value)

/** The rules of docs/access.md and the collection, checked on what was stored. */
function expectValid(activity: Activity) {
  expect(typeof activity.title === 'string' && activity.title.length > 0 && activity.title.length <= maxLengthOf('title')).toBe(true)
  expect(within(activity.format, optionsOf('format'))).toBe(true)
  expect(Number.isNaN(new Date(activity.startsAt).getTime())).toBe(false)
  if (activity.endsAt) expect(new Date(activity.endsAt).getTime()).toBeGreaterThanOrEqual(new Date(activity.startsAt).getTime())
  const { location, contact } = activity
  expect(within(location.mode, optionsOf('location.mode'))).toBe(true)
  if (location.mode !== 'online') {
    expect(location.city).toBeTruthy()
    expect(within(location.province, optionsOf('location.province'))).toBe(true)
  }
  if (location.mode !== 'on-site') expect(location.onlineUrl).toMatch(/^https?:\/\//)
  if (location.province) expect(optionsOf('location.province')).toHaveLength(12)
  expect(contact.name).toBeTruthy()
  expect(contact.email).toMatch(/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/)
  for (const audience of activity.audiences ?? []) expect(within(audience, optionsOf('audiences'))).toBe(true)
  for (const theme of activity.themes ?? []) expect(within(theme, optionsOf('themes'))).toBe(true)
  expect(typeof activity.edition === 'object' ? activity.edition?.id : activity.edition).toBe(edition.id)
  expect(JSON.stringify(activity)).not.toContain('\\u0000')
}

/** Activities, their versions and their history: a refusal leaves all three as they were. */
async function footprint() {
  const [rows, versions, history] = await Promise.all([
    payload.count({ collection: 'activities' }),
    payload.countVersions({ collection: 'activities' }),
    payload.count({ collection: 'activity-history' }),
  ])
  return { rows: rows.totalDocs, versions: versions.totalDocs, history: history.totalDocs }
}

/** Outcomes of one property: a run that only ever refused (or only accepted) proves little. */
type Outcomes = { accepted: number; refused: number }

async function check(property: (outcomes: Outcomes) => fc.IAsyncProperty<any>) {
  const outcomes: Outcomes = { accepted: 0, refused: 0 }
  try {
    await fc.assert(property(outcomes), { seed, numRuns, endOnFailure: true })
  } catch (error) {
    console.error(`Fuzz failure with FUZZ_SEED=${seed} (run again with that seed to reproduce)`)
    throw error
  }
  console.log(`FUZZ_SEED=${seed}: ${outcomes.accepted} accepted, ${outcomes.refused} refused`)
  expect(outcomes.accepted, `FUZZ_SEED=${seed}`).toBeGreaterThan(0)
  expect(outcomes.refused, `FUZZ_SEED=${seed}`).toBeGreaterThan(0)
}

const newest = async () =>
  (await payload.find({ collection: 'activities', sort: '-id', limit: 1, depth: 0, draft: true, overrideAccess: true })).docs[0] as Activity

describe.each(['partner', 'editor'] as const)('activities created and updated by a %s', (role) => {
  it('never fail with a 5xx, store only valid activities, and leave nothing behind when refused', async () => {
    await check((outcomes) =>
      fc.asyncProperty(activityBody(), activityBody(), async (createBody, updateBody) => {
        const before = await footprint()
        const created = await api('POST', 'activities', { body: { ...createBody, organiser: organiser.id }, token: tokens[role] })
        expect(created.status, JSON.stringify(created.body).slice(0, 300)).toBeLessThan(500)
        if (created.status >= 400) {
          outcomes.refused++
          expect(await footprint()).toEqual(before)
          return
        }
        outcomes.accepted++
        expect(created.status).toBe(201)
        const id = created.body.doc.id
        expectValid(await payload.findByID({ collection: 'activities', id, depth: 0, draft: true, overrideAccess: true }))

        const beforeUpdate = await footprint()
        const stored = await payload.findByID({ collection: 'activities', id, depth: 0, draft: true, overrideAccess: true })
        const updated = await api('PATCH', `activities/${id}`, { body: updateBody, token: tokens[role] })
        expect(updated.status, JSON.stringify(updated.body).slice(0, 300)).toBeLessThan(500)
        const after = await payload.findByID({ collection: 'activities', id, depth: 0, draft: true, overrideAccess: true })
        if (updated.status >= 400) {
          expect(await footprint()).toEqual(beforeUpdate)
          expect(after).toEqual(stored)
        } else {
          expectValid(after)
        }
      }),
    )
  }, 120_000)
})

describe('the public submission form', () => {
  it('never fails with a 5xx, stores only valid activities, and leaves nothing behind when refused', async () => {
    await check((outcomes) =>
      fc.asyncProperty(activityBody(), fc.option(fc.string({ maxLength: 30 }), { nil: undefined }), async (body, organisation) => {
        const before = await footprint()
        const organisers = (await payload.count({ collection: 'organisers' })).totalDocs
        const response = await api('POST', 'activities/public-submission', {
          body: { ...body, organisation: organisation === undefined ? { name: 'Buurthuis De Linde' } : { name: organisation } },
        })
        expect(response.status, JSON.stringify(response.body).slice(0, 300)).toBeLessThan(500)
        if (response.status >= 400) {
          outcomes.refused++
          expect(await footprint()).toEqual(before)
          expect((await payload.count({ collection: 'organisers' })).totalDocs).toBe(organisers)
          return
        }
        outcomes.accepted++
        expect(response.status).toBe(201)
        const activity = await newest()
        expectValid(activity)
        expect(activity.status).toBe('draft')
      }),
    )
  }, 120_000)
})
