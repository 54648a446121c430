import type { Endpoint, SanitizedConfig } from 'payload'
import { formatNames, toWords } from 'payload'

import { nobody } from '../access/roles'

/**
 * Payload mounts the same REST routes on every collection and global; the product offers only
 * those it needs, so that every operation left is one `docs/access.md` classifies and a test
 * covers (tests/operations.test.ts). Applied to the sanitized config, so Payload's own
 * collections (locks, preferences, jobs) and those of plugins are covered too.
 *
 * - Duplicate (REST `POST /api/<slug>/:id/duplicate`, GraphQL `duplicate<Singular>`, the admin's
 *   button) is off everywhere: it reads the original with full access and copies every field,
 *   so a copy carries what the caller may not read or set (an activity's contact and feedback, a
 *   story's consent, an edition's unique year). Editors start a new document instead.
 * - The version routes of collections and globals that keep no versions, the paste-from-URL
 *   route of uploads that do not fetch from URLs, and e-mail verification where accounts are not
 *   verified by e-mail: they only answered errors (GraphQL's `verifyEmail<Singular>` a 500).
 * - The jobs queue's statistics (`payload-jobs-stats`) are the scheduler's own bookkeeping: no
 *   account reads or writes them over the API (Payload lets any signed-in account do both).
 */
const versionRoutes = new Set(['/versions', '/versions/:id'])

const keep = <T extends Endpoint[] | false>(endpoints: T, drop: (endpoint: Endpoint) => boolean): T =>
  (Array.isArray(endpoints) ? endpoints.filter((endpoint) => !drop(endpoint)) : endpoints) as T

export function offerOnlyNeededOperations(config: SanitizedConfig): SanitizedConfig {
  for (const collection of config.collections) {
    collection.disableDuplicate = true
    const upload = typeof collection.upload === 'object' ? collection.upload : undefined
    const verifies = typeof collection.auth === 'object' && Boolean(collection.auth.verify)
    collection.endpoints = keep(
      collection.endpoints,
      ({ path }) =>
        path === '/:id/duplicate' ||
        (!collection.versions && versionRoutes.has(path)) ||
        (path === '/paste-url/:id?' && !(upload && upload.pasteURL)) ||
        (path === '/verify/:id' && !verifies),
    )
  }
  const unverified = config.collections.filter((collection) => typeof collection.auth === 'object' && collection.auth && !collection.auth.verify)
  if (unverified.length > 0) {
    const own = config.graphQL.mutations
    config.graphQL = {
      ...config.graphQL,
      // Payload hands the mutations it built to this function before adding the ones it returns:
      // the one place where a built mutation can be left out.
      mutations: (graphQL, context) => {
        for (const collection of unverified) {
          const graphQLNames = typeof collection.graphQL === 'object' ? collection.graphQL : undefined
          const singular = graphQLNames?.singularName ? toWords(graphQLNames.singularName, true) : formatNames(collection.slug).singular
          delete context.Mutation.fields[`verifyEmail${singular}`]
        }
        return own ? own(graphQL, context) : {}
      },
    }
  }
  for (const global of config.globals) {
    global.endpoints = keep(global.endpoints, ({ path }) => !global.versions && versionRoutes.has(path))
    if (global.slug === 'payload-jobs-stats') global.access = { ...global.access, read: nobody, update: nobody }
  }
  return config
}
