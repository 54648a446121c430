import { sql } from '@payloadcms/db-postgres/drizzle'
import type { PayloadRequest, TaskConfig } from 'payload'

import { settings } from '../env'
import { writeAudit } from './audit'
import { inOneTransaction } from '../db/transaction'
import { execute } from './sql'

/**
 * How long the CMS keeps personal data (AVG art. 5(1)(e)): one rule per kind, each with its
 * period in the settings (RETENTION_*, src/env.ts). Data not yet due stays untouched. Runs
 * daily as a scheduled job, and at once on `POST /api/privacy/retention/run`.
 */

export type RetentionCounts = {
  /** Activities of editions that ended long enough ago: their rows and versions whose contact details were erased. */
  contactDetails: { activities: number; versions: number }
  /** Rejected and withdrawn activities deleted, and history entries whose feedback text was erased. */
  refusedActivities: { activities: number; feedback: number }
  /** Finished and failed jobs deleted (mail jobs hold the message). */
  jobs: { deleted: number }
  /** The public form's hashed client addresses erased, from rows and versions. */
  submissionHashes: { activities: number; versions: number }
  /** CSV exports of activities deleted, with their files. */
  exports: { deleted: number }
  /** Delivered and failed webhook deliveries deleted. */
  webhookDeliveries: { deleted: number }
  /** Audit log entries deleted. */
  auditLog: { deleted: number }
}

const daysAgo = (days: number, now: Date) => new Date(now.getTime() - days * 86_400_000)

const monthsAgo = (months: number, now: Date) => {
  const date = new Date(now)
  date.setUTCMonth(date.getUTCMonth() - months)
  return date
}

/** The cut-off moment of each rule: what is older is due. */
export function retentionCutoffs(now = new Date()) {
  const periods = settings().retention
  return {
    contactDetails: monthsAgo(periods.contactMonths, now),
    refusedActivities: daysAgo(periods.refusedDays, now),
    jobs: daysAgo(periods.jobsDays, now),
    submissionHashes: daysAgo(periods.submissionHashDays, now),
    exports: daysAgo(periods.exportsDays, now),
    webhookDeliveries: daysAgo(periods.webhookDeliveriesDays, now),
    auditLog: monthsAgo(periods.auditLogMonths, now),
  }
}

/** Contact details of activities whose edition ended before the cut-off, in the row and in every version; the activity stays. */
async function eraseContactDetails(req: PayloadRequest, before: Date) {
  const ended = sql`SELECT id FROM editions WHERE coalesce(end_date, start_date) < ${before.toISOString()}`
  const rows = await execute(
    req,
    sql`UPDATE activities SET contact_name = NULL, contact_email = NULL, contact_phone = NULL, contact_erased_at = now()
        WHERE edition_id IN (${ended})
          AND (contact_name IS NOT NULL OR contact_email IS NOT NULL OR contact_phone IS NOT NULL)`,
  )
  const versions = await execute(
    req,
    sql`UPDATE _activities_v SET version_contact_name = NULL, version_contact_email = NULL, version_contact_phone = NULL,
          version_contact_erased_at = coalesce(version_contact_erased_at, now())
        WHERE (version_edition_id IN (${ended}) OR parent_id IN (SELECT id FROM activities WHERE edition_id IN (${ended})))
          AND (version_contact_name IS NOT NULL OR version_contact_email IS NOT NULL OR version_contact_phone IS NOT NULL)`,
  )
  return { activities: rows.rowCount, versions: versions.rowCount }
}

/** Rejected and withdrawn activities untouched since the cut-off: deleted (versions too), and the feedback text of their history erased. */
async function deleteRefusedActivities(req: PayloadRequest, before: Date) {
  const { docs } = await req.payload.find({
    collection: 'activities',
    where: { and: [{ status: { in: ['rejected', 'withdrawn'] } }, { updatedAt: { less_than: before.toISOString() } }] },
    select: {},
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  if (docs.length === 0) return { activities: 0, feedback: 0 }
  const ids = docs.map((doc) => doc.id)
  // The entries stay (who decided what, when); the text written to the submitter goes.
  const feedback = await execute(
    req,
    sql`UPDATE activity_history SET feedback = NULL WHERE activity_id IN (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )}) AND feedback IS NOT NULL`,
  )
  for (const id of ids) await req.payload.delete({ collection: 'activities', id, overrideAccess: true, req })
  return { activities: ids.length, feedback: feedback.rowCount }
}

async function deleteFinishedJobs(req: PayloadRequest, before: Date) {
  const { rowCount } = await execute(
    req,
    sql`DELETE FROM payload_jobs WHERE processing IS NOT TRUE AND (completed_at IS NOT NULL OR has_error) AND updated_at < ${before.toISOString()}`,
  )
  return { deleted: rowCount }
}

async function eraseSubmissionHashes(req: PayloadRequest, before: Date) {
  const rows = await execute(
    req,
    sql`UPDATE activities SET public_submission_ip_hash = NULL WHERE public_submission_ip_hash IS NOT NULL AND created_at < ${before.toISOString()}`,
  )
  const versions = await execute(
    req,
    sql`UPDATE _activities_v SET version_public_submission_ip_hash = NULL
        WHERE version_public_submission_ip_hash IS NOT NULL
          AND (created_at < ${before.toISOString()} OR parent_id IN (SELECT id FROM activities WHERE created_at < ${before.toISOString()}))`,
  )
  return { activities: rows.rowCount, versions: versions.rowCount }
}

/** With Payload's delete, which removes the file too. */
async function deleteExports(req: PayloadRequest, before: Date) {
  const { docs } = await req.payload.delete({
    collection: 'exports',
    where: { createdAt: { less_than: before.toISOString() } },
    depth: 0,
    overrideAccess: true,
    req,
  })
  return { deleted: docs.length }
}

async function deleteWebhookDeliveries(req: PayloadRequest, before: Date) {
  const { rowCount } = await execute(req, sql`DELETE FROM webhook_deliveries WHERE status <> 'pending' AND created_at < ${before.toISOString()}`)
  return { deleted: rowCount }
}

async function deleteAuditEntries(req: PayloadRequest, before: Date) {
  const { rowCount } = await execute(req, sql`DELETE FROM audit_log WHERE at < ${before.toISOString()}`)
  return { deleted: rowCount }
}

/** Applies every rule in the request's transaction and records the run in the audit log. */
export async function applyRetention(req: PayloadRequest, now = new Date()): Promise<RetentionCounts> {
  const cutoffs = retentionCutoffs(now)
  const counts: RetentionCounts = {
    contactDetails: await eraseContactDetails(req, cutoffs.contactDetails),
    refusedActivities: await deleteRefusedActivities(req, cutoffs.refusedActivities),
    jobs: await deleteFinishedJobs(req, cutoffs.jobs),
    submissionHashes: await eraseSubmissionHashes(req, cutoffs.submissionHashes),
    exports: await deleteExports(req, cutoffs.exports),
    webhookDeliveries: await deleteWebhookDeliveries(req, cutoffs.webhookDeliveries),
    auditLog: await deleteAuditEntries(req, cutoffs.auditLog),
  }
  await writeAudit(req, { action: 'retention', summary: 'Bewaartermijnen toegepast', details: { counts, periods: settings().retention } })
  return counts
}

export const retentionTask: TaskConfig<{ input: object; output: { counts: RetentionCounts } }> = {
  slug: 'applyRetention',
  label: 'Bewaartermijnen toepassen',
  schedule: [{ cron: '40 3 * * *', queue: 'default' }],
  handler: async ({ req }) => ({ output: { counts: await inOneTransaction(req, () => applyRetention(req)) } }),
}
