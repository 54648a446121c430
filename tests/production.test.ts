import { spawnSync } from 'node:child_process'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { freePort } from '../src/db/embedded'
import { ensureProductionBuild, startProductionServer, waitForServer, type ProductionServer } from './helpers/production'

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
  ])('refuses to start without %s, saying so', async (variable, message) => {
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
  }, 90_000)

  it('starts on a fresh database, migrates it and serves the help lines', async () => {
    const response = await waitForServer(server, `${base}/api/globals/site-settings`, 90_000)
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
