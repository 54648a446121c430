import { existsSync } from 'node:fs'
import path from 'node:path'

import type { PostgresAdapter } from '@payloadcms/db-postgres'
import { type SQL, sql } from '@payloadcms/db-postgres/drizzle'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { mediaDir } from '../src/db/paths'
import type { Activity, Edition, Organiser, User } from '../src/payload-types'
import { api, payload as getTestPayload } from './helpers/api'
import { makeActivity, makeOpenEdition, makeOrganiser, makeUser, unique } from './helpers/fixtures'

/**
 * The retention periods (src/privacy/retention.ts, defaults of src/env.ts): what is older than
 * its period goes, in rows and versions alike; what is not yet due stays.
 */

let payload: Payload
let admin: { user: User; token: string }
let editor: { user: User; token: string }
let partner: { user: User; token: string }
let organiser: Organiser

const run = async <Row extends Record<string, unknown>>(query: SQL) =>
  (await (payload.db as unknown as PostgresAdapter).drizzle.execute<Row>(query)).rows as Row[]
const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString()
const monthsAgo = (months: number) => {
  const date = new Date()
  date.setUTCMonth(date.getUTCMonth() - months)
  return date.toISOString()
}

/** An edition whose week ended at `endDate` (dates set in SQL: the year still comes from nextFreeYear). */
async function editionEndedAt(endDate: string): Promise<Edition> {
  const edition = await makeOpenEdition(payload)
  await run(sql`UPDATE editions SET end_date = ${endDate}, start_date = ${endDate}::timestamptz - interval '6 days' WHERE id = ${edition.id}`)
  return edition
}

/** An activity with a contact and more than one version. */
async function activityWithVersions(edition: Edition, email: string): Promise<Activity> {
  const activity = await makeActivity(payload, edition, organiser, { contact: { name: 'Sanne de Vries', email, phone: '030-1234567' } })
  await payload.update({ collection: 'activities', id: activity.id, data: { title: `Bijgewerkt ${unique()}` } })
  return activity
}

const contactOf = async (id: number) =>
  (
    await run<{ name: string | null; email: string | null; phone: string | null; erased: string | null }>(
      sql`SELECT contact_name AS name, contact_email AS email, contact_phone AS phone, contact_erased_at AS erased FROM activities WHERE id = ${id}`,
    )
  )[0]
const versionContacts = async (id: number) =>
  run<{ name: string | null; email: string | null; phone: string | null }>(
    sql`SELECT version_contact_name AS name, version_contact_email AS email, version_contact_phone AS phone FROM _activities_v WHERE parent_id = ${id}`,
  )

const runNow = (token?: string) => api('POST', 'privacy/retention/run', { token })

beforeAll(async () => {
  payload = await getTestPayload()
  admin = await makeUser(payload, 'admin')
  organiser = await makeOrganiser(payload)
  editor = await makeUser(payload, 'editor')
  partner = await makeUser(payload, 'partner', organiser)
  // Whatever was due before this suite's data is gone, so the counts below are this suite's own.
  expect((await runNow(admin.token)).status).toBe(200)
})

describe('POST /api/privacy/retention/run', () => {
  it('is refused to anonymous callers, partners and editors, and erases nothing', async () => {
    const ended = await editionEndedAt(monthsAgo(13))
    const activity = await activityWithVersions(ended, `refused-${unique()}@school.test`)
    expect([401, 403]).toContain((await runNow()).status)
    for (const account of [partner, editor]) {
      const response = await runNow(account.token)
      expect(response.status, JSON.stringify(response.body)).toBe(403)
      expect(response.body.errors[0].message).toMatch(/beheerders/)
    }
    expect((await contactOf(activity.id))?.email).toMatch(/^refused-/)
    expect((await versionContacts(activity.id)).every((version) => version.email?.startsWith('refused-'))).toBe(true)
  })

  it('applies every rule to what is due, leaves what is not, answers the counts and records the run', async () => {
    expect((await runNow(admin.token)).status).toBe(200) // what earlier cases left due
    // Contact details: an edition that ended 13 months ago is due, one that ended 11 months ago is not.
    const ended = await editionEndedAt(monthsAgo(13))
    const recent = await editionEndedAt(monthsAgo(11))
    const dueContact = await activityWithVersions(ended, `oud-${unique()}@school.test`)
    const keptContact = await activityWithVersions(recent, `recent-${unique()}@school.test`)
    const dueVersions = (await versionContacts(dueContact.id)).length
    expect(dueVersions).toBeGreaterThan(1)

    // Rejected and withdrawn activities: 91 days untouched is due, 10 days is not.
    const open = await makeOpenEdition(payload)
    const refused = async (status: 'rejected' | 'withdrawn', days: number) => {
      const activity = await makeActivity(payload, open, organiser, { status, review: { feedback: 'Past niet bij de week.' } } as Partial<Activity>)
      const entry = await payload.create({
        collection: 'activity-history',
        data: { activity: activity.id, from: 'submitted', to: status, at: ago(days), feedback: `Terugkoppeling aan Sanne ${unique()}` },
      })
      await run(sql`UPDATE activities SET updated_at = ${ago(days)} WHERE id = ${activity.id}`)
      return { activity, entry }
    }
    const oldRejected = await refused('rejected', 91)
    const oldWithdrawn = await refused('withdrawn', 91)
    const newRejected = await refused('rejected', 10)
    const oldApproved = await makeActivity(payload, open, organiser, { status: 'approved' } as Partial<Activity>)
    await run(sql`UPDATE activities SET updated_at = ${ago(400)} WHERE id = ${oldApproved.id}`)

    // Jobs: finished or failed 31 days ago are due; finished 5 days ago, or still waiting, are not.
    const job = async (state: 'completed' | 'failed' | 'waiting', days: number) => {
      const queued = await payload.jobs.queue({
        task: 'sendEmail',
        input: { to: `ouder-${unique()}@example.test`, subject: 'Uw aanmelding', text: 'Beste Sanne, ...' },
        waitUntil: new Date('2099-01-01'),
      })
      if (state === 'completed') await run(sql`UPDATE payload_jobs SET completed_at = ${ago(days)}, updated_at = ${ago(days)} WHERE id = ${queued.id}`)
      if (state === 'failed') await run(sql`UPDATE payload_jobs SET has_error = true, updated_at = ${ago(days)} WHERE id = ${queued.id}`)
      if (state === 'waiting') await run(sql`UPDATE payload_jobs SET updated_at = ${ago(days)} WHERE id = ${queued.id}`)
      return queued.id
    }
    const dueJobs = [await job('completed', 31), await job('failed', 31)]
    const keptJobs = [await job('completed', 5), await job('waiting', 31)]

    // The public form's hashed client address: 8 days old is due, 1 day is not (rows and versions).
    const hashed = async (days: number) => {
      const activity = await makeActivity(payload, open, organiser)
      await run(sql`UPDATE activities SET public_submission_ip_hash = 'abc123', created_at = ${ago(days)} WHERE id = ${activity.id}`)
      await run(sql`UPDATE _activities_v SET version_public_submission_ip_hash = 'abc123' WHERE parent_id = ${activity.id}`)
      return activity.id
    }
    const dueHash = await hashed(8)
    const keptHash = await hashed(1)

    // Exports: 8 days old is due, with its file; a new one is not.
    const exportOf = async (days: number) => {
      const doc = await payload.create({
        collection: 'exports',
        data: { collectionSlug: 'activities', format: 'csv', where: { edition: { equals: ended.id } } } as any,
        user: { ...editor.user, collection: 'users' },
      })
      await run(sql`UPDATE exports SET created_at = ${ago(days)} WHERE id = ${doc.id}`)
      return doc as { id: number; filename: string }
    }
    const dueExport = await exportOf(8)
    const keptExport = await exportOf(1)
    const dueFile = path.join(mediaDir('exports'), dueExport.filename)
    expect(existsSync(dueFile)).toBe(true)

    // Webhook deliveries: delivered 91 days ago is due; pending 91 days, or delivered yesterday, is not.
    const delivery = async (status: 'succeeded' | 'failed' | 'pending', days: number) => {
      const doc = await payload.create({
        collection: 'webhook-deliveries',
        data: { event: 'story.published', messageId: `msg_${unique()}`, body: '{}', status, attempts: 1 },
      })
      await run(sql`UPDATE webhook_deliveries SET created_at = ${ago(days)} WHERE id = ${doc.id}`)
      return doc.id
    }
    const dueDeliveries = [await delivery('succeeded', 91), await delivery('failed', 91)]
    const keptDeliveries = [await delivery('pending', 91), await delivery('succeeded', 1)]

    // Audit log: 25 months old is due, 23 months is not.
    const entry = async (months: number) =>
      (await payload.create({ collection: 'audit-log', data: { action: 'lookup', at: monthsAgo(months), summary: `Inzage ${unique()}` } })).id
    const dueEntry = await entry(25)
    const keptEntry = await entry(23)

    const refusedIds = [oldRejected.activity.id, oldWithdrawn.activity.id]
    const [{ count: dueFeedback }] = await run<{ count: number }>(
      sql`SELECT count(*)::int AS count FROM activity_history WHERE feedback IS NOT NULL AND activity_id IN (${refusedIds[0]}, ${refusedIds[1]})`,
    )
    expect(dueFeedback).toBeGreaterThanOrEqual(2)

    const response = await runNow(admin.token)
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    expect(response.body.counts).toEqual({
      contactDetails: { activities: 1, versions: dueVersions },
      refusedActivities: { activities: 2, feedback: dueFeedback },
      jobs: { deleted: 2 },
      submissionHashes: { activities: 1, versions: (await versionContacts(dueHash)).length },
      exports: { deleted: 1 },
      webhookDeliveries: { deleted: 2 },
      auditLog: { deleted: 1 },
    })

    // Contact details erased in the row and every version; the activity stays.
    expect(await contactOf(dueContact.id)).toMatchObject({ name: null, email: null, phone: null })
    expect((await contactOf(dueContact.id))?.erased).toBeTruthy()
    expect(await versionContacts(dueContact.id)).toEqual(Array(dueVersions).fill({ name: null, email: null, phone: null }))
    expect(await payload.findByID({ collection: 'activities', id: dueContact.id, depth: 0 })).toMatchObject({ title: expect.any(String) })
    expect((await contactOf(keptContact.id))?.email).toMatch(/^recent-/)
    expect((await versionContacts(keptContact.id)).every((version) => version.email?.startsWith('recent-'))).toBe(true)

    // Refused activities deleted, their history kept without its feedback text.
    for (const { activity, entry: history } of [oldRejected, oldWithdrawn]) {
      expect(await payload.findByID({ collection: 'activities', id: activity.id, disableErrors: true })).toBeNull()
      expect(await run(sql`SELECT id FROM _activities_v WHERE parent_id = ${activity.id}`)).toEqual([])
      expect(await payload.findByID({ collection: 'activity-history', id: history.id, depth: 0 })).toMatchObject({ feedback: null })
    }
    expect(await run(sql`SELECT id FROM activity_history WHERE feedback IS NOT NULL AND activity_id IN (${refusedIds[0]}, ${refusedIds[1]})`)).toEqual([])
    expect(await payload.findByID({ collection: 'activities', id: newRejected.activity.id, depth: 0 })).toBeTruthy()
    expect((await payload.findByID({ collection: 'activity-history', id: newRejected.entry.id, depth: 0 })).feedback).toMatch(/^Terugkoppeling/)
    expect(await payload.findByID({ collection: 'activities', id: oldApproved.id, depth: 0 })).toBeTruthy()

    const jobIds = (await run<{ id: number }>(sql`SELECT id FROM payload_jobs`)).map((row) => row.id)
    for (const id of dueJobs) expect(jobIds).not.toContain(id)
    for (const id of keptJobs) expect(jobIds).toContain(id)

    const hashes = async (id: number) => [
      ...(await run<{ hash: string | null }>(sql`SELECT public_submission_ip_hash AS hash FROM activities WHERE id = ${id}`)),
      ...(await run<{ hash: string | null }>(sql`SELECT version_public_submission_ip_hash AS hash FROM _activities_v WHERE parent_id = ${id}`)),
    ]
    expect((await hashes(dueHash)).every((row) => row.hash === null)).toBe(true)
    expect((await hashes(keptHash)).every((row) => row.hash === 'abc123')).toBe(true)

    expect(await payload.findByID({ collection: 'exports', id: dueExport.id, disableErrors: true })).toBeNull()
    expect(existsSync(dueFile)).toBe(false)
    expect(await payload.findByID({ collection: 'exports', id: keptExport.id })).toBeTruthy()
    expect(existsSync(path.join(mediaDir('exports'), keptExport.filename))).toBe(true)

    const deliveryIds = (await run<{ id: number }>(sql`SELECT id FROM webhook_deliveries`)).map((row) => row.id)
    for (const id of dueDeliveries) expect(deliveryIds).not.toContain(id)
    for (const id of keptDeliveries) expect(deliveryIds).toContain(id)

    const entries = (await run<{ id: number }>(sql`SELECT id FROM audit_log`)).map((row) => row.id)
    expect(entries).not.toContain(dueEntry)
    expect(entries).toContain(keptEntry)

    const { docs } = await payload.find({ collection: 'audit-log', where: { action: { equals: 'retention' } }, sort: '-at', limit: 1, depth: 0 })
    expect(docs[0]).toMatchObject({ by: admin.user.id, details: { counts: response.body.counts } })
  })

  it('runs as a daily scheduled job that does the same', async () => {
    const task = payload.config.jobs.tasks?.find((candidate) => candidate.slug === 'applyRetention')
    expect(task?.schedule?.[0]?.cron).toMatch(/^\d+ \d+ \* \* \*$/)
    const ended = await editionEndedAt(monthsAgo(14))
    const activity = await activityWithVersions(ended, `taak-${unique()}@school.test`)
    const job = await payload.jobs.queue({ task: 'applyRetention', input: {} })
    await payload.jobs.runByID({ id: job.id })
    expect(await contactOf(activity.id)).toMatchObject({ name: null, email: null, phone: null })
    expect((await versionContacts(activity.id)).every((version) => version.email === null)).toBe(true)
    const { docs } = await payload.find({ collection: 'audit-log', where: { action: { equals: 'retention' } }, sort: '-at', limit: 1, depth: 0 })
    expect(docs[0]).toMatchObject({ by: null, details: { counts: { contactDetails: { activities: 1 } } } })
  })

  it('lets an editor still save an activity whose contact details were erased', async () => {
    const ended = await editionEndedAt(monthsAgo(15))
    const activity = await activityWithVersions(ended, `opslaan-${unique()}@school.test`)
    expect((await runNow(admin.token)).status).toBe(200)
    const response = await api('PATCH', `activities/${activity.id}`, { token: editor.token, body: { title: `Na het wissen ${unique()}` } })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    expect(await contactOf(activity.id)).toMatchObject({ email: null })
  })
})
