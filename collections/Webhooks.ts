import type { CollectionConfig } from 'payload'

import { isAdmin, nobody } from '../src/access/roles'
import { label } from '../src/fields/label'
import { webhookEvents } from '../src/webhooks/events'
import { sealWebhookSecret, showSecretOnce } from '../src/webhooks/secretHooks'
import { webhookUrl } from '../src/webhooks/send'

/** Administrators only, for every operation. */
export const adminsOnly = { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin, unlock: isAdmin }

/**
 * Websites that are told when public content changes (docs/api.md, "Webhooks"). Signed with the
 * endpoint's secret, sent by the jobs queue, logged in `webhook-deliveries`.
 */
export const Webhooks: CollectionConfig = {
  slug: 'webhooks',
  labels: { singular: label('Webhook', 'Webhook'), plural: label('Webhooks', 'Webhooks') },
  admin: {
    useAsTitle: 'url',
    defaultColumns: ['url', 'events', 'active', 'description'],
    group: label('Beheer', 'Administration'),
  },
  access: adminsOnly,
  hooks: { beforeChange: [sealWebhookSecret], afterOperation: [showSecretOnce] },
  fields: [
    {
      name: 'url',
      label: label('Adres', 'URL'),
      type: 'text',
      required: true,
      maxLength: 2000,
      validate: (value: unknown) => (webhookUrl(value) ? true : 'Vul een volledig http- of https-adres in, zoals https://www.voorbeeld.nl/api/webhooks/wtk.'),
      admin: {
        description: label(
          'Waar de CMS de berichten naartoe stuurt. Alleen http(s), alleen adressen op het openbare internet; doorverwijzingen worden niet gevolgd.',
          'Where the CMS posts its messages. http(s) only, public internet addresses only; redirects are not followed.',
        ),
      },
    },
    {
      name: 'events',
      label: label('Gebeurtenissen', 'Events'),
      type: 'select',
      hasMany: true,
      required: true,
      options: webhookEvents.map((event) => ({ ...event })),
      index: true,
    },
    { name: 'active', label: label('Actief', 'Active'), type: 'checkbox', defaultValue: true, index: true },
    { name: 'description', label: label('Omschrijving', 'Description'), type: 'textarea', maxLength: 1000 },
    {
      name: 'secret',
      label: label('Geheim', 'Secret'),
      type: 'text',
      // Sealed in the database; never read back through any API, the admin's form included.
      access: { read: nobody },
      admin: {
        description: label(
          'whsec_ gevolgd door de base64 van minstens 24 willekeurige bytes. Leeg laten: de CMS maakt er een en toont het één keer, in het antwoord op het aanmaken.',
          'whsec_ and the base64 of at least 24 random bytes. Left empty, the CMS makes one and shows it once, in the answer to the create.',
        ),
      },
    },
  ],
}
