import type { GraphQLFieldConfig, GraphQLObjectType, GraphQLOutputType } from 'graphql'
import type { Endpoint, PayloadRequest, SanitizedCollectionConfig, SanitizedConfig } from 'payload'
import { Forbidden, NotFound } from 'payload'

type GraphQLModule = typeof import('graphql')
type QueryField = GraphQLFieldConfig<unknown, { req: PayloadRequest }, Record<string, unknown>>
type Queries = NonNullable<SanitizedConfig['graphQL']['queries']>

const hasNumericIds = (collection: SanitizedCollectionConfig) => !collection.flattenedFields.some((field) => field.name === 'id')

/**
 * Whether the caller may read the document: the same read access a `findByID` applies. An id
 * that cannot exist is not readable either.
 */
async function canRead(req: PayloadRequest, collection: SanitizedCollectionConfig, id: unknown): Promise<boolean> {
  if (typeof id !== 'string' && typeof id !== 'number') return false
  if (hasNumericIds(collection) && !/^\d{1,15}$/.test(String(id))) return false
  try {
    const { totalDocs } = await req.payload.count({
      collection: collection.slug,
      where: { id: { equals: id } },
      overrideAccess: false,
      req,
    })
    return totalDocs > 0
  } catch (error) {
    if (error instanceof Forbidden) return false
    throw error
  }
}

/**
 * Payload's docAccess (`POST /api/<collection>/access/:id`) answers 404 for an unknown id but
 * the permissions of any existing one, which lets anybody count the ids of drafts, withdrawn
 * stories and accounts. A document the caller may not read is answered the same as an unknown
 * one: 404, like its `findByID`. (A 200 with every permission false would need an answer made
 * up for ids that do not exist, and would still differ from the read access a list reveals.)
 */
function answerUnreadableAsUnknown(collection: SanitizedCollectionConfig, endpoint: Endpoint): Endpoint {
  return {
    ...endpoint,
    handler: async (req) => {
      const id = req.routeParams?.id
      if (id !== undefined && !(await canRead(req, collection, id))) throw new NotFound(req.t)
      return endpoint.handler(req)
    },
  }
}

/**
 * Payload's GraphQL `Access` and `docAccess…` resolvers return permissions in the trimmed form
 * the admin uses (`true` for "all allowed", missing for "not allowed"), while the schema asks
 * for `{ permission: Boolean! }` everywhere: anonymous `{ Access { canAccessAdmin } }` and any
 * `permission` that is all-true answer 500. This fills the schema's shape back in from the type.
 */
function inSchemaShape(graphql: GraphQLModule, value: unknown, type: GraphQLObjectType): Record<string, unknown> {
  const fields = type.getFields()
  const object = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined
  if ('permission' in fields) {
    return {
      permission: value === true || object?.permission === true,
      ...(object?.where ? { where: object.where } : {}),
    }
  }
  const shaped: Record<string, unknown> = {}
  for (const [name, field] of Object.entries(fields)) {
    const child = value === true ? true : object?.[name]
    const named = graphql.getNamedType(field.type)
    shaped[name] = graphql.isObjectType(named) ? inSchemaShape(graphql, child, named) : child === true
  }
  return shaped
}

const objectTypeOf = (graphql: GraphQLModule, type: GraphQLOutputType): GraphQLObjectType | undefined => {
  const named = graphql.getNamedType(type)
  return graphql.isObjectType(named) ? named : undefined
}

function inSchemaShapeQuery(
  graphql: GraphQLModule,
  field: QueryField,
  before?: (args: Record<string, unknown>, req: PayloadRequest) => Promise<void>,
): QueryField {
  const type = objectTypeOf(graphql, field.type)
  const resolve = field.resolve
  if (!type || !resolve) return field
  return {
    ...field,
    resolve: async (source, args, context, info) => {
      await before?.(args, context.req)
      // Payload's resolver for a global's docAccess reads the request from its second argument
      // (it has no arguments of its own); handing it the context there works either way.
      const answer = await resolve(source, field.args ? args : (context as unknown as Record<string, unknown>), context, info)
      return inSchemaShape(graphql, answer, type)
    },
  }
}

/** The access queries of the GraphQL schema, answered as over REST (above) and in the schema's shape. */
const accessQueries =
  (own: SanitizedConfig['graphQL']['queries'] | undefined): Queries =>
  (graphql, result) => {
    const fields = result.Query.fields as Record<string, QueryField>
    const collectionByQuery = new Map<string, SanitizedCollectionConfig>()
    for (const { config: collection, graphQL } of Object.values(result.collections)) {
      const singular = (graphQL as { type?: GraphQLObjectType } | undefined)?.type?.name
      if (singular) collectionByQuery.set(`docAccess${singular}`, collection)
    }
    const queries: Record<string, QueryField> = {}
    for (const [name, field] of Object.entries(fields)) {
      if (name !== 'Access' && !name.startsWith('docAccess')) continue
      const collection = collectionByQuery.get(name)
      queries[name] = inSchemaShapeQuery(
        graphql,
        field,
        collection &&
          (async (args, req) => {
            if (!(await canRead(req, collection, args.id))) throw new NotFound(req.t)
          }),
      )
    }
    return { ...queries, ...(own ? own(graphql, result) : {}) }
  }

/**
 * Access queries that reveal nothing and never fail: docAccess over REST and GraphQL answers an
 * unreadable document like an unknown one, and GraphQL's `Access` and `docAccess…` answer in
 * the shape the schema promises, also to anonymous callers.
 */
export function guardAccessQueries(config: SanitizedConfig): SanitizedConfig {
  for (const collection of config.collections) {
    if (!Array.isArray(collection.endpoints)) continue
    collection.endpoints = collection.endpoints.map((endpoint) =>
      endpoint.method === 'post' && endpoint.path === '/access/:id?' ? answerUnreadableAsUnknown(collection, endpoint) : endpoint,
    )
  }
  config.graphQL = { ...config.graphQL, queries: accessQueries(config.graphQL.queries) }
  return config
}
