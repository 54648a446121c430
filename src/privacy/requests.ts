import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { type SQL, sql } from '@payloadcms/db-postgres/drizzle'
import type { PayloadRequest } from 'payload'

import { mediaDir } from '../db/paths'
import { maskEmail, writeAudit } from './audit'
import { addressPattern, execute, mentions } from './sql'

/**
 * Requests of a person about their e-mail address (AVG art. 15 and 17): where it occurs, and
 * erasing it. An address is matched without regard to case, as a whole value where a field
 * holds one address (contacts, accounts) and as text inside messages and logs.
 */

export type Place = {
  kind: PlaceKind
  collection: string
  id: number | string
  /** The activity a version or history entry belongs to. */
  parent?: number | string | null
  note?: string
}

export const placeKinds = [
  'activity-contact',
  'activity-contact-version',
  'public-submission',
  'review-feedback',
  'activity-review',
  'activity-review-version',
  'account',
  'mail-job',
  'webhook',
  'webhook-delivery',
  'export',
  'site-settings',
] as const
export type PlaceKind = (typeof placeKinds)[number]

type Row = Record<string, unknown>

const pending = (row: Row) => (row.completed_at ? 'verstuurd' : row.has_error ? 'mislukt' : 'in de wachtrij')

/** Every place the address occurs, without changing anything. */
export async function findPersonalData(req: PayloadRequest, email: string): Promise<Place[]> {
  const address = email.trim().toLowerCase()
  const text = addressPattern(address)
  const places: Place[] = []
  const add = (kind: PlaceKind, collection: string, rows: Row[], extra: (row: Row) => Partial<Place> = () => ({})) => {
    for (const row of rows) places.push({ kind, collection, id: row.id as number, ...extra(row) })
  }

  const contacts = await execute(
    req,
    sql`SELECT id, status, public_submission_expires_at, public_submission_confirmed_at FROM activities WHERE lower(contact_email) = ${address} ORDER BY id`,
  )
  add('activity-contact', 'activities', contacts.rows, (row) => ({ note: String(row.status) }))
  add(
    'public-submission',
    'activities',
    contacts.rows.filter((row) => row.public_submission_expires_at),
    (row) => ({ note: row.public_submission_confirmed_at ? 'bevestigd' : 'niet bevestigd' }),
  )
  const versions = await execute(req, sql`SELECT id, parent_id FROM _activities_v WHERE lower(version_contact_email) = ${address} ORDER BY id`)
  add('activity-contact-version', '_activities_v', versions.rows, (row) => ({ parent: row.parent_id as number }))

  const feedback = await execute(req, sql`SELECT id, activity_id FROM activity_history WHERE feedback ~* ${text} ORDER BY id`)
  add('review-feedback', 'activity-history', feedback.rows, (row) => ({ parent: row.activity_id as number }))
  // The feedback to the submitter and the editors' notes, in the row and in every version.
  const reviews = await execute(req, sql`SELECT id FROM activities WHERE review_feedback ~* ${text} OR review_internal_notes ~* ${text} ORDER BY id`)
  add('activity-review', 'activities', reviews.rows)
  const reviewVersions = await execute(
    req,
    sql`SELECT id, parent_id FROM _activities_v WHERE version_review_feedback ~* ${text} OR version_review_internal_notes ~* ${text} ORDER BY id`,
  )
  add('activity-review-version', '_activities_v', reviewVersions.rows, (row) => ({ parent: row.parent_id as number }))

  const accounts = await execute(req, sql`SELECT id, role FROM users WHERE lower(email) = ${address} ORDER BY id`)
  add('account', 'users', accounts.rows, (row) => ({ note: String(row.role) }))

  const jobs = await execute(
    req,
    sql`SELECT id, task_slug, completed_at, has_error FROM payload_jobs
        WHERE input::text ~* ${text} OR error::text ~* ${text}
           OR id IN (SELECT _parent_id FROM payload_jobs_log WHERE input::text ~* ${text} OR output::text ~* ${text} OR error::text ~* ${text})
        ORDER BY id`,
  )
  add('mail-job', 'payload-jobs', jobs.rows, (row) => ({ note: `${String(row.task_slug)}, ${pending(row)}` }))

  const webhooks = await execute(req, sql`SELECT id FROM webhooks WHERE url ~* ${text} OR description ~* ${text} ORDER BY id`)
  add('webhook', 'webhooks', webhooks.rows)
  const deliveries = await execute(req, sql`SELECT id FROM webhook_deliveries WHERE body ~* ${text} OR last_error ~* ${text} ORDER BY id`)
  add('webhook-delivery', 'webhook-deliveries', deliveries.rows)

  for (const id of await exportsMentioning(req, address)) places.push({ kind: 'export', collection: 'exports', id })

  const inbox = await execute(req, sql`SELECT id FROM site_settings WHERE lower(review_inbox) = ${address}`)
  add('site-settings', 'site-settings', inbox.rows, () => ({ note: 'reviewInbox' }))
  return places
}

/** Exports whose file, filter or name holds the address: their CSV files are read and searched. */
async function exportsMentioning(req: PayloadRequest, address: string): Promise<number[]> {
  const { rows } = await execute<{ id: number; name: string | null; filename: string | null; where: unknown }>(
    req,
    sql`SELECT id, name, filename, "where" FROM exports ORDER BY id`,
  )
  const found: number[] = []
  for (const row of rows) {
    if (mentions(`${JSON.stringify(row.where ?? '')} ${row.name ?? ''}`, address)) {
      found.push(row.id)
      continue
    }
    if (!row.filename) continue
    const content = await readFile(path.join(mediaDir('exports'), path.basename(row.filename)), 'utf8').catch(() => '')
    if (mentions(content, address)) found.push(row.id)
  }
  return found
}

export type ErasureCounts = Record<
  | 'unconfirmedSubmissions'
  | 'activityContacts'
  | 'activityContactVersions'
  | 'reviewFeedback'
  | 'activityReviews'
  | 'activityReviewVersions'
  | 'mailJobs'
  | 'webhookDeliveries'
  | 'exports',
  number
>

/**
 * Erases the address everywhere the CMS may, in the request's transaction. Kept, and listed in
 * the answer: accounts (deleting one is an administrator's decision), webhook endpoints and the
 * review inbox (the organisation's configuration).
 */
export async function erasePersonalData(req: PayloadRequest, email: string): Promise<{ erased: ErasureCounts; kept: Place[] }> {
  const address = email.trim().toLowerCase()
  const text = addressPattern(address)
  const found = await findPersonalData(req, address)

  // Never confirmed: nothing of it was ever published or decided.
  const unconfirmed = await execute<{ id: number }>(
    req,
    sql`SELECT id FROM activities WHERE lower(contact_email) = ${address} AND status = 'draft'
          AND public_submission_expires_at IS NOT NULL AND public_submission_confirmed_at IS NULL`,
  )
  for (const { id } of unconfirmed.rows) await req.payload.delete({ collection: 'activities', id, overrideAccess: true, req })

  const contacts = await execute(
    req,
    sql`UPDATE activities SET contact_name = NULL, contact_email = NULL, contact_phone = NULL, contact_erased_at = now(), public_submission_ip_hash = NULL
        WHERE lower(contact_email) = ${address}`,
  )
  const versions = await execute(
    req,
    sql`UPDATE _activities_v SET version_contact_name = NULL, version_contact_email = NULL, version_contact_phone = NULL,
          version_contact_erased_at = coalesce(version_contact_erased_at, now()), version_public_submission_ip_hash = NULL
        WHERE lower(version_contact_email) = ${address}`,
  )
  // The decision stays on record; the address in its text goes.
  const erasedIn = (column: SQL) => sql`regexp_replace(${column}, ${text}, '\\1[e-mailadres gewist]\\2', 'gi')`
  const feedback = await execute(req, sql`UPDATE activity_history SET feedback = ${erasedIn(sql`feedback`)} WHERE feedback ~* ${text}`)
  const reviews = await execute(
    req,
    sql`UPDATE activities SET review_feedback = ${erasedIn(sql`review_feedback`)}, review_internal_notes = ${erasedIn(sql`review_internal_notes`)}
        WHERE review_feedback ~* ${text} OR review_internal_notes ~* ${text}`,
  )
  const reviewVersions = await execute(
    req,
    sql`UPDATE _activities_v SET version_review_feedback = ${erasedIn(sql`version_review_feedback`)},
          version_review_internal_notes = ${erasedIn(sql`version_review_internal_notes`)}
        WHERE version_review_feedback ~* ${text} OR version_review_internal_notes ~* ${text}`,
  )
  const jobIds = found.filter((place) => place.kind === 'mail-job').map((place) => place.id as number)
  const jobs = jobIds.length
    ? await execute(
        req,
        sql`DELETE FROM payload_jobs WHERE processing IS NOT TRUE AND id IN (${sql.join(
          jobIds.map((id) => sql`${id}`),
          sql`, `,
        )})`,
      )
    : { rowCount: 0 }
  const deliveries = await execute(req, sql`DELETE FROM webhook_deliveries WHERE body ~* ${text} OR last_error ~* ${text}`)
  const exportIds = found.filter((place) => place.kind === 'export').map((place) => place.id as number)
  for (const id of exportIds) await req.payload.delete({ collection: 'exports', id, overrideAccess: true, req })

  return {
    erased: {
      unconfirmedSubmissions: unconfirmed.rows.length,
      activityContacts: contacts.rowCount,
      activityContactVersions: versions.rowCount,
      reviewFeedback: feedback.rowCount,
      activityReviews: reviews.rowCount,
      activityReviewVersions: reviewVersions.rowCount,
      mailJobs: jobs.rowCount,
      webhookDeliveries: deliveries.rowCount,
      exports: exportIds.length,
    },
    kept: found.filter((place) => ['account', 'webhook', 'site-settings'].includes(place.kind)),
  }
}

/** How many places of each kind. */
export const countByKind = (places: Place[]) =>
  Object.fromEntries(placeKinds.map((kind) => [kind, places.filter((place) => place.kind === kind).length]).filter(([, count]) => count))

export async function auditLookup(req: PayloadRequest, email: string, places: Place[]) {
  await writeAudit(req, { action: 'lookup', summary: `Inzage: ${maskEmail(email)}`, details: { address: maskEmail(email), found: countByKind(places) } })
}

export async function auditErasure(req: PayloadRequest, email: string, result: { erased: ErasureCounts; kept: Place[] }) {
  await writeAudit(req, {
    action: 'erasure',
    summary: `Verwijderverzoek: ${maskEmail(email)}`,
    details: { address: maskEmail(email), erased: result.erased, kept: countByKind(result.kept) },
  })
}
