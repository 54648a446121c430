import type { PostgresAdapter } from '@payloadcms/db-postgres'
import { type SQL, sql } from '@payloadcms/db-postgres/drizzle'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Edition, Organiser, User } from '../src/payload-types'
import { api, fieldErrors, payload as getTestPayload } from './helpers/api'
import { freshClientAddress, makeActivity, makeOpenEdition, makeOrganiser, makeUser, unique } from './helpers/fixtures'

/**
 * Inspection and erasure on request (AVG art. 15 and 17): `GET /api/privacy/lookup` and
 * `POST /api/privacy/erasure` find and erase an address in every place the CMS stores it.
 */

let payload: Payload
let admin: { user: User; token: string }
let editor: { user: User; token: string }
let partner: { user: User; token: string }
let organiser: Organiser
let edition: Edition

const run = async <Row extends Record<string, unknown>>(query: SQL) =>
  (await (payload.db as unknown as PostgresAdapter).drizzle.execute<Row>(query)).rows as Row[]

beforeAll(async () => {
  payload = await getTestPayload()
  admin = await makeUser(payload, 'admin')
  organiser = await makeOrganiser(payload)
  editor = await makeUser(payload, 'editor')
  partner = await makeUser(payload, 'partner', organiser)
  edition = await makeOpenEdition(payload)
})

/** The address in every place the CMS stores one, and a neighbour whose address contains it, which must stay. */
async function storeEverywhere(address: string, neighbour: string) {
  const shouted = address.toUpperCase()
  // A contact in the row and its versions; an older version of another activity still holds the address.
  const contact = await makeActivity(payload, edition, organiser, { contact: { name: 'Anne Jansen', email: shouted, phone: '030-1234567' } })
  await payload.update({ collection: 'activities', id: contact.id, data: { title: `Bijgewerkt ${unique()}` } })
  const moved = await makeActivity(payload, edition, organiser, { contact: { name: 'Anne Jansen', email: address } })
  await payload.update({ collection: 'activities', id: moved.id, data: { contact: { name: 'Piet Post', email: `piet-${unique()}@school.test` } } })
  // The public form: an unconfirmed submission (with its confirmation mail queued) and a confirmed one.
  const form = {
    title: `Buurtavond ${unique()}`,
    edition: edition.id,
    format: 'meeting',
    startsAt: `${edition.year}-11-18T19:00:00.000Z`,
    location: { mode: 'online', onlineUrl: 'https://meet.example.nl/avond' },
    contact: { name: 'Anne Jansen', email: address },
    organisation: { name: `Buurthuis ${unique()}` },
  }
  const submitted = await api('POST', 'activities/public-submission', { body: form, headers: { 'X-Forwarded-For': freshClientAddress() } })
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(201)
  const unconfirmed = (await payload.find({ collection: 'activities', where: { title: { equals: form.title } }, depth: 0 })).docs[0]!
  const confirmed = await makeActivity(payload, edition, organiser, { contact: { name: 'Anne Jansen', email: address } })
  await run(
    sql`UPDATE activities SET public_submission_ip_hash = 'abc', public_submission_expires_at = now(), public_submission_confirmed_at = now() WHERE id = ${confirmed.id}`,
  )
  // Review feedback that names the address, in the history and in the activity (row and versions), and the editors' notes.
  await payload.update({
    collection: 'activities',
    id: contact.id,
    data: { review: { feedback: `Mail ${address} voor de zaal.`, internalNotes: `Gebeld met ${shouted} op maandag.` } },
  })
  await payload.update({ collection: 'activities', id: contact.id, data: { review: { feedback: 'Dank je wel.', internalNotes: 'Afgehandeld.' } } })
  const history = await payload.create({
    collection: 'activity-history',
    data: { activity: contact.id, to: 'changes-requested', at: new Date().toISOString(), feedback: `Mail ons, of mail ${address}. Groet, de redactie` },
  })
  // An account, a finished mail job, a webhook and a delivery log, an export, the review inbox.
  const account = await payload.create({
    collection: 'users',
    data: { email: shouted, password: 'Test-wachtwoord-2026!', name: 'Anne Jansen', role: 'partner', organiser: organiser.id },
  })
  const finished = await payload.jobs.queue({
    task: 'sendEmail',
    input: { to: address, subject: 'Besluit', text: 'Beste Anne' },
    waitUntil: new Date('2099-01-01'),
  })
  await run(sql`UPDATE payload_jobs SET completed_at = now() WHERE id = ${finished.id}`)
  const webhook = await payload.create({
    collection: 'webhooks',
    data: { url: `https://www.example.nl/hook-${unique()}`, events: ['story.published'], active: false, description: `Beheer: ${address}` },
  })
  const delivery = await payload.create({
    collection: 'webhook-deliveries',
    data: { event: 'story.published', messageId: `msg_${unique()}`, body: '{}', status: 'failed', attempts: 1, lastError: `550 no such user ${address}` },
  })
  const exported = await payload.create({
    collection: 'exports',
    data: { collectionSlug: 'activities', format: 'csv', drafts: 'yes', where: { id: { equals: contact.id } } } as any,
    user: { ...editor.user, collection: 'users' },
  })
  // An export that names the address, though its filter does not.
  const named = await payload.create({
    collection: 'exports',
    data: { collectionSlug: 'activities', format: 'csv', drafts: 'yes', where: { id: { equals: -1 } }, name: `voor ${address}` } as any,
    user: { ...editor.user, collection: 'users' },
  })
  await payload.updateGlobal({ slug: 'site-settings', data: { reviewInbox: address } })

  // The neighbour: anne@… is inside joanne@…, and must not be touched.
  const other = await makeActivity(payload, edition, organiser, { contact: { name: 'Joanne', email: neighbour } })
  const otherJob = await payload.jobs.queue({
    task: 'sendEmail',
    input: { to: neighbour, subject: 'Besluit', text: 'Beste Joanne' },
    waitUntil: new Date('2099-01-01'),
  })
  return { contact, moved, unconfirmed, confirmed, history, account, finished, webhook, delivery, exported, named, other, otherJob }
}

const lookup = (email: string, token?: string) => api('GET', `privacy/lookup?email=${encodeURIComponent(email)}`, { token })
const erase = (body: unknown, token?: string) => api('POST', 'privacy/erasure', { body, token })
const idsOf = (places: { kind: string; id: number }[], kind: string) =>
  places
    .filter((place) => place.kind === kind)
    .map((place) => place.id)
    .sort((a, b) => a - b)

describe('privacy lookup and erasure', () => {
  it('are refused to anonymous callers, partners and editors, and change nothing', async () => {
    const address = `anne.${unique()}@school.test`
    const { contact } = await storeEverywhere(address, `jo${address}`)
    // Other suites share the database: count what this test adds.
    const requests = { action: { in: ['lookup', 'erasure'] } }
    const before = (await payload.count({ collection: 'audit-log', where: requests })).totalDocs
    for (const token of [undefined, partner.token, editor.token]) {
      const found = await lookup(address, token)
      const erased = await erase({ email: address }, token)
      expect(token ? [403] : [401, 403], JSON.stringify(found.body)).toContain(found.status)
      expect(token ? [403] : [401, 403], JSON.stringify(erased.body)).toContain(erased.status)
    }
    expect((await payload.findByID({ collection: 'activities', id: contact.id, depth: 0 })).contact?.email).toBe(address.toUpperCase())
    expect(await payload.count({ collection: 'audit-log', where: requests })).toMatchObject({ totalDocs: before })
  })

  it('answer a missing or malformed address with 400, a Dutch message and the field', async () => {
    for (const [path, body] of [
      ['privacy/lookup', undefined],
      ['privacy/lookup?email=', undefined],
      ['privacy/lookup?email=geen-adres', undefined],
    ] as const) {
      const response = await api('GET', path, { token: admin.token, body })
      expect(response.status, path).toBe(400)
      expect(fieldErrors(response).email, path).toMatch(/e-mailadres/)
    }
    for (const body of [{}, { email: '' }, { email: 'anne@' }, { email: 42 }]) {
      const response = await erase(body, admin.token)
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(response.body.errors[0].message).toMatch(/e-mailadres/)
      expect(fieldErrors(response).email).toBeTruthy()
    }
  })

  it('lists every place the address occurs, in any case, and erases all but accounts and settings', async () => {
    const address = `anne.${unique()}@school.test`
    const neighbour = `jo${address}`
    const stored = await storeEverywhere(address, neighbour)
    const versionsOf = async (id: number) =>
      (await run<{ id: number }>(sql`SELECT id FROM _activities_v WHERE parent_id = ${id} ORDER BY id`)).map((row) => row.id)
    const addressVersions = (await run<{ id: number }>(sql`SELECT id FROM _activities_v WHERE lower(version_contact_email) = ${address} ORDER BY id`)).map(
      (row) => row.id,
    )
    expect(addressVersions).toEqual(expect.arrayContaining([...(await versionsOf(stored.contact.id)), (await versionsOf(stored.moved.id))[0]]))

    const found = await lookup(address.toUpperCase(), admin.token)
    expect(found.status, JSON.stringify(found.body)).toBe(200)
    const places = found.body.places
    expect(idsOf(places, 'activity-contact')).toEqual([stored.contact.id, stored.unconfirmed.id, stored.confirmed.id].sort((a, b) => a - b))
    expect(idsOf(places, 'activity-contact-version')).toEqual(addressVersions)
    expect(places.filter((place: any) => place.kind === 'activity-contact-version').map((place: any) => place.parent)).toContain(stored.moved.id)
    expect(idsOf(places, 'public-submission')).toEqual([stored.unconfirmed.id, stored.confirmed.id].sort((a, b) => a - b))
    expect(idsOf(places, 'review-feedback')).toEqual([stored.history.id])
    expect(idsOf(places, 'activity-review')).toEqual([])
    const reviewVersions = places.filter((place: any) => place.kind === 'activity-review-version')
    expect(reviewVersions.length).toBeGreaterThanOrEqual(1)
    expect(reviewVersions.every((place: any) => place.parent === stored.contact.id)).toBe(true)
    expect(idsOf(places, 'account')).toEqual([stored.account.id])
    // The finished mail and the queued confirmation mail of the public form.
    expect(idsOf(places, 'mail-job')).toContain(stored.finished.id)
    expect(idsOf(places, 'mail-job').length).toBeGreaterThanOrEqual(2)
    expect(idsOf(places, 'mail-job')).not.toContain(stored.otherJob.id)
    expect(idsOf(places, 'webhook')).toEqual([stored.webhook.id])
    expect(idsOf(places, 'webhook-delivery')).toEqual([stored.delivery.id])
    expect(idsOf(places, 'export')).toEqual([stored.exported.id, stored.named.id].sort((a, b) => a - b))
    expect(idsOf(places, 'site-settings').length).toBe(1)
    expect(idsOf(places, 'activity-contact')).not.toContain(stored.other.id)

    const unconfirmedVersions = (await versionsOf(stored.unconfirmed.id)).length
    const erased = await erase({ email: ` ${address.toUpperCase()} ` }, admin.token)
    expect(erased.status, JSON.stringify(erased.body)).toBe(200)
    expect(erased.body.erased).toMatchObject({
      unconfirmedSubmissions: 1,
      activityContacts: 2,
      reviewFeedback: 1,
      webhookDeliveries: 1,
      exports: 2,
    })
    expect(erased.body.erased.activityReviewVersions).toBe(reviewVersions.length)
    expect(erased.body.erased.activityContactVersions).toBe(addressVersions.length - unconfirmedVersions)
    expect(erased.body.erased.mailJobs).toBeGreaterThanOrEqual(2)
    expect(erased.body.kept.map((place: any) => place.kind).sort()).toEqual(['account', 'site-settings', 'webhook'])

    // Nothing but the account, the webhook and the review inbox holds the address any more.
    const after = await lookup(address, admin.token)
    expect(after.body.places.map((place: any) => place.kind).sort()).toEqual(['account', 'site-settings', 'webhook'])
    expect(await run(sql`SELECT id FROM _activities_v WHERE lower(version_contact_email) = ${address}`)).toEqual([])
    // No activity or version of one holds the address anywhere, the review texts included (the neighbour's holds it inside its own).
    expect(await run(sql`SELECT id FROM activities WHERE activities::text ILIKE ${`%${address}%`} AND id <> ${stored.other.id}`)).toEqual([])
    expect(await run(sql`SELECT id FROM _activities_v WHERE _activities_v::text ILIKE ${`%${address}%`} AND parent_id <> ${stored.other.id}`)).toEqual([])
    expect(
      await run(
        sql`SELECT version_review_internal_notes AS notes FROM _activities_v WHERE version_review_internal_notes LIKE 'Gebeld met%' AND parent_id = ${stored.contact.id}`,
      ),
    ).toEqual([{ notes: 'Gebeld met [e-mailadres gewist] op maandag.' }])
    for (const id of [stored.contact.id, stored.confirmed.id]) {
      const [row] = await run<Record<string, unknown>>(
        sql`SELECT contact_name, contact_email, contact_phone, contact_erased_at, public_submission_ip_hash FROM activities WHERE id = ${id}`,
      )
      expect(row).toMatchObject({ contact_name: null, contact_email: null, contact_phone: null, public_submission_ip_hash: null })
      expect(row!.contact_erased_at).toBeTruthy()
    }
    expect(await payload.findByID({ collection: 'activities', id: stored.unconfirmed.id, disableErrors: true })).toBeNull()
    expect((await payload.findByID({ collection: 'activity-history', id: stored.history.id })).feedback).toBe(
      'Mail ons, of mail [e-mailadres gewist]. Groet, de redactie',
    )
    expect(await payload.findByID({ collection: 'exports', id: stored.exported.id, disableErrors: true })).toBeNull()
    expect(await payload.findByID({ collection: 'users', id: stored.account.id })).toBeTruthy()
    // The neighbour keeps everything.
    expect((await payload.findByID({ collection: 'activities', id: stored.other.id, depth: 0 })).contact?.email).toBe(neighbour)
    expect(await payload.findByID({ collection: 'payload-jobs', id: stored.otherJob.id })).toBeTruthy()

    // Both requests are in the audit log, masked: the log holds the address nowhere.
    const entries = await payload.find({
      collection: 'audit-log',
      where: { and: [{ action: { in: ['lookup', 'erasure'] } }, { by: { equals: admin.user.id } }] },
      sort: '-at',
      limit: 0,
      depth: 0,
    })
    expect(entries.docs.map((entry) => [entry.action, entry.by])).toEqual(
      expect.arrayContaining([
        ['lookup', admin.user.id],
        ['erasure', admin.user.id],
      ]),
    )
    expect(entries.docs.find((entry) => entry.action === 'erasure')!.summary).toMatch(/a\*\*\*@s\*\*\*\.test/)
    const [{ mentions }] = await run<{ mentions: number }>(sql`SELECT count(*)::int AS mentions FROM audit_log WHERE audit_log::text ILIKE ${`%${address}%`}`)
    expect(mentions).toBe(0)
  })
})
