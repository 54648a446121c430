import fs from 'node:fs'

import config from '@payload-config'
import { Validator } from '@seriousme/openapi-schema-validator'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { documentationOf } from '../src/openapi/describe'
import { openAPIFile, openAPIText } from '../src/openapi/document'
import type { Activity, Edition, Organiser } from '../src/payload-types'
import { richText } from '../src/seed/richText'
import { api, payload as getPayload } from './helpers/api'
import { standardCollectionRoutes } from './helpers/operations'
import { makeActivity, makeOpenEdition, makeOrganiser, nextFreeYear, unique } from './helpers/fixtures'

type Schema = Record<string, unknown>
type Document = {
  openapi: string
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>>
  components: { schemas: Record<string, Schema> }
}

/** Field names that are never public: none may be readable anywhere in the document. */
const privateNames = [
  'contact',
  'review',
  'feedback',
  'internalNotes',
  'consent',
  'privacyCheck',
  'namesToAvoid',
  'recordedBy',
  'withdrawn',
  'submittedBy',
  'publicSubmission',
  'ipHash',
  'email',
  'hash',
  'salt',
  'sessions',
  'resetPasswordToken',
  'reviewInbox',
  'secret',
]

/** Collections no anonymous reader may read: none may appear in the document. */
const privateCollections = ['users', 'activity-history', 'webhooks', 'webhook-deliveries', 'exports', 'imports', 'payload-jobs', 'payload-preferences']

/**
 * Custom endpoints that are no part of the websites' API: the editors' and administrators' own,
 * and Payload's Open Graph image of the admin. Any other custom endpoint must say what the
 * document says of it (`custom: openapi(...)`).
 */
const notPublic = [
  'GET /api/og',
  'POST /api/plugin-seo/generate-title',
  'POST /api/plugin-seo/generate-description',
  'POST /api/plugin-seo/generate-url',
  'POST /api/plugin-seo/generate-image',
  'POST /api/webhook-deliveries/:id/resend',
  'GET /api/privacy/lookup',
  'POST /api/privacy/erasure',
  'POST /api/privacy/retention/run',
  'POST /api/stories/privacy-check',
  'POST /api/exports/download',
  'POST /api/exports/export-preview',
  'POST /api/imports/preview-data',
  'GET /api/payload-jobs/run',
  'GET /api/payload-jobs/handle-schedules',
  'GET /api/payload-preferences/:key',
  'DELETE /api/payload-preferences/:key',
  'POST /api/payload-preferences/:key',
]

let payload: Payload
let document: Document
let edition: Edition
let organiser: Organiser
let activity: Activity
const word = `openapi${unique().replace(/\d/g, (digit) => 'ghijklmnop'[Number(digit)])}`

/** JSON Schema 2020-12, the dialect of OpenAPI 3.1, with the document's schemas to refer to. */
function responseValidator(doc: Document) {
  const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true })
  addFormats.default(ajv)
  const local = (schema: unknown): Schema => JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', '"openapi#/$defs/'))
  ajv.addSchema({ $id: 'openapi', $defs: local(doc.components.schemas) })
  return (path: string, status: number, body: unknown, method = 'get') => {
    const response = doc.paths[path]?.[method]?.responses[status]
    expect(response, `${method} ${path} documents ${status}`).toBeDefined()
    const validate = ajv.compile(local(response.content!['application/json'].schema))
    const valid = validate(body)
    expect(validate.errors ?? [], `${method} ${path} ${status}: ${JSON.stringify(body).slice(0, 300)}`).toEqual([])
    return valid
  }
}

/** Every property name in the document with where it is, and whether it is write-only input. */
function propertiesOf(node: unknown, path: string[] = [], writeOnly = false): { name: string; at: string; writeOnly: boolean }[] {
  if (!node || typeof node !== 'object') return []
  if (Array.isArray(node)) return node.flatMap((item, index) => propertiesOf(item, [...path, String(index)], writeOnly))
  const found: { name: string; at: string; writeOnly: boolean }[] = []
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' && value && typeof value === 'object') {
      for (const [name, schema] of Object.entries(value)) {
        const isWriteOnly = writeOnly || (schema as Schema)?.writeOnly === true
        found.push({ name, at: [...path, name].join('/'), writeOnly: isWriteOnly })
        found.push(...propertiesOf(schema, [...path, 'properties', name], isWriteOnly))
      }
    } else found.push(...propertiesOf(value, [...path, key], writeOnly))
  }
  return found
}

beforeAll(async () => {
  payload = await getPayload()
  edition = await makeOpenEdition(payload, { year: await nextFreeYear(payload) })
  organiser = await makeOrganiser(payload)
  activity = await makeActivity(payload, edition, organiser, {
    status: 'approved',
    title: `Ouderavond ${word}`,
    summary: 'Praten over opvoeden.',
    description: richText('Een avond over signalen.'),
    location: { mode: 'on-site', venue: 'Buurthuis', address: 'Kanaalweg 1', postalCode: '3526 KL', city: 'Utrecht', province: 'utrecht' },
    audiences: ['parents'],
  })
  await payload.updateGlobal({ slug: 'site-settings', data: { currentEdition: edition.id } })
  document = JSON.parse(await openAPIText(await config))
})

describe('the OpenAPI document of the public API', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(document as never)
    expect(result.errors ?? [], JSON.stringify(result.errors)).toEqual([])
    expect(result.valid).toBe(true)
    expect(document.openapi).toBe('3.1.0')
  })

  it('has schemas that are valid JSON Schema 2020-12 (strict)', () => {
    const ajv = new Ajv2020({ allowUnionTypes: true })
    addFormats.default(ajv)
    const local = JSON.parse(JSON.stringify(document.components.schemas).replaceAll('"#/components/schemas/', '"#/$defs/'))
    expect(() => ajv.compile({ $defs: local, anyOf: Object.keys(local).map((name) => ({ $ref: `#/$defs/${name}` })) })).not.toThrow()
  })

  it('is the committed docs/openapi.json (run `npm run generate:openapi` after a change of fields or endpoints)', async () => {
    const committed = fs.readFileSync(openAPIFile, 'utf8')
    expect((await openAPIText(await config)) === committed, 'docs/openapi.json is out of date').toBe(true)
  })

  it('is served anonymously at GET /api/openapi.json, cacheable', async () => {
    const response = await api('GET', 'openapi.json')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    expect(response.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=300')
    expect(response.body).toEqual(JSON.parse(fs.readFileSync(openAPIFile, 'utf8')))
  })

  it('documents the list and by-id reads of exactly the public collections, their files, the site settings and the public endpoints', () => {
    const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`))
    const reads = ['activities', 'editions', 'organisers', 'stories', 'campaign-assets', 'media', 'story-audio'].flatMap((slug) => [
      `GET /api/${slug}`,
      `GET /api/${slug}/{id}`,
    ])
    const files = ['campaign-assets', 'media', 'story-audio'].map((slug) => `GET /api/${slug}/file/{filename}`)
    expect(operations.sort()).toEqual(
      [
        ...reads,
        ...files,
        'GET /api/globals/site-settings',
        'GET /api/editions/current',
        'GET /api/activities/calendar.ics',
        'GET /api/search',
        'POST /api/activities/public-submission',
        'GET /api/activities/public-submission/confirm',
        'POST /api/activities/public-submission/confirm',
        'GET /api/openapi.json',
        'POST /api/preview/{collection}/{id}',
        'GET /api/preview/{collection}/{id}',
      ].sort(),
    )
    const list = document.paths['/api/activities'].get as unknown as { parameters: { name: string }[] }
    expect(list.parameters.map((parameter) => parameter.name)).toEqual(['where', 'limit', 'page', 'sort', 'depth', 'locale', 'select', 'populate'])
  })

  it('documents every custom endpoint of the configuration, or knows it is not public', async () => {
    const resolved = await config
    const custom = [
      ...resolved.collections.flatMap((collection) => (collection.endpoints || []).map((endpoint) => ({ base: `/api/${collection.slug}`, endpoint }))),
      ...(resolved.endpoints || []).map((endpoint) => ({ base: '/api', endpoint })),
    ].filter(({ endpoint }) => !standardCollectionRoutes[`${endpoint.method.toUpperCase()} ${endpoint.path}`] && endpoint.path !== '/access')
    const undecided = custom
      .filter(({ endpoint }) => !documentationOf(endpoint))
      .map(({ base, endpoint }) => `${endpoint.method.toUpperCase()} ${base}${endpoint.path}`)
      .filter((route) => !notPublic.includes(route))
    expect(undecided, 'add `custom: openapi(...)` (src/openapi/describe.ts) to a public endpoint, or list it here as not public').toEqual([])
  })

  it('holds no field, filter or collection that anonymous readers may not read', () => {
    const leaks = propertiesOf(document).filter(({ name, writeOnly }) => !writeOnly && name.split('.').some((part) => privateNames.includes(part)))
    expect(leaks.map(({ at }) => at)).toEqual([])
    for (const slug of privateCollections) {
      expect(Object.keys(document.paths).filter((path) => path.startsWith(`/api/${slug}`))).toEqual([])
    }
    const schemas = Object.keys(document.components.schemas)
    for (const name of ['User', 'ActivityHistory', 'Webhook', 'WebhookDelivery', 'Export', 'Import', 'PayloadJob']) expect(schemas).not.toContain(name)
  })

  it('shows the contact details only as write-only input of the public form', () => {
    const writeOnly = propertiesOf(document).filter(({ writeOnly }) => writeOnly)
    expect(writeOnly.every(({ at }) => at.startsWith('paths//api/activities/public-submission/post/requestBody/'))).toBe(true)
    expect(writeOnly.map(({ name }) => name).sort()).toEqual(['contact', 'email', 'name', 'phone'])
  })
})

describe('real answers match the documented responses', () => {
  let check: ReturnType<typeof responseValidator>
  beforeAll(() => {
    check = responseValidator(document)
  })

  /** The answer to an anonymous GET, with the status expected, checked against what the document says of that status. */
  const answer = async (url: string, documented: string, status: number) => {
    const response = await api('GET', url)
    expect(response.status, JSON.stringify(response.body)).toBe(status)
    check(documented, status, response.body)
    return response.body
  }

  it('GET /api/activities, at each depth an anonymous reader may ask for, and one by id', async () => {
    for (const depth of ['0', '1', '2']) {
      const page = await answer(`activities?where[edition][equals]=${edition.id}&depth=${depth}`, '/api/activities', 200)
      expect(page.docs.map((doc: Activity) => doc.id)).toEqual([activity.id])
    }
    await answer(`activities/${activity.id}`, '/api/activities/{id}', 200)
  })

  it('GET /api/organisers and /api/globals/site-settings', async () => {
    await answer('organisers?limit=5', '/api/organisers', 200)
    await answer('globals/site-settings', '/api/globals/site-settings', 200)
  })

  it('GET /api/editions/current', async () => {
    expect((await answer('editions/current', '/api/editions/current', 200)).id).toBe(edition.id)
  })

  it('GET /api/search', async () => {
    const hits = await answer(`search?q=${word}`, '/api/search', 200)
    expect(hits.docs.map((hit: { id: number }) => hit.id)).toEqual([activity.id])
  })

  it('refusals: a search without a question, a filter on a hidden field, an id that is not public', async () => {
    await answer('search?q=', '/api/search', 400)
    await answer('activities?where[contact.email][equals]=sanne@example.nl', '/api/activities', 400)
    await answer('activities/999999999', '/api/activities/{id}', 404)
  })

  it('a document that does not match its schema is caught (the check itself works)', () => {
    expect(() => check('/api/activities/{id}', 200, { ...activity, contact: { email: 'sanne@example.nl' } })).toThrow()
  })
})
