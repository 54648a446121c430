import type { CollectionSlug, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Activity, Edition, Organiser, User } from '../src/payload-types'
import { api, graphql, payload as getTestPayload, type ApiResponse } from './helpers/api'
import { makeActivity, makeEdition, makeOpenEdition, makeOrganiser, makeUser, nextFreeYear, password, unique } from './helpers/fixtures'
import { fileOf, png, uploadForm, wav } from './helpers/files'

/*
 * The access table of ../shared/DESIGN.md ("Roles and access"), one test per cell: role ×
 * collection or global × operation. The expected answers are written out literally below from
 * the design (and, where the design is silent, from what docs/access.md states), never computed
 * from the access functions under test.
 *
 * Answers:
 *   yes      the operation succeeds (200/201) and its effect is stored
 *   no       refused with 403 (401 where Payload answers an anonymous caller so), nothing changes
 *   hidden   the document lies outside the caller's read filter: a read answers 404, a write
 *            is refused (Payload answers 403 for a write outside a `where` access rule), nothing
 *            changes
 *   all / public / own / own+public / self   what a list returns (200) among the test documents
 *   proposal a partner's change to its approved activity: stored as a draft for review, the
 *            approved version stays public
 *   -        does not apply (there is no "self" for an anonymous caller)
 */

const roles = ['anonymous', 'partner', 'editor', 'admin'] as const
type Role = (typeof roles)[number]
type Row = readonly [anonymous: string, partner: string, editor: string, admin: string]
type Table = Record<string, Row>

// ---------------------------------------------------------------------------------------------
// The design, literally.
// ---------------------------------------------------------------------------------------------

/** "editions, organisers, media, site-settings: read | read | all | all"; "campaign-assets: read | read | all | all". */
const publicContentTable: Table = {
  //                       anonymous  partner  editor  admin
  'read the list': ['all', 'all', 'all', 'all'],
  'read by id': ['yes', 'yes', 'yes', 'yes'],
  create: ['no', 'no', 'yes', 'yes'],
  update: ['no', 'no', 'yes', 'yes'],
  delete: ['no', 'no', 'yes', 'yes'],
}

/**
 * Story audio is part of a story ("the stories also ran as a podcast"): public exactly while a
 * public story uses it, managed by editors.
 */
const storyAudioTable: Table = {
  //                                          anonymous  partner   editor  admin
  'read the list': ['public', 'public', 'all', 'all'],
  'read the audio of a published story': ['yes', 'yes', 'yes', 'yes'],
  'read the audio of a draft story': ['hidden', 'hidden', 'yes', 'yes'],
  'read the audio of a withdrawn story': ['hidden', 'hidden', 'yes', 'yes'],
  create: ['no', 'no', 'yes', 'yes'],
  update: ['no', 'no', 'yes', 'yes'],
  delete: ['no', 'no', 'yes', 'yes'],
}

/** "stories: read published, consent not withdrawn, without consent | as anonymous | all | all". */
const storiesTable: Table = {
  //                                             anonymous  partner   editor  admin
  'read the list': ['public', 'public', 'all', 'all'],
  'read a published story': ['yes', 'yes', 'yes', 'yes'],
  'read a draft story': ['hidden', 'hidden', 'yes', 'yes'],
  'read a published story whose consent was withdrawn': ['hidden', 'hidden', 'yes', 'yes'],
  create: ['no', 'no', 'yes', 'yes'],
  update: ['no', 'no', 'yes', 'yes'],
  delete: ['no', 'no', 'yes', 'yes'],
  'read versions': ['no', 'no', 'yes', 'yes'],
  'read a version by id': ['no', 'no', 'yes', 'yes'],
}

/**
 * "activities: anonymous read approved (and cancelled) ones of editions whose listedFrom has
 * passed | partner: create for own organiser; read all of own organiser; update own while draft,
 * submitted or changes-requested; propose a change to an approved one; move own along the
 * partner transitions | editor: all | admin: all". "Own" is the partner's organiser.
 */
const activitiesTable: Table = {
  //                                                             anonymous  partner       editor  admin
  'read the list': ['public', 'own+public', 'all', 'all'],
  'read an approved activity of a listed edition (other organiser)': ['yes', 'yes', 'yes', 'yes'],
  'read a cancelled activity of a listed edition (other organiser)': ['yes', 'yes', 'yes', 'yes'],
  'read an approved activity of an edition not yet listed (other organiser)': ['hidden', 'hidden', 'yes', 'yes'],
  'read a submitted activity (other organiser)': ['hidden', 'hidden', 'yes', 'yes'],
  'read a rejected activity (other organiser)': ['hidden', 'hidden', 'yes', 'yes'],
  'read a draft activity (own organiser)': ['hidden', 'yes', 'yes', 'yes'],
  'read a rejected activity (own organiser)': ['hidden', 'yes', 'yes', 'yes'],
  'read an approved activity of an edition not yet listed (own organiser)': ['hidden', 'yes', 'yes', 'yes'],
  create: ['no', 'yes', 'yes', 'yes'],
  'update a draft (own organiser)': ['no', 'yes', 'yes', 'yes'],
  'update a submitted one (own organiser)': ['no', 'yes', 'yes', 'yes'],
  'update a changes-requested one (own organiser)': ['no', 'yes', 'yes', 'yes'],
  'update an in-review one (own organiser)': ['no', 'no', 'yes', 'yes'],
  'update a rejected one (own organiser)': ['no', 'no', 'yes', 'yes'],
  'update a withdrawn one (own organiser)': ['no', 'no', 'yes', 'yes'],
  'update a cancelled one (own organiser)': ['no', 'no', 'yes', 'yes'],
  'change an approved one (own organiser)': ['no', 'proposal', 'yes', 'yes'],
  'update a draft (other organiser)': ['no', 'no', 'yes', 'yes'],
  'update an approved, public one (other organiser)': ['no', 'no', 'yes', 'yes'],
  'delete a draft (own organiser)': ['no', 'no', 'yes', 'yes'],
  'delete a draft (other organiser)': ['no', 'no', 'yes', 'yes'],
  'read versions': ['no', 'no', 'yes', 'yes'],
  'read a version by id': ['no', 'no', 'yes', 'yes'],
}

/**
 * The review history is append-only ("an append-only history that nobody can edit"). Partners
 * read the history of their own organiser's activities, the way they read those activities.
 */
const historyTable: Table = {
  //                                          anonymous  partner   editor  admin
  'read the list': ['no', 'own', 'all', 'all'],
  'read an entry (own organiser)': ['no', 'yes', 'yes', 'yes'],
  'read an entry (other organiser)': ['no', 'hidden', 'yes', 'yes'],
  create: ['no', 'no', 'no', 'no'],
  update: ['no', 'no', 'no', 'no'],
  delete: ['no', 'no', 'no', 'no'],
}

/**
 * "users: none | read and update self (not role, not organiser) | read all; create and update
 * partners | all". The brief for these tests adds: editors also create and update editors, but
 * never create admins or raise their own role. The design gives editors no delete.
 */
const usersTable: Table = {
  //                                    anonymous  partner   editor  admin
  'read the list': ['no', 'self', 'all', 'all'],
  'read self': ['-', 'yes', 'yes', 'yes'],
  'read another account': ['no', 'hidden', 'yes', 'yes'],
  'create a partner account': ['no', 'no', 'yes', 'yes'],
  'create an editor account': ['no', 'no', 'yes', 'yes'],
  'create an admin account': ['no', 'no', 'no', 'yes'],
  'update self': ['-', 'yes', 'yes', 'yes'],
  'update a partner account': ['no', 'no', 'yes', 'yes'],
  'update an editor account': ['no', 'no', 'yes', 'yes'],
  'update an admin account': ['no', 'no', 'no', 'yes'],
  'delete a partner account': ['no', 'no', 'no', 'yes'],
  'delete self': ['-', 'no', 'no', '-'],
}

/** "site-settings: read | read | all | all"; `reviewInbox` is where submissions are announced, not public. */
const siteSettingsTable: Table = {
  //                      anonymous  partner   editor  admin
  read: ['public', 'public', 'all', 'all'],
  update: ['no', 'no', 'yes', 'yes'],
}

/**
 * Payload's own collections. The design is silent; docs/access.md states these answers.
 * The job queue holds e-mail addresses (contacts, the review inbox): no API serves or takes it.
 */
const jobsTable: Table = {
  //                      anonymous  partner  editor  admin
  'read the list': ['no', 'no', 'no', 'no'],
  'read by id': ['no', 'no', 'no', 'no'],
  create: ['no', 'no', 'no', 'no'],
  update: ['no', 'no', 'no', 'no'],
  delete: ['no', 'no', 'no', 'no'],
}

/** Admin-UI preferences: each account its own, nobody another's. */
const preferencesTable: Table = {
  //                                               anonymous  partner   editor    admin
  'read the list': ['no', 'own', 'own', 'own'],
  "read another account's preference by key": ['hidden', 'hidden', 'hidden', 'hidden'],
  'set a preference of its own': ['no', 'yes', 'yes', 'yes'],
  "update another account's preference by id": ['no', 'hidden', 'hidden', 'hidden'],
  "delete another account's preference by key": ['no', 'hidden', 'hidden', 'hidden'],
}

/**
 * Document locks of the admin UI, which reads and writes them over REST with the signed-in
 * account: every account, never anonymous. A lock never shows a document the caller may not read.
 */
/**
 * An editor's lock on a draft story, and a new lock in the caller's own name on the own
 * partner's draft activity. Locks in another's name and on other documents: tests/locks.test.ts.
 */
const locksTable: Table = {
  //                      anonymous  partner  editor  admin
  'read the list': ['no', 'none', 'all', 'all'],
  'read by id': ['no', 'hidden', 'yes', 'yes'],
  create: ['no', 'yes', 'yes', 'yes'],
  update: ['no', 'hidden', 'yes', 'yes'],
  delete: ['no', 'hidden', 'yes', 'yes'],
}

// ---------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------

let payload: Payload
let listed: Edition
let notYetListed: Edition
let own: Organiser
let other: Organiser
const accounts = {} as Record<Exclude<Role, 'anonymous'>, { user: User; token: string }>
let otherPartner: { user: User; token: string }

const tokenOf = (role: Role) => (role === 'anonymous' ? undefined : accounts[role].token)
const userOf = (role: Exclude<Role, 'anonymous'>) => ({ ...accounts[role].user, collection: 'users' as const })

type Status = Activity['status']
const statuses: Status[] = ['draft', 'submitted', 'in-review', 'changes-requested', 'approved', 'rejected', 'withdrawn', 'cancelled']
/** The test activities: each status of each organiser in the listed edition, plus an approved one of an edition not yet listed. */
const fixtures = {} as Record<'own' | 'other', Record<Status | 'approved-unlisted', Activity>>
const stories = {} as Record<'published' | 'draft' | 'withdrawn', { id: number }>
const audio = {} as Record<'published' | 'draft' | 'withdrawn', { id: number }>
const content = {} as Record<'editions' | 'organisers' | 'media' | 'campaign-assets', { id: number }>
let historyOwn: { id: number }
let historyOther: { id: number }

const freshActivity = (organiser: Organiser, status: Status, data: Partial<Activity> = {}) =>
  makeActivity(payload, listed, organiser, {
    status,
    contact: { name: 'Lotte Jansen', email: `lotte-${unique()}@school.test`, phone: '0201234567' },
    ...data,
  })

const storyData = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  perspective: 'parent' as const,
  storyteller: { displayName: 'Anouk' },
  ...extra,
})

beforeAll(async () => {
  payload = await getTestPayload()
  // The first account ever created becomes an administrator: make that one first, on purpose.
  accounts.admin = await makeUser(payload, 'admin')
  own = await makeOrganiser(payload, { name: `Eigen organisatie ${unique()}` })
  other = await makeOrganiser(payload, { name: `Andere organisatie ${unique()}` })
  accounts.editor = await makeUser(payload, 'editor')
  accounts.partner = await makeUser(payload, 'partner', own)
  otherPartner = await makeUser(payload, 'partner', other)
  listed = await makeOpenEdition(payload)
  notYetListed = await makeOpenEdition(payload, { submissions: { listedFrom: '2099-01-01T00:00:00.000Z' } })
  for (const [key, organiser] of [
    ['own', own],
    ['other', other],
  ] as const) {
    fixtures[key] = {} as (typeof fixtures)[typeof key]
    for (const status of statuses) {
      fixtures[key][status] = await freshActivity(organiser, status, {
        title: `${key} ${status} ${unique()}`,
        review: { feedback: 'Terugkoppeling', internalNotes: 'Interne notitie' },
        submittedBy: (key === 'own' ? accounts.partner : otherPartner).user.id,
      })
    }
    fixtures[key]['approved-unlisted'] = await makeActivity(payload, notYetListed, organiser, { status: 'approved' })
  }
  const history = (activity: Activity) => payload.find({ collection: 'activity-history', where: { activity: { equals: activity.id } }, depth: 0, limit: 1 })
  historyOwn = (await history(fixtures.own.submitted)).docs[0]!
  historyOther = (await history(fixtures.other.submitted)).docs[0]!

  for (const kind of ['published', 'draft', 'withdrawn'] as const) {
    audio[kind] = await payload.create({
      collection: 'story-audio',
      data: { title: `Audio ${kind} ${unique()}`, transcript: 'Uitgeschreven tekst.' },
      file: fileOf(wav(), `audio-${kind}-${unique()}.wav`, 'audio/wav'),
    })
  }
  stories.published = await payload.create({
    collection: 'stories',
    data: storyData(`Openbaar verhaal ${unique()}`, { _status: 'published', audio: audio.published.id, consent: { method: 'written', withdrawn: false } }),
  })
  stories.draft = await payload.create({
    collection: 'stories',
    data: storyData(`Concept ${unique()}`, { _status: 'draft', audio: audio.draft.id }),
    draft: true,
  })
  stories.withdrawn = await payload.create({
    collection: 'stories',
    data: storyData(`Teruggetrokken ${unique()}`, { _status: 'published', audio: audio.withdrawn.id, consent: { withdrawn: true } }),
  })

  content.editions = listed
  content.organisers = other
  content.media = await payload.create({ collection: 'media', data: { alt: 'Beeld' }, file: fileOf(await png(), `beeld-${unique()}.png`, 'image/png') })
  content['campaign-assets'] = await payload.create({
    collection: 'campaign-assets',
    data: { title: 'Poster', kind: 'poster', alt: 'Poster' },
    file: fileOf(await png(), `poster-${unique()}.png`, 'image/png'),
  })
  await payload.updateGlobal({ slug: 'site-settings', data: { reviewInbox: 'beoordeling@marker.test' } })
})

// ---------------------------------------------------------------------------------------------
// Assertions shared by the cells
// ---------------------------------------------------------------------------------------------

const show = (response: ApiResponse) => `${response.status} ${JSON.stringify(response.body)?.slice(0, 400)}`

/** A refusal: 403, or 401 where Payload answers an anonymous caller so. */
function expectRefused(response: ApiResponse, role: Role) {
  expect(role === 'anonymous' ? [401, 403] : [403], show(response)).toContain(response.status)
}

/** A write to a document outside the caller's filter: Payload answers 403 (or 404). */
function expectHiddenWrite(response: ApiResponse) {
  expect([403, 404], show(response)).toContain(response.status)
}

function expectOk(response: ApiResponse, status = 200) {
  expect(response.status, show(response)).toBe(status)
}

const stored = (collection: CollectionSlug, id: number | string) =>
  payload.findByID({ collection, id, depth: 0, draft: true, overrideAccess: true, disableErrors: true }) as Promise<any>

const exists = async (collection: CollectionSlug, id: number | string) => Boolean(await stored(collection, id))

const countWhere = async (collection: CollectionSlug, where: Record<string, unknown>) =>
  (await payload.count({ collection, where: where as any, overrideAccess: true })).totalDocs

const idsOf = (response: ApiResponse): number[] => (response.body?.docs ?? []).map((doc: { id: number }) => doc.id)

/** Reads `path` and checks the answer for a single document. */
async function checkRead(path: string, role: Role, answer: string, id: number | string) {
  const response = await api('GET', path, { token: tokenOf(role) })
  if (answer === 'yes') {
    expectOk(response)
    expect(response.body.id).toBe(id)
  } else if (answer === 'hidden') {
    expect(response.status, show(response)).toBe(404)
    expect(JSON.stringify(response.body)).not.toContain(`"id":${id},`)
  } else if (answer === 'no') {
    expectRefused(response, role)
    expect(response.body?.id).toBeUndefined()
  } else throw new Error(`Unknown answer ${answer}`)
}

/** Updates with PATCH and checks the stored value of `field` afterwards. */
async function checkUpdate(
  collection: CollectionSlug,
  id: number | string,
  role: Role,
  answer: string,
  body: Record<string, unknown>,
  read: (doc: any) => unknown,
) {
  const before = read(await stored(collection, id))
  const response = await api('PATCH', `${collection}/${id}?depth=0`, { token: tokenOf(role), body })
  const after = read(await stored(collection, id))
  if (answer === 'yes') {
    expectOk(response)
    expect(after).not.toEqual(before)
  } else {
    if (answer === 'hidden') expectHiddenWrite(response)
    else expectRefused(response, role)
    expect(after).toEqual(before)
  }
}

async function checkDelete(collection: CollectionSlug, id: number | string, role: Role, answer: string) {
  const response = await api('DELETE', `${collection}/${id}`, { token: tokenOf(role) })
  if (answer === 'yes') {
    expectOk(response)
    expect(await exists(collection, id)).toBe(false)
  } else {
    if (answer === 'hidden') expectHiddenWrite(response)
    else expectRefused(response, role)
    expect(await exists(collection, id)).toBe(true)
  }
}

/** Runs one test per cell of `table`, each with the driver for its row. */
function cells(name: string, table: Table, drivers: Record<string, (role: Role, answer: string) => Promise<void>>) {
  describe(name, () => {
    for (const [row, answers] of Object.entries(table)) {
      const driver = drivers[row]
      if (!driver) throw new Error(`No driver for '${row}' of ${name}`)
      roles.forEach((role, index) => {
        const answer = answers[index]!
        if (answer === '-') return
        it(`${row}: ${role} → ${answer}`, () => driver(role, answer))
      })
    }
  })
}

// ---------------------------------------------------------------------------------------------
// Editions, organisers, media, campaign assets
// ---------------------------------------------------------------------------------------------

type ContentSlug = 'editions' | 'organisers' | 'media' | 'campaign-assets'

const contentSpecs: Record<
  ContentSlug,
  {
    make: () => Promise<{ id: number }>
    create: (tag: string) => Promise<{ body?: unknown; form?: FormData }>
    tagWhere: (tag: string) => Record<string, unknown>
    update: (tag: string) => Record<string, unknown>
    read: (doc: any) => unknown
  }
> = {
  editions: {
    make: () => makeEdition(payload),
    create: async (tag) => {
      const year = await nextFreeYear(payload)
      return { body: { year, theme: tag, startDate: `${year}-11-16T00:00:00.000Z`, endDate: `${year}-11-22T00:00:00.000Z` } }
    },
    tagWhere: (tag) => ({ theme: { equals: tag } }),
    update: (tag) => ({ theme: tag }),
    read: (doc) => doc.theme,
  },
  organisers: {
    make: () => makeOrganiser(payload),
    create: async (tag) => ({ body: { name: tag } }),
    tagWhere: (tag) => ({ name: { equals: tag } }),
    update: (tag) => ({ name: tag }),
    read: (doc) => doc.name,
  },
  media: {
    make: async () => payload.create({ collection: 'media', data: { alt: 'Te verwijderen' }, file: fileOf(await png(), `weg-${unique()}.png`, 'image/png') }),
    create: async (tag) => ({ form: uploadForm(await png(), `${tag}.png`, 'image/png', { alt: tag }) }),
    tagWhere: (tag) => ({ alt: { equals: tag } }),
    update: (tag) => ({ alt: tag }),
    read: (doc) => doc.alt,
  },
  'campaign-assets': {
    make: async () =>
      payload.create({
        collection: 'campaign-assets',
        data: { title: 'Te verwijderen', kind: 'poster', alt: 'x' },
        file: fileOf(await png(), `weg-${unique()}.png`, 'image/png'),
      }),
    create: async (tag) => ({ form: uploadForm(await png(), `${tag}.png`, 'image/png', { title: tag, kind: 'banner', alt: tag }) }),
    tagWhere: (tag) => ({ title: { equals: tag } }),
    update: (tag) => ({ title: tag }),
    read: (doc) => doc.title,
  },
}

for (const slug of ['editions', 'organisers', 'media', 'campaign-assets'] as const) {
  const spec = contentSpecs[slug]
  cells(slug, publicContentTable, {
    'read the list': async (role, answer) => {
      expect(answer).toBe('all')
      const response = await api('GET', `${slug}?depth=0&where[id][equals]=${content[slug].id}`, { token: tokenOf(role) })
      expectOk(response)
      expect(idsOf(response)).toEqual([content[slug].id])
    },
    'read by id': (role, answer) => checkRead(`${slug}/${content[slug].id}?depth=0`, role, answer, content[slug].id),
    create: async (role, answer) => {
      const tag = `${slug}-${role}-${unique()}`
      const request = await spec.create(tag)
      const response = await api('POST', `${slug}?depth=0`, { token: tokenOf(role), ...request })
      if (answer === 'yes') {
        expectOk(response, 201)
        expect(await countWhere(slug, spec.tagWhere(tag))).toBe(1)
      } else {
        expectRefused(response, role)
        expect(await countWhere(slug, spec.tagWhere(tag))).toBe(0)
      }
    },
    update: async (role, answer) => {
      const target = await spec.make()
      await checkUpdate(slug, target.id, role, answer, spec.update(`${slug}-${role}-${unique()}`), spec.read)
    },
    delete: async (role, answer) => checkDelete(slug, (await spec.make()).id, role, answer),
  })
}

// ---------------------------------------------------------------------------------------------
// Story audio
// ---------------------------------------------------------------------------------------------

const makeAudio = async () =>
  payload.create({
    collection: 'story-audio',
    data: { title: `Audio ${unique()}`, transcript: 'Uitgeschreven tekst.' },
    file: fileOf(wav(), `a-${unique()}.wav`, 'audio/wav'),
  })

cells('story-audio', storyAudioTable, {
  'read the list': async (role, answer) => {
    const ids = [audio.published.id, audio.draft.id, audio.withdrawn.id]
    const response = await api('GET', `story-audio?depth=0&where[id][in]=${ids.join(',')}`, { token: tokenOf(role) })
    expectOk(response)
    expect(idsOf(response).sort()).toEqual(answer === 'all' ? [...ids].sort() : [audio.published.id])
  },
  'read the audio of a published story': (role, answer) => checkRead(`story-audio/${audio.published.id}`, role, answer, audio.published.id),
  'read the audio of a draft story': (role, answer) => checkRead(`story-audio/${audio.draft.id}`, role, answer, audio.draft.id),
  'read the audio of a withdrawn story': (role, answer) => checkRead(`story-audio/${audio.withdrawn.id}`, role, answer, audio.withdrawn.id),
  create: async (role, answer) => {
    const tag = `audio-${role}-${unique()}`
    const response = await api('POST', 'story-audio?depth=0', { token: tokenOf(role), form: uploadForm(wav(), `${tag}.wav`, 'audio/wav', { title: tag }) })
    if (answer === 'yes') expectOk(response, 201)
    else expectRefused(response, role)
    expect(await countWhere('story-audio', { title: { equals: tag } })).toBe(answer === 'yes' ? 1 : 0)
  },
  update: async (role, answer) => checkUpdate('story-audio', (await makeAudio()).id, role, answer, { title: `audio-${unique()}` }, (doc) => doc.title),
  delete: async (role, answer) => checkDelete('story-audio', (await makeAudio()).id, role, answer),
})

// ---------------------------------------------------------------------------------------------
// Stories
// ---------------------------------------------------------------------------------------------

const makeStory = () => payload.create({ collection: 'stories', data: storyData(`Verhaal ${unique()}`, { _status: 'published' }) })

cells('stories', storiesTable, {
  'read the list': async (role, answer) => {
    const ids = [stories.published.id, stories.draft.id, stories.withdrawn.id]
    const response = await api('GET', `stories?depth=0&where[id][in]=${ids.join(',')}`, { token: tokenOf(role) })
    expectOk(response)
    expect(idsOf(response).sort()).toEqual(answer === 'all' ? [...ids].sort() : [stories.published.id])
    if (answer === 'public') for (const doc of response.body.docs) expect(doc.consent).toBeUndefined()
    else expect(response.body.docs.find((doc: any) => doc.id === stories.published.id).consent.method).toBe('written')
  },
  'read a published story': (role, answer) => checkRead(`stories/${stories.published.id}`, role, answer, stories.published.id),
  'read a draft story': async (role, answer) => {
    await checkRead(`stories/${stories.draft.id}`, role, answer, stories.draft.id)
    await checkRead(`stories/${stories.draft.id}?draft=true`, role, answer, stories.draft.id)
  },
  'read a published story whose consent was withdrawn': async (role, answer) => {
    await checkRead(`stories/${stories.withdrawn.id}`, role, answer, stories.withdrawn.id)
    await checkRead(`stories/${stories.withdrawn.id}?draft=true`, role, answer, stories.withdrawn.id)
  },
  create: async (role, answer) => {
    const tag = `story-${role}-${unique()}`
    const response = await api('POST', 'stories?depth=0', { token: tokenOf(role), body: storyData(tag) })
    if (answer === 'yes') expectOk(response, 201)
    else expectRefused(response, role)
    expect(await countWhere('stories', { title: { equals: tag } })).toBe(answer === 'yes' ? 1 : 0)
  },
  update: async (role, answer) => checkUpdate('stories', (await makeStory()).id, role, answer, { title: `story-${unique()}` }, (doc) => doc.title),
  delete: async (role, answer) => checkDelete('stories', (await makeStory()).id, role, answer),
  'read versions': async (role, answer) => {
    const response = await api('GET', `stories/versions?where[parent][equals]=${stories.draft.id}`, { token: tokenOf(role) })
    if (answer === 'yes') {
      expectOk(response)
      expect(response.body.totalDocs).toBeGreaterThan(0)
    } else {
      expectRefused(response, role)
      expect(JSON.stringify(response.body)).not.toMatch(/Concept/)
    }
  },
  'read a version by id': async (role, answer) => {
    const version = (await payload.findVersions({ collection: 'stories', where: { parent: { equals: stories.draft.id } }, limit: 1 })).docs[0]!
    const response = await api('GET', `stories/versions/${version.id}`, { token: tokenOf(role) })
    if (answer === 'yes') {
      expectOk(response)
      expect(response.body.parent).toBeTruthy()
    } else {
      expectRefused(response, role)
      expect(JSON.stringify(response.body)).not.toMatch(/Concept/)
    }
  },
})

// ---------------------------------------------------------------------------------------------
// Activities
// ---------------------------------------------------------------------------------------------

const allFixtureIds = () => (['own', 'other'] as const).flatMap((key) => Object.values(fixtures[key]).map((a) => a.id))
const publicFixtureIds = () => (['own', 'other'] as const).flatMap((key) => [fixtures[key].approved.id, fixtures[key].cancelled.id])

const activityBody = (tag: string, organiser: Organiser) => ({
  title: tag,
  edition: listed.id,
  organiser: organiser.id,
  format: 'workshop',
  startsAt: `${listed.year}-11-18T09:00:00.000Z`,
  location: { mode: 'on-site', city: 'Zwolle', province: 'overijssel' },
  contact: { name: 'Partner', email: 'partner-aanmelding@school.test' },
})

const titleOf = (doc: any) => doc?.title
const publishedTitle = async (id: number) => ((await payload.findByID({ collection: 'activities', id, depth: 0, overrideAccess: true })) as Activity).title

function updateCell(organiser: () => Organiser, status: Status) {
  return async (role: Role, answer: string) => {
    const activity = await freshActivity(organiser(), status)
    await checkUpdate('activities', activity.id, role, answer, { title: `Gewijzigd ${unique()}` }, titleOf)
    // An edit of the content is no transition: the status stays, allowed or not.
    expect((await stored('activities', activity.id)).status).toBe(status)
  }
}

function readCell(pick: () => Activity) {
  return (role: Role, answer: string) => checkRead(`activities/${pick().id}?depth=0`, role, answer, pick().id)
}

cells('activities', activitiesTable, {
  'read the list': async (role, answer) => {
    const response = await api('GET', `activities?depth=0&limit=100&where[id][in]=${allFixtureIds().join(',')}`, { token: tokenOf(role) })
    expectOk(response)
    const expected =
      answer === 'all'
        ? allFixtureIds()
        : answer === 'public'
          ? publicFixtureIds()
          : [...Object.values(fixtures.own).map((a) => a.id), fixtures.other.approved.id, fixtures.other.cancelled.id]
    expect(idsOf(response).sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b))
    if (answer === 'public') {
      for (const doc of response.body.docs) {
        expect(doc.contact).toBeUndefined()
        expect(doc.review).toBeUndefined()
        expect(doc.submittedBy).toBeUndefined()
      }
    }
  },
  'read an approved activity of a listed edition (other organiser)': readCell(() => fixtures.other.approved),
  'read a cancelled activity of a listed edition (other organiser)': readCell(() => fixtures.other.cancelled),
  'read an approved activity of an edition not yet listed (other organiser)': readCell(() => fixtures.other['approved-unlisted']),
  'read a submitted activity (other organiser)': readCell(() => fixtures.other.submitted),
  'read a rejected activity (other organiser)': readCell(() => fixtures.other.rejected),
  'read a draft activity (own organiser)': readCell(() => fixtures.own.draft),
  'read a rejected activity (own organiser)': readCell(() => fixtures.own.rejected),
  'read an approved activity of an edition not yet listed (own organiser)': readCell(() => fixtures.own['approved-unlisted']),
  create: async (role, answer) => {
    const tag = `Aanmelding ${role} ${unique()}`
    const response = await api('POST', 'activities?depth=0', { token: tokenOf(role), body: activityBody(tag, role === 'partner' ? own : other) })
    if (answer === 'yes') {
      expectOk(response, 201)
      const doc = await stored('activities', response.body.doc.id)
      expect(doc.organiser).toBe(role === 'partner' ? own.id : other.id)
      if (role === 'partner') expect(doc.submittedBy).toBe(accounts.partner.user.id)
    } else expectRefused(response, role)
    expect(await countWhere('activities', { title: { equals: tag } })).toBe(answer === 'yes' ? 1 : 0)
  },
  'update a draft (own organiser)': updateCell(() => own, 'draft'),
  'update a submitted one (own organiser)': updateCell(() => own, 'submitted'),
  'update a changes-requested one (own organiser)': updateCell(() => own, 'changes-requested'),
  'update an in-review one (own organiser)': updateCell(() => own, 'in-review'),
  'update a rejected one (own organiser)': updateCell(() => own, 'rejected'),
  'update a withdrawn one (own organiser)': updateCell(() => own, 'withdrawn'),
  'update a cancelled one (own organiser)': updateCell(() => own, 'cancelled'),
  'change an approved one (own organiser)': async (role, answer) => {
    const activity = await freshActivity(own, 'approved', { title: 'Goedgekeurde titel' })
    const title = `Voorstel ${unique()}`
    const response = await api('PATCH', `activities/${activity.id}?depth=0`, { token: tokenOf(role), body: { title } })
    if (answer === 'proposal') {
      expectOk(response)
      // The approved version stays public; the change waits for review as a draft.
      expect(await publishedTitle(activity.id)).toBe('Goedgekeurde titel')
      expect((await api('GET', `activities/${activity.id}`)).body.title).toBe('Goedgekeurde titel')
      expect(await stored('activities', activity.id)).toMatchObject({ title, status: 'submitted' })
    } else if (answer === 'yes') {
      expectOk(response)
      expect(await publishedTitle(activity.id)).toBe(title)
    } else {
      expectRefused(response, role)
      expect(await stored('activities', activity.id)).toMatchObject({ title: 'Goedgekeurde titel', status: 'approved' })
    }
  },
  'update a draft (other organiser)': updateCell(() => other, 'draft'),
  'update an approved, public one (other organiser)': async (role, answer) => {
    const activity = await freshActivity(other, 'approved', { title: 'Openbare activiteit' })
    await checkUpdate('activities', activity.id, role, answer, { title: `Gewijzigd ${unique()}` }, titleOf)
    if (answer !== 'yes') expect(await publishedTitle(activity.id)).toBe('Openbare activiteit')
  },
  'delete a draft (own organiser)': async (role, answer) => checkDelete('activities', (await freshActivity(own, 'draft')).id, role, answer),
  'delete a draft (other organiser)': async (role, answer) => checkDelete('activities', (await freshActivity(other, 'draft')).id, role, answer),
  'read versions': async (role, answer) => {
    const response = await api('GET', `activities/versions?where[parent][equals]=${fixtures.own.submitted.id}`, { token: tokenOf(role) })
    if (answer === 'yes') {
      expectOk(response)
      expect(response.body.totalDocs).toBeGreaterThan(0)
    } else {
      expectRefused(response, role)
      expect(JSON.stringify(response.body)).not.toMatch(/lotte-/)
    }
  },
  'read a version by id': async (role, answer) => {
    const version = (await payload.findVersions({ collection: 'activities', where: { parent: { equals: fixtures.own.submitted.id } }, limit: 1 })).docs[0]!
    const response = await api('GET', `activities/versions/${version.id}`, { token: tokenOf(role) })
    if (answer === 'yes') {
      expectOk(response)
      expect(response.body.version.title).toBe(fixtures.own.submitted.title)
    } else {
      expectRefused(response, role)
      expect(JSON.stringify(response.body)).not.toMatch(/lotte-/)
    }
  },
})

// ---------------------------------------------------------------------------------------------
// Activity history
// ---------------------------------------------------------------------------------------------

cells('activity-history', historyTable, {
  'read the list': async (role, answer) => {
    const ids = [historyOwn.id, historyOther.id]
    const response = await api('GET', `activity-history?depth=0&where[id][in]=${ids.join(',')}`, { token: tokenOf(role) })
    if (answer === 'no') {
      expectRefused(response, role)
      expect(response.body.docs).toBeUndefined()
      return
    }
    expectOk(response)
    expect(idsOf(response).sort()).toEqual(answer === 'all' ? [...ids].sort() : [historyOwn.id])
  },
  'read an entry (own organiser)': (role, answer) => checkRead(`activity-history/${historyOwn.id}`, role, answer, historyOwn.id),
  'read an entry (other organiser)': (role, answer) => checkRead(`activity-history/${historyOther.id}`, role, answer, historyOther.id),
  create: async (role, answer) => {
    expect(answer).toBe('no')
    const before = await countWhere('activity-history', { activity: { equals: fixtures.own.submitted.id } })
    const response = await api('POST', 'activity-history', {
      token: tokenOf(role),
      body: { activity: fixtures.own.submitted.id, to: 'approved', at: new Date().toISOString() },
    })
    expectRefused(response, role)
    expect(await countWhere('activity-history', { activity: { equals: fixtures.own.submitted.id } })).toBe(before)
  },
  update: (role, answer) => checkUpdate('activity-history', historyOwn.id, role, answer, { to: 'approved', feedback: 'x' }, (doc) => [doc.to, doc.feedback]),
  delete: (role, answer) => checkDelete('activity-history', historyOwn.id, role, answer),
})

// ---------------------------------------------------------------------------------------------
// Users
// ---------------------------------------------------------------------------------------------

const makeAccount = async (role: User['role']) =>
  payload.create({
    collection: 'users',
    data: { email: `${role}-${unique()}@accounts.test`, password, name: `${role} ${unique()}`, role, organiser: role === 'partner' ? other.id : undefined },
  })

function createAccountCell(target: User['role']) {
  return async (role: Role, answer: string) => {
    const email = `nieuw-${target}-${unique()}@accounts.test`
    const body = { email, password, name: 'Nieuw account', role: target, organiser: target === 'partner' ? other.id : undefined }
    const response = await api('POST', 'users?depth=0', { token: tokenOf(role), body })
    if (answer === 'yes') {
      expectOk(response, 201)
      expect((await payload.find({ collection: 'users', where: { email: { equals: email } } })).docs[0]?.role).toBe(target)
    } else {
      // An editor asking for an admin: the role is refused (the role field is dropped, so the
      // required role fails validation with 400) or the whole request is refused (403).
      if (role === 'editor' && target === 'admin') {
        expect([400, 403], show(response)).toContain(response.status)
        console.info(`Editor creating an admin account: ${response.status} ${JSON.stringify(response.body?.errors?.[0]?.message)}`)
      } else expectRefused(response, role)
      expect(await countWhere('users', { email: { equals: email } })).toBe(0)
    }
  }
}

function updateAccountCell(target: () => Promise<User> | User) {
  return async (role: Role, answer: string) => {
    const account = await target()
    await checkUpdate('users', account.id, role, answer, { name: `Nieuwe naam ${unique()}` }, (doc) => doc.name)
  }
}

cells('users', usersTable, {
  'read the list': async (role, answer) => {
    const response = await api('GET', 'users?depth=0&limit=1000', { token: tokenOf(role) })
    if (answer === 'no') {
      expectRefused(response, role)
      expect(response.body.docs).toBeUndefined()
      return
    }
    expectOk(response)
    if (answer === 'self') expect(idsOf(response)).toEqual([accounts.partner.user.id])
    else {
      expect(response.body.totalDocs).toBe(await countWhere('users', {}))
      for (const doc of response.body.docs) {
        expect(doc.hash).toBeUndefined()
        expect(doc.salt).toBeUndefined()
      }
    }
  },
  'read self': (role, answer) => {
    const id = accounts[role as Exclude<Role, 'anonymous'>].user.id
    return checkRead(`users/${id}`, role, answer, id)
  },
  'read another account': (role, answer) => checkRead(`users/${otherPartner.user.id}`, role, answer, otherPartner.user.id),
  'create a partner account': createAccountCell('partner'),
  'create an editor account': createAccountCell('editor'),
  'create an admin account': createAccountCell('admin'),
  'update self': async (role, answer) => {
    const id = accounts[role as Exclude<Role, 'anonymous'>].user.id
    await checkUpdate('users', id, role, answer, { name: `${role} ${unique()}` }, (doc) => doc.name)
  },
  'update a partner account': updateAccountCell(() => makeAccount('partner')),
  'update an editor account': updateAccountCell(() => makeAccount('editor')),
  'update an admin account': updateAccountCell(() => makeAccount('admin')),
  'delete a partner account': async (role, answer) => checkDelete('users', (await makeAccount('partner')).id, role, answer),
  'delete self': async (role, answer) => {
    // A throw-away account of the same role, so the shared accounts stay.
    const account = await makeAccount(role as User['role'])
    const { token } = await payload.login({ collection: 'users', data: { email: account.email, password } })
    const response = await api('DELETE', `users/${account.id}`, { token })
    expect(answer).toBe('no')
    expectRefused(response, role)
    expect(await exists('users', account.id)).toBe(true)
  },
})

// ---------------------------------------------------------------------------------------------
// Site settings
// ---------------------------------------------------------------------------------------------

cells('site-settings (global)', siteSettingsTable, {
  read: async (role, answer) => {
    const response = await api('GET', 'globals/site-settings', { token: tokenOf(role) })
    expectOk(response)
    expect(response.body.helpLines.map((line: { phone: string }) => line.phone)).toEqual(['0800-2000', '0800-0432'])
    if (answer === 'public') expect(response.body.reviewInbox).toBeUndefined()
    else expect(response.body.reviewInbox).toBe('beoordeling@marker.test')
  },
  update: async (role, answer) => {
    const before = await payload.findGlobal({ slug: 'site-settings', depth: 0 })
    const url = `https://www.example.nl/meldcode-${unique()}`
    const response = await api('POST', 'globals/site-settings', { token: tokenOf(role), body: { meldcodeUrl: url } })
    const after = await payload.findGlobal({ slug: 'site-settings', depth: 0 })
    if (answer === 'yes') {
      expectOk(response)
      expect(after.meldcodeUrl).toBe(url)
      expect(after.reviewInbox).toBe('beoordeling@marker.test')
      expect(after.helpLines?.map((line) => line.phone)).toEqual(['0800-2000', '0800-0432'])
    } else {
      expectRefused(response, role)
      expect(after.meldcodeUrl).toBe(before.meldcodeUrl)
    }
  },
})

// ---------------------------------------------------------------------------------------------
// Payload's own collections
// ---------------------------------------------------------------------------------------------

/** Jobs this file queues; removed afterwards, so no other file's mail run sends them. */
const queuedJobs: (number | string)[] = []
const queueJob = async () => {
  const job = await payload.jobs.queue({ task: 'sendEmail', input: { to: 'wachtrij@marker.test', subject: 'Onderwerp', text: 'Tekst' } } as any)
  queuedJobs.push(job.id)
  return job
}
afterAll(async () => {
  if (payload && queuedJobs.length > 0) await payload.delete({ collection: 'payload-jobs', where: { id: { in: queuedJobs } }, overrideAccess: true })
})

cells('payload-jobs', jobsTable, {
  'read the list': async (role, answer) => {
    expect(answer).toBe('no')
    await queueJob()
    const response = await api('GET', 'payload-jobs?depth=0', { token: tokenOf(role) })
    expectRefused(response, role)
    expect(JSON.stringify(response.body)).not.toContain('wachtrij@marker.test')
  },
  'read by id': async (role, answer) => {
    const job = await queueJob()
    await checkRead(`payload-jobs/${job.id}`, role, answer, job.id)
  },
  create: async (role, answer) => {
    expect(answer).toBe('no')
    const before = await countWhere('payload-jobs', {})
    const response = await api('POST', 'payload-jobs', {
      token: tokenOf(role),
      body: { taskSlug: 'sendEmail', input: { to: 'aanval@marker.test', subject: 'x', text: 'x' }, queue: 'default' },
    })
    expectRefused(response, role)
    expect(await countWhere('payload-jobs', {})).toBe(before)
  },
  update: async (role, answer) => {
    const job = await queueJob()
    await checkUpdate('payload-jobs', job.id, role, answer, { input: { to: 'aanval@marker.test', subject: 'x', text: 'x' } }, (doc) => doc.input)
  },
  delete: async (role, answer) => checkDelete('payload-jobs', (await queueJob()).id, role, answer),
})

/** A preference of the editor, which no other account may read, change or remove. */
async function editorPreference() {
  const key = `kolommen-${unique()}`
  const response = await api('POST', `payload-preferences/${key}`, { token: accounts.editor.token, body: { value: { geheim: 'VOORKEUR-REDACTIE' } } })
  expectOk(response)
  const doc = (await payload.find({ collection: 'payload-preferences', where: { key: { equals: key } }, overrideAccess: true })).docs[0]!
  return { key, id: doc.id }
}

/** A preference of another account than the caller's. */
async function foreignPreference(role: Role) {
  if (role !== 'editor') return editorPreference()
  const key = `kolommen-${unique()}`
  expectOk(await api('POST', `payload-preferences/${key}`, { token: accounts.admin.token, body: { value: { geheim: 'VOORKEUR-REDACTIE' } } }))
  const doc = (await payload.find({ collection: 'payload-preferences', where: { key: { equals: key } }, overrideAccess: true })).docs[0]!
  return { key, id: doc.id }
}

cells('payload-preferences', preferencesTable, {
  'read the list': async (role, answer) => {
    const foreign = await foreignPreference(role)
    const response = await api('GET', 'payload-preferences?depth=0&limit=1000', { token: tokenOf(role) })
    if (answer === 'no') {
      expectRefused(response, role)
      expect(JSON.stringify(response.body)).not.toContain('VOORKEUR-REDACTIE')
      return
    }
    expectOk(response)
    expect(idsOf(response)).not.toContain(foreign.id)
    const me = accounts[role as Exclude<Role, 'anonymous'>].user.id
    for (const doc of response.body.docs) expect(doc.user.value).toBe(me)
  },
  "read another account's preference by key": async (role, answer) => {
    expect(answer).toBe('hidden')
    const foreign = await foreignPreference(role)
    const response = await api('GET', `payload-preferences/${foreign.key}`, { token: tokenOf(role) })
    // Payload answers 200 with `value: null` when the caller has no preference under that key.
    expectOk(response)
    expect(response.body.value).toBeNull()
    expect(JSON.stringify(response.body)).not.toContain('VOORKEUR-REDACTIE')
  },
  'set a preference of its own': async (role, answer) => {
    const key = `eigen-${unique()}`
    const response = await api('POST', `payload-preferences/${key}`, { token: tokenOf(role), body: { value: { kolommen: ['title'] } } })
    if (answer === 'yes') {
      expectOk(response)
      const doc = (await payload.find({ collection: 'payload-preferences', where: { key: { equals: key } }, overrideAccess: true })).docs[0]!
      expect((doc.user as { value: { id: unknown } }).value.id).toBe(accounts[role as Exclude<Role, 'anonymous'>].user.id)
    } else {
      expectRefused(response, role)
      expect(await countWhere('payload-preferences', { key: { equals: key } })).toBe(0)
    }
  },
  "update another account's preference by id": async (role, answer) => {
    const foreign = await foreignPreference(role)
    await checkUpdate('payload-preferences', foreign.id, role, answer, { value: { overgenomen: true } }, (doc) => doc.value)
  },
  "delete another account's preference by key": async (role, answer) => {
    const foreign = await foreignPreference(role)
    const response = await api('DELETE', `payload-preferences/${foreign.key}`, { token: tokenOf(role) })
    expect(await exists('payload-preferences', foreign.id)).toBe(true)
    // The caller has no preference under that key: 404 (Payload looks the key up among the caller's own).
    if (answer === 'hidden') expect(response.status, show(response)).toBe(404)
    else expectRefused(response, role)
  },
})

const makeLock = async () =>
  payload.create({
    collection: 'payload-locked-documents',
    data: {
      document: { relationTo: 'stories', value: stories.draft.id },
      user: { relationTo: 'users', value: accounts.editor.user.id },
    } as any,
  })

cells('payload-locked-documents', locksTable, {
  'read the list': async (role, answer) => {
    const lock = await makeLock()
    const response = await api('GET', `payload-locked-documents?depth=2&where[id][equals]=${lock.id}`, { token: tokenOf(role) })
    if (answer === 'no') {
      expectRefused(response, role)
      expect(response.body.docs).toBeUndefined()
      return
    }
    expectOk(response)
    expect(idsOf(response)).toEqual(answer === 'none' ? [] : [lock.id])
  },
  'read by id': async (role, answer) => {
    const lock = await makeLock()
    await checkRead(`payload-locked-documents/${lock.id}?depth=0`, role, answer, lock.id)
  },
  create: async (role, answer) => {
    const before = await countWhere('payload-locked-documents', {})
    const me = role === 'anonymous' ? accounts.editor.user.id : accounts[role].user.id
    const response = await api('POST', 'payload-locked-documents', {
      token: tokenOf(role),
      body: { document: { relationTo: 'activities', value: fixtures.own.draft.id }, user: { relationTo: 'users', value: me } },
    })
    const after = await countWhere('payload-locked-documents', {})
    if (answer === 'yes') {
      expectOk(response, 201)
      expect(after).toBe(before + 1)
    } else {
      expectRefused(response, role)
      expect(after).toBe(before)
    }
  },
  update: async (role, answer) => {
    const lock = await makeLock()
    const me = role === 'anonymous' ? accounts.partner.user.id : accounts[role].user.id
    await checkUpdate('payload-locked-documents', lock.id, role, answer, { user: { relationTo: 'users', value: me } }, (doc) => doc.updatedAt)
  },
  delete: async (role, answer) => checkDelete('payload-locked-documents', (await makeLock()).id, role, answer),
})

// ---------------------------------------------------------------------------------------------
// Field rules
// ---------------------------------------------------------------------------------------------

describe('field rules', () => {
  it('a partner setting its own role or organiser is refused or ignored: nothing changes', async () => {
    const { user, token } = await makeUser(payload, 'partner', own)
    const outcomes: string[] = []
    for (const body of [{ role: 'admin' }, { role: 'editor' }, { organiser: other.id }, { role: 'admin', organiser: other.id, name: 'Gewijzigd' }]) {
      const response = await api('PATCH', `users/${user.id}?depth=0`, { token, body })
      expect([200, 403], show(response)).toContain(response.status)
      outcomes.push(`${JSON.stringify(body)} → ${response.status === 200 ? 'ignored (200)' : 'refused (403)'}`)
      const doc = await stored('users', user.id)
      expect(doc.role).toBe('partner')
      expect(doc.organiser).toBe(own.id)
      if (response.status === 200) {
        expect(response.body.doc.role).toBe('partner')
        expect(response.body.doc.organiser).toBe(own.id)
      }
    }
    console.info(`Partner changing own role/organiser: ${outcomes.join('; ')}`)
    // A new login still carries the partner role and the own organiser.
    const login = await api('POST', 'users/login', { body: { email: user.email, password } })
    expect(login.body.user).toMatchObject({ role: 'partner', organiser: expect.anything() })
  })

  it('an editor cannot raise its own role, nor make any account an administrator', async () => {
    const { user, token } = await makeUser(payload, 'editor')
    const self = await api('PATCH', `users/${user.id}?depth=0`, { token, body: { role: 'admin' } })
    expect([200, 403], show(self)).toContain(self.status)
    console.info(`Editor raising its own role: ${self.status === 200 ? 'ignored (200)' : 'refused (403)'}`)
    expect((await stored('users', user.id)).role).toBe('editor')
    const partner = await makeAccount('partner')
    const raise = await api('PATCH', `users/${partner.id}?depth=0`, { token, body: { role: 'admin' } })
    expect([200, 400, 403], show(raise)).toContain(raise.status)
    expect((await stored('users', partner.id)).role).toBe('partner')
  })

  it('an editor can move a partner to another organiser and make a partner an editor', async () => {
    const partner = await makeAccount('partner')
    expectOk(await api('PATCH', `users/${partner.id}?depth=0`, { token: accounts.editor.token, body: { organiser: own.id } }))
    expect((await stored('users', partner.id)).organiser).toBe(own.id)
    expectOk(await api('PATCH', `users/${partner.id}?depth=0`, { token: accounts.editor.token, body: { role: 'editor' } }))
    expect((await stored('users', partner.id)).role).toBe('editor')
  })

  it('nobody reads hash, salt, reset tokens or login state of an account, nor the sessions of another account', async () => {
    for (const role of ['partner', 'editor', 'admin'] as const) {
      const targets = role === 'partner' ? [accounts.partner.user.id] : [accounts[role].user.id, accounts.partner.user.id]
      for (const id of targets) {
        const response = await api('GET', `users/${id}?depth=0`, { token: tokenOf(role) })
        expectOk(response)
        for (const key of ['hash', 'salt', 'resetPasswordToken', 'resetPasswordExpiration', 'password', 'loginAttempts', 'lockUntil']) {
          expect(response.body[key], `${role} reading ${id}: ${key}`).toBeUndefined()
        }
        // Payload lets an account see its own sessions; another account's sessions are never shown
        // (Payload answers an empty list there).
        if (id !== accounts[role].user.id) expect(response.body.sessions ?? [], `${role} reading ${id}: sessions`).toEqual([])
      }
    }
  })

  it('activity contact, review and submitter: the own organiser and editors read them, nobody else; internal notes editors only', async () => {
    const id = fixtures.own.approved.id
    const seen = async (role: Role | 'other partner') => {
      const token = role === 'other partner' ? otherPartner.token : tokenOf(role)
      const response = await api('GET', `activities/${id}?depth=0`, { token })
      expectOk(response)
      return response.body
    }
    for (const role of ['anonymous', 'other partner'] as const) {
      const doc = await seen(role)
      expect([doc.contact, doc.review, doc.submittedBy]).toEqual([undefined, undefined, undefined])
    }
    const partnerView = await seen('partner')
    expect(partnerView.contact.email).toMatch(/@school\.test$/)
    expect(partnerView.review.feedback).toBe('Terugkoppeling')
    expect(partnerView.review.internalNotes).toBeUndefined()
    expect(partnerView.submittedBy).toBe(accounts.partner.user.id)
    for (const role of ['editor', 'admin'] as const) {
      const doc = await seen(role)
      expect(doc.review).toMatchObject({ feedback: 'Terugkoppeling', internalNotes: 'Interne notitie' })
      expect(doc.contact.email).toMatch(/@school\.test$/)
    }
  })

  it('a partner cannot set status, review, organiser or submitter beyond the rules, on create either', async () => {
    const tag = `Poging ${unique()}`
    for (const extra of [
      { status: 'approved' },
      { review: { internalNotes: 'zelf geschreven' } },
      { review: { feedback: 'zelf goedgekeurd' } },
      { organiser: other.id },
      { submittedBy: accounts.editor.user.id },
    ]) {
      const response = await api('POST', 'activities?depth=0', { token: accounts.partner.token, body: { ...activityBody(tag, own), ...extra } })
      if (response.status === 201) {
        // Accepted only with the forbidden part ignored.
        const doc = await stored('activities', response.body.doc.id)
        expect(doc.status).toBe('draft')
        expect(doc.review?.internalNotes ?? null).toBeNull()
        expect(doc.review?.feedback ?? null).toBeNull()
        expect(doc.organiser).toBe(own.id)
        expect(doc.submittedBy).toBe(accounts.partner.user.id)
        await payload.delete({ collection: 'activities', id: doc.id })
      } else expect([400, 403, 409], show(response)).toContain(response.status)
    }
    expect(await countWhere('activities', { title: { equals: tag } })).toBe(0)
  })

  it('anonymous and partners do not read the review inbox of the site settings; editors do', async () => {
    for (const role of roles) {
      const response = await api('GET', 'globals/site-settings', { token: tokenOf(role) })
      expect(response.body.reviewInbox).toBe(role === 'editor' || role === 'admin' ? 'beoordeling@marker.test' : undefined)
    }
  })

  it('the consent of a story is read by editors only, and written by editors only', async () => {
    for (const role of ['anonymous', 'partner'] as const) {
      const response = await api('GET', `stories/${stories.published.id}`, { token: tokenOf(role) })
      expect(response.body.consent).toBeUndefined()
    }
    const editorView = await api('GET', `stories/${stories.published.id}`, { token: accounts.editor.token })
    expect(editorView.body.consent).toMatchObject({ method: 'written', withdrawn: false })
  })
})

// ---------------------------------------------------------------------------------------------
// Payload issue #5224: updates that name the document in the query instead of the path
// ---------------------------------------------------------------------------------------------

describe('updates aimed at another organiser’s activity (Payload issue #5224)', () => {
  it('PATCH /api/activities/<id> by a partner of another organiser changes nothing', async () => {
    for (const status of ['draft', 'approved'] as const) {
      const activity = await freshActivity(other, status, { title: 'Van een ander' })
      const response = await api('PATCH', `activities/${activity.id}`, { token: accounts.partner.token, body: { title: 'Overgenomen' } })
      expectHiddenWrite(response)
      expect(await stored('activities', activity.id)).toMatchObject({ title: 'Van een ander', status, organiser: other.id })
      expect(await publishedTitle(activity.id)).toBe('Van een ander')
    }
  })

  it('PATCH /api/activities?where[id][equals]=<id> by a partner of another organiser changes nothing', async () => {
    for (const status of ['draft', 'approved'] as const) {
      const activity = await freshActivity(other, status, { title: 'Van een ander' })
      for (const query of [`where[id][equals]=${activity.id}`, `where[or][0][id][equals]=${activity.id}`, `where[organiser][equals]=${other.id}`]) {
        const response = await api('PATCH', `activities?${query}`, { token: accounts.partner.token, body: { title: 'Overgenomen', status: 'cancelled' } })
        // Activities change one by one, through the review: no update by `where` for anybody.
        expect(response.status, show(response)).toBe(403)
        expect(await stored('activities', activity.id)).toMatchObject({ title: 'Van een ander', status, organiser: other.id })
      }
    }
  })

  it('a partner cannot reach another organiser’s activity through the id in the body', async () => {
    const mine = await freshActivity(own, 'draft', { title: 'Mijn activiteit' })
    const theirs = await freshActivity(other, 'draft', { title: 'Van een ander' })
    const response = await api('PATCH', `activities/${mine.id}`, { token: accounts.partner.token, body: { id: theirs.id, title: 'Overgenomen' } })
    // The id in the path decides: the own activity is changed, the other one is not.
    expect(response.status, show(response)).toBe(200)
    expect(response.body.doc.id).toBe(mine.id)
    expect((await stored('activities', theirs.id)).title).toBe('Van een ander')
  })

  it('a partner cannot delete in bulk, nor restore a version of another organiser’s activity', async () => {
    const theirs = await freshActivity(other, 'draft', { title: 'Van een ander' })
    const bulk = await api('DELETE', `activities?where[id][equals]=${theirs.id}`, { token: accounts.partner.token })
    expect(bulk.status, show(bulk)).toBe(403)
    expect(await exists('activities', theirs.id)).toBe(true)
    const version = (await payload.findVersions({ collection: 'activities', where: { parent: { equals: theirs.id } }, limit: 1 })).docs[0]!
    const restore = await api('POST', `activities/versions/${version.id}`, { token: accounts.partner.token })
    expectRefused(restore, 'partner')
    expect((await stored('activities', theirs.id)).title).toBe('Van een ander')
  })
})

// ---------------------------------------------------------------------------------------------
// Login
// ---------------------------------------------------------------------------------------------

describe('login', () => {
  it('locks an account after 5 wrong passwords: the 6th attempt, with the right password, is refused', async () => {
    const account = await makeAccount('partner')
    for (let attempt = 1; attempt <= 5; attempt++) {
      const wrong = await api('POST', 'users/login', { body: { email: account.email, password: `Fout-${attempt}` } })
      expect(wrong.status, show(wrong)).toBe(401)
      expect(wrong.body.token).toBeUndefined()
    }
    const right = await api('POST', 'users/login', { body: { email: account.email, password } })
    expect(right.status, show(right)).toBe(401)
    expect(right.body.token).toBeUndefined()
    const doc = await payload.db.findOne<any>({ collection: 'users', where: { id: { equals: account.id } } })
    expect(new Date(doc!.lockUntil).getTime()).toBeGreaterThan(Date.now())
  })

  it('an administrator can unlock it; an anonymous caller or a partner cannot', async () => {
    const account = await makeAccount('partner')
    for (let attempt = 1; attempt <= 5; attempt++) await api('POST', 'users/login', { body: { email: account.email, password: 'Fout' } })
    const anonymous = await api('POST', 'users/unlock', { body: { email: account.email } })
    expectRefused(anonymous, 'anonymous')
    expectRefused(await api('POST', 'users/unlock', { token: accounts.partner.token, body: { email: account.email } }), 'partner')
    expect((await api('POST', 'users/login', { body: { email: account.email, password } })).status).toBe(401)
    expectOk(await api('POST', 'users/unlock', { token: accounts.admin.token, body: { email: account.email } }))
    expectOk(await api('POST', 'users/login', { body: { email: account.email, password } }))
  })
})

// ---------------------------------------------------------------------------------------------
// GraphQL: the same rules, a representative subset
// ---------------------------------------------------------------------------------------------

/** GraphQL answers a group the caller may not read as null or as an object of nulls: no value either way. */
const blank = (value: unknown): boolean => value === null || value === undefined || (typeof value === 'object' && Object.values(value as object).every(blank))

const gqlStatus = (response: ApiResponse): number | undefined => response.body?.errors?.[0]?.extensions?.statusCode
const gqlRefused = (response: ApiResponse) => {
  expect(response.body?.errors?.length, JSON.stringify(response.body)).toBeGreaterThan(0)
  expect([401, 403, 404], JSON.stringify(response.body)).toContain(gqlStatus(response))
}

describe('GraphQL', () => {
  it('Editions: everyone reads; createEdition is refused to anonymous and partners and changes nothing', async () => {
    for (const role of roles) {
      const response = await graphql(`{ Editions(where: { id: { equals: ${listed.id} } }) { docs { id year } } }`, undefined, tokenOf(role))
      expect(response.body.data.Editions.docs, role).toEqual([{ id: listed.id, year: listed.year }])
    }
    for (const role of ['anonymous', 'partner'] as const) {
      const tag = `gql-editie-${unique()}`
      const year = await nextFreeYear(payload)
      const response = await graphql(
        `mutation { createEdition(data: { year: ${year}, theme: "${tag}", startDate: "${year}-11-16T00:00:00.000Z", endDate: "${year}-11-22T00:00:00.000Z" }) { id } }`,
        undefined,
        tokenOf(role),
      )
      gqlRefused(response)
      expect(gqlStatus(response)).toBe(403)
      expect(await countWhere('editions', { theme: { equals: tag } })).toBe(0)
    }
    const tag = `gql-editie-${unique()}`
    const year = await nextFreeYear(payload)
    const created = await graphql(
      `mutation { createEdition(data: { year: ${year}, theme: "${tag}", startDate: "${year}-11-16T00:00:00.000Z", endDate: "${year}-11-22T00:00:00.000Z" }) { id } }`,
      undefined,
      accounts.editor.token,
    )
    expect(created.body.errors, JSON.stringify(created.body)).toBeUndefined()
    expect(await countWhere('editions', { theme: { equals: tag } })).toBe(1)
  })

  it('Activities: anonymous see the public ones without contact, review or submitter; a partner its own and the public ones', async () => {
    const query = `{ Activities(limit: 100, where: { OR: [${allFixtureIds()
      .map((id) => `{ id: { equals: ${id} } }`)
      .join(', ')}] }) { docs { id contact { email phone } review { feedback internalNotes } submittedBy { id email } } } }`
    const anonymous = await graphql(query)
    expect(anonymous.body.errors, JSON.stringify(anonymous.body)).toBeUndefined()
    const anonymousIds = anonymous.body.data.Activities.docs.map((doc: { id: number }) => doc.id).sort((a: number, b: number) => a - b)
    expect(anonymousIds).toEqual([...publicFixtureIds()].sort((a, b) => a - b))
    for (const doc of anonymous.body.data.Activities.docs) {
      expect(blank(doc.contact), JSON.stringify(doc)).toBe(true)
      expect(blank(doc.review), JSON.stringify(doc)).toBe(true)
      expect(blank(doc.submittedBy), JSON.stringify(doc)).toBe(true)
    }
    const partner = await graphql(query, undefined, accounts.partner.token)
    const partnerIds = partner.body.data.Activities.docs.map((doc: { id: number }) => doc.id).sort((a: number, b: number) => a - b)
    expect(partnerIds).toEqual([...Object.values(fixtures.own).map((a) => a.id), fixtures.other.approved.id, fixtures.other.cancelled.id].sort((a, b) => a - b))
    for (const doc of partner.body.data.Activities.docs) {
      if (Object.values(fixtures.own).some((a) => a.id === doc.id)) {
        expect(doc.contact.email).toMatch(/@/)
        expect(doc.review?.internalNotes ?? null).toBeNull()
      } else expect([blank(doc.contact), blank(doc.review), blank(doc.submittedBy)], JSON.stringify(doc)).toEqual([true, true, true])
    }
  })

  it('updateActivity: refused for another organiser’s activity, allowed for the own draft', async () => {
    // The GraphQL input type of an update asks for the groups with required fields.
    const data = (title: string, email: string) =>
      `{ title: "${title}", location: { mode: "online", onlineUrl: "https://meet.example.nl/bijeenkomst" }, contact: { name: "Lotte Jansen", email: "${email}" } }`
    const theirs = await freshActivity(other, 'draft', { title: 'Van een ander' })
    for (const role of ['partner', 'anonymous'] as const) {
      const refused = await graphql(
        `mutation { updateActivity(id: ${theirs.id}, data: ${data('Overgenomen', 'aanvaller@marker.test')}) { id title } }`,
        undefined,
        tokenOf(role),
      )
      gqlRefused(refused)
      expect(gqlStatus(refused)).toBe(403)
      expect(await stored('activities', theirs.id)).toMatchObject({ title: 'Van een ander', contact: { email: theirs.contact.email } })
    }
    const mine = await freshActivity(own, 'draft', { title: 'Mijn activiteit' })
    const allowed = await graphql(
      `mutation { updateActivity(id: ${mine.id}, data: ${data('Mijn nieuwe titel', mine.contact.email)}) { id title } }`,
      undefined,
      accounts.partner.token,
    )
    expect(allowed.body.errors, JSON.stringify(allowed.body)).toBeUndefined()
    expect((await stored('activities', mine.id)).title).toBe('Mijn nieuwe titel')
  })

  it('Stories: anonymous and partners see published stories with consent, never the consent itself', async () => {
    const ids = [stories.published.id, stories.draft.id, stories.withdrawn.id]
    const query = `{ Stories(draft: true, where: { OR: [${ids.map((id) => `{ id: { equals: ${id} } }`).join(', ')}] }) { docs { id title consent { method withdrawn } } } }`
    for (const role of ['anonymous', 'partner'] as const) {
      const response = await graphql(query, undefined, tokenOf(role))
      expect(response.body.errors, JSON.stringify(response.body)).toBeUndefined()
      expect(response.body.data.Stories.docs.map((doc: { id: number }) => doc.id)).toEqual([stories.published.id])
      expect(blank(response.body.data.Stories.docs[0].consent), JSON.stringify(response.body)).toBe(true)
      const single = await graphql(`{ Story(id: ${stories.withdrawn.id}) { id title } }`, undefined, tokenOf(role))
      expect(single.body.data?.Story ?? null).toBeNull()
    }
    const editor = await graphql(query, undefined, accounts.editor.token)
    expect(editor.body.data.Stories.docs).toHaveLength(3)
  })

  it('deleteStory: refused to anonymous and partners, allowed to editors', async () => {
    const story = await makeStory()
    for (const role of ['anonymous', 'partner'] as const) {
      const response = await graphql(`mutation { deleteStory(id: ${story.id}) { id } }`, undefined, tokenOf(role))
      gqlRefused(response)
      expect(await exists('stories', story.id)).toBe(true)
    }
    const response = await graphql(`mutation { deleteStory(id: ${story.id}) { id } }`, undefined, accounts.editor.token)
    expect(response.body.errors, JSON.stringify(response.body)).toBeUndefined()
    expect(await exists('stories', story.id)).toBe(false)
  })

  it('versionsStories and versionsActivities: refused to anonymous and partners', async () => {
    for (const role of ['anonymous', 'partner'] as const) {
      for (const query of [`{ versionsStories { docs { id } } }`, `{ versionsActivities { docs { id } } }`]) {
        const response = await graphql(query, undefined, tokenOf(role))
        gqlRefused(response)
        expect(response.body.data?.versionsStories ?? response.body.data?.versionsActivities ?? null).toBeNull()
      }
    }
  })

  it('Users: refused to anonymous, the own account for a partner, every account for an editor', async () => {
    const anonymous = await graphql(`
      {
        Users {
          docs {
            id
            email
          }
        }
      }
    `)
    gqlRefused(anonymous)
    expect(anonymous.body.data?.Users ?? null).toBeNull()
    const partner = await graphql(
      `
        {
          Users(limit: 1000) {
            docs {
              id
              email
            }
          }
        }
      `,
      undefined,
      accounts.partner.token,
    )
    expect(partner.body.data.Users.docs.map((doc: { id: number }) => doc.id)).toEqual([accounts.partner.user.id])
    const editor = await graphql(
      `
        {
          Users(limit: 1000) {
            totalDocs
          }
        }
      `,
      undefined,
      accounts.editor.token,
    )
    expect(editor.body.data.Users.totalDocs).toBe(await countWhere('users', {}))
  })

  it('updateUser: a partner cannot change its own role or organiser', async () => {
    const { user, token } = await makeUser(payload, 'partner', own)
    const response = await graphql(`mutation { updateUser(id: ${user.id}, data: { role: admin, organiser: ${other.id} }) { id role } }`, undefined, token)
    if (response.body.errors) expect(gqlStatus(response)).toBe(403)
    const doc = await stored('users', user.id)
    expect([doc.role, doc.organiser]).toEqual(['partner', own.id])
  })
})

// ---------------------------------------------------------------------------------------------
// Local API with overrideAccess: false and a user
// ---------------------------------------------------------------------------------------------

const errorName = async (promise: Promise<unknown>) => {
  try {
    await promise
    return 'no error'
  } catch (error) {
    return (error as Error).name
  }
}

describe('the Local API with overrideAccess: false', () => {
  it('find: a partner reads its own account only, and its own and the public activities', async () => {
    const partner = userOf('partner')
    const users = await payload.find({ collection: 'users', overrideAccess: false, user: partner, limit: 1000 })
    expect(users.docs.map((doc) => doc.id)).toEqual([partner.id])
    const activities = await payload.find({
      collection: 'activities',
      overrideAccess: false,
      user: partner,
      where: { id: { in: allFixtureIds() } },
      limit: 100,
      depth: 0,
    })
    expect(activities.docs.map((doc) => doc.id).sort((a, b) => a - b)).toEqual(
      [...Object.values(fixtures.own).map((a) => a.id), fixtures.other.approved.id, fixtures.other.cancelled.id].sort((a, b) => a - b),
    )
  })

  it('find without a user: the public activities, without contact', async () => {
    const activities = await payload.find({ collection: 'activities', overrideAccess: false, where: { id: { in: allFixtureIds() } }, limit: 100, depth: 0 })
    expect(activities.docs.map((doc) => doc.id).sort((a, b) => a - b)).toEqual([...publicFixtureIds()].sort((a, b) => a - b))
    for (const doc of activities.docs) expect(doc.contact).toBeUndefined()
    await expect(errorName(payload.find({ collection: 'users', overrideAccess: false }))).resolves.toBe('Forbidden')
  })

  it('findByID: a draft story is not found for a partner', async () => {
    await expect(errorName(payload.findByID({ collection: 'stories', id: stories.draft.id, overrideAccess: false, user: userOf('partner') }))).resolves.toBe(
      'NotFound',
    )
  })

  it('update: a partner cannot change another organiser’s activity', async () => {
    const theirs = await freshActivity(other, 'approved', { title: 'Van een ander' })
    const name = await errorName(
      payload.update({ collection: 'activities', id: theirs.id, data: { title: 'Overgenomen' }, overrideAccess: false, user: userOf('partner') }),
    )
    expect(['Forbidden', 'NotFound']).toContain(name)
    expect((await stored('activities', theirs.id)).title).toBe('Van een ander')
    const bulk = payload.update({
      collection: 'activities',
      where: { id: { equals: theirs.id } },
      data: { title: 'Overgenomen' },
      overrideAccess: false,
      user: userOf('partner'),
    })
    await expect(bulk).rejects.toMatchObject({ status: 403 })
    expect((await stored('activities', theirs.id)).title).toBe('Van een ander')
  })

  it('create and delete: refused to a partner for editions and stories', async () => {
    const tag = `local-${unique()}`
    const year = await nextFreeYear(payload)
    await expect(
      errorName(
        payload.create({
          collection: 'editions',
          data: { year, theme: tag, startDate: `${year}-11-16T00:00:00.000Z`, endDate: `${year}-11-22T00:00:00.000Z` },
          overrideAccess: false,
          user: userOf('partner'),
        }),
      ),
    ).resolves.toBe('Forbidden')
    expect(await countWhere('editions', { theme: { equals: tag } })).toBe(0)
    const story = await makeStory()
    await expect(errorName(payload.delete({ collection: 'stories', id: story.id, overrideAccess: false, user: userOf('partner') }))).resolves.toBe('Forbidden')
    expect(await exists('stories', story.id)).toBe(true)
  })

  it('globals: a partner reads the settings without the review inbox and cannot change them', async () => {
    const settings = await payload.findGlobal({ slug: 'site-settings', overrideAccess: false, user: userOf('partner') })
    expect(settings.reviewInbox).toBeUndefined()
    const before = (await payload.findGlobal({ slug: 'site-settings' })).meldcodeUrl
    await expect(
      errorName(
        payload.updateGlobal({ slug: 'site-settings', data: { meldcodeUrl: 'https://kwaadaardig.example' }, overrideAccess: false, user: userOf('partner') }),
      ),
    ).resolves.toBe('Forbidden')
    expect((await payload.findGlobal({ slug: 'site-settings' })).meldcodeUrl).toBe(before)
  })

  it('users: a partner cannot raise its own role; an editor cannot update an administrator', async () => {
    const { user } = await makeUser(payload, 'partner', own)
    await payload
      .update({ collection: 'users', id: user.id, data: { role: 'admin', organiser: other.id }, overrideAccess: false, user: { ...user, collection: 'users' } })
      .catch(() => undefined)
    const doc = await stored('users', user.id)
    expect([doc.role, doc.organiser]).toEqual(['partner', own.id])
    const admin = await makeAccount('admin')
    const name = await errorName(
      payload.update({ collection: 'users', id: admin.id, data: { name: 'Overgenomen' }, overrideAccess: false, user: userOf('editor') }),
    )
    expect(['Forbidden', 'NotFound']).toContain(name)
    expect((await stored('users', admin.id)).name).not.toBe('Overgenomen')
  })
})
