import { spawnSync } from 'node:child_process'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { waitFor } from '../src/bench/server'
import { freePort } from '../src/db/embedded'
import { openWindow, unique } from './helpers/fixtures'
import { ensureProductionBuild, startProductionServer, type ProductionServer } from './helpers/production'

// The production build and `next start` on a database that nothing has touched yet: the server
// must apply the migrations itself (prodMigrations) and answer the public API.

let server: ProductionServer
let base = ''

beforeAll(async () => {
  ensureProductionBuild()
  server = await startProductionServer()
  base = server.base
}, 600_000)

afterAll(async () => {
  await server?.stop()
})

describe('the production build', () => {
  it.each([
    ['PAYLOAD_SECRET', /PAYLOAD_SECRET is not set/],
    ['DATABASE_URL', /DATABASE_URL is not set/],
  ])(
    'refuses to start without %s, saying so',
    async (variable, message) => {
      const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', DATABASE_URL: server.database.url }
      delete env[variable]
      const port = await freePort()
      const result = spawnSync('npx', ['next', 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
        env,
        encoding: 'utf8',
        timeout: 60_000,
      })
      // It stops by itself (killed by the timeout, status would be null and next-server left running).
      expect(result.status).toBe(1)
      expect(`${result.stdout}${result.stderr}`).toMatch(message)
    },
    90_000,
  )

  it('starts on a fresh database, migrates it and serves the help lines', async () => {
    const response = await waitFor(`${base}/api/globals/site-settings`, server, 90_000, { anyStatus: true })
    expect(response.status, server.output()).toBe(200)
    const settings = await response.json()
    expect(settings.helpLines.map((line: { name: string; phone: string }) => `${line.name} ${line.phone}`)).toEqual([
      'Veilig Thuis 0800-2000',
      'Kindertelefoon 0800-0432',
    ])
  }, 120_000)

  it('serves the admin in Dutch, also to an English browser', async () => {
    const response = await fetch(`${base}/admin/login`, { headers: { 'Accept-Language': 'en-US,en;q=0.9' } })
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toMatch(/<html[^>]*lang="nl"/)
    expect(html).toMatch(/Inloggen/)
  })

  it('serves English to an editor who chose it', async () => {
    const response = await fetch(`${base}/admin/login`, { headers: { Cookie: 'payload-lng=en' } })
    expect(await response.text()).toMatch(/<html[^>]*lang="en"/)
  })

  it('keeps GraphQL introspection and the playground off', async () => {
    const response = await fetch(`${base}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: '{ __schema { types { name } } }' }),
    })
    const body = await response.json()
    expect(body.data).toBeUndefined()
    expect(body.errors[0].message).toMatch(/introspection is not allowed/)
    const listing = await fetch(`${base}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: '{ Editions { totalDocs } }' }),
    })
    expect((await listing.json()).data.Editions.totalDocs).toBe(0)
    expect((await fetch(`${base}/api/graphql-playground`)).status).toBe(404)
  })

  it('answers a revalidation of an anonymous read with 304 over HTTP', async () => {
    const first = await fetch(`${base}/api/organisers?limit=5`)
    expect(first.status).toBe(200)
    expect(first.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=300')
    const tag = first.headers.get('etag')!
    const again = await fetch(`${base}/api/organisers?limit=5`, { headers: { 'If-None-Match': tag } })
    expect(again.status).toBe(304)
    expect(again.headers.get('etag')).toBe(tag)
  })

  it('sets the login cookie Secure, HttpOnly and SameSite=Lax', async () => {
    const account = { email: 'beheer@example.nl', password: 'Lang-genoeg-wachtwoord-2026!', name: 'Beheer' }
    const registered = await fetch(`${base}/api/users/first-register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(account),
    })
    expect(registered.status, await registered.clone().text()).toBe(200)
    const login = await fetch(`${base}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: account.email, password: account.password }),
    })
    expect(login.status).toBe(200)
    const cookie = login.headers.getSetCookie().find((value) => value.startsWith('payload-token='))!
    expect(cookie).toMatch(/;\s*Secure/i)
    expect(cookie).toMatch(/;\s*HttpOnly/i)
    expect(cookie).toMatch(/;\s*SameSite=Lax/i)
  })
})

// Payload recognises its errors by class (`instanceof`) when it builds an answer; the production
// bundle holds more than one copy of those classes, and the field errors must survive that.
describe('refusals from the production build', () => {
  const admin = { email: 'beheer@example.nl', password: 'Lang-genoeg-wachtwoord-2026!', name: 'Beheer' }
  const accountPassword = 'Ander-lang-wachtwoord-2026!'
  let adminToken = ''
  let editorToken = ''
  let partnerToken = ''
  let editionId = 0
  let organiserId = 0
  const year = 2050

  type Refusal = { status: number; body: { errors: { name?: string; message: string; data?: { errors?: { path: string; message: string }[] } }[] } }

  const call = async (method: string, path: string, token: string, body?: unknown): Promise<Refusal> => {
    const response = await fetch(`${base}/api/${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: response.status, body: await response.json() }
  }

  const login = async (email: string, password: string) => {
    const response = await fetch(`${base}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password }),
    })
    return response.ok ? ((await response.json()).token as string) : undefined
  }

  const account = async (role: 'editor' | 'partner', organiser?: number) => {
    const email = `${role}-${unique()}@example.nl`
    const made = await call('POST', 'users', adminToken, { email, password: accountPassword, name: `${role} ${unique()}`, role, organiser })
    expect(made.status, JSON.stringify(made.body)).toBe(201)
    return (await login(email, accountPassword))!
  }

  const fieldPaths = (refusal: Refusal) => (refusal.body.errors[0]?.data?.errors ?? []).map((error) => error.path).sort()

  beforeAll(async () => {
    await waitFor(`${base}/api/globals/site-settings`, server, 90_000, { anyStatus: true })
    let token = await login(admin.email, admin.password)
    if (!token) {
      const registered = await fetch(`${base}/api/users/first-register`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(admin),
      })
      token = (await registered.json()).token as string
    }
    adminToken = token
    editorToken = await account('editor')
    const organiser = await call('POST', 'organisers', editorToken, { name: `Buurthuis ${unique()}` })
    organiserId = (organiser.body as unknown as { doc: { id: number } }).doc.id
    partnerToken = await account('partner', organiserId)
    const edition = await call('POST', 'editions', editorToken, {
      year,
      theme: `Thema ${year}`,
      startDate: `${year}-11-16T00:00:00.000Z`,
      endDate: `${year}-11-22T00:00:00.000Z`,
      submissions: openWindow,
    })
    expect(edition.status, JSON.stringify(edition.body)).toBe(201)
    editionId = (edition.body as unknown as { doc: { id: number } }).doc.id
  }, 180_000)

  const activity = () => ({
    title: `Informatiebijeenkomst ${unique()}`,
    edition: editionId,
    organiser: organiserId,
    format: 'meeting',
    startsAt: `${year}-11-18T18:30:00.000Z`,
    location: { mode: 'online', onlineUrl: 'https://meet.example.nl/bijeenkomst' },
    contact: { name: 'Sanne de Vries', email: 'sanne@example.nl' },
  })

  it('answers an invalid edition with 400 and the field errors', async () => {
    const refused = await call('POST', 'editions', editorToken, {
      year: 2051,
      theme: 'Verkeerd',
      startDate: '2052-11-20T00:00:00.000Z',
      endDate: '2052-11-14T00:00:00.000Z',
    })
    expect(refused.status, JSON.stringify(refused.body)).toBe(400)
    const [error] = refused.body.errors
    expect(error.name).toBe('ValidationError')
    expect(error.message).toMatch(/ongeldig/)
    expect(fieldPaths(refused)).toEqual(['endDate', 'year'])
    const messages = Object.fromEntries(error.data!.errors!.map((field) => [field.path, field.message]))
    expect(messages.endDate).toMatch(/einddatum ligt voor de begindatum/)
    expect(messages.year).toMatch(/moet gelijk zijn aan het jaar van de begindatum/)
  })

  it('answers an invalid activity with 400 and the field errors', async () => {
    const refused = await call('POST', 'activities', editorToken, {
      ...activity(),
      endsAt: `${year}-11-18T17:00:00.000Z`,
      location: { mode: 'on-site', venue: 'Wijkcentrum' },
    })
    expect(refused.status, JSON.stringify(refused.body)).toBe(400)
    expect(refused.body.errors[0].name).toBe('ValidationError')
    expect(fieldPaths(refused)).toEqual(['endsAt', 'location.city', 'location.province'])
    for (const field of refused.body.errors[0].data!.errors!) expect(field.message).toMatch(/[a-z]/)
    const messages = Object.fromEntries(refused.body.errors[0].data!.errors!.map((field) => [field.path, field.message]))
    expect(messages.endsAt).toMatch(/kan niet eindigen voordat ze begint/)
    expect(messages['location.city']).toMatch(/Vul de plaats in/)
  })

  it("keeps the field errors of the workflow's refusals", async () => {
    const created = await call('POST', 'activities', partnerToken, activity())
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const id = (created.body as unknown as { doc: { id: number } }).doc.id

    // A partner does not write the editors' feedback: 403, with the field it is about.
    const feedback = await call('PATCH', `activities/${id}`, partnerToken, { review: { feedback: 'Zelf goedgekeurd' } })
    expect(feedback.status, JSON.stringify(feedback.body)).toBe(403)
    expect(feedback.body.errors[0].message).toMatch(/niet wijzigen: dat doet de redactie/)
    expect(feedback.body.errors[0].data?.errors).toEqual([{ path: 'review.feedback', message: feedback.body.errors[0].message }])

    // A partner does not approve: 403 with the workflow's words.
    expect((await call('PATCH', `activities/${id}`, partnerToken, { status: 'submitted' })).status).toBe(200)
    const approve = await call('PATCH', `activities/${id}`, partnerToken, { status: 'approved' })
    expect(approve.status, JSON.stringify(approve.body)).toBe(403)
    expect(approve.body.errors[0].message).toMatch(/Dat doet de redactie/)

    // Asking for changes without saying which: 400 on review.feedback.
    expect((await call('PATCH', `activities/${id}`, editorToken, { status: 'in-review' })).status).toBe(200)
    const changes = await call('PATCH', `activities/${id}`, editorToken, { status: 'changes-requested' })
    expect(changes.status, JSON.stringify(changes.body)).toBe(400)
    expect(changes.body.errors[0].message).toMatch(/terugkoppeling/)
    expect(changes.body.errors[0].data?.errors).toEqual([{ path: 'review.feedback', message: changes.body.errors[0].message }])
  })

  it('answers a query on a hidden path in Dutch, over REST and GraphQL', async () => {
    const response = await fetch(`${base}/api/activities?where[contact.email][equals]=sanne@example.nl`)
    const body = await response.json()
    expect(response.status, JSON.stringify(body)).toBe(400)
    expect(body.errors[0].message).toBe('Op het volgende veld kan niet worden gezocht: contact.email')
    expect(body.errors[0].data).toEqual([{ path: 'contact.email' }])
    const overGraphql = await fetch(`${base}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: '{ Activities(where: { contact__email: { equals: "sanne@example.nl" } }) { totalDocs } }' }),
    })
    const answer = await overGraphql.json()
    expect(answer.errors[0].message, JSON.stringify(answer)).toBe('Op het volgende veld kan niet worden gezocht: contact.email')
    expect(answer.errors[0].extensions.statusCode).toBe(400)
  })
})
