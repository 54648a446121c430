import type { CollectionConfig } from 'payload'

import { isAdmin, nobody } from '../src/access/roles'
import { resendWebhookEndpoint } from '../src/endpoints/resendWebhook'
import { label, option } from '../src/fields/label'
import { webhookEvents } from '../src/webhooks/events'
import { personal } from '../src/fields/personalData'

export const deliveryStatuses = [
  option('pending', 'Wacht op verzending', 'Pending'),
  option('succeeded', 'Afgeleverd', 'Succeeded'),
  option('failed', 'Mislukt', 'Failed'),
]

/**
 * The log of every webhook delivery: written by the CMS only (when an event is queued and after
 * each attempt). Administrators read it, send one again (`POST /:id/resend`) and may clear it.
 */
export const WebhookDeliveries: CollectionConfig = {
  slug: 'webhook-deliveries',
  labels: { singular: label('Webhook-aflevering', 'Webhook delivery'), plural: label('Webhook-afleveringen', 'Webhook deliveries') },
  admin: {
    useAsTitle: 'messageId',
    defaultColumns: ['event', 'webhook', 'status', 'attempts', 'lastStatus', 'nextAttemptAt', 'createdAt'],
    group: label('Beheer', 'Administration'),
  },
  access: { read: isAdmin, create: nobody, update: nobody, delete: isAdmin, unlock: isAdmin },
  endpoints: [resendWebhookEndpoint],
  defaultSort: '-createdAt',
  fields: [
    {
      name: 'resend',
      type: 'ui',
      admin: { components: { Field: '/components/webhooks/ResendButton#ResendButton' } },
    },
    { name: 'event', label: label('Gebeurtenis', 'Event'), type: 'select', options: webhookEvents.map((event) => ({ ...event })), required: true, index: true },
    // Not required: deleting a webhook keeps its log, without the link.
    { name: 'webhook', label: label('Webhook', 'Webhook'), type: 'relationship', relationTo: 'webhooks', index: true },
    {
      name: 'messageId',
      label: label('webhook-id', 'webhook-id'),
      type: 'text',
      required: true,
      unique: true,
      admin: {
        description: label('Hetzelfde bij elke poging: de ontvanger herkent een herhaling.', 'The same on every attempt: receivers recognise a repeat.'),
      },
    },
    {
      name: 'body',
      label: label('Bericht', 'Body'),
      type: 'code',
      required: true,
      admin: { language: 'json', description: label('Zoals het ondertekend en verstuurd wordt.', 'As signed and sent.') },
    },
    { name: 'status', label: label('Status', 'Status'), type: 'select', options: deliveryStatuses, required: true, defaultValue: 'pending', index: true },
    { name: 'attempts', label: label('Pogingen', 'Attempts'), type: 'number', required: true, defaultValue: 0, min: 0 },
    { name: 'lastStatus', label: label('Laatste HTTP-status', 'Last HTTP status'), type: 'number' },
    { ...personal, name: 'lastError', label: label('Laatste fout', 'Last error'), type: 'textarea' },
    { name: 'lastAttemptAt', label: label('Laatste poging', 'Last attempt'), type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    {
      name: 'nextAttemptAt',
      label: label('Volgende poging', 'Next attempt'),
      type: 'date',
      index: true,
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
  ],
}
