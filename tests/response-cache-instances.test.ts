import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { waitFor } from '../src/bench/server'
import { unique } from './helpers/fixtures'
import { ensureProductionBuild, startProductionInstances, type ProductionServer } from './helpers/production'
import { removeKeys } from './helpers/redis'

// Two instances of the production build (`next start`) on one database and one Redis: what one
// computed, the other serves, and a write through either is seen at once by both.

const redisUrl = 'redis://127.0.0.1:6379'
const prefix = `wtk-test-${unique()}:`
const account = { email: 'redactie@example.nl', password: 'Lang-genoeg-wachtwoord-2026!', name: 'Redactie' }

let first: ProductionServer
let second: ProductionServer
let token = ''
let adminId = 0

const started = async (server: ProductionServer) => {
  const ready = await waitFor(`${server.base}/api/globals/site-settings`, server, 120_000, { anyStatus: true })
  expect(ready.status, server.output()).toBe(200)
}

type Answer = { status: number; body: any; cache: string | null }

async function call(server: ProductionServer, method: string, path: string, body?: unknown, login = false): Promise<Answer> {
  const headers: Record<string, string> = {}
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (login) headers.Authorization = `JWT ${token}`
  const response = await fetch(`${server.base}/api/${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : undefined, cache: response.headers.get('x-cache') }
}

beforeAll(async () => {
  ensureProductionBuild()
  const env = { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: prefix }
  ;[first, second] = await startProductionInstances(2, env)
  await Promise.all([started(first), started(second)])
  const registered = await call(first, 'POST', 'users/first-register', account)
  expect(registered.status, JSON.stringify(registered.body)).toBe(200)
  token = registered.body.token
  adminId = registered.body.user.id
}, 600_000)

afterAll(async () => {
  await second?.stop()
  await first?.stop()
  expect(await removeKeys(redisUrl, prefix)).toBeGreaterThan(0)
})

describe('instances sharing Redis', () => {
  it('serve what the other computed, REST and GraphQL', async () => {
    const organiser = await call(first, 'POST', 'organisers', { name: `Gedeeld ${unique()}` }, true)
    expect(organiser.status).toBe(201)
    const path = `organisers/${organiser.body.doc.id}?depth=0`
    expect((await call(first, 'GET', path)).cache).toBe('MISS')
    const onSecond = await call(second, 'GET', path)
    expect(onSecond.cache).toBe('HIT')
    expect(onSecond.body.name).toBe(organiser.body.doc.name)

    const query = { query: `{ Organiser(id: ${organiser.body.doc.id}) { name } }` }
    expect((await call(second, 'POST', 'graphql', query)).cache).toBe('MISS')
    const fromFirst = await call(first, 'POST', 'graphql', query)
    expect(fromFirst.cache).toBe('HIT')
    expect(fromFirst.body.data.Organiser.name).toBe(organiser.body.doc.name)
    const byGet = `graphql?${new URLSearchParams(query)}`
    expect((await call(first, 'GET', byGet)).cache).toBe('MISS')
    const gotFromSecond = await call(second, 'GET', byGet)
    expect(gotFromSecond.cache).toBe('HIT')
    expect(gotFromSecond.body.data.Organiser.name).toBe(organiser.body.doc.name)
  })

  it('see a write through either at once', async () => {
    const organiser = await call(first, 'POST', 'organisers', { name: `Voor ${unique()}` }, true)
    const path = `organisers/${organiser.body.doc.id}?depth=0`
    await call(first, 'GET', path)
    expect((await call(second, 'GET', path)).cache).toBe('HIT')
    const renamed = `Na ${unique()}`
    expect((await call(first, 'PATCH', `organisers/${organiser.body.doc.id}`, { name: renamed }, true)).status).toBe(200)
    const onSecond = await call(second, 'GET', path)
    expect(onSecond.cache).toBe('MISS')
    expect(onSecond.body.name).toBe(renamed)
    expect((await call(first, 'GET', path)).cache).toBe('HIT')
  })

  it('never serve a story after its storyteller withdrew consent through the other instance', async () => {
    const story = await call(
      first,
      'POST',
      'stories',
      {
        title: `Verhaal ${unique()}`,
        perspective: 'parent',
        storyteller: { displayName: 'Mila', role: 'pleegmoeder' },
        consent: { method: 'written', obtainedAt: '2026-01-05T00:00:00.000Z', recordedBy: adminId, withdrawn: false },
        _status: 'published',
      },
      true,
    )
    expect(story.status, JSON.stringify(story.body)).toBe(201)
    const path = `stories?where[id][equals]=${story.body.doc.id}&depth=0`
    expect((await call(first, 'GET', path)).body.docs).toHaveLength(1)
    expect((await call(second, 'GET', path)).cache).toBe('HIT')
    const withdrawn = await call(second, 'PATCH', `stories/${story.body.doc.id}?draft=true`, { consent: { withdrawn: true } }, true)
    expect(withdrawn.status).toBe(200)
    for (const server of [first, second]) {
      const after = await call(server, 'GET', path)
      expect(after.body.docs).toEqual([])
    }
  })
})
