import type { PayloadRequest, TaskConfig } from 'payload'

import { idOf } from '../access/roles'
import { maxWebhookRetries, settings } from '../env'
import type { WebhookDelivery } from '../payload-types'
import { openSecret, signature } from './secret'
import { sendWebhook } from './send'

type StoredWebhook = { id: number; url: string; active?: boolean | null; secret?: string | null }

const record = (req: PayloadRequest, id: number, data: Partial<WebhookDelivery>) =>
  req.payload.update({ collection: 'webhook-deliveries', id, data, depth: 0, overrideAccess: true, req })

/**
 * Sends one delivery, off the request path; one job per delivery. A failure is retried on the
 * Standard Webhooks schedule (WEBHOOKS_RETRY_DELAYS) with the same `webhook-id`, a fresh
 * timestamp and signature; after the last retry, on a refused address and on a 410 (the
 * receiver says the endpoint is gone, which also switches the endpoint off) the delivery is
 * marked failed. Every attempt is written to the delivery.
 *
 * Payload's own backoff knows only fixed and exponential delays, so the handler sets the job's
 * `waitUntil` to the schedule's next time before it throws; Payload keeps a later `waitUntil`.
 */
export const deliverWebhookTask: TaskConfig<{ input: { delivery: number }; output: { outcome: string } }> = {
  slug: 'deliverWebhook',
  label: 'Webhook versturen',
  // The handler decides when to stop (the schedule above); this only bounds Payload's count.
  retries: { attempts: maxWebhookRetries },
  inputSchema: [{ name: 'delivery', type: 'number', required: true }],
  handler: async ({ input, job, req }) => {
    const { payload } = req
    const delivery = await payload.db.findOne<WebhookDelivery>({ collection: 'webhook-deliveries', where: { id: { equals: input.delivery } }, req })
    if (!delivery) return { output: { outcome: 'removed' } }
    const webhook = await payload.db.findOne<StoredWebhook>({ collection: 'webhooks', where: { id: { equals: idOf(delivery.webhook) } }, req })
    const fail = async (error: string, outcome: string) => {
      await record(req, delivery.id, { status: 'failed', lastError: error, nextAttemptAt: null })
      return { output: { outcome } }
    }
    if (!webhook?.active) return fail('Niet verstuurd: het endpoint staat uit of bestaat niet meer.', 'inactive')
    let secret: string
    try {
      secret = openSecret(webhook.secret ?? '', payload.secret)
    } catch {
      return fail('Niet verstuurd: het geheim van het endpoint is niet te lezen (is PAYLOAD_SECRET veranderd?). Geef het endpoint een nieuw geheim.', 'secret')
    }

    const timestamp = Math.floor(Date.now() / 1000)
    const headers = {
      'webhook-id': delivery.messageId,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signature(secret, delivery.messageId, timestamp, delivery.body),
    }
    const result = await sendWebhook(webhook.url, headers, delivery.body)
    const attempt = {
      attempts: (delivery.attempts ?? 0) + 1,
      lastAttemptAt: new Date().toISOString(),
      lastStatus: 'status' in result ? result.status : null,
    }
    if (result.outcome === 'delivered') {
      await record(req, delivery.id, { ...attempt, status: 'succeeded', lastError: null, nextAttemptAt: null })
      return { output: { outcome: 'delivered' } }
    }
    const gone = result.outcome === 'refused' && result.status === 410
    if (gone) await payload.update({ collection: 'webhooks', id: webhook.id, data: { active: false }, depth: 0, overrideAccess: true, req })
    const delays = settings().webhooksRetryDelays
    const retriesDone = job.totalTried ?? 0
    if (gone || result.outcome === 'blocked' || retriesDone >= delays.length) {
      const error = gone ? 'De ontvanger antwoordde 410 (Gone): het endpoint is uitgezet.' : result.error
      await record(req, delivery.id, { ...attempt, status: 'failed', lastError: error, nextAttemptAt: null })
      return { output: { outcome: gone ? 'gone' : 'failed' } }
    }
    const next = new Date(Date.now() + delays[retriesDone] * 1000)
    await record(req, delivery.id, { ...attempt, status: 'pending', lastError: result.error, nextAttemptAt: next.toISOString() })
    job.waitUntil = next.toISOString()
    throw new Error(result.error)
  },
}
