import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

import type { GraphQLSchema } from 'graphql'
import { formatNames, type SanitizedConfig, toWords } from 'payload'

import { guardedServerFunctions } from '../../src/admin/serverFunctions'

/**
 * Every operation the running configuration exposes — REST routes of collections, globals and
 * the root, GraphQL queries and mutations, the admin's server functions — named the way
 * `docs/access.md` classifies them: a subject (a collection slug, `globals/<slug>`, `api` or
 * `admin`) and an operation.
 */
export type Operation = { subject: string; operation: string; rest?: string; graphql: string[] }

export const standardCollectionRoutes: Record<string, string> = {
  'GET /': 'find',
  'GET /:id': 'findByID',
  'GET /count': 'count',
  'POST /': 'create',
  'PATCH /': 'update',
  'PATCH /:id': 'updateByID',
  'DELETE /': 'delete',
  'DELETE /:id': 'deleteByID',
  'POST /:id/duplicate': 'duplicate',
  'GET /versions': 'findVersions',
  'GET /versions/:id': 'findVersionByID',
  'POST /versions/:id': 'restoreVersion',
  'POST /access/:id?': 'docAccess',
  'POST /login': 'login',
  'POST /logout': 'logout',
  'GET /me': 'me',
  'POST /refresh-token': 'refreshToken',
  'POST /forgot-password': 'forgotPassword',
  'POST /reset-password': 'resetPassword',
  'POST /unlock': 'unlock',
  'GET /init': 'init',
  'POST /first-register': 'firstRegister',
  'POST /verify/:id': 'verifyEmail',
  'GET /file/:filename': 'file',
  'GET /paste-url/:id?': 'pasteURL',
}

const standardGlobalRoutes: Record<string, string> = {
  'GET /': 'findGlobal',
  'POST /': 'updateGlobal',
  'POST /access': 'docAccess',
  'GET /versions': 'findVersions',
  'GET /versions/:id': 'findVersionByID',
  'POST /versions/:id': 'restoreVersion',
}

/** GraphQL field prefixes per operation, and whether the rest of the name is the singular or the plural. */
const collectionFields: [prefix: string, operation: string, name: 'singular' | 'plural'][] = [
  ['', 'findByID', 'singular'],
  ['', 'find', 'plural'],
  ['count', 'count', 'plural'],
  ['docAccess', 'docAccess', 'singular'],
  ['version', 'findVersionByID', 'singular'],
  ['versions', 'findVersions', 'plural'],
  ['create', 'create', 'singular'],
  ['update', 'updateByID', 'singular'],
  ['delete', 'deleteByID', 'singular'],
  ['duplicate', 'duplicate', 'singular'],
  ['restoreVersion', 'restoreVersion', 'singular'],
  ['me', 'me', 'singular'],
  ['initialized', 'init', 'singular'],
  ['refreshToken', 'refreshToken', 'singular'],
  ['logout', 'logout', 'singular'],
  ['unlock', 'unlock', 'singular'],
  ['login', 'login', 'singular'],
  ['forgotPassword', 'forgotPassword', 'singular'],
  ['resetPassword', 'resetPassword', 'singular'],
  ['verifyEmail', 'verifyEmail', 'singular'],
]

const globalFields: [prefix: string, operation: string][] = [
  ['', 'findGlobal'],
  ['docAccess', 'docAccess'],
  ['update', 'updateGlobal'],
  ['version', 'findVersionByID'],
  ['versions', 'findVersions'],
  ['restoreVersion', 'restoreVersion'],
]

/** The names Payload's GraphQL schema gives a collection (`@payloadcms/graphql`, initCollections). */
function collectionNames(slug: string, graphQL: { singularName?: string; pluralName?: string } | false | undefined) {
  const fromSlug = formatNames(slug)
  const singular = graphQL && graphQL.singularName ? toWords(graphQL.singularName, true) : fromSlug.singular
  let plural = graphQL && graphQL.pluralName ? toWords(graphQL.pluralName, true) : fromSlug.plural
  if (singular === plural) plural = `all${singular}`
  return { singular, plural }
}

/** The keys of Payload's admin server functions, read from the installed `@payloadcms/next`. */
export function adminServerFunctions(): string[] {
  const require = createRequire(import.meta.url)
  const layouts = require.resolve('@payloadcms/next/layouts')
  const file = path.join(path.dirname(layouts), '..', 'utilities', 'handleServerFunctions.js')
  const source = readFileSync(file, 'utf8')
  const block = /const baseServerFunctions = \{([\s\S]*?)\n\};/.exec(source)?.[1]
  if (!block) throw new Error(`The admin's server functions were not found in ${file}`)
  return [...block.matchAll(/^\s*'?([\w-]+)'?\s*:/gm)].map((match) => match[1])
}

export function exposedOperations(config: SanitizedConfig, schema: GraphQLSchema): { operations: Operation[]; unmatchedFields: string[] } {
  const operations = new Map<string, Operation>()
  const add = (subject: string, operation: string, rest?: string) => {
    const key = `${subject} ${operation}`
    const entry = operations.get(key) ?? { subject, operation, graphql: [] }
    if (rest) entry.rest = rest
    operations.set(key, entry)
    return entry
  }

  for (const collection of config.collections) {
    for (const endpoint of collection.endpoints || []) {
      const route = `${endpoint.method.toUpperCase()} ${endpoint.path}`
      add(
        collection.slug,
        standardCollectionRoutes[route] ?? route,
        `${endpoint.method.toUpperCase()} /api/${collection.slug}${endpoint.path === '/' ? '' : endpoint.path}`,
      )
    }
  }
  for (const global of config.globals) {
    for (const endpoint of global.endpoints || []) {
      const route = `${endpoint.method.toUpperCase()} ${endpoint.path}`
      add(
        `globals/${global.slug}`,
        standardGlobalRoutes[route] ?? route,
        `${endpoint.method.toUpperCase()} /api/globals/${global.slug}${endpoint.path === '/' ? '' : endpoint.path}`,
      )
    }
  }
  for (const endpoint of config.endpoints || []) {
    const route = `${endpoint.method.toUpperCase()} ${endpoint.path}`
    add('api', route === 'GET /access' ? 'access' : route, `${endpoint.method.toUpperCase()} /api${endpoint.path}`)
  }

  const names = new Map<string, { subject: string; operation: string }>()
  for (const collection of config.collections) {
    if (collection.graphQL === false) continue
    const { singular, plural } = collectionNames(collection.slug, collection.graphQL)
    for (const [prefix, operation, which] of collectionFields) {
      names.set(`${prefix}${which === 'singular' ? singular : plural}`, { subject: collection.slug, operation })
    }
  }
  for (const global of config.globals) {
    if (global.graphQL === false) continue
    const name = global.graphQL && global.graphQL.name ? global.graphQL.name : formatNames(global.slug).singular
    for (const [prefix, operation] of globalFields) names.set(`${prefix}${name}`, { subject: `globals/${global.slug}`, operation })
  }
  names.set('Access', { subject: 'api', operation: 'access' })

  const unmatchedFields: string[] = []
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.keys(type?.getFields() ?? {})) {
      const named = names.get(field)
      if (!named) unmatchedFields.push(field)
      else add(named.subject, named.operation).graphql.push(field)
    }
  }
  for (const fn of new Set([...adminServerFunctions(), ...Object.keys(guardedServerFunctions)])) add('admin', fn)
  return { operations: [...operations.values()], unmatchedFields }
}
