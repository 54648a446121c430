import { commitTransaction, type Endpoint, initTransaction, killTransaction } from 'payload'

import { idOf, isAdmin } from '../access/roles'
import { refusal } from '../http/refusal'
import { queueDelivery } from '../webhooks/queue'

/**
 * `POST /api/webhook-deliveries/:id/resend`: an administrator sends a delivery again, with its
 * `webhook-id` and body unchanged (a receiver that saw it before can recognise it), through
 * the same queue and retry schedule as the first time.
 */
export const resendWebhookEndpoint: Endpoint = {
  path: '/:id/resend',
  method: 'post',
  handler: async (req) => {
    if (!req.user) throw refusal(401, 'Log in als beheerder om een webhook opnieuw te versturen.')
    if (!isAdmin(req)) throw refusal(403, 'Alleen beheerders versturen webhooks opnieuw.')
    const id = Number(req.routeParams?.id)
    if (!Number.isSafeInteger(id) || id <= 0) throw refusal(404, 'Deze aflevering bestaat niet.')
    const ownTransaction = await initTransaction(req)
    try {
      const delivery = await req.payload.findByID({ collection: 'webhook-deliveries', id, depth: 0, disableErrors: true, overrideAccess: true, req })
      if (!delivery) throw refusal(404, 'Deze aflevering bestaat niet.')
      const webhook = await req.payload.findByID({
        collection: 'webhooks',
        id: idOf(delivery.webhook)!,
        select: { active: true },
        depth: 0,
        disableErrors: true,
        overrideAccess: true,
        req,
      })
      if (!webhook?.active) throw refusal(409, 'Het endpoint van deze aflevering staat uit of bestaat niet meer. Zet het eerst weer aan.')
      const updated = await req.payload.update({
        collection: 'webhook-deliveries',
        id,
        data: { status: 'pending', nextAttemptAt: new Date().toISOString() },
        depth: 0,
        overrideAccess: true,
        req,
      })
      await queueDelivery(req, id)
      if (ownTransaction) await commitTransaction(req)
      return Response.json({ message: 'De aflevering wordt opnieuw verstuurd.', doc: updated }, { status: 202 })
    } catch (error) {
      if (ownTransaction) await killTransaction(req)
      throw error
    }
  },
}
