import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Activity, Edition, Organiser, User } from '../src/payload-types'
import { api, graphql, payload as getTestPayload } from './helpers/api'
import { makeActivity, makeOpenEdition, makeOrganiser, makeUser, unique } from './helpers/fixtures'

/**
 * The audit log (collections/AuditLog.ts): an entry for each export, consent withdrawal and role
 * change (lookups, erasures and retention runs: tests/erasure.test.ts, tests/retention.test.ts),
 * read by administrators only and written through no API.
 */

let payload: Payload
let admin: { user: User; token: string }
let editor: { user: User; token: string }
let partner: { user: User; token: string }
let organiser: Organiser
let edition: Edition

beforeAll(async () => {
  payload = await getTestPayload()
  admin = await makeUser(payload, 'admin')
  organiser = await makeOrganiser(payload)
  editor = await makeUser(payload, 'editor')
  partner = await makeUser(payload, 'partner', organiser)
  edition = await makeOpenEdition(payload)
})

const entries = async (action: string) =>
  (await payload.find({ collection: 'audit-log', where: { action: { equals: action } }, sort: '-at', pagination: false, depth: 0 })).docs

describe('entries of the audit log', () => {
  it('records a stored CSV export and a download: who, the filter and the rows', async () => {
    for (let i = 0; i < 3; i++) await makeActivity(payload, edition, organiser, { status: 'approved' } as Partial<Activity>)
    const before = (await entries('export')).length
    const where = { edition: { equals: edition.id } }
    const stored = await api('POST', 'exports', { token: editor.token, body: { collectionSlug: 'activities', format: 'csv', drafts: 'yes', where } })
    expect(stored.status, JSON.stringify(stored.body)).toBe(201)
    const download = await api('POST', 'exports/download', { token: editor.token, body: { data: { collectionSlug: 'activities', format: 'csv', where } } })
    expect(download.status).toBe(200)
    const logged = await entries('export')
    expect(logged.length).toBe(before + 2)
    const [downloaded, created] = logged
    expect(created).toMatchObject({ by: editor.user.id, details: { filter: where, rows: 3, export: stored.body.doc.id } })
    expect(downloaded).toMatchObject({ by: editor.user.id, details: { filter: where, rows: 3, download: true } })
  })

  it('keeps an e-mail address in an export’s filter or name masked only, in a stored export and a download', async () => {
    const address = `anne.${unique()}@school.test`
    await makeActivity(payload, edition, organiser, { status: 'approved', contact: { name: 'Anne', email: address } } as Partial<Activity>)
    const before = (await entries('export')).length
    const where = { 'contact.email': { equals: address } }
    const body = { collectionSlug: 'activities', format: 'csv', drafts: 'yes', where, name: `contact ${address}` }
    const stored = await api('POST', 'exports', { token: editor.token, body })
    expect(stored.status, JSON.stringify(stored.body)).toBe(201)
    expect((await api('POST', 'exports/download', { token: editor.token, body: { data: body } })).status).toBe(200)
    const logged = (await entries('export')).slice(0, (await entries('export')).length - before)
    expect(logged).toHaveLength(2)
    for (const entry of logged) {
      expect(JSON.stringify(entry)).not.toContain(address)
      expect(entry.details).toMatchObject({ filter: { 'contact.email': { equals: expect.stringMatching(/^a\*\*\*@s\*\*\*\.test$/) } }, rows: 1 })
    }
  })

  it('records the first withdrawal of a story’s consent, once', async () => {
    const story = await payload.create({
      collection: 'stories',
      data: { title: `Verhaal ${unique()}`, perspective: 'parent', storyteller: { displayName: 'Anouk' }, _status: 'published' } as any,
    })
    const before = (await entries('consent-withdrawn')).length
    const withdraw = await api('PATCH', `stories/${story.id}`, { token: editor.token, body: { consent: { withdrawn: true } } })
    expect(withdraw.status, JSON.stringify(withdraw.body)).toBe(200)
    await api('PATCH', `stories/${story.id}`, { token: editor.token, body: { title: `Ander ${unique()}`, consent: { withdrawn: true } } })
    const logged = await entries('consent-withdrawn')
    expect(logged.length).toBe(before + 1)
    expect(logged[0]).toMatchObject({ by: editor.user.id, details: { collection: 'stories', id: story.id } })
  })

  it('records an account created with a role and each change of role, not other changes', async () => {
    const before = (await entries('role-change')).length
    const created = await api('POST', 'users', {
      token: admin.token,
      body: { email: `partner-${unique()}@example.nl`, password: 'Test-wachtwoord-2026!', name: 'Nieuwe partner', role: 'partner', organiser: organiser.id },
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const id = created.body.doc.id
    expect((await api('PATCH', `users/${id}`, { token: admin.token, body: { name: 'Andere naam' } })).status).toBe(200)
    expect((await api('PATCH', `users/${id}`, { token: admin.token, body: { role: 'editor' } })).status).toBe(200)
    const logged = await entries('role-change')
    expect(logged.length).toBe(before + 2)
    expect(logged[1]).toMatchObject({ by: admin.user.id, details: { account: id, from: null, to: 'partner', created: true } })
    expect(logged[0]).toMatchObject({ by: admin.user.id, details: { account: id, from: 'partner', to: 'editor' } })
    expect(JSON.stringify(logged)).not.toContain('@example.nl')
  })
})

describe('access to the audit log', () => {
  it('is read by administrators only', async () => {
    expect((await api('GET', 'audit-log', { token: admin.token })).status).toBe(200)
    for (const token of [editor.token, partner.token]) expect((await api('GET', 'audit-log', { token })).status).toBe(403)
    expect([401, 403]).toContain((await api('GET', 'audit-log')).status)
    const gql = await graphql('{ AuditLogs { docs { id } } }', undefined, editor.token)
    expect(gql.body.data?.AuditLogs ?? null).toBeNull()
  })

  it('is written, changed and deleted by nobody over REST and GraphQL, administrators included', async () => {
    const entry = await payload.create({ collection: 'audit-log', data: { action: 'lookup', at: new Date().toISOString(), summary: 'Inzage: a***@s***.nl' } })
    const count = async () => (await payload.count({ collection: 'audit-log' })).totalDocs
    for (const token of [admin.token, editor.token, partner.token, undefined]) {
      const before = await count()
      const refused = token ? [403] : [401, 403]
      expect(refused).toContain((await api('POST', 'audit-log', { token, body: { action: 'erasure', at: new Date().toISOString(), summary: 'nep' } })).status)
      expect(refused).toContain((await api('PATCH', `audit-log/${entry.id}`, { token, body: { summary: 'gewijzigd' } })).status)
      expect(refused).toContain((await api('PATCH', `audit-log?where[id][equals]=${entry.id}`, { token, body: { summary: 'gewijzigd' } })).status)
      expect(refused).toContain((await api('DELETE', `audit-log/${entry.id}`, { token })).status)
      expect(refused).toContain((await api('DELETE', `audit-log?where[id][equals]=${entry.id}`, { token })).status)
      expect((await api('POST', `audit-log/${entry.id}/duplicate`, { token })).status).toBe(404)
      for (const mutation of [
        `mutation { createAuditLog(data: { action: erasure, at: "2026-01-01T00:00:00.000Z", summary: "nep" }) { id } }`,
        `mutation { updateAuditLog(id: ${entry.id}, data: { summary: "gewijzigd" }) { id } }`,
        `mutation { deleteAuditLog(id: ${entry.id}) { id } }`,
      ]) {
        const gql = await graphql(mutation, undefined, token)
        expect(gql.body.errors?.length, mutation).toBeGreaterThan(0)
      }
      expect(await count()).toBe(before)
      expect((await payload.findByID({ collection: 'audit-log', id: entry.id })).summary).toBe('Inzage: a***@s***.nl')
    }
  })
})
