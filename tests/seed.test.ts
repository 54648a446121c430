import { spawnSync } from 'node:child_process'

import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { seed, type SeedResult } from '../src/seed/run'
import { api, payload as getTestPayload } from './helpers/api'

let payload: Payload
let first: SeedResult
let second: SeedResult

beforeAll(async () => {
  payload = await getTestPayload()
  first = await seed(payload)
  second = await seed(payload)
}, 300_000)

describe('npm run seed', () => {
  it('fills every collection of the demo', () => {
    expect(first.created.editions).toBeGreaterThanOrEqual(8)
    expect(first.created.organisers).toBeGreaterThanOrEqual(9)
    expect(first.created.activities).toBeGreaterThanOrEqual(30)
    expect(first.created.stories).toBe(30)
    expect(first.created['campaign-assets']).toBeGreaterThan(0)
    expect(first.created.media).toBeGreaterThan(0)
    expect(first.accounts.map((account) => account.role).sort()).toEqual(['admin', 'editor', 'partner'])
  })

  it('duplicates nothing when run again', () => {
    expect(Object.values(second.created).every((count) => count === 0)).toBe(true)
    expect(second.counts).toEqual(first.counts)
  })

  it('makes accounts that can log in with the printed passwords', async () => {
    for (const account of first.accounts) {
      const response = await api('POST', 'users/login', { body: { email: account.email, password: account.password } })
      expect(response.status, account.email).toBe(200)
      expect(response.body.user.role).toBe(account.role)
      if (account.role === 'partner') expect(response.body.user.organiser).toBeTruthy()
    }
  })

  it('has the real editions', async () => {
    const editions = await api('GET', 'editions?sort=year&limit=20&where[year][less_than]=2030')
    const byYear = Object.fromEntries(editions.body.docs.map((e: { year: number; theme: string; number: number }) => [e.year, e]))
    expect(byYear[2022].theme).toBe('Praat met elkaar')
    expect(byYear[2022].number).toBe(10)
    expect(byYear[2022].startDate.slice(0, 10)).toBe('2022-11-14')
    expect(byYear[2019].theme).toBe('Leren van elkaar')
  })

  it('shows the public only approved or cancelled activities, without contacts, and no withdrawn story', async () => {
    const activities = await api('GET', 'activities?limit=100&depth=0')
    const statuses = new Set(activities.body.docs.map((doc: { status: string }) => doc.status))
    expect([...statuses].every((status) => status === 'approved' || status === 'cancelled')).toBe(true)
    expect(JSON.stringify(activities.body)).not.toMatch(/"contact"|@[a-z-]+\.example\.nl/)

    const withdrawn = await payload.find({ collection: 'stories', where: { 'consent.withdrawn': { equals: true } } })
    expect(withdrawn.totalDocs).toBeGreaterThan(0)
    for (const story of withdrawn.docs) expect((await api('GET', `stories/${story.id}`)).status).toBe(404)
  })

  it('refuses to run in production', () => {
    const result = spawnSync('npx', ['tsx', 'src/scripts/seed.ts'], {
      env: { ...process.env, NODE_ENV: 'production' },
      encoding: 'utf8',
    })
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/Refusing to seed: NODE_ENV is production/)
  })
})
