import { randomBytes } from 'node:crypto'

import type { PostgresAdapter } from '@payloadcms/db-postgres'
import { sql } from '@payloadcms/db-postgres/drizzle'
import type { PayloadRequest } from 'payload'

import { transactionOf } from '../db/transaction'
import { type WebhookEvent, webhookBody } from './events'

/** Webhook deliveries run in their own queue, so a backlog of mail does not hold them up. */
export const webhookQueue = 'webhooks'

/** A `webhook-id`: the same for every attempt of one delivery, so a receiver can drop repeats. */
const messageId = () => `msg_${randomBytes(16).toString('hex')}`

let installed = false

/**
 * Migrations that write content (the help lines of the site settings) run before the one that
 * makes the webhook tables: until it has run, there is nobody to tell. Once there, they stay.
 */
async function webhooksInstalled(req: PayloadRequest): Promise<boolean> {
  if (installed) return true
  const db = (await transactionOf(req)) ?? (req.payload.db as unknown as PostgresAdapter).drizzle
  const result = await db.execute<{ present: boolean }>(sql`SELECT to_regclass('webhooks') IS NOT NULL AS present`)
  installed = result.rows[0]?.present === true
  return installed
}

/**
 * One delivery, and one job, per event and subscribed endpoint. Both are written with `req`, in
 * the transaction of the write that caused the event: a write that is rolled back sends nothing,
 * and a committed one cannot lose its deliveries.
 */
export async function queueWebhookEvents(req: PayloadRequest, events: WebhookEvent[]): Promise<void> {
  if (events.length === 0 || !(await webhooksInstalled(req))) return
  const at = new Date()
  for (const event of events) {
    const endpoints = await req.payload.find({
      collection: 'webhooks',
      where: { and: [{ active: { equals: true } }, { events: { in: [event.type] } }] },
      select: {},
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    for (const endpoint of endpoints.docs) {
      const delivery = await req.payload.create({
        collection: 'webhook-deliveries',
        data: {
          webhook: endpoint.id,
          event: event.type,
          messageId: messageId(),
          body: webhookBody(event, at),
          status: 'pending',
          attempts: 0,
          nextAttemptAt: at.toISOString(),
        },
        depth: 0,
        overrideAccess: true,
        req,
      })
      await queueDelivery(req, delivery.id)
    }
  }
}

/** The job that sends (and retries) one delivery. */
export const queueDelivery = (req: PayloadRequest, delivery: number) =>
  req.payload.jobs.queue({ task: 'deliverWebhook', input: { delivery }, queue: webhookQueue, req })
