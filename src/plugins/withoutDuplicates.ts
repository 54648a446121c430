import type { SanitizedConfig } from 'payload'

/**
 * No collection offers Payload's duplicate (REST `POST /api/<slug>/:id/duplicate`, GraphQL
 * `duplicate<Singular>`, the admin's button): it reads the original with full access and copies
 * every field, so a copy carries what the caller may not read or set (an activity's contact and
 * feedback, a story's consent, an edition's unique year). Editors start a new document instead.
 * Applied to the sanitized config, so Payload's own collections (locks, preferences, jobs) are
 * covered as well as those of plugins.
 */
export function withoutDuplicates(config: SanitizedConfig): SanitizedConfig {
  for (const collection of config.collections) {
    collection.disableDuplicate = true
    if (collection.endpoints) collection.endpoints = collection.endpoints.filter((endpoint) => endpoint.path !== '/:id/duplicate')
  }
  return config
}
