import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import { createLocalReq, initTransaction, killTransaction, type Payload } from 'payload'
import { Webhook as Verifier } from 'standardwebhooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { formState } from '../src/admin/serverFunctions'
import type { Edition, Organiser, User, Webhook, WebhookDelivery } from '../src/payload-types'
import { isInternalAddress } from '../src/webhooks/addresses'
import { openSecret } from '../src/webhooks/secret'
import { api, fieldErrors, graphql, payload as getPayload } from './helpers/api'
import { fileOf, png } from './helpers/files'
import { makeActivity, makeOpenEdition, makeOrganiser, makeUser, unique } from './helpers/fixtures'

/**
 * Webhooks end to end: a real HTTP receiver on loopback that checks every delivery with the
 * `standardwebhooks` package, the events of the content writes, the secret shown once, retries,
 * 410, the address refusals and the access rules. Jobs are run here, not by the cron.
 */

type Received = { path: string; headers: IncomingHttpHeaders; body: string; message: { type: string; timestamp: string; data: Record<string, unknown> } }

let payload: Payload
let server: Server
let base: string
const received: Received[] = []
/** Answers per path, used in order; once used up, 204. */
const answers = new Map<string, number[]>()

let admin: { user: User; token: string }
let editor: { user: User; token: string }
let partner: { user: User; token: string }
let edition: Edition
let organiser: Organiser
/** The endpoint subscribed to every event, with the secret the create answered. */
let main: { id: number; secret: string }

const allEvents = [
  'activity.published',
  'activity.unpublished',
  'activity.cancelled',
  'story.published',
  'story.unpublished',
  'edition.updated',
  'campaign-asset.published',
  'campaign-asset.deleted',
  'site-settings.updated',
]

const secretsByPath = new Map<string, string>()

async function createWebhook(path: string, events = allEvents, extra: Record<string, unknown> = {}) {
  const response = await api('POST', 'webhooks', { token: admin.token, body: { url: `${base}${path}`, events, description: 'Testontvanger', ...extra } })
  expect(response.status, JSON.stringify(response.body)).toBe(201)
  secretsByPath.set(path, response.body.doc.secret)
  return { id: response.body.doc.id as number, secret: response.body.doc.secret as string }
}

/** Runs the webhook queue until nothing is due. */
async function deliver() {
  for (let round = 0; round < 20; round++) {
    const { noJobsRemaining } = await payload.jobs.run({ queue: 'webhooks', limit: 100 })
    if (noJobsRemaining) return
  }
}

const messagesAbout = (type: string, id: unknown, path = '/main') =>
  received.filter((entry) => entry.path === path && entry.message.type === type && entry.message.data.id === id)

const deliveriesOf = async (webhook: number) =>
  (
    await payload.find({
      collection: 'webhook-deliveries',
      where: { webhook: { equals: webhook } },
      depth: 0,
      pagination: false,
      sort: 'createdAt',
    })
  ).docs as WebhookDelivery[]

beforeAll(async () => {
  process.env.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = 'true'
  process.env.WEBHOOKS_RETRY_DELAYS = '0,0,0'
  server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const path = request.url ?? '/'
      const body = Buffer.concat(chunks).toString('utf8')
      const secret = secretsByPath.get(path)
      // Every delivery must verify with the endpoint's secret, or the test fails on it.
      const message = secret ? (new Verifier(secret).verify(body, request.headers as Record<string, string>) as Received['message']) : JSON.parse(body)
      received.push({ path, headers: request.headers, body, message })
      const queued = answers.get(path) ?? []
      const status = queued.shift() ?? 204
      response.writeHead(status, status >= 300 && status < 400 ? { location: `${base}/main` } : {})
      response.end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  payload = await getPayload()
  admin = await makeUser(payload, 'admin')
  editor = await makeUser(payload, 'editor')
  organiser = await makeOrganiser(payload)
  partner = await makeUser(payload, 'partner', organiser)
  edition = await makeOpenEdition(payload)
  main = await createWebhook('/main')
})

afterAll(async () => {
  await payload.update({ collection: 'webhooks', where: {}, data: { active: false } })
  delete process.env.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES
  delete process.env.WEBHOOKS_RETRY_DELAYS
  await new Promise((resolve) => server.close(resolve))
})

describe('events of activities', () => {
  it('an approval publishes, a cancellation cancels, a delete unpublishes; a proposal awaiting review sends nothing', async () => {
    const activity = await makeActivity(payload, edition, organiser, {
      status: 'submitted',
      contact: { name: 'Femke Bakker', email: 'femke@school.test' },
    } as any)
    await deliver()
    expect(messagesAbout('activity.published', activity.id)).toEqual([])

    const approved = await api('PATCH', `activities/${activity.id}`, { token: editor.token, body: { status: 'approved' } })
    expect(approved.status, JSON.stringify(approved.body)).toBe(200)
    await deliver()
    const [published] = messagesAbout('activity.published', activity.id)
    expect(published.message).toEqual({
      type: 'activity.published',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      data: { collection: 'activities', id: activity.id, slug: activity.slug },
    })
    expect(published.body).not.toContain('femke')

    // The partner's change is a draft until an editor approves it: the public version is unchanged.
    const proposal = await api('PATCH', `activities/${activity.id}`, { token: partner.token, body: { title: 'Nieuwe titel' } })
    expect(proposal.status, JSON.stringify(proposal.body)).toBe(200)
    await deliver()
    expect(messagesAbout('activity.published', activity.id)).toHaveLength(1)

    const cancelled = await api('PATCH', `activities/${activity.id}`, { token: partner.token, body: { status: 'cancelled' } })
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200)
    await deliver()
    expect(messagesAbout('activity.cancelled', activity.id).map((entry) => entry.message.data)).toEqual([
      { collection: 'activities', id: activity.id, slug: activity.slug },
    ])

    expect((await api('DELETE', `activities/${activity.id}`, { token: editor.token })).status).toBe(200)
    await deliver()
    expect(messagesAbout('activity.unpublished', activity.id)).toHaveLength(1)
  })

  it('a withdrawn or rejected activity was never public: nothing is sent', async () => {
    const activity = await makeActivity(payload, edition, organiser, { status: 'submitted' } as any)
    const rejected = await api('PATCH', `activities/${activity.id}`, { token: editor.token, body: { status: 'rejected', review: { feedback: 'Past niet.' } } })
    expect(rejected.status).toBe(200)
    await deliver()
    expect(received.filter((entry) => entry.message.data.id === activity.id && entry.message.data.collection === 'activities')).toEqual([])
  })
})

describe('events of stories', () => {
  const story = (title: string) => ({ title, perspective: 'parent' as const, storyteller: { displayName: 'Anouk' } })

  it('publishing publishes; an unpublish, a consent withdrawal and a delete each unpublish', async () => {
    const drafted = await payload.create({ collection: 'stories', data: { ...story(`Concept ${unique()}`), _status: 'draft' }, draft: true })
    await deliver()
    expect(messagesAbout('story.published', drafted.id)).toEqual([])

    const published = await api('PATCH', `stories/${drafted.id}`, { token: editor.token, body: { _status: 'published' } })
    expect(published.status, JSON.stringify(published.body)).toBe(200)
    await deliver()
    expect(messagesAbout('story.published', drafted.id).map((entry) => entry.message.data)).toEqual([
      { collection: 'stories', id: drafted.id, slug: drafted.slug },
    ])

    // An unpublish takes it out of the public API.
    await payload.update({ collection: 'stories', id: drafted.id, data: { _status: 'draft' } })
    await deliver()
    expect(messagesAbout('story.unpublished', drafted.id)).toHaveLength(1)

    // A withdrawn consent, even saved as a draft, takes a published story offline at once.
    const withdrawn = await payload.create({ collection: 'stories', data: { ...story(`Verhaal ${unique()}`), _status: 'published' } })
    const withdrawal = await api('PATCH', `stories/${withdrawn.id}?draft=true`, { token: editor.token, body: { consent: { withdrawn: true } } })
    expect(withdrawal.status, JSON.stringify(withdrawal.body)).toBe(200)
    await deliver()
    expect(messagesAbout('story.unpublished', withdrawn.id)).toHaveLength(1)

    const deleted = await payload.create({ collection: 'stories', data: { ...story(`Verhaal ${unique()}`), _status: 'published' } })
    expect((await api('DELETE', `stories/${deleted.id}`, { token: editor.token })).status).toBe(200)
    await deliver()
    expect(messagesAbout('story.published', deleted.id)).toHaveLength(1)
    expect(messagesAbout('story.unpublished', deleted.id)).toHaveLength(1)
  })
})

describe('events of editions, campaign material and the site settings', () => {
  it('sends edition.updated, campaign-asset.published and .deleted, site-settings.updated', async () => {
    const changed = await api('PATCH', `editions/${edition.id}`, { token: editor.token, body: { theme: `Thema ${unique()}` } })
    expect(changed.status).toBe(200)
    await deliver()
    expect(messagesAbout('edition.updated', edition.id).at(-1)?.message.data).toEqual({ collection: 'editions', id: edition.id, slug: edition.slug })

    const asset = await payload.create({
      collection: 'campaign-assets',
      data: { title: 'Poster', kind: 'poster', alt: 'Poster' },
      file: fileOf(await png(), `poster-${unique()}.png`, 'image/png'),
    })
    await payload.delete({ collection: 'campaign-assets', id: asset.id })
    await deliver()
    expect(messagesAbout('campaign-asset.published', asset.id)[0]?.message.data).toEqual({ collection: 'campaign-assets', id: asset.id, slug: null })
    expect(messagesAbout('campaign-asset.deleted', asset.id)).toHaveLength(1)

    const before = received.filter((entry) => entry.message.type === 'site-settings.updated').length
    const settings = await api('POST', 'globals/site-settings', { token: editor.token, body: { meldcodeUrl: `https://www.example.nl/meldcode-${unique()}` } })
    expect(settings.status).toBe(200)
    await deliver()
    const updates = received.filter((entry) => entry.path === '/main' && entry.message.type === 'site-settings.updated')
    expect(updates.length).toBeGreaterThan(before)
    expect(updates.at(-1)?.message.data).toEqual({ global: 'site-settings' })
  })

  it('a write that is rolled back sends nothing and leaves no delivery', async () => {
    const deliveries = (await deliveriesOf(main.id)).length
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    await payload.update({ collection: 'editions', id: edition.id, data: { theme: 'Teruggedraaid' }, req })
    await killTransaction(req)
    await deliver()
    expect((await deliveriesOf(main.id)).length).toBe(deliveries)
    expect(received.some((entry) => entry.body.includes('Teruggedraaid'))).toBe(false)
    expect((await payload.findByID({ collection: 'editions', id: edition.id })).theme).not.toBe('Teruggedraaid')
  })

  it('sends ids and slugs only, each delivery logged as succeeded', async () => {
    for (const entry of received.filter((item) => item.path === '/main')) {
      expect(Object.keys(entry.message).sort()).toEqual(['data', 'timestamp', 'type'])
      const keys = Object.keys(entry.message.data).sort()
      expect([['collection', 'id', 'slug'], ['global']]).toContainEqual(keys)
      expect(entry.headers['webhook-id']).toMatch(/^msg_[0-9a-f]{32}$/)
      expect(Math.abs(Number(entry.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(600)
      expect(entry.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/)
    }
    const log = await deliveriesOf(main.id)
    expect(log.length).toBeGreaterThan(5)
    for (const delivery of log) expect(delivery).toMatchObject({ status: 'succeeded', attempts: 1, lastStatus: 204 })
  })
})

describe('the secret', () => {
  it('is returned once, in the answer to the create, and never again through any API', async () => {
    const created = await api('POST', 'webhooks', {
      token: admin.token,
      body: { url: 'https://www.example.nl/hook', events: ['story.published'], active: false },
    })
    expect(created.status).toBe(201)
    const secret: string = created.body.doc.secret
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/)
    expect(Buffer.from(secret.slice(6), 'base64').length).toBeGreaterThanOrEqual(24)
    const id = created.body.doc.id

    const byId = await api('GET', `webhooks/${id}`, { token: admin.token })
    expect(byId.status).toBe(200)
    expect(byId.body.secret).toBeUndefined()
    const list = await api('GET', `webhooks?where[id][equals]=${id}`, { token: admin.token })
    expect(JSON.stringify(list.body)).not.toContain('whsec_')
    const gql = await graphql(`{ Webhook(id: ${id}) { url secret } Webhooks { docs { secret } } }`, undefined, admin.token)
    expect(gql.body.data.Webhook).toEqual({ url: 'https://www.example.nl/hook', secret: null })
    expect(JSON.stringify(gql.body)).not.toContain('whsec_')
    const local = await payload.findByID({ collection: 'webhooks', id, overrideAccess: false, user: admin.user })
    expect((local as Webhook).secret).toBeUndefined()
    // Nor can a query probe it.
    const probe = await api('GET', `webhooks?where[secret][like]=whsec`, { token: admin.token })
    expect(probe.status === 200 ? probe.body.docs : []).toEqual([])
    // The admin's form state has no value for it.
    payload.importMap = (await import('../src/app/(payload)/admin/importMap.js')).importMap
    const form = (await formState({
      req: await createLocalReq({ user: { ...admin.user, collection: 'users' } as any }, payload),
      collectionSlug: 'webhooks',
      id,
      schemaPath: 'webhooks',
      operation: 'update',
      formState: {},
      renderAllFields: false,
      docPreferences: { fields: {} },
    } as any)) as { state?: Record<string, { value?: unknown }> }
    expect(form.state).toBeTruthy()
    expect(JSON.stringify(form.state)).not.toContain('whsec_')
    expect(form.state?.secret?.value).toBeUndefined()

    // Stored sealed: the database holds no secret in the clear.
    const row = await payload.db.findOne<{ id: number; secret: string }>({ collection: 'webhooks', where: { id: { equals: id } } })
    expect(row?.secret).not.toContain(secret.slice(6, 20))
    expect(openSecret(row!.secret, payload.secret)).toBe(secret)

    // An update without a secret keeps it.
    expect((await api('PATCH', `webhooks/${id}`, { token: admin.token, body: { description: 'Gewijzigd' } })).status).toBe(200)
    const after = await payload.db.findOne<{ id: number; secret: string }>({ collection: 'webhooks', where: { id: { equals: id } } })
    expect(openSecret(after!.secret, payload.secret)).toBe(secret)
  })

  it('takes the administrator’s own secret, and refuses a malformed one or a URL that is not http(s) with Dutch field errors', async () => {
    const own = `whsec_${Buffer.alloc(24, 7).toString('base64')}`
    const created = await api('POST', 'webhooks', {
      token: admin.token,
      body: { url: 'https://www.example.nl/eigen', events: ['edition.updated'], secret: own },
    })
    expect(created.status).toBe(201)
    expect(created.body.doc.secret).toBe(own)
    await payload.update({ collection: 'webhooks', id: created.body.doc.id, data: { active: false } })

    const before = (await payload.count({ collection: 'webhooks' })).totalDocs
    for (const secret of ['geheim', 'whsec_kort', `whsec_${Buffer.alloc(16).toString('base64')}`]) {
      const refused = await api('POST', 'webhooks', { token: admin.token, body: { url: 'https://www.example.nl/x', events: ['edition.updated'], secret } })
      expect(refused.status).toBe(400)
      expect(fieldErrors(refused).secret).toMatch(/begint met whsec_/)
    }
    for (const url of ['ftp://www.example.nl/x', 'javascript:alert(1)', 'file:///etc/passwd', 'geen adres']) {
      const refused = await api('POST', 'webhooks', { token: admin.token, body: { url, events: ['edition.updated'] } })
      expect(refused.status, url).toBe(400)
      expect(fieldErrors(refused).url, url).toMatch(/http- of https-adres/)
    }
    expect((await payload.count({ collection: 'webhooks' })).totalDocs).toBe(before)
  })
})

describe('retries, 410 and resending', () => {
  it('a receiver that fails and then recovers gets the same webhook-id on every attempt, each attempt counted', async () => {
    const flaky = await createWebhook('/flaky', ['edition.updated'])
    answers.set('/flaky', [500, 503])
    await payload.update({ collection: 'editions', id: edition.id, data: { theme: `Thema ${unique()}` } })
    await deliver()
    const attempts = received.filter((entry) => entry.path === '/flaky')
    expect(attempts).toHaveLength(3)
    expect(new Set(attempts.map((entry) => entry.headers['webhook-id'])).size).toBe(1)
    expect(new Set(attempts.map((entry) => entry.body)).size).toBe(1)
    const [delivery] = await deliveriesOf(flaky.id)
    expect(delivery).toMatchObject({ status: 'succeeded', attempts: 3, lastStatus: 204, lastError: null, messageId: attempts[0].headers['webhook-id'] })
    await payload.update({ collection: 'webhooks', id: flaky.id, data: { active: false } })
  })

  it('gives up after the last retry of the schedule, and a redirect counts as a failure', async () => {
    const failing = await createWebhook('/failing', ['edition.updated'])
    answers.set('/failing', [302, 500, 500, 500, 500])
    await payload.update({ collection: 'editions', id: edition.id, data: { theme: `Thema ${unique()}` } })
    await deliver()
    // One attempt and the three retries of WEBHOOKS_RETRY_DELAYS=0,0,0; the redirect was not followed.
    expect(received.filter((entry) => entry.path === '/failing')).toHaveLength(4)
    const [delivery] = await deliveriesOf(failing.id)
    expect(delivery).toMatchObject({ status: 'failed', attempts: 4, lastStatus: 500, nextAttemptAt: null })
    await payload.update({ collection: 'webhooks', id: failing.id, data: { active: false } })
  })

  it('a 410 switches the endpoint off', async () => {
    const gone = await createWebhook('/gone', ['edition.updated'])
    answers.set('/gone', [410])
    await payload.update({ collection: 'editions', id: edition.id, data: { theme: `Thema ${unique()}` } })
    await deliver()
    expect(received.filter((entry) => entry.path === '/gone')).toHaveLength(1)
    const [delivery] = await deliveriesOf(gone.id)
    expect(delivery).toMatchObject({ status: 'failed', attempts: 1, lastStatus: 410 })
    expect((await payload.findByID({ collection: 'webhooks', id: gone.id })).active).toBe(false)
    // Switched off, it gets nothing more.
    await payload.update({ collection: 'editions', id: edition.id, data: { theme: `Thema ${unique()}` } })
    await deliver()
    expect(await deliveriesOf(gone.id)).toHaveLength(1)
  })

  it('an administrator resends a delivery with the same webhook-id; nobody else can', async () => {
    const [first] = await deliveriesOf(main.id)
    const before = received.filter((entry) => entry.headers['webhook-id'] === first.messageId).length
    for (const token of [undefined, partner.token, editor.token]) {
      const refused = await api('POST', `webhook-deliveries/${first.id}/resend`, { token })
      expect([401, 403]).toContain(refused.status)
    }
    const resent = await api('POST', `webhook-deliveries/${first.id}/resend`, { token: admin.token })
    expect(resent.status, JSON.stringify(resent.body)).toBe(202)
    await deliver()
    expect(received.filter((entry) => entry.headers['webhook-id'] === first.messageId)).toHaveLength(before + 1)
    expect(await payload.findByID({ collection: 'webhook-deliveries', id: first.id })).toMatchObject({ status: 'succeeded', attempts: first.attempts + 1 })
    expect((await api('POST', 'webhook-deliveries/999999999/resend', { token: admin.token })).status).toBe(404)
  })
})

describe('requests to internal addresses', () => {
  it('classifies loopback, private, link-local, unique-local, CGNAT, multicast, unspecified and IPv4-mapped addresses as internal', () => {
    const internal = [
      '127.0.0.1',
      '127.1.2.3',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      '::',
      '::1',
      'fe80::1',
      'fc00::1',
      'fd12:3456::1',
      'ff02::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::ffff:10.0.0.1',
      '::ffff:a9fe:a9fe',
      '64:ff9b::a00:1',
      '2002:7f00:1::',
      'fe80::1%eth0',
    ]
    const external = ['93.184.216.34', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '2a00:1450:4001::1']
    for (const address of internal) expect(isInternalAddress(address), address).toBe(true)
    for (const address of external) expect(isInternalAddress(address), address).toBe(false)
  })

  it('refuses loopback and private addresses at delivery, also behind a name, and logs why', async () => {
    const port = (server.address() as AddressInfo).port
    const targets = [`http://127.0.0.1:${port}/ssrf-a`, `http://localhost:${port}/ssrf-b`, `http://[::ffff:127.0.0.1]:${port}/ssrf-c`, 'http://10.0.0.1/ssrf-d']
    const hooks: number[] = []
    for (const url of targets) {
      const created = await api('POST', 'webhooks', { token: admin.token, body: { url, events: ['edition.updated'] } })
      expect(created.status).toBe(201)
      hooks.push(created.body.doc.id)
    }
    process.env.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = 'false'
    try {
      await payload.update({ collection: 'editions', id: edition.id, data: { theme: `Thema ${unique()}` } })
      await deliver()
    } finally {
      process.env.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = 'true'
    }
    expect(received.filter((entry) => entry.path.startsWith('/ssrf'))).toEqual([])
    for (const hook of hooks) {
      const [delivery] = await deliveriesOf(hook)
      expect(delivery, String(hook)).toMatchObject({ status: 'failed', attempts: 1, lastStatus: null })
      expect(delivery.lastError).toMatch(/intern adres/)
      await payload.update({ collection: 'webhooks', id: hook, data: { active: false } })
    }
  })
})

describe('access', () => {
  it('refuses anonymous callers, partners and editors on both collections, over REST, GraphQL and the Local API', async () => {
    const [delivery] = await deliveriesOf(main.id)
    for (const [who, token, user] of [
      ['anonymous', undefined, undefined],
      ['partner', partner.token, partner.user],
      ['editor', editor.token, editor.user],
    ] as const) {
      for (const path of ['webhooks', `webhooks/${main.id}`, 'webhook-deliveries', `webhook-deliveries/${delivery.id}`]) {
        expect([401, 403], `${who} GET ${path}`).toContain((await api('GET', path, { token })).status)
      }
      const create = await api('POST', 'webhooks', { token, body: { url: 'https://www.example.nl/x', events: ['story.published'] } })
      expect([401, 403], who).toContain(create.status)
      expect([401, 403], who).toContain((await api('PATCH', `webhooks/${main.id}`, { token, body: { active: false } })).status)
      expect([401, 403], who).toContain((await api('DELETE', `webhooks/${main.id}`, { token })).status)
      const gql = await graphql(`{ Webhooks { docs { id url } } WebhookDeliveries { docs { id body } } }`, undefined, token)
      expect(gql.body.data?.Webhooks ?? null, who).toBeNull()
      expect(gql.body.data?.WebhookDeliveries ?? null, who).toBeNull()
      if (user) {
        await expect(payload.find({ collection: 'webhooks', overrideAccess: false, user })).rejects.toMatchObject({ status: 403 })
        await expect(payload.find({ collection: 'webhook-deliveries', overrideAccess: false, user })).rejects.toMatchObject({ status: 403 })
      }
    }
    expect((await payload.findByID({ collection: 'webhooks', id: main.id })).active).toBe(true)
  })

  it('lets nobody, administrators included, write the delivery log through the API', async () => {
    const [delivery] = await deliveriesOf(main.id)
    const create = await api('POST', 'webhook-deliveries', {
      token: admin.token,
      body: { webhook: main.id, event: 'story.published', messageId: `msg_${unique()}`, body: '{}', status: 'succeeded', attempts: 0 },
    })
    expect(create.status).toBe(403)
    const update = await api('PATCH', `webhook-deliveries/${delivery.id}`, { token: admin.token, body: { status: 'failed' } })
    expect(update.status).toBe(403)
    expect((await payload.findByID({ collection: 'webhook-deliveries', id: delivery.id })).status).toBe(delivery.status)
  })
})
