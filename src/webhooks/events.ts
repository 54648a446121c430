import { label } from '../fields/label'

/**
 * What a website can subscribe to. The names are a public contract (docs/api.md, "Webhooks"):
 * `<collection>.<what happened>`, each delivered with the document's ids and slug only.
 */
export const webhookEvents = [
  { value: 'activity.published', label: label('Activiteit gepubliceerd of gewijzigd', 'Activity published or changed') },
  { value: 'activity.unpublished', label: label('Activiteit niet meer openbaar', 'Activity no longer public') },
  { value: 'activity.cancelled', label: label('Activiteit geannuleerd', 'Activity cancelled') },
  { value: 'story.published', label: label('Verhaal gepubliceerd of gewijzigd', 'Story published or changed') },
  { value: 'story.unpublished', label: label('Verhaal niet meer openbaar', 'Story no longer public') },
  { value: 'edition.updated', label: label('Editie aangemaakt, gewijzigd of verwijderd', 'Edition created, changed or deleted') },
  { value: 'campaign-asset.published', label: label('Campagnemateriaal geplaatst of gewijzigd', 'Campaign asset published or changed') },
  { value: 'campaign-asset.deleted', label: label('Campagnemateriaal verwijderd', 'Campaign asset deleted') },
  { value: 'site-settings.updated', label: label('Site-instellingen gewijzigd', 'Site settings changed') },
] as const

export type WebhookEventType = (typeof webhookEvents)[number]['value']

/** What a delivery says about the document: ids and slugs, never content. */
export type WebhookEventData =
  { collection: 'activities' | 'stories' | 'editions' | 'campaign-assets'; id: number | string; slug: string | null } | { global: 'site-settings' }

export type WebhookEvent = { type: WebhookEventType; data: WebhookEventData }

/** The body of a delivery, as signed and sent. */
export const webhookBody = (event: WebhookEvent, at: Date): string => JSON.stringify({ type: event.type, timestamp: at.toISOString(), data: event.data })
