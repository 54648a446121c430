import type { CollectionSlug, Payload } from 'payload'
import { formatNames, toWords } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Activity, Edition, Organiser, Story, User } from '../src/payload-types'
import { seed } from '../src/seed/run'
import { api, graphql, payload as getTestPayload, type ApiResponse } from './helpers/api'
import { makeActivity, makeOpenEdition, makeOrganiser, makeUser, password } from './helpers/fixtures'
import { fileOf, png, wav } from './helpers/files'

/*
 * A crawler that reads everything an anonymous caller can reach, REST and GraphQL alike, after
 * seeding realistic data and records with unmistakable markers, and asserts that nothing
 * sensitive comes back: no contact details, no accounts, no password material or sessions, no
 * review notes, no consent records, no draft or withdrawn stories, no change awaiting review.
 *
 * What is sensitive is collected from the database first (Local API without access control),
 * so the seed's own contacts, accounts and drafts are checked too, not only the markers.
 */

let payload: Payload

const marker = {
  contactEmail: 'geheim-contact@marker.test',
  contactPhone: '0612345678',
  contactName: 'GEHEIME-CONTACTPERSOON',
  internalNote: 'GEHEIME-NOTITIE',
  feedback: 'GEHEIME-TERUGKOPPELING',
  accountEmail: 'account@marker.test',
  accountName: 'ACCOUNT-NAAM-MARKER',
  withdrawnStory: 'TERUGGETROKKEN-VERHAAL',
  draftStory: 'CONCEPT-VERHAAL',
  draftChangeOfStory: 'CONCEPT-WIJZIGING-VERHAAL',
  pendingChange: 'NIET-GOEDGEKEURDE-TITEL',
  draftActivity: 'CONCEPT-ACTIVITEIT',
  unlistedActivity: 'NOG-NIET-OPENBARE-ACTIVITEIT',
  rejectedActivity: 'AFGEWEZEN-ACTIVITEIT',
  withdrawnAudio: 'AUDIO-BIJ-TERUGGETROKKEN-VERHAAL',
  draftAudio: 'AUDIO-BIJ-CONCEPT-VERHAAL',
  reviewInbox: 'inbox@marker.test',
  preference: 'VOORKEUR-MARKER',
  consentRecorder: 'toestemming-vastlegger@marker.test',
  /** Public on purpose: the crawler must see these, or it proves nothing. */
  publicActivity: 'OPENBARE-ACTIVITEIT-MARKER',
  publicStory: 'OPENBAAR-VERHAAL-MARKER',
}

/**
 * Strings that must never appear in an anonymous response, with why. Addresses, phone numbers,
 * tokens and markers may not appear anywhere in a response; titles and notes (which other test
 * files may have chosen short and plain, such as 'Concept') may not appear as a value.
 */
const secrets = new Map<string, string>()
const exactSecrets = new Map<string, string>()
const secret = (value: unknown, why: string, exact = false) => {
  if (typeof value !== 'string') return
  const text = value.trim()
  // Short values (a bare first name, 'x') would match innocent text; the markers are long.
  if (text.length < (exact ? 4 : 6)) return
  if (exact) exactSecrets.set(text, why)
  else secrets.set(text, why)
}
/** Every string inside a (localized) value. */
const strings = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : []

let seededAccounts: string[] = []
let resetToken = ''
const uploads = { withdrawnAudio: '', draftAudio: '', publicAudio: '' }

let markerJob: number | string | undefined

const storyBase = { perspective: 'parent' as const, storyteller: { displayName: 'Marieke', role: 'pleegmoeder' } }

async function seedMarkers() {
  const organiser: Organiser = await makeOrganiser(payload, { name: 'Marker-organisatie' })
  const listed: Edition = await makeOpenEdition(payload)
  const unlisted: Edition = await makeOpenEdition(payload, { submissions: { listedFrom: '2099-01-01T00:00:00.000Z' } })
  const { user: editor } = await makeUser(payload, 'editor')
  const recorder = await payload.create({
    collection: 'users',
    data: { email: marker.consentRecorder, password, name: 'Vastlegger toestemming', role: 'editor' },
  })
  const account: User = await payload.create({
    collection: 'users',
    data: { email: marker.accountEmail, password, name: marker.accountName, role: 'partner', organiser: organiser.id },
  })
  const { token: partnerToken } = await payload
    .login({ collection: 'users', data: { email: marker.accountEmail, password } })
    .then((result) => ({ token: result.token! }))
  resetToken = await payload.forgotPassword({ collection: 'users', data: { email: marker.accountEmail }, disableEmail: true })

  const contact = { name: marker.contactName, email: marker.contactEmail, phone: marker.contactPhone }
  const sensitive = { contact, review: { feedback: marker.feedback, internalNotes: marker.internalNote }, submittedBy: account.id }
  await makeActivity(payload, listed, organiser, { title: marker.publicActivity, status: 'approved', ...sensitive })
  await makeActivity(payload, listed, organiser, { title: marker.draftActivity, status: 'draft', ...sensitive })
  await makeActivity(payload, listed, organiser, { title: marker.rejectedActivity, status: 'rejected', ...sensitive })
  await makeActivity(payload, unlisted, organiser, { title: marker.unlistedActivity, status: 'approved', ...sensitive })
  // A change to an approved activity, proposed by the partner and awaiting review.
  const approved: Activity = await makeActivity(payload, listed, organiser, { title: 'Goedgekeurde activiteit met voorstel', status: 'approved', ...sensitive })
  const proposal = await api('PATCH', `activities/${approved.id}`, { token: partnerToken, body: { title: marker.pendingChange } })
  expect(proposal.status, JSON.stringify(proposal.body)).toBe(200)

  const audio = async (title: string) =>
    payload.create({ collection: 'story-audio', data: { title, transcript: title }, file: fileOf(wav(), `${title.toLowerCase()}.wav`, 'audio/wav') })
  const withdrawnAudio = await audio(marker.withdrawnAudio)
  const draftAudio = await audio(marker.draftAudio)
  const publicAudio = await audio('Audio bij openbaar verhaal')
  uploads.withdrawnAudio = withdrawnAudio.filename!
  uploads.draftAudio = draftAudio.filename!
  uploads.publicAudio = publicAudio.filename!
  const image = await payload.create({
    collection: 'media',
    data: { alt: 'Beeld bij verhaal' },
    file: fileOf(await png(), 'verhaal-marker.png', 'image/png'),
  })
  const consent = { obtainedAt: '2019-03-01T00:00:00.000Z', method: 'verbal-recorded' as const, recordedBy: recorder.id, withdrawn: false }
  const published: Story = await payload.create({
    collection: 'stories',
    data: { ...storyBase, title: marker.publicStory, _status: 'published', audio: publicAudio.id, heroImage: image.id, consent },
  })
  await payload.update({ collection: 'stories', id: published.id, data: { title: marker.draftChangeOfStory }, draft: true })
  await payload.create({
    collection: 'stories',
    data: { ...storyBase, title: marker.withdrawnStory, _status: 'published', audio: withdrawnAudio.id, consent: { ...consent, withdrawn: true } },
  })
  await payload.create({
    collection: 'stories',
    data: { ...storyBase, title: marker.draftStory, _status: 'draft', audio: draftAudio.id, consent },
    draft: true,
  })

  await payload.updateGlobal({ slug: 'site-settings', data: { reviewInbox: marker.reviewInbox } })
  await payload.create({
    collection: 'payload-preferences',
    data: { key: 'crawler-marker', user: { relationTo: 'users', value: editor.id }, value: { note: marker.preference } } as any,
    // The preference belongs to whoever makes it.
    user: { ...editor, collection: 'users' },
  })
  await payload.create({
    collection: 'payload-locked-documents',
    data: { document: { relationTo: 'activities', value: approved.id }, user: { relationTo: 'users', value: editor.id } } as any,
  })
  markerJob = (
    await payload.jobs.queue({ task: 'sendEmail', input: { to: marker.contactEmail, subject: marker.pendingChange, text: marker.internalNote } } as any)
  ).id
}

/** Edition id → whether its activities are public by now (`submissions.listedFrom` has passed). */
const listedEditions = new Map<number, boolean>()
const listedNow = (edition: unknown) => listedEditions.get(typeof edition === 'object' && edition ? (edition as Edition).id : (edition as number)) === true

/** Reads the database without access control and records everything that must stay private. */
async function collectSecrets() {
  for (const value of Object.entries(marker)) {
    if (!['publicActivity', 'publicStory'].includes(value[0])) secret(value[1], `marker ${value[0]}`)
  }
  secret(resetToken, 'reset password token')

  const all = async (collection: CollectionSlug, depth = 0) =>
    (await payload.find({ collection, pagination: false, depth, overrideAccess: true, locale: 'all', showHiddenFields: true } as any)).docs as any[]
  const versions = async (collection: CollectionSlug) =>
    (await payload.findVersions({ collection, pagination: false, depth: 0, overrideAccess: true, locale: 'all' } as any)).docs as any[]

  const users = await all('users')
  seededAccounts = users.map((user) => user.email)
  for (const user of users) {
    secret(user.email, `account e-mail of user ${user.id}`)
    secret(user.resetPasswordToken, `reset token of user ${user.id}`)
    secret(user.hash, `hash of user ${user.id}`)
    secret(user.salt, `salt of user ${user.id}`)
    for (const session of user.sessions ?? []) secret(session.id, `session of user ${user.id}`)
  }

  for (const edition of await all('editions')) {
    const listedFrom = edition.submissions?.listedFrom
    listedEditions.set(edition.id, Boolean(listedFrom && new Date(listedFrom) <= new Date()))
  }
  const activities = await all('activities')
  const activityVersions = await versions('activities')
  const publicActivityTitles = new Set<string>()
  for (const activity of activities) {
    if (activity._status === 'published' && ['approved', 'cancelled'].includes(activity.status) && listedNow(activity.edition)) {
      strings(activity.title).forEach((title) => publicActivityTitles.add(title))
    }
  }
  for (const activity of [...activities, ...activityVersions.map((v) => ({ ...v.version, id: v.parent }))]) {
    secret(activity.contact?.email, `contact e-mail of activity ${activity.id}`)
    secret(activity.contact?.phone, `contact phone of activity ${activity.id}`)
    secret(activity.review?.internalNotes, `internal notes of activity ${activity.id}`, true)
    secret(activity.review?.feedback, `review feedback of activity ${activity.id}`, true)
  }
  for (const activity of activities) {
    const isPublic = publicActivityTitles.size > 0 && strings(activity.title).every((title) => publicActivityTitles.has(title))
    if (!isPublic) for (const title of strings(activity.title)) secret(title, `title of non-public activity ${activity.id} (${activity.status})`, true)
  }
  for (const version of activityVersions) {
    if (version.latest && version.version._status === 'draft') {
      for (const title of strings(version.version.title)) {
        if (!publicActivityTitles.has(title)) secret(title, `title of a change awaiting review (activity ${version.parent})`, true)
      }
    }
  }

  const stories = await all('stories')
  const storyVersions = await versions('stories')
  const publicStoryTitles = new Set<string>()
  for (const story of stories) {
    if (story._status === 'published' && story.consent?.withdrawn !== true) strings(story.title).forEach((title) => publicStoryTitles.add(title))
  }
  for (const story of stories) {
    if (story._status !== 'published' || story.consent?.withdrawn === true) {
      for (const title of strings(story.title)) if (!publicStoryTitles.has(title)) secret(title, `title of draft or withdrawn story ${story.id}`, true)
    }
  }
  for (const version of storyVersions) {
    if (version.latest && version.version._status === 'draft') {
      for (const title of strings(version.version.title)) {
        if (!publicStoryTitles.has(title)) secret(title, `title of an unpublished draft of story ${version.parent}`, true)
      }
    }
  }

  const settings = (await payload.findGlobal({ slug: 'site-settings', overrideAccess: true })) as { reviewInbox?: string }
  secret(settings.reviewInbox, 'review inbox of the site settings')
}

// ---------------------------------------------------------------------------------------------
// What counts as a leak in a response
// ---------------------------------------------------------------------------------------------

/** Keys whose value must never reach an anonymous caller (a null or empty value is no leak). */
const privateKeys = new Set([
  'hash',
  'salt',
  'resetPasswordToken',
  'resetPasswordExpiration',
  'sessions',
  'loginAttempts',
  'lockUntil',
  'password',
  'apiKey',
  'contact',
  'review',
  'internalNotes',
  'submittedBy',
  'consent',
  'recordedBy',
  'obtainedAt',
  'reviewInbox',
])

const blank = (value: unknown): boolean =>
  value === null || value === undefined || value === '' || (typeof value === 'object' && Object.values(value as object).every(blank))

/** A permission map (`/api/access`, `docAccess…`) names fields but carries only booleans. */
const isPermissionMap = (value: unknown): boolean => {
  const leaves: unknown[] = []
  let hasPermission = false
  const walk = (node: unknown) => {
    if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        if (key === 'permission') hasPermission = true
        walk(child)
      }
    } else leaves.push(node)
  }
  walk(value)
  return hasPermission && leaves.every((leaf) => typeof leaf === 'boolean')
}

const roleValues = new Set(['admin', 'editor', 'partner'])

function leaksIn(body: unknown): string[] {
  const found: string[] = []
  const text = JSON.stringify(body) ?? ''
  for (const [value, why] of secrets) {
    if (text.includes(JSON.stringify(value).slice(1, -1))) found.push(`contains ${why}: ${JSON.stringify(value)}`)
  }
  // A JSON Schema (the OpenAPI document) names fields; a private one there may only be a form's
  // input, marked `writeOnly`.
  const documentedInput = (child: unknown) => typeof child === 'object' && child !== null && (child as { writeOnly?: unknown }).writeOnly === true
  const walk = (node: unknown, path: string, schemaProperties = false) => {
    if (!node || typeof node !== 'object') return
    const record = node as Record<string, unknown>
    if (!Array.isArray(node)) {
      for (const [key, value] of Object.entries(record)) {
        if (typeof value === 'string' && exactSecrets.has(value.trim()))
          found.push(`has ${exactSecrets.get(value.trim())} as ${path}.${key}: ${JSON.stringify(value)}`)
      }
      if (typeof record.email === 'string' && (roleValues.has(record.role as string) || record.collection === 'users' || '_strategy' in record)) {
        found.push(`a document of users at ${path || '(root)'}`)
      }
      if (record.relationTo === 'users' && record.value && typeof record.value === 'object') found.push(`a populated account at ${path}`)
    }
    for (const [key, child] of Object.entries(record)) {
      if (privateKeys.has(key) && !blank(child) && !isPermissionMap(child) && !(schemaProperties && documentedInput(child)))
        found.push(`private field '${key}' at ${path}.${key}: ${JSON.stringify(child).slice(0, 120)}`)
      if (key === 'withdrawn' && typeof child === 'boolean') found.push(`consent value 'withdrawn' at ${path}.${key}`)
      walk(child, `${path}.${key}`, key === 'properties' && !Array.isArray(node) && 'type' in record)
    }
  }
  walk(body, '')
  return found
}

type Finding = { request: string; status: number; leaks: string[] }

/** The crawl's record: every request made, and every leak with the request that showed it. */
class Crawl {
  requests = 0
  findings: Finding[] = []
  statuses = new Map<string, number>()

  check(request: string, response: ApiResponse) {
    this.requests++
    this.statuses.set(request, response.status)
    const leaks = leaksIn(response.body)
    if (leaks.length > 0) this.findings.push({ request, status: response.status, leaks })
    return response
  }

  async get(path: string) {
    return this.check(`GET /api/${path}`, await api('GET', path))
  }

  report() {
    return this.findings
      .slice(0, 40)
      .map((finding) => `${finding.request} → ${finding.status}\n    ${[...new Set(finding.leaks)].slice(0, 6).join('\n    ')}`)
      .join('\n')
  }
}

// ---------------------------------------------------------------------------------------------
// Setup
// ---------------------------------------------------------------------------------------------

let slugs: CollectionSlug[] = []
let globalSlugs: string[] = []
const dbIds = new Map<string, (number | string)[]>()
const versionIds = new Map<string, (number | string)[]>()

/**
 * The test files share one database. What this file adds (the demo seed included) is removed
 * afterwards, so a later file still finds the database as it would without this one (the seed's
 * own test counts what a first seed creates).
 */
const cleanupOrder: CollectionSlug[] = [
  'payload-locked-documents',
  'payload-preferences',
  'activities',
  'stories',
  'campaign-assets',
  'story-audio',
  'users',
  'editions',
  'organisers',
  'media',
]
const existedBefore = new Map<CollectionSlug, Set<number | string>>()
let settingsBefore: { currentEdition: number | null; reviewInbox: string | null } = { currentEdition: null, reviewInbox: null }

afterAll(async () => {
  if (!payload) return
  for (const collection of cleanupOrder) {
    const before = existedBefore.get(collection)
    if (!before) continue
    const { docs } = await payload.find({ collection, pagination: false, depth: 0, overrideAccess: true, select: { id: true } as any })
    const added = docs.map((doc) => doc.id).filter((id) => !before.has(id))
    if (added.length > 0) await payload.delete({ collection, where: { id: { in: added } }, overrideAccess: true })
  }
  await payload.updateGlobal({ slug: 'site-settings', data: settingsBefore as any, depth: 0 })
  if (markerJob !== undefined) await payload.delete({ collection: 'payload-jobs', id: markerJob, overrideAccess: true })
}, 300_000)

beforeAll(async () => {
  payload = await getTestPayload()
  for (const collection of cleanupOrder) {
    const { docs } = await payload.find({ collection, pagination: false, depth: 0, overrideAccess: true, select: { id: true } as any })
    existedBefore.set(collection, new Set(docs.map((doc) => doc.id)))
  }
  const settings = (await payload.findGlobal({ slug: 'site-settings', depth: 0, overrideAccess: true })) as any
  settingsBefore = { currentEdition: settings.currentEdition ?? null, reviewInbox: settings.reviewInbox ?? null }
  // The first account becomes an administrator; the seed makes its own accounts after it.
  if ((await payload.count({ collection: 'users' })).totalDocs === 0) await makeUser(payload, 'admin')
  await seed(payload)
  await seedMarkers()
  await collectSecrets()

  slugs = payload.config.collections.map((collection) => collection.slug as CollectionSlug)
  globalSlugs = payload.config.globals.map((global) => global.slug)
  for (const slug of slugs) {
    const { docs } = await payload.find({ collection: slug, pagination: false, depth: 0, overrideAccess: true, select: { id: true } as any })
    dbIds.set(
      slug,
      docs.map((doc) => doc.id),
    )
    const config = payload.collections[slug]!.config
    if (config.versions) {
      const found = await payload.findVersions({ collection: slug, pagination: false, depth: 0, overrideAccess: true })
      versionIds.set(
        slug,
        found.docs.map((doc) => doc.id),
      )
    }
  }
  for (const slug of globalSlugs) {
    const config = payload.config.globals.find((global) => global.slug === slug)!
    if (config.versions) {
      const found = await payload.findGlobalVersions({ slug: slug as any, pagination: false, depth: 0, overrideAccess: true })
      versionIds.set(
        `global:${slug}`,
        found.docs.map((doc) => doc.id),
      )
    }
  }
}, 600_000)

it('the setup recorded secrets from the database, the seed included', () => {
  expect(secrets.size).toBeGreaterThan(40)
  expect([...secrets.values()].some((why) => why.startsWith('contact e-mail of activity'))).toBe(true)
  expect([...secrets.values()].some((why) => why.startsWith('contact phone of activity'))).toBe(true)
  expect([...exactSecrets.values()].some((why) => why.startsWith('internal notes of activity'))).toBe(true)
  expect([...exactSecrets.values()].some((why) => why.startsWith('title of draft or withdrawn story'))).toBe(true)
  expect([...exactSecrets.values()].some((why) => why.startsWith('title of a change awaiting review'))).toBe(true)
  expect([...exactSecrets.values()].some((why) => why.startsWith('title of non-public activity'))).toBe(true)
  expect(seededAccounts).toEqual(expect.arrayContaining(['admin@example.nl', 'redactie@example.nl', 'partner@example.nl', marker.accountEmail]))
})

it('the leak detector finds what only editors may see (so a clean crawl means something)', async () => {
  const { token: editorToken } = await makeUser(payload, 'editor')
  const activities = await api('GET', `activities?depth=2&limit=100&where[title][equals]=${marker.publicActivity}`, { token: editorToken })
  const found = leaksIn(activities.body).join('\n')
  expect(found).toContain(JSON.stringify(marker.contactEmail))
  expect(found).toContain(JSON.stringify(marker.internalNote))
  expect(found).toContain("private field 'contact'")
  expect(found).toContain('a document of users')
  const story = await graphql(
    `{ Stories(where: { title: { equals: "${marker.publicStory}" } }) { docs { title consent { method withdrawn recordedBy { email role } } } } }`,
    undefined,
    editorToken,
  )
  const storyLeaks = leaksIn(story.body).join('\n')
  expect(storyLeaks).toContain("private field 'consent'")
  expect(storyLeaks).toContain("consent value 'withdrawn'")
  expect(storyLeaks).toContain(JSON.stringify(marker.consentRecorder))
  const drafts = await api('GET', `stories?draft=true&limit=200`, { token: editorToken })
  expect(leaksIn(drafts.body).join('\n')).toContain(JSON.stringify(marker.draftStory))
  expect(leaksIn({ user: { email: 'x@y.z', collection: 'users' } })).toHaveLength(1)
})

// ---------------------------------------------------------------------------------------------
// REST
// ---------------------------------------------------------------------------------------------

describe('REST, anonymously', () => {
  it('every collection list, at every depth from 0 to 10, with drafts and all locales, and every listed document', { timeout: 900_000 }, async () => {
    const crawl = new Crawl()
    const listed = new Map<string, Set<number | string>>()
    for (const slug of slugs) {
      const seen = new Set<number | string>()
      listed.set(slug, seen)
      const queries = [
        ...Array.from({ length: 11 }, (_, depth) => `depth=${depth}&limit=100`),
        'depth=10&limit=100&draft=true',
        'depth=10&limit=100&locale=all',
        'depth=10&limit=100&locale=all&draft=true',
        'depth=10&limit=100&locale=en',
        'depth=10&limit=100&pagination=false',
        'depth=10&limit=100&select[contact]=true&select[review]=true&select[submittedBy]=true&select[consent]=true&select[email]=true',
      ]
      for (const query of queries) {
        let page = 1
        let totalPages: number
        do {
          const response = await crawl.get(`${slug}?${query}&page=${page}`)
          for (const doc of response.body?.docs ?? []) seen.add(doc.id)
          totalPages = response.body?.totalPages ?? 1
          page++
        } while (page <= totalPages && page <= 20)
      }
      for (const id of seen) {
        for (const query of ['depth=10', 'depth=10&draft=true', 'depth=10&locale=all&draft=true']) await crawl.get(`${slug}/${id}?${query}`)
      }
      await crawl.get(`${slug}/count`)
    }
    // Sanity: the crawl saw the public data, so an empty answer everywhere cannot pass.
    expect(listed.get('activities')!.size).toBeGreaterThan(5)
    expect(listed.get('stories')!.size).toBeGreaterThan(5)
    const publicActivity = await api('GET', `activities?where[title][equals]=${marker.publicActivity}`)
    expect(publicActivity.body.docs).toHaveLength(1)
    expect(crawl.findings, crawl.report()).toEqual([])
  })

  it('every document by id, the hidden ones included, with drafts and all locales', { timeout: 900_000 }, async () => {
    const crawl = new Crawl()
    for (const slug of slugs) {
      for (const id of dbIds.get(slug) ?? []) {
        for (const query of ['depth=10', 'depth=10&draft=true', 'depth=10&locale=all&draft=true']) {
          const response = await crawl.get(`${slug}/${id}?${query}`)
          if (slug === 'users') expect(response.status, `GET /api/users/${id}`).toBeGreaterThanOrEqual(400)
        }
      }
    }
    expect(crawl.requests).toBeGreaterThan(100)
    expect(crawl.findings, crawl.report()).toEqual([])
  })

  it('every versions endpoint and every version by id', { timeout: 900_000 }, async () => {
    const crawl = new Crawl()
    for (const slug of slugs) {
      for (const query of ['depth=10&limit=100', 'depth=10&limit=100&draft=true&locale=all']) await crawl.get(`${slug}/versions?${query}`)
      for (const id of versionIds.get(slug) ?? []) await crawl.get(`${slug}/versions/${id}?depth=10&locale=all`)
    }
    for (const slug of globalSlugs) {
      await crawl.get(`globals/${slug}/versions?depth=10`)
      for (const id of versionIds.get(`global:${slug}`) ?? []) await crawl.get(`globals/${slug}/versions/${id}?depth=10`)
    }
    for (const slug of ['activities', 'stories']) {
      expect(crawl.statuses.get(`GET /api/${slug}/versions?depth=10&limit=100`), slug).toBe(403)
    }
    expect(crawl.findings, crawl.report()).toEqual([])
  })

  it('every global, with drafts and all locales', async () => {
    const crawl = new Crawl()
    for (const slug of globalSlugs) {
      for (const query of ['depth=10', 'depth=10&draft=true', 'depth=10&locale=all', 'depth=0']) await crawl.get(`globals/${slug}?${query}`)
    }
    const settings = await api('GET', 'globals/site-settings?depth=10')
    expect(settings.body.helpLines?.length).toBeGreaterThan(0)
    expect(crawl.findings, crawl.report()).toEqual([])
  })

  it('the auth, access and custom GET endpoints', async () => {
    const crawl = new Crawl()
    await crawl.get('access')
    for (const collection of payload.config.collections) {
      const covered = new Set(['/', '/:id', '/versions', '/versions/:id', '/count'])
      for (const endpoint of collection.endpoints || []) {
        if (endpoint.method !== 'get' || covered.has(endpoint.path)) continue
        const ids = (dbIds.get(collection.slug) ?? []).slice(0, 3)
        const paths = endpoint.path.includes(':id') ? ids.map((id) => endpoint.path.replace(/:id\??/, String(id))) : [endpoint.path]
        for (const path of paths) {
          const concrete = path.replace(/:filename/, 'onbekend.png').replace(/:[a-zA-Z]+\??/g, 'crawler-marker')
          await crawl.get(`${collection.slug}${concrete}`)
        }
      }
    }
    for (const endpoint of payload.config.endpoints || []) {
      if (endpoint.method === 'get') await crawl.get(endpoint.path.replace(/^\//, '').replace(/:[a-zA-Z]+\??/g, 'crawler-marker'))
    }
    const me = await crawl.get('users/me')
    expect(me.body?.user ?? null).toBeNull()
    expect(crawl.findings, crawl.report()).toEqual([])
  })

  it('the audio files of draft and withdrawn stories are not served; the public one is', async () => {
    expect((await api('GET', `story-audio/file/${uploads.withdrawnAudio}`)).status).toBeGreaterThanOrEqual(400)
    expect((await api('GET', `story-audio/file/${uploads.draftAudio}`)).status).toBeGreaterThanOrEqual(400)
    expect((await api('GET', `story-audio/file/${uploads.publicAudio}`)).status).toBe(200)
  })
})

// ---------------------------------------------------------------------------------------------
// GraphQL
// ---------------------------------------------------------------------------------------------

type TypeRef = { kind: string; name: string | null; ofType: TypeRef | null }
type Field = { name: string; args: { name: string; defaultValue: string | null; type: TypeRef }[]; type: TypeRef }
type SchemaType = { kind: string; name: string; fields: Field[] | null; possibleTypes: { name: string }[] | null; enumValues: { name: string }[] | null }

const typeRef = 'kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }'
const introspection = `{ __schema { queryType { name } types { kind name enumValues { name } possibleTypes { name }
  fields(includeDeprecated: true) { name args { name defaultValue type { ${typeRef} } } type { ${typeRef} } } } } }`

const named = (ref: TypeRef): TypeRef => (ref.ofType ? named(ref.ofType) : ref)
const required = (ref: TypeRef) => ref.kind === 'NON_NULL'

/** The Query fields Payload makes for a collection or global, by name, with the ids each needs. */
function idSources(): Map<string, (number | string)[]> {
  const sources = new Map<string, (number | string)[]>()
  for (const collection of payload.config.collections) {
    if (collection.graphQL === false) continue
    const graphQL = (collection.graphQL || {}) as { singularName?: string; pluralName?: string }
    const singular = graphQL.singularName ? toWords(graphQL.singularName, true) : formatNames(collection.slug).singular
    sources.set(singular, dbIds.get(collection.slug) ?? [])
    sources.set(`docAccess${singular}`, (dbIds.get(collection.slug) ?? []).slice(0, 5))
    sources.set(`version${singular}`, versionIds.get(collection.slug) ?? [])
  }
  for (const global of payload.config.globals) {
    const name = (global.graphQL && global.graphQL.name) || toWords(global.slug, true)
    sources.set(`version${name}`, versionIds.get(`global:${global.slug}`) ?? [])
  }
  return sources
}

describe('GraphQL, anonymously', () => {
  it('every query field of the schema, with a deep selection, for every document and version', { timeout: 1_800_000 }, async () => {
    const schema = await graphql(introspection)
    expect(schema.body.errors, 'introspection must be enabled outside production: ' + JSON.stringify(schema.body.errors)).toBeUndefined()
    const types = new Map<string, SchemaType>(schema.body.data.__schema.types.map((type: SchemaType) => [type.name, type]))
    const queryType = types.get(schema.body.data.__schema.queryType.name)!

    /** Selections grow exponentially with depth (unions of every collection); this caps them. */
    class TooBig extends Error {}
    const cap = 150_000
    const memo = new Map<string, string | undefined>()
    const isLeaf = (typeName: string) => ['SCALAR', 'ENUM'].includes(types.get(typeName)!.kind)
    const usable = (field: Field) => !field.args.some((arg) => required(arg.type) && arg.defaultValue === null)
    const scalarsOf = (typeName: string) =>
      (types.get(typeName)!.fields ?? []).filter((field) => usable(field) && isLeaf(named(field.type).name!)).map((field) => field.name)

    /**
     * Every field without required arguments, `depth` levels of objects deep. Inside a union the
     * fields are aliased per type, since two collections may use one name for different types.
     */
    const selection = (typeName: string, depth: number, alias?: string): string | undefined => {
      const key = `${typeName}:${depth}:${alias ?? ''}`
      if (memo.has(key)) return memo.get(key)
      const type = types.get(typeName)!
      let result: string | undefined
      if (type.kind === 'UNION' || type.kind === 'INTERFACE') {
        const parts = (type.possibleTypes ?? [])
          .map((possible) => [possible.name, selection(possible.name, depth, possible.name)] as const)
          .filter(([, sub]) => sub)
          .map(([name, sub]) => `... on ${name} ${sub}`)
        result = `{ __typename ${parts.join(' ')} }`
      } else {
        const parts: string[] = []
        for (const field of type.fields ?? []) {
          if (!usable(field)) continue
          const inner = named(field.type).name!
          const label = alias ? `${alias}_${field.name}: ${field.name}` : field.name
          if (isLeaf(inner)) parts.push(label)
          else if (depth > 0) {
            const sub = selection(inner, depth - 1)
            if (sub) parts.push(`${label} ${sub}`)
          }
        }
        result = parts.length > 0 ? `{ ${parts.join(' ')} }` : undefined
      }
      if (result && result.length > cap) throw new TooBig()
      memo.set(key, result)
      return result
    }

    const crawl = new Crawl()
    const sources = idSources()
    const unknown: string[] = []
    const acceptedDepth = new Map<string, number>()
    const localeAll = types.get('LocaleInputType')?.enumValues?.some((value) => value.name === 'all')

    /** Runs `field(args) build(depth)` at the deepest depth (up to 8) the complexity limit accepts. */
    async function ask(name: string, call: string, build: (depth: number) => string) {
      for (let depth = acceptedDepth.get(name) ?? 8; depth >= 0; depth--) {
        let sub: string
        try {
          sub = build(depth)
        } catch (error) {
          if (error instanceof TooBig) continue
          throw error
        }
        const response = await graphql(`{ ${call} ${sub} }`)
        const tooComplex = (response.body?.errors ?? []).some((error: { message: string }) => /complex/i.test(error.message))
        if (tooComplex && depth > 0) continue
        acceptedDepth.set(name, depth)
        crawl.check(`GraphQL ${call} at depth ${depth}`, response)
        return response
      }
    }

    const whole = (field: Field) => (depth: number) => {
      const inner = named(field.type).name!
      return isLeaf(inner) ? '' : (selection(inner, depth) ?? '{ __typename }')
    }

    for (const field of queryType.fields ?? []) {
      const has = (name: string) => field.args.some((arg) => arg.name === name)
      const inner = named(field.type).name!
      const needsId = field.args.find((arg) => arg.name === 'id')
      const otherRequired = field.args.filter((arg) => arg.name !== 'id' && required(arg.type) && arg.defaultValue === null)
      if (otherRequired.length > 0) {
        unknown.push(`${field.name}(${otherRequired.map((arg) => arg.name).join(', ')})`)
        continue
      }
      const variants: string[][] = [[]]
      if (has('draft') && has('locale') && localeAll) variants.push(['draft: true', 'locale: all'])
      else if (has('draft')) variants.push(['draft: true'])
      else if (has('locale') && localeAll) variants.push(['locale: all'])

      if (needsId) {
        const ids = sources.get(field.name)
        if (!ids) {
          unknown.push(`${field.name}(id)`)
          continue
        }
        const quote = ['String', 'ID'].includes(named(needsId.type).name!)
        // A query for a document that does not exist still runs once.
        for (const id of ids.length > 0 ? ids : [0]) {
          for (const variant of variants) {
            const call = `${field.name}(${[`id: ${quote ? JSON.stringify(String(id)) : id}`, ...variant].join(', ')})`
            await ask(field.name, call, whole(field))
          }
        }
        continue
      }
      const args = (variant: string[]) => {
        const all = [...(has('limit') ? ['limit: 500'] : []), ...variant]
        return all.length > 0 ? `${field.name}(${all.join(', ')})` : field.name
      }
      for (const variant of variants) await ask(field.name, args(variant), whole(field))
      // Lists: each field of the documents on its own as well, so the complexity limit still
      // lets every relationship be followed deep.
      const docs = (types.get(inner)?.fields ?? []).find((sub) => sub.name === 'docs')
      if (!docs) continue
      const docType = named(docs.type).name!
      const scalars = scalarsOf(docType).join(' ')
      for (const sub of types.get(docType)!.fields ?? []) {
        if (!usable(sub) || isLeaf(named(sub.type).name!)) continue
        for (const variant of variants) {
          await ask(`${field.name}.${sub.name}`, args(variant), (depth) => {
            const deep = selection(named(sub.type).name!, depth)
            return `{ totalDocs docs { ${scalars} ${deep ? `${sub.name} ${deep}` : ''} } }`
          })
        }
      }
    }

    expect(unknown, 'query fields this crawler does not know how to call').toEqual([])
    // Sanity: the deep selections did reach public content.
    const activities = await graphql(`{ Activities(where: { title: { equals: "${marker.publicActivity}" } }) { docs { title edition { year } } } }`)
    expect(activities.body.data.Activities.docs).toHaveLength(1)
    const story = await graphql(`{ Stories(where: { title: { equals: "${marker.publicStory}" } }) { docs { title consent { method recordedBy { email } } } } }`)
    expect(story.body.data.Stories.docs.map((doc: { title: string }) => doc.title)).toEqual([marker.publicStory])
    crawl.check('GraphQL sanity queries', story)
    expect(crawl.requests).toBeGreaterThan(200)
    expect(crawl.findings, crawl.report()).toEqual([])
  })

  it('Users, User, meUser and versions queries return no account', async () => {
    const users = await graphql(`
      {
        Users {
          docs {
            id
            email
            name
            role
          }
        }
      }
    `)
    expect(users.body.data?.Users ?? null).toBeNull()
    const me = await graphql(`
      {
        meUser {
          user {
            id
            email
          }
          token
        }
      }
    `)
    expect(me.body.data?.meUser?.user ?? null).toBeNull()
    for (const id of (dbIds.get('users') ?? []).slice(0, 5)) {
      const user = await graphql(`{ User(id: ${id}) { id email } }`)
      expect(user.body.data?.User ?? null).toBeNull()
    }
  })
})
