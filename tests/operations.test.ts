import { existsSync, readFileSync } from 'node:fs'

import { configToSchema } from '@payloadcms/graphql'
import type { CollectionSlug, Payload, Where } from 'payload'
import { createLocalReq, formatNames } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { schedulePublication, upcomingPublications } from '../src/admin/serverFunctions'
import type { Activity, Edition, Organiser, User } from '../src/payload-types'
import { api, type ApiResponse, graphql, payload as getTestPayload } from './helpers/api'
import { fileOf, png, uploadForm, wav } from './helpers/files'
import { makeActivity, makeEdition, makeOpenEdition, makeOrganiser, makeUser, minimalActivity, unique } from './helpers/fixtures'
import { exposedOperations, type Operation } from './helpers/operations'

/**
 * Every operation Payload mounts, classified in `docs/access.md` ("Every operation"), and the
 * classification proven: the inventory fails on an operation nobody decided about (a Payload
 * upgrade or a plugin that adds one), and each row proven here is run for every role over REST,
 * GraphQL and the Local API, refusals included (the status, and that nothing changed).
 */

type Role = 'anonymous' | 'partner' | 'editor' | 'admin'
const roles: Role[] = ['anonymous', 'partner', 'editor', 'admin']
type Answer = 'yes' | 'no' | 'own' | 'public'

type Row = Operation & { cells: Record<Role, string>; answers: Record<Role, Answer>; provenBy: string[] }

const accessDoc = readFileSync('docs/access.md', 'utf8')

function operationsTable(): Row[] {
  const section = accessDoc.split('\n## Every operation\n')[1]?.split('\n## ')[0]
  if (!section) throw new Error('docs/access.md has no section "## Every operation"')
  const code = (cell: string) => cell.replace(/`/g, '').trim()
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const cells = line.split(' | ').map((cell) => cell.replace(/^\| /, '').replace(/ \|$/, ''))
      const [subject, operation, rest, gql, anonymous, partner, editor, admin, , provenBy] = cells
      const byRole = { anonymous, partner, editor, admin }
      return {
        subject: code(subject),
        operation: code(operation),
        rest: code(rest) === '—' ? undefined : code(rest),
        graphql:
          code(gql) === '—'
            ? []
            : code(gql)
                .split(',')
                .map((name) => name.trim()),
        cells: byRole,
        answers: Object.fromEntries(roles.map((role) => [role, byRole[role].split(/[\s:,(]/)[0]])) as Record<Role, Answer>,
        provenBy: (provenBy ?? '')
          .split(',')
          .map((file) => code(file).split(' ')[0])
          .filter(Boolean),
      }
    })
}

const table = operationsTable()
const key = (operation: { subject: string; operation: string }) => `${operation.subject} ${operation.operation}`

describe('the operations inventory (docs/access.md, "Every operation")', () => {
  let exposed: ReturnType<typeof exposedOperations>

  beforeAll(async () => {
    const payload = await getTestPayload()
    exposed = exposedOperations(payload.config, configToSchema(payload.config).schema)
  })

  it('maps every GraphQL query and mutation of the schema to a collection, global or the root', () => {
    expect(exposed.unmatchedFields).toEqual([])
  })

  it('classifies every operation the configuration exposes, and none that it does not', () => {
    const classified = new Set(table.map(key))
    const offered = new Set(exposed.operations.map(key))
    expect(
      [...offered].filter((operation) => !classified.has(operation)),
      'exposed but not classified',
    ).toEqual([])
    expect(
      [...classified].filter((operation) => !offered.has(operation)),
      'classified but not exposed',
    ).toEqual([])
    expect(table.length, 'each operation once').toBe(classified.size)
  })

  it('names the REST route and the GraphQL fields of each operation as the configuration has them', () => {
    const rows = new Map(table.map((row) => [key(row), row]))
    for (const operation of exposed.operations) {
      const row = rows.get(key(operation))
      if (!row) continue
      expect(row.rest, key(operation)).toBe(operation.rest)
      expect([...row.graphql].sort(), key(operation)).toEqual([...operation.graphql].sort())
    }
  })

  it('answers every cell with yes, no, own or public, and names tests that exist', () => {
    for (const row of table) {
      for (const role of roles) expect(['yes', 'no', 'own', 'public'], `${key(row)} ${role}: ${row.cells[role]}`).toContain(row.answers[role])
      expect(row.provenBy.length, key(row)).toBeGreaterThan(0)
      for (const file of row.provenBy) expect(existsSync(file), `${key(row)}: ${file}`).toBe(true)
    }
  })

  it('offers no duplicate, and no version, paste-from-URL or verification routes where they do nothing', async () => {
    const payload = await getTestPayload()
    for (const collection of payload.config.collections) {
      expect(collection.disableDuplicate, collection.slug).toBe(true)
      const paths = (collection.endpoints || []).map((endpoint) => endpoint.path)
      expect(paths, collection.slug).not.toContain('/:id/duplicate')
      if (!collection.versions)
        expect(
          paths.filter((path) => path.startsWith('/versions')),
          collection.slug,
        ).toEqual([])
      expect(paths, collection.slug).not.toContain('/paste-url/:id?')
      expect(paths, collection.slug).not.toContain('/verify/:id')
    }
    for (const global of payload.config.globals) {
      if (!global.versions) expect((global.endpoints || []).map((endpoint) => endpoint.path).filter((path) => path.startsWith('/versions'))).toEqual([])
    }
    expect(exposed.operations.filter((operation) => operation.operation === 'verifyEmail' || operation.operation === 'duplicate')).toEqual([])
  })
})

// ---------------------------------------------------------------------------------------------
// The rows proven here, for every role.
// ---------------------------------------------------------------------------------------------

let payload: Payload
let edition: Edition
let own: Organiser
let other: Organiser
const accounts = {} as Record<Exclude<Role, 'anonymous'> | 'otherEditor', { user: User; token: string }>
const tokenOf = (role: Role) => (role === 'anonymous' ? undefined : accounts[role].token)
const userOf = (role: Role) => (role === 'anonymous' ? undefined : { ...accounts[role].user, collection: 'users' as const })

beforeAll(async () => {
  payload = await getTestPayload()
  if ((await payload.count({ collection: 'users' })).totalDocs === 0) accounts.admin = await makeUser(payload, 'admin')
  own = await makeOrganiser(payload)
  other = await makeOrganiser(payload)
  accounts.admin ??= await makeUser(payload, 'admin')
  accounts.editor = await makeUser(payload, 'editor')
  accounts.otherEditor = await makeUser(payload, 'editor')
  accounts.partner = await makeUser(payload, 'partner', own)
  edition = await makeOpenEdition(payload)
})

/** What a subject needs for the generic checks: documents to aim at, and what to write. */
type Fixture = {
  /** A fresh document that neither anonymous callers nor partners may use, unless the row says so. */
  restricted: () => Promise<number | string>
  /** A fresh document of the caller's own, for "own" answers. */
  own?: (role: Role) => Promise<number | string>
  /** What `role` creates; omitted: nothing can be created through the API. */
  create?: (role: Role) => Promise<{ body?: Record<string, unknown>; form?: FormData }>
  /** A change (as `role` sends it) and how to read it back from the stored document. */
  change: { body: (role: Role) => Record<string, unknown>; read: (doc: any) => unknown }
  /** What GraphQL's update input requires besides the change: groups with required fields, sent again. */
  graphqlRequired?: (doc: any) => Record<string, unknown>
  /** Operations whose REST path another route of the collection answers (`GET /:key` of preferences). */
  restShadowed?: ('findByID' | 'count' | 'deleteByID')[]
  /** Whether GraphQL takes the change and the creation as JSON variables (no file, no polymorphic relationship). */
  graphqlWrites?: boolean
}

const storyData = (title: string) => ({ title, perspective: 'parent' as const, storyteller: { displayName: 'Anouk' } })

const fixtures: Record<string, Fixture> = {
  activities: {
    restricted: async () => (await makeActivity(payload, edition, other)).id,
    own: async () => (await makeActivity(payload, edition, own)).id,
    create: async (role) => ({ body: { ...minimalActivity(edition, role === 'partner' ? own : other), status: 'draft' } }),
    change: { body: () => ({ title: `Gewijzigd ${unique()}` }), read: (doc) => doc.title },
    graphqlRequired: (doc) => ({ location: withoutNulls(doc.location), contact: withoutNulls(doc.contact) }),
    graphqlWrites: true,
  },
  'activity-history': {
    restricted: async () => historyOf(await makeActivity(payload, edition, other)),
    own: async () => historyOf(await makeActivity(payload, edition, own)),
    create: async () => ({ body: { activity: (await makeActivity(payload, edition, own)).id, to: 'approved', at: new Date().toISOString() } }),
    change: { body: () => ({ to: 'approved' }), read: (doc) => doc.to },
  },
  editions: {
    restricted: async () => (await makeEdition(payload)).id,
    create: async () => {
      const year = await freeYear()
      return { body: { year, theme: `Thema ${year}`, startDate: `${year}-11-16T00:00:00.000Z`, endDate: `${year}-11-22T00:00:00.000Z` } }
    },
    change: { body: () => ({ theme: `Thema ${unique()}` }), read: (doc) => doc.theme },
    graphqlWrites: true,
  },
  organisers: {
    // Named on the public form, not yet approved: hidden from the public and other partners.
    restricted: async () => (await makeOrganiser(payload, { listed: false } as Partial<Organiser>)).id,
    create: async () => ({ body: { name: `Organisatie ${unique()}` } }),
    change: { body: () => ({ name: `Naam ${unique()}` }), read: (doc) => doc.name },
    graphqlWrites: true,
  },
  stories: {
    restricted: async () => (await payload.create({ collection: 'stories', data: { ...storyData(`Concept ${unique()}`), _status: 'draft' }, draft: true })).id,
    create: async () => ({ body: storyData(`Verhaal ${unique()}`) }),
    change: { body: () => ({ title: `Titel ${unique()}` }), read: (doc) => doc.title },
    graphqlRequired: (doc) => ({ storyteller: withoutNulls(doc.storyteller) }),
    graphqlWrites: true,
  },
  'story-audio': {
    // Audio no public story uses.
    restricted: async () =>
      (
        await payload.create({
          collection: 'story-audio',
          data: { title: `Audio ${unique()}`, transcript: 'Uitgeschreven tekst.' },
          file: fileOf(wav(), `audio-${unique()}.wav`, 'audio/wav'),
        })
      ).id,
    create: async () => ({ form: uploadForm(wav(), `audio-${unique()}.wav`, 'audio/wav', { title: `Audio ${unique()}` }) }),
    change: { body: () => ({ title: `Audio ${unique()}` }), read: (doc) => doc.title },
  },
  media: {
    restricted: async () =>
      (await payload.create({ collection: 'media', data: { alt: 'Beeld' }, file: fileOf(await png(), `beeld-${unique()}.png`, 'image/png') })).id,
    create: async () => ({ form: uploadForm(await png(), `beeld-${unique()}.png`, 'image/png', { alt: 'Beeld' }) }),
    change: { body: () => ({ alt: `Beeld ${unique()}` }), read: (doc) => doc.alt },
  },
  'campaign-assets': {
    restricted: async () =>
      (
        await payload.create({
          collection: 'campaign-assets',
          data: { title: 'Poster', kind: 'poster', alt: 'Poster' },
          file: fileOf(await png(), `poster-${unique()}.png`, 'image/png'),
        })
      ).id,
    create: async () => ({ form: uploadForm(await png(), `poster-${unique()}.png`, 'image/png', { title: 'Poster', kind: 'poster', alt: 'Poster' }) }),
    change: { body: () => ({ title: `Poster ${unique()}` }), read: (doc) => doc.title },
  },
  users: {
    restricted: async () => (await makeUser(payload, 'editor')).user.id,
    own: async (role) => accounts[role as Exclude<Role, 'anonymous'>].user.id,
    create: async () => ({
      body: { email: `partner-${unique()}@example.nl`, password: 'Test-wachtwoord-2026!', name: 'Nieuwe partner', role: 'partner', organiser: own.id },
    }),
    change: { body: () => ({ name: `Naam ${unique()}` }), read: (doc) => doc.name },
  },
  exports: {
    restricted: async () =>
      (
        await payload.create({
          collection: 'exports',
          data: { collectionSlug: 'activities', format: 'csv', where: { edition: { equals: edition.id } } } as any,
          user: userOf('editor'),
        })
      ).id,
    create: async () => ({ body: { collectionSlug: 'activities', format: 'csv', where: { edition: { equals: edition.id } } } }),
    change: { body: () => ({ name: `export-${unique()}` }), read: (doc) => doc.name },
  },
  imports: {
    restricted: async () =>
      (await payload.db.create({ collection: 'imports', data: { collectionSlug: 'activities', importMode: 'create', filename: `import-${unique()}.csv` } })).id,
    create: async () => ({ body: { collectionSlug: 'activities', importMode: 'create' } }),
    change: { body: () => ({ importMode: 'update' }), read: (doc) => doc.importMode },
  },
  // Inactive endpoints: nothing is sent while the checks run.
  webhooks: {
    restricted: async () =>
      (await payload.create({ collection: 'webhooks', data: { url: `https://www.example.nl/hook-${unique()}`, events: ['story.published'], active: false } }))
        .id,
    create: async () => ({ body: { url: `https://www.example.nl/hook-${unique()}`, events: ['story.published'], active: false } }),
    change: { body: () => ({ description: `Omschrijving ${unique()}` }), read: (doc) => doc.description },
  },
  'webhook-deliveries': {
    restricted: async () =>
      (
        await payload.create({
          collection: 'webhook-deliveries',
          data: { event: 'story.published', messageId: `msg_${unique()}`, body: '{}', status: 'succeeded', attempts: 1 },
        })
      ).id,
    create: async () => ({ body: { event: 'story.published', messageId: `msg_${unique()}`, body: '{}', status: 'succeeded', attempts: 1 } }),
    change: { body: () => ({ status: 'failed', lastError: `Fout ${unique()}` }), read: (doc) => doc.lastError },
  },
  // Nobody writes the audit log through an API, administrators included.
  'audit-log': {
    restricted: async () =>
      (await payload.create({ collection: 'audit-log', data: { action: 'lookup', at: new Date().toISOString(), summary: `Inzage: a***@e***.nl ${unique()}` } }))
        .id,
    create: async () => ({ body: { action: 'lookup', at: new Date().toISOString(), summary: `Inzage: b***@e***.nl ${unique()}` } }),
    change: { body: () => ({ summary: `Gewijzigd ${unique()}` }), read: (doc) => doc.summary },
    graphqlWrites: true,
  },
  'payload-kv': {
    restricted: async () => {
      const kvKey = `sleutel-${unique()}`
      await payload.kv.set(kvKey, { waarde: 1 })
      return (await payload.find({ collection: 'payload-kv', where: { key: { equals: kvKey } }, depth: 0 })).docs[0]!.id
    },
    create: async () => ({ body: { key: `sleutel-${unique()}`, data: { waarde: 2 } } }),
    change: { body: () => ({ data: { waarde: 3 } }), read: (doc) => JSON.stringify(doc.data) },
  },
  'payload-jobs': {
    restricted: async () =>
      (await payload.jobs.queue({ task: 'sendEmail', input: { to: 'redactie@example.nl', subject: 'Test', text: 'Test' }, waitUntil: new Date('2099-01-01') }))
        .id,
    create: async () => ({ body: { taskSlug: 'sendEmail', input: { to: 'x@example.nl', subject: 'x', text: 'x' } } }),
    change: { body: () => ({ waitUntil: '2098-01-01T00:00:00.000Z' }), read: (doc) => doc.waitUntil },
  },
  'payload-locked-documents': {
    // An editor's lock on a draft story.
    restricted: async () =>
      (
        await payload.create({
          collection: 'payload-locked-documents',
          data: {
            document: { relationTo: 'stories', value: await fixtures.stories.restricted() },
            user: { relationTo: 'users', value: accounts.otherEditor.user.id },
          } as any,
        })
      ).id,
    own: async (role) =>
      (
        await payload.create({
          collection: 'payload-locked-documents',
          data: {
            document: { relationTo: 'activities', value: await fixtures.activities.own!(role) },
            user: { relationTo: 'users', value: accounts[role as Exclude<Role, 'anonymous'>].user.id },
          } as any,
        })
      ).id,
    create: async (role) => ({
      body: {
        document:
          role === 'partner' || role === 'anonymous'
            ? { relationTo: 'activities', value: await fixtures.activities.own!(role) }
            : { relationTo: 'stories', value: await fixtures.stories.restricted() },
        user: { relationTo: 'users', value: role === 'anonymous' ? accounts.editor.user.id : accounts[role].user.id },
      },
    }),
    // Written in the caller's own name: an editor takes the lock over.
    change: {
      body: (role) => ({
        updatedAt: new Date().toISOString(),
        ...(role === 'anonymous' ? {} : { user: { relationTo: 'users', value: accounts[role].user.id } }),
      }),
      read: (doc) => doc.updatedAt,
    },
  },
  'payload-preferences': {
    // Another editor's preference: nobody else's business, editors' included.
    restricted: async () => preferenceOf(accounts.otherEditor),
    restShadowed: ['findByID', 'count', 'deleteByID'],
    own: async (role) => preferenceOf(accounts[role as Exclude<Role, 'anonymous'>]),
    create: async (role) => ({
      body: {
        key: `voorkeur-${unique()}`,
        value: { kolommen: 3 },
        user: { relationTo: 'users', value: role === 'anonymous' ? accounts.editor.user.id : accounts[role].user.id },
      },
    }),
    change: { body: () => ({ value: { kolommen: Math.floor(Math.random() * 1000) } }), read: (doc) => JSON.stringify(doc.value) },
  },
}

async function historyOf(activity: Activity) {
  return (await payload.find({ collection: 'activity-history', where: { activity: { equals: activity.id } }, depth: 0, limit: 1 })).docs[0]!.id
}

/** A preference of `account`: Payload stamps the signed-in account as its owner. */
async function preferenceOf(account: { user: User }) {
  const doc = await payload.create({
    collection: 'payload-preferences',
    data: { key: `voorkeur-${unique()}`, value: { kolommen: 2 } } as any,
    user: { ...account.user, collection: 'users' },
  })
  return doc.id
}

const withoutNulls = (group: Record<string, unknown> | null | undefined) =>
  Object.fromEntries(Object.entries(group ?? {}).filter(([, value]) => value !== null && value !== undefined))

/** A year no edition has yet (editions are unique per year, 2000–2100). */
async function freeYear() {
  const taken = new Set((await payload.find({ collection: 'editions', limit: 0, depth: 0, pagination: false })).docs.map((doc) => doc.year))
  for (let year = 2000; year <= 2100; year++) if (!taken.has(year)) return year
  throw new Error('No free edition year left')
}

/** The stored document as the database has it (a draft included), or undefined once deleted. */
const stored = (collection: string, id: number | string) =>
  payload.findByID({ collection: collection as CollectionSlug, id, depth: 0, draft: true, overrideAccess: true, disableErrors: true }) as Promise<any>
const countAll = async (collection: string) => (await payload.count({ collection: collection as CollectionSlug, overrideAccess: true })).totalDocs

const refusedStatuses = (role: Role) => (role === 'anonymous' ? [401, 403] : [403])
const shown = (label: string, response: { status?: number; body: unknown }) =>
  `${label}: ${response.status ?? ''} ${JSON.stringify(response.body).slice(0, 3000)}`

/** The status of a GraphQL answer for one field: 200, or the status of its error. */
function graphqlStatus(response: ApiResponse, field: string): number {
  const error = (response.body.errors ?? []).find((candidate: any) => !candidate.path || candidate.path[0] === field) ?? response.body.errors?.[0]
  if (!error) return 200
  return (
    error.extensions?.statusCode ??
    (/not found|niet gevonden/i.test(error.message) ? 404 : /not allowed|niet uitvoeren|forbidden/i.test(error.message) ? 403 : 400)
  )
}

/** The Local API's answer as a status: what it returned, or the status of what it threw. */
async function localStatus<T>(call: () => Promise<T>): Promise<{ status: number; value?: T }> {
  try {
    return { status: 200, value: await call() }
  } catch (error) {
    return { status: (error as { status?: number }).status ?? 500 }
  }
}

/** The GraphQL names of a collection, as the schema has them. */
const gqlNames = (slug: string) => {
  const { singular } = formatNames(slug)
  const row = table.find((candidate) => candidate.subject === slug && candidate.operation === 'find')
  return { singular, plural: row?.graphql[0] ?? '' }
}

const fieldOf = (row: Row) => row.graphql[0]

type Check = (row: Row, role: Role, answer: Answer) => Promise<void>

const seesRestricted = (answer: Answer) => answer === 'yes'

/** Reads: the restricted document is visible exactly where the answer is "yes"; "own" also sees the own one. */
const reads: Record<'find' | 'findByID' | 'count' | 'docAccess', Check> = {
  find: async (row, role, answer) => {
    const fixture = fixtures[row.subject]
    for (const [id, visible] of await targets(fixture, answer, role)) {
      const rest = await api('GET', `${row.subject}?where[id][equals]=${id}&depth=0`, { token: tokenOf(role) })
      const gql = await graphql(`{ ${fieldOf(row)}(where: { id: { equals: ${JSON.stringify(id)} } }) { docs { id } } }`, undefined, tokenOf(role))
      const local = await localStatus(() =>
        payload.find({ collection: row.subject as CollectionSlug, where: { id: { equals: id } }, overrideAccess: false, user: userOf(role), depth: 0 }),
      )
      if (answer === 'no') {
        expect(refusedStatuses(role), shown('REST', rest)).toContain(rest.status)
        expect(refusedStatuses(role), shown('GraphQL', gql)).toContain(graphqlStatus(gql, fieldOf(row)))
        expect(local.status, 'Local API').toBe(403)
        continue
      }
      expect(rest.status, shown('REST', rest)).toBe(200)
      expect(
        rest.body.docs.map((doc: { id: unknown }) => doc.id),
        shown('REST', rest),
      ).toEqual(visible ? [id] : [])
      expect(
        gql.body.data?.[fieldOf(row)]?.docs?.map((doc: { id: unknown }) => doc.id),
        shown('GraphQL', gql),
      ).toEqual(visible ? [id] : [])
      expect(
        local.value?.docs.map((doc) => doc.id),
        'Local API',
      ).toEqual(visible ? [id] : [])
    }
  },
  findByID: async (row, role, answer) => {
    const fixture = fixtures[row.subject]
    for (const [id, visible] of await targets(fixture, answer, role)) {
      const rest = await api('GET', `${row.subject}/${id}?depth=0`, { token: tokenOf(role) })
      const gql = await graphql(`{ ${fieldOf(row)}(id: ${JSON.stringify(id)}) { id } }`, undefined, tokenOf(role))
      const local = await localStatus(() =>
        payload.findByID({ collection: row.subject as CollectionSlug, id, overrideAccess: false, user: userOf(role), depth: 0 }),
      )
      const expected = answer === 'no' ? refusedStatuses(role) : visible ? [200] : [404]
      if (!fixture.restShadowed?.includes('findByID')) expect(expected, shown('REST', rest)).toContain(rest.status)
      expect(expected, shown('GraphQL', gql)).toContain(graphqlStatus(gql, fieldOf(row)))
      expect(answer === 'no' ? [403] : expected, 'Local API').toContain(local.status)
      if (visible && answer !== 'no' && !fixture.restShadowed?.includes('findByID')) expect(rest.body.id).toBe(id)
    }
  },
  count: async (row, role, answer) => {
    const fixture = fixtures[row.subject]
    for (const [id, visible] of await targets(fixture, answer, role)) {
      const rest = await api('GET', `${row.subject}/count?where[id][equals]=${id}`, { token: tokenOf(role) })
      const gql = await graphql(`{ ${fieldOf(row)}(where: { id: { equals: ${JSON.stringify(id)} } }) { totalDocs } }`, undefined, tokenOf(role))
      const local = await localStatus(() =>
        payload.count({ collection: row.subject as CollectionSlug, where: { id: { equals: id } }, overrideAccess: false, user: userOf(role) }),
      )
      const restChecked = !fixture.restShadowed?.includes('count')
      if (answer === 'no') {
        if (restChecked) expect(refusedStatuses(role), shown('REST', rest)).toContain(rest.status)
        expect(refusedStatuses(role), shown('GraphQL', gql)).toContain(graphqlStatus(gql, fieldOf(row)))
        expect(local.status, 'Local API').toBe(403)
        continue
      }
      if (restChecked) expect(rest.body.totalDocs, shown('REST', rest)).toBe(visible ? 1 : 0)
      expect(gql.body.data?.[fieldOf(row)]?.totalDocs, shown('GraphQL', gql)).toBe(visible ? 1 : 0)
      expect(local.value?.totalDocs, 'Local API').toBe(visible ? 1 : 0)
    }
  },
  // A document the caller may not read is answered like an unknown one.
  docAccess: async (row, role, answer) => {
    const fixture = fixtures[row.subject]
    for (const [id, visible] of await targets(fixture, answer, role)) {
      const rest = await api('POST', `${row.subject}/access/${id}`, { token: tokenOf(role) })
      const gql = await graphql(`{ ${fieldOf(row)}(id: ${JSON.stringify(id)}) { update { permission } } }`, undefined, tokenOf(role))
      const expected = visible && answer !== 'no' ? [200] : [404]
      expect(expected, shown('REST', rest)).toContain(rest.status)
      expect(expected, shown('GraphQL', gql)).toContain(graphqlStatus(gql, fieldOf(row)))
    }
  },
}

/** The documents a check aims at, each with whether the answer lets the caller reach it. */
async function targets(fixture: Fixture, answer: Answer, role: Role): Promise<[number | string, boolean][]> {
  const list: [number | string, boolean][] = [[await fixture.restricted(), seesRestricted(answer)]]
  if (answer === 'own' && fixture.own) list.push([await fixture.own(role), true])
  return list
}

/** Writes: made where the answer allows, refused elsewhere with nothing changed. */
const writes: Record<'create' | 'updateByID' | 'update' | 'deleteByID' | 'delete', Check> = {
  create: async (row, role, answer) => {
    const fixture = fixtures[row.subject]
    const made = await fixture.create!(role)
    const before = await countAll(row.subject)
    const rest = await api('POST', row.subject, { token: tokenOf(role), body: made.body, form: made.form })
    if (answer === 'no') {
      expect(refusedStatuses(role), shown('REST', rest)).toContain(rest.status)
      expect(await countAll(row.subject)).toBe(before)
    } else {
      expect(rest.status, shown('REST', rest)).toBe(201)
      expect(await countAll(row.subject)).toBe(before + 1)
    }
    if (fixture.graphqlWrites && made.body) {
      const again = await fixture.create!(role)
      const middle = await countAll(row.subject)
      const gql = await graphql(
        `mutation($data: mutation${gqlNames(row.subject).singular}Input!) { ${fieldOf(row)}(data: $data) { id } }`,
        { data: again.body },
        tokenOf(role),
      )
      if (answer === 'no') {
        expect(refusedStatuses(role), shown('GraphQL', gql)).toContain(graphqlStatus(gql, fieldOf(row)))
        expect(await countAll(row.subject)).toBe(middle)
      } else {
        expect(graphqlStatus(gql, fieldOf(row)), shown('GraphQL', gql)).toBe(200)
        expect(await countAll(row.subject)).toBe(middle + 1)
      }
    }
  },
  updateByID: async (row, role, answer) => {
    const fixture = fixtures[row.subject]
    for (const [id, reachable] of await targets(fixture, answer, role)) {
      for (const channel of ['REST', 'GraphQL', 'Local API'] as const) {
        if (channel === 'GraphQL' && !fixture.graphqlWrites) continue
        const body = fixture.change.body(role)
        const before = fixture.change.read(await stored(row.subject, id))
        let status: number
        let label: string
        if (channel === 'REST') {
          const rest = await api('PATCH', `${row.subject}/${id}?depth=0`, { token: tokenOf(role), body })
          ;[status, label] = [rest.status, shown('REST', rest)]
        } else if (channel === 'GraphQL') {
          const gql = await graphql(
            `mutation($data: mutation${gqlNames(row.subject).singular}UpdateInput!) { ${fieldOf(row)}(id: ${JSON.stringify(id)}, data: $data) { id } }`,
            { data: { ...fixture.graphqlRequired?.(await stored(row.subject, id)), ...body } },
            tokenOf(role),
          )
          ;[status, label] = [graphqlStatus(gql, fieldOf(row)), shown('GraphQL', gql)]
        } else {
          const local = await localStatus(() =>
            payload.update({ collection: row.subject as CollectionSlug, id, data: body as any, overrideAccess: false, user: userOf(role), depth: 0 }),
          )
          ;[status, label] = [local.status, 'Local API']
        }
        const after = fixture.change.read(await stored(row.subject, id))
        if (answer !== 'no' && reachable) {
          expect(status, label).toBe(200)
          expect(after, label).not.toEqual(before)
        } else {
          expect(answer === 'no' ? [...refusedStatuses(role), ...(channel === 'Local API' ? [403] : [])] : [403, 404], label).toContain(status)
          expect(after, label).toEqual(before)
        }
      }
    }
  },
  update: async (row, role, answer) => {
    const fixture = fixtures[row.subject]
    for (const [id, reachable] of await targets(fixture, answer, role)) {
      const before = fixture.change.read(await stored(row.subject, id))
      const rest = await api('PATCH', `${row.subject}?where[id][equals]=${id}&depth=0`, { token: tokenOf(role), body: fixture.change.body(role) })
      const after = fixture.change.read(await stored(row.subject, id))
      if (answer !== 'no' && reachable) {
        expect(rest.status, shown('REST', rest)).toBe(200)
        expect(after).not.toEqual(before)
      } else {
        // Outside the caller's filter a bulk update finds nothing to change (200, no documents).
        if (answer === 'no') expect(refusedStatuses(role), shown('REST', rest)).toContain(rest.status)
        else expect(rest.status === 200 ? rest.body.docs : [], shown('REST', rest)).toEqual([])
        expect(after).toEqual(before)
      }
    }
  },
  deleteByID: async (row, role, answer) => {
    const fixture = fixtures[row.subject]
    for (const [id, reachable] of await targets(fixture, answer, role)) {
      if (row.subject === 'users' && id === accounts.partner.user.id) continue // never delete the account the checks sign in with
      const overGraphQL = fixture.restShadowed?.includes('deleteByID')
      const rest = overGraphQL
        ? await graphql(`mutation { ${fieldOf(row)}(id: ${JSON.stringify(id)}) { id } }`, undefined, tokenOf(role)).then((gql) => ({
            ...gql,
            status: graphqlStatus(gql, fieldOf(row)),
          }))
        : await api('DELETE', `${row.subject}/${id}`, { token: tokenOf(role) })
      const gone = (await stored(row.subject, id)) === null || (await stored(row.subject, id)) === undefined
      if (answer !== 'no' && reachable) {
        expect(rest.status, shown(overGraphQL ? 'GraphQL' : 'REST', rest)).toBe(200)
        expect(gone).toBe(true)
      } else {
        expect(answer === 'no' ? refusedStatuses(role) : [403, 404], shown(overGraphQL ? 'GraphQL' : 'REST', rest)).toContain(rest.status)
        expect(gone).toBe(false)
        if (row.graphql.length > 0) {
          const gql = await graphql(`mutation { ${fieldOf(row)}(id: ${JSON.stringify(id)}) { id } }`, undefined, tokenOf(role))
          expect(answer === 'no' ? refusedStatuses(role) : [403, 404], shown('GraphQL', gql)).toContain(graphqlStatus(gql, fieldOf(row)))
          const local = await localStatus(() => payload.delete({ collection: row.subject as CollectionSlug, id, overrideAccess: false, user: userOf(role) }))
          expect([403, 404], 'Local API').toContain(local.status)
          expect(await stored(row.subject, id)).toBeTruthy()
        }
      }
    }
  },
  delete: async (row, role, answer) => {
    const fixture = fixtures[row.subject]
    for (const [id, reachable] of await targets(fixture, answer, role)) {
      if (row.subject === 'users' && id === accounts.partner.user.id) continue
      const rest = await api('DELETE', `${row.subject}?where[id][equals]=${id}`, { token: tokenOf(role) })
      const gone = !(await stored(row.subject, id))
      if (answer !== 'no' && reachable) {
        expect(rest.status, shown('REST', rest)).toBe(200)
        expect(gone).toBe(true)
      } else {
        if (answer === 'no') expect(refusedStatuses(role), shown('REST', rest)).toContain(rest.status)
        else expect(rest.status === 200 ? rest.body.docs : [], shown('REST', rest)).toEqual([])
        expect(gone).toBe(false)
      }
    }
  },
}

/** Versions: listed, read and restored where the answer is "yes", refused elsewhere. */
const versions: Record<'findVersions' | 'findVersionByID' | 'restoreVersion', Check> = {
  findVersions: async (row, role, answer) => {
    const id = await fixtures[row.subject].restricted()
    const rest = await api('GET', `${row.subject}/versions?where[parent][equals]=${id}&depth=0`, { token: tokenOf(role) })
    const gql = await graphql(`{ ${fieldOf(row)}(where: { parent: { equals: ${id} } }) { docs { id } } }`, undefined, tokenOf(role))
    if (answer === 'yes') {
      expect(rest.body.docs?.length, shown('REST', rest)).toBeGreaterThan(0)
      expect(gql.body.data?.[fieldOf(row)]?.docs?.length, shown('GraphQL', gql)).toBeGreaterThan(0)
    } else {
      expect(refusedStatuses(role), shown('REST', rest)).toContain(rest.status)
      expect(refusedStatuses(role), shown('GraphQL', gql)).toContain(graphqlStatus(gql, fieldOf(row)))
    }
  },
  findVersionByID: async (row, role, answer) => {
    const version = await versionOf(row.subject, await fixtures[row.subject].restricted())
    const rest = await api('GET', `${row.subject}/versions/${version}?depth=0`, { token: tokenOf(role) })
    const gql = await graphql(`{ ${fieldOf(row)}(id: ${version}) { id } }`, undefined, tokenOf(role))
    const expected = answer === 'yes' ? [200] : [...refusedStatuses(role), 404]
    expect(expected, shown('REST', rest)).toContain(rest.status)
    expect(expected, shown('GraphQL', gql)).toContain(graphqlStatus(gql, fieldOf(row)))
  },
  restoreVersion: async (row, role, answer) => {
    const id = await fixtures[row.subject].restricted()
    const version = await versionOf(row.subject, id)
    await payload.update({ collection: row.subject as CollectionSlug, id, data: fixtures[row.subject].change.body('admin') as any })
    const before = fixtures[row.subject].change.read(await stored(row.subject, id))
    const rest = await api('POST', `${row.subject}/versions/${version}`, { token: tokenOf(role) })
    const after = fixtures[row.subject].change.read(await stored(row.subject, id))
    if (answer === 'yes') {
      expect(rest.status, shown('REST', rest)).toBe(200)
      expect(after).not.toEqual(before)
    } else {
      expect(refusedStatuses(role), shown('REST', rest)).toContain(rest.status)
      expect(after).toEqual(before)
      const gql = await graphql(`mutation { ${fieldOf(row)}(id: ${version}) { id } }`, undefined, tokenOf(role))
      expect([...refusedStatuses(role), 403], shown('GraphQL', gql)).toContain(graphqlStatus(gql, fieldOf(row)))
      expect(fixtures[row.subject].change.read(await stored(row.subject, id))).toEqual(before)
    }
  },
}

async function versionOf(collection: string, id: number | string) {
  const { docs } = await payload.findVersions({ collection: collection as 'stories', where: { parent: { equals: id } }, sort: 'createdAt', limit: 1 })
  return docs[0]!.id
}

/** Globals, the root and what Payload mounts beside its standard routes. */
const globalChecks: Record<string, Check> = {
  'globals/site-settings findGlobal': async (_row, role, answer) => {
    await payload.updateGlobal({ slug: 'site-settings', data: { reviewInbox: 'beoordeling@weektegenkindermishandeling.test' } })
    const rest = await api('GET', 'globals/site-settings?depth=0', { token: tokenOf(role) })
    const gql = await graphql('{ SiteSetting { reviewInbox meldcodeUrl } }', undefined, tokenOf(role))
    expect(rest.status, shown('REST', rest)).toBe(200)
    expect(rest.body.reviewInbox, shown('REST', rest)).toBe(answer === 'yes' ? 'beoordeling@weektegenkindermishandeling.test' : undefined)
    expect(gql.body.data?.SiteSetting?.reviewInbox ?? null, shown('GraphQL', gql)).toBe(answer === 'yes' ? 'beoordeling@weektegenkindermishandeling.test' : null)
  },
  'globals/site-settings updateGlobal': async (_row, role, answer) => {
    const url = `https://www.example.nl/meldcode-${unique()}`
    const before = (await payload.findGlobal({ slug: 'site-settings' })).meldcodeUrl
    const rest = await api('POST', 'globals/site-settings', { token: tokenOf(role), body: { meldcodeUrl: url } })
    const gql = await graphql(`mutation { updateSiteSetting(data: { meldcodeUrl: "${url}-gql" }) { meldcodeUrl } }`, undefined, tokenOf(role))
    const after = (await payload.findGlobal({ slug: 'site-settings' })).meldcodeUrl
    if (answer === 'yes') {
      expect(rest.status, shown('REST', rest)).toBe(200)
      expect(after).toBe(`${url}-gql`)
    } else {
      expect(refusedStatuses(role), shown('REST', rest)).toContain(rest.status)
      expect(refusedStatuses(role), shown('GraphQL', gql)).toContain(graphqlStatus(gql, 'updateSiteSetting'))
      expect(after).toBe(before)
    }
  },
  'globals/site-settings docAccess': async (_row, role) => {
    const rest = await api('POST', 'globals/site-settings/access', { token: tokenOf(role) })
    const gql = await graphql('{ docAccessSiteSetting { update { permission } } }', undefined, tokenOf(role))
    expect(rest.status, shown('REST', rest)).toBe(200)
    expect(gql.body.data?.docAccessSiteSetting?.update?.permission, shown('GraphQL', gql)).toBe(role === 'editor' || role === 'admin')
  },
  'globals/payload-jobs-stats findGlobal': async (_row, role) => {
    const rest = await api('GET', 'globals/payload-jobs-stats', { token: tokenOf(role) })
    const gql = await graphql('{ PayloadJobsStat { stats } }', undefined, tokenOf(role))
    expect(refusedStatuses(role), shown('REST', rest)).toContain(rest.status)
    expect(refusedStatuses(role), shown('GraphQL', gql)).toContain(graphqlStatus(gql, 'PayloadJobsStat'))
  },
  'globals/payload-jobs-stats updateGlobal': async (_row, role) => {
    const before = JSON.stringify((await payload.findGlobal({ slug: 'payload-jobs-stats' as any })) ?? null)
    const rest = await api('POST', 'globals/payload-jobs-stats', { token: tokenOf(role), body: { stats: { overgenomen: true } } })
    const gql = await graphql('mutation { updatePayloadJobsStat(data: { stats: { overgenomen: true } }) { stats } }', undefined, tokenOf(role))
    expect(refusedStatuses(role), shown('REST', rest)).toContain(rest.status)
    expect(refusedStatuses(role), shown('GraphQL', gql)).toContain(graphqlStatus(gql, 'updatePayloadJobsStat'))
    expect(JSON.stringify((await payload.findGlobal({ slug: 'payload-jobs-stats' as any })) ?? null)).toBe(before)
  },
  'globals/payload-jobs-stats docAccess': async (_row, role) => {
    const rest = await api('POST', 'globals/payload-jobs-stats/access', { token: tokenOf(role) })
    expect(rest.status, shown('REST', rest)).toBe(200)
    expect(rest.body.update ?? false, shown('REST', rest)).toBe(false)
    expect(rest.body.read ?? false, shown('REST', rest)).toBe(false)
  },
  'api access': async (_row, role) => {
    const rest = await api('GET', 'access', { token: tokenOf(role) })
    const gql = await graphql('{ Access { canAccessAdmin activities { update { permission } } } }', undefined, tokenOf(role))
    expect(rest.status, shown('REST', rest)).toBe(200)
    expect(gql.body.errors, shown('GraphQL', gql)).toBeUndefined()
    expect(gql.body.data.Access.activities.update.permission).toBe(role !== 'anonymous')
  },
  'payload-jobs GET /run': async (_row, role, answer) => {
    const rest = await api('GET', 'payload-jobs/run', { token: tokenOf(role) })
    expect(answer === 'yes' ? [200] : [401, 403], shown('REST', rest)).toContain(rest.status)
  },
  'payload-jobs GET /handle-schedules': async (_row, role, answer) => {
    const rest = await api('GET', 'payload-jobs/handle-schedules', { token: tokenOf(role) })
    expect(answer === 'yes' ? [200] : [401, 403], shown('REST', rest)).toContain(rest.status)
  },
  'admin schedule-publish': async (_row, role, answer) => {
    const story = await fixtures.stories.restricted()
    const jobs = () => payload.count({ collection: 'payload-jobs', where: { taskSlug: { equals: 'schedulePublish' } } as Where }).then((r) => r.totalDocs)
    const before = await jobs()
    const req = await createLocalReq({ user: userOf(role) as any }, payload)
    const run = () => schedulePublication({ req, type: 'publish', doc: { relationTo: 'stories', value: story }, date: new Date(Date.now() + 86_400_000) } as any)
    if (answer === 'yes') {
      await run()
      expect(await jobs()).toBe(before + 1)
    } else {
      await expect(run()).rejects.toMatchObject({ status: 403 })
      expect(await jobs()).toBe(before)
    }
  },
  'admin get-upcoming-scheduled-publish': async (_row, role, answer) => {
    const story = await fixtures.stories.restricted()
    await payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'stories', value: story } },
      waitUntil: new Date(Date.now() + 86_400_000),
    } as any)
    const req = await createLocalReq({ user: userOf(role) as any }, payload)
    const run = () => upcomingPublications({ req, collectionSlug: 'stories', id: story } as any)
    if (answer === 'yes') expect(await run()).toBeTruthy()
    else await expect(run()).rejects.toMatchObject({ status: 403 })
  },
}

const checks: Record<string, Check> = { ...reads, ...writes, ...versions }

describe('every operation answers as docs/access.md says', () => {
  const provenHere = table.filter((row) => row.provenBy.includes('tests/operations.test.ts'))

  it('has a check for every row it is named as the proof of', () => {
    const unchecked = provenHere.filter((row) => !(checks[row.operation] && fixtures[row.subject]) && !globalChecks[key(row)])
    expect(unchecked.map(key)).toEqual([])
  })

  describe.each(provenHere.map((row) => ({ ...row, name: key(row) })))('$name', (row) => {
    it.each(roles)('%s', async (role) => {
      const check = globalChecks[key(row)] ?? checks[row.operation]
      await check(row, role, row.answers[role])
    })
  })
})

// ---------------------------------------------------------------------------------------------
// The activity operations that would write past the review: regressions of issue 11.
// ---------------------------------------------------------------------------------------------

let partner: { user: User; token: string }
let editor: { user: User; token: string }

beforeAll(() => {
  partner = accounts.partner
  editor = accounts.editor
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
const historyCount = async (id: number) => (await payload.count({ collection: 'activity-history', where: { activity: { equals: id } } })).totalDocs

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
    const { docs } = await payload.findVersions({ collection: 'activities', where: { parent: { equals: activity.id } }, sort: 'createdAt', limit: 10 })
    const older = docs.find((version) => version.version.title === 'Eerste titel')!
    return { activity, older }
  }

  it('is refused to the partner over REST, GraphQL and the Local API, and publishes nothing', async () => {
    const { activity, older } = await withOlderVersion()
    const entries = await historyCount(activity.id)
    const rest = await api('POST', `activities/versions/${older.id}`, { token: partner.token })
    expect(rest.status).toBe(403)
    const gql = await graphql(`mutation { restoreVersionActivity(id: ${older.id}) { id title } }`, undefined, partner.token)
    expect(graphqlStatus(gql, 'restoreVersionActivity')).toBe(403)
    expect(gql.body.data?.restoreVersionActivity ?? null).toBeNull()
    await expect(payload.restoreVersion({ collection: 'activities', id: older.id, overrideAccess: false, user: partner.user })).rejects.toMatchObject({
      status: 403,
    })
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

describe('a caller-chosen draft or autosave does not decide what the public sees', () => {
  it('an editor saving a decision with ?draft=true publishes it all the same', async () => {
    const activity = await makeActivity(payload, edition, own, { status: 'submitted' } as Partial<Activity>)
    const response = await api('PATCH', `activities/${activity.id}?draft=true&autosave=true`, { token: editor.token, body: { status: 'approved' } })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    expect((await api('GET', `activities/${activity.id}?depth=0`)).body.status).toBe('approved')
  })

  it('a partner’s locale publishing options do not overwrite the approved version in the history', async () => {
    const mine = await approved(own, 'Spreekuur in de bibliotheek')
    const response = await api('PATCH', `activities/${mine.id}?unpublishAllLocales=true`, {
      token: partner.token,
      body: { title: 'Spreekuur in de bibliotheek, nieuwe zaal' },
    })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    const { docs } = await payload.findVersions({ collection: 'activities', where: { parent: { equals: mine.id } }, sort: 'createdAt', limit: 10 })
    expect(docs.map((version) => [version.version.title, version.version.status])).toEqual([
      ['Spreekuur in de bibliotheek', 'approved'],
      ['Spreekuur in de bibliotheek, nieuwe zaal', 'submitted'],
    ])
    expect(await publicTitle(mine.id)).toBe('Spreekuur in de bibliotheek')
  })

  it('a partner’s draft save of its approved activity is a proposal like any other change', async () => {
    const mine = await approved(own, 'Spreekuur')
    const response = await api('PATCH', `activities/${mine.id}?draft=true`, { token: partner.token, body: { title: 'Spreekuur, nieuwe tijd' } })
    expect(response.status).toBe(200)
    expect(await publicTitle(mine.id)).toBe('Spreekuur')
    expect(await latest(mine.id)).toMatchObject({ title: 'Spreekuur, nieuwe tijd', status: 'submitted' })
  })
})
