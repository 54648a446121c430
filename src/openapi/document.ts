import path from 'node:path'

import { type Endpoint, type FlattenedField, formatNames, type SanitizedCollectionConfig, type SanitizedConfig } from 'payload'

import { anonymousReadDefaults } from '../plugins/anonymousReadLimits'
import { queryLimitDefaults } from '../plugins/inputGuards'
import { documentationOf, type OpenAPIOperation, type OpenAPIParameter, type OpenAPIResponse, type SchemaKit } from './describe'
import {
  anonymousMayRead,
  anonymousMayReadField,
  anonymousReader,
  collectionSchema,
  type FieldSchemaOptions,
  type JSONSchema,
  objectSchema,
  populatedName,
  schemaRef,
  selectedSchema,
  typeName,
} from './fields'

/**
 * The OpenAPI 3.1 document of the public API (`GET /api/openapi.json`, committed as
 * docs/openapi.json), made from the configuration: the collections and globals anonymous
 * readers may read, with the fields they may read, and the custom endpoints that carry
 * `custom.openapi` (src/openapi/describe.ts). Nothing that an anonymous reader cannot read is in
 * it; the one exception is a form's input, where never-public fields are marked `writeOnly`.
 */

type Operations = Partial<Record<'get' | 'post' | 'patch' | 'delete', OpenAPIOperation>>

const refusalSchemaName = 'Refusal'
const whereConditionName = 'WhereCondition'

const refusalSchema: JSONSchema = {
  type: 'object',
  description: 'A refusal (4xx): a Dutch message a person can read and, where fields are at fault, each field with its message.',
  required: ['errors'],
  properties: {
    errors: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['message'],
        properties: {
          name: { type: 'string' },
          message: { type: 'string' },
          data: {
            anyOf: [
              {
                type: 'object',
                description: 'The fields at fault, each with its message.',
                properties: {
                  collection: { type: 'string' },
                  errors: {
                    type: 'array',
                    items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' } } },
                  },
                },
              },
              {
                type: 'array',
                description: 'A filter or sort on a field that cannot be queried: the paths.',
                items: { type: 'object', required: ['path'], properties: { path: { type: 'string' } } },
              },
            ],
          },
        },
      },
    },
  },
}

const scalar = { type: ['string', 'number', 'boolean', 'null'] }
const list = {
  anyOf: [
    { type: 'string', description: 'Comma separated.' },
    { type: 'array', items: scalar },
  ],
}
const whereConditionSchema: JSONSchema = {
  type: 'object',
  description: 'Operators of one field path; `like` finds all words, case-insensitive.',
  properties: Object.fromEntries([
    ...['equals', 'not_equals', 'greater_than', 'greater_than_equal', 'less_than', 'less_than_equal', 'like', 'contains'].map((operator) => [operator, scalar]),
    ...['in', 'not_in', 'all'].map((operator) => [operator, list]),
    ['exists', { type: ['boolean', 'string'], enum: [true, false, 'true', 'false'] }],
  ]),
  additionalProperties: false,
}

const pageProperties = {
  docs: undefined as unknown,
  totalDocs: { type: 'integer' },
  limit: { type: 'integer' },
  totalPages: { type: 'integer' },
  page: { type: 'integer' },
  pagingCounter: { type: 'integer' },
  hasPrevPage: { type: 'boolean' },
  hasNextPage: { type: 'boolean' },
  prevPage: { type: ['integer', 'null'] },
  nextPage: { type: ['integer', 'null'] },
}

const pageSchema = (name: string): JSONSchema => ({
  type: 'object',
  description: `One page of ${name} documents.`,
  properties: { ...pageProperties, docs: { type: 'array', items: schemaRef(name) } },
  required: Object.keys(pageProperties),
  additionalProperties: false,
})

const refusal = (description: string): OpenAPIResponse => ({
  description,
  content: { 'application/json': { schema: schemaRef(refusalSchemaName) } },
})

const page = (description: string): OpenAPIResponse => ({ description, content: { 'text/html': { schema: { type: 'string' } } } })

/** Every path a `where` may name in these fields (groups, tabs and arrays with a dot). */
async function wherePaths(fields: FlattenedField[], options: FieldSchemaOptions, prefix = ''): Promise<string[]> {
  const paths: string[] = []
  for (const field of fields) {
    if (!(await anonymousMayReadField(field, options.req))) continue
    const path = `${prefix}${field.name}`
    if (field.type === 'group' || field.type === 'tab' || field.type === 'array') paths.push(...(await wherePaths(field.flattenedFields, options, `${path}.`)))
    else if (field.type !== 'join' && field.type !== 'blocks') paths.push(path)
  }
  return paths
}

const operationName = (method: string, path: string) =>
  method +
  path
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part && part !== 'api')
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('')

/** Payload's `:name` and `:name?` path parameters as OpenAPI's `{name}`. */
const openAPIPath = (path: string) => path.replace(/:(\w+)\??/g, '{$1}')

export async function openAPIDocument(config: SanitizedConfig): Promise<Record<string, unknown>> {
  const req = anonymousReader(config)
  const readable = async <T extends { access: { read?: unknown } }>(entities: T[]) =>
    (await Promise.all(entities.map(async (entity) => ((await anonymousMayRead(entity, req)) ? entity : undefined)))).filter(
      (entity): entity is Awaited<T> => entity !== undefined,
    )
  const collections = await readable(config.collections)
  const globals = await readable(config.globals)
  const options: FieldSchemaOptions = { config, req, publicCollections: new Set(collections.map(({ slug }) => slug)), mode: 'read' }

  const locales = config.localization ? config.localization.localeCodes : []
  const defaultLocale = config.localization ? config.localization.defaultLocale : undefined
  const { maxLimit, maxDepth } = anonymousReadDefaults
  const { maxPage, maxConditions, maxNesting, maxListValues } = queryLimitDefaults

  const schemas: Record<string, JSONSchema> = { [refusalSchemaName]: refusalSchema, [whereConditionName]: whereConditionSchema }
  const paths: Record<string, Operations> = {}
  const addOperation = (path: string, method: keyof Operations, operation: OpenAPIOperation) => {
    paths[path] = { ...paths[path], [method]: { operationId: operationName(method, path), ...operation } }
  }

  const parameters = {
    depth: (): OpenAPIParameter => ({
      name: 'depth',
      in: 'query',
      description: `How deep relationships are filled in with their documents (0: ids only). Default ${config.defaultDepth}; without a login at most ${maxDepth} (a larger value gives ${maxDepth}), with a login at most ${config.maxDepth}.`,
      schema: { type: 'integer', minimum: 0, default: config.defaultDepth },
    }),
    locale: (): OpenAPIParameter => ({
      name: 'locale',
      in: 'query',
      description: `The language of localized fields; where a text has no translation the ${defaultLocale} one is given.`,
      schema: { type: 'string', enum: locales, default: defaultLocale },
    }),
    limit: (): OpenAPIParameter => ({
      name: 'limit',
      in: 'query',
      description: `Documents per page, default 10. Without a login at most ${maxLimit}: 0, a negative or a larger value gives ${maxLimit}, and \`pagination=false\` is ignored. With a login at most ${queryLimitDefaults.maxLimit}.`,
      schema: { type: 'integer', default: 10 },
    }),
    page: (): OpenAPIParameter => ({
      name: 'page',
      in: 'query',
      description: `Page number, 1 to ${maxPage}; otherwise 400.`,
      schema: { type: 'integer', minimum: 1, maximum: maxPage, default: 1 },
    }),
  }
  const whereOf = (slug: string): OpenAPIParameter => {
    const collection = collections.find((candidate) => candidate.slug === slug)
    if (!collection) throw new Error(`No public collection ${slug} to filter`)
    return {
      name: 'where',
      in: 'query',
      style: 'deepObject',
      explode: true,
      description: `Filters in Payload's syntax: \`where[field][operator]=value\`, nested fields with a dot (\`where[location.province][equals]=utrecht\`), \`where[or][0][...]\` and \`where[and][0][...]\` to combine. At most ${maxConditions} conditions, ${maxNesting} levels of and/or and ${maxListValues} values per list; a value must fit its field; a field anonymous readers may not read cannot be filtered on (400).`,
      schema: schemaRef(`${typeName(collection)}Where`),
    }
  }

  const kit: SchemaKit = {
    documentOf: (slug) => {
      const entity = [...collections, ...globals].find((candidate) => candidate.slug === slug)
      if (!entity) throw new Error(`No public collection or global ${slug} to document`)
      return schemaRef(typeName(entity))
    },
    inputOf: async (slug, fieldNames) => {
      const collection = config.collections.find((candidate) => candidate.slug === slug)
      if (!collection) throw new Error(`No collection ${slug}`)
      const fields = collection.flattenedFields.filter((field) => fieldNames.includes(field.name))
      return objectSchema(fields, { ...options, mode: 'write' })
    },
    parameter: (name) => parameters[name](),
    whereOf,
    refused: refusal,
    pageAnswer: page,
  }

  for (const collection of collections) {
    const name = typeName(collection)
    schemas[name] = await collectionSchema(collection, options)
    if (collection.defaultPopulate) {
      const description = `A ${name} as a relationship fills it in (the fields it populates by default; ask for others with \`populate\`).`
      schemas[populatedName(collection)] = selectedSchema(schemas[name], collection.defaultPopulate as Record<string, unknown>, description)
    }
    schemas[`${name}Page`] = pageSchema(name)
    const fieldPaths = await wherePaths(collection.flattenedFields, options)
    schemas[`${name}Where`] = {
      type: 'object',
      description: `A filter of ${collection.slug}. Paths through a relationship (\`edition.year\`) are allowed as well.`,
      properties: {
        ...Object.fromEntries(['id', ...fieldPaths].map((path) => [path, schemaRef(whereConditionName)])),
        and: { type: 'array', items: schemaRef(`${name}Where`) },
        or: { type: 'array', items: schemaRef(`${name}Where`) },
      },
      additionalProperties: schemaRef(whereConditionName),
    }
    const topLevel = Object.keys((schemas[name].properties as object) ?? {})
    const select: OpenAPIParameter = {
      name: 'select',
      in: 'query',
      style: 'deepObject',
      explode: true,
      description:
        'Only these fields (`select[title]=true`, `select[location][city]=true`); `id` always comes along. Fields left out are missing from the answer.',
      schema: { type: 'object', propertyNames: { enum: topLevel }, additionalProperties: { anyOf: [{ type: 'boolean' }, { type: 'object' }] } },
    }
    const populate: OpenAPIParameter = {
      name: 'populate',
      in: 'query',
      style: 'deepObject',
      explode: true,
      description:
        'Which fields of related documents are filled in, per collection (`populate[editions][organisers]=true`), instead of the fields that collection fills in by default.',
      schema: { type: 'object', additionalProperties: { type: 'object', additionalProperties: { type: 'boolean' } } },
    }
    const tags = [collection.slug]
    addOperation(`/api/${collection.slug}`, 'get', {
      operationId: `list${formatNames(collection.slug).plural}`,
      summary: `List ${collection.slug}`,
      description: `A page of the ${collection.slug} anonymous readers may read.`,
      tags,
      parameters: [
        whereOf(collection.slug),
        parameters.limit(),
        parameters.page(),
        {
          name: 'sort',
          in: 'query',
          description: 'A field path to sort by, `-` in front for descending; several separated by commas.',
          schema: { type: 'string', ...(typeof collection.defaultSort === 'string' ? { default: collection.defaultSort } : {}) },
        },
        parameters.depth(),
        parameters.locale(),
        select,
        populate,
      ],
      responses: {
        200: { description: 'One page of documents.', content: { 'application/json': { schema: schemaRef(`${name}Page`) } } },
        400: refusal('A bad filter, sort, page or value, with the field at fault.'),
      },
    })
    addOperation(`/api/${collection.slug}/{id}`, 'get', {
      operationId: `get${name}`,
      summary: `One of ${collection.slug} by id`,
      tags,
      parameters: [
        { name: 'id', in: 'path', required: true, schema: (schemas[name].properties as Record<string, JSONSchema>).id },
        parameters.depth(),
        parameters.locale(),
        select,
        populate,
      ],
      responses: {
        200: { description: 'The document.', content: { 'application/json': { schema: schemaRef(name) } } },
        400: refusal('A bad id or parameter.'),
        404: refusal('No such document, or not one anonymous readers may read.'),
      },
    })
    if (collection.upload) addFileRoute(collection, addOperation, refusal)
  }

  for (const global of globals) {
    const name = typeName(global)
    schemas[name] = await objectSchema(global.flattenedFields, options, {
      extra: { id: { type: config.db.defaultIDType === 'number' ? 'integer' : 'string' }, globalType: { const: global.slug } },
      present: ['createdAt', 'updatedAt'],
    })
    addOperation(`/api/globals/${global.slug}`, 'get', {
      operationId: `get${name}`,
      summary: `The ${global.slug}`,
      tags: [`globals/${global.slug}`],
      parameters: [parameters.depth(), parameters.locale()],
      responses: { 200: { description: `The ${global.slug}.`, content: { 'application/json': { schema: schemaRef(name) } } } },
    })
  }

  const custom: [string, Endpoint][] = [
    ...config.collections.flatMap((collection) => (collection.endpoints || []).map((endpoint): [string, Endpoint] => [`/api/${collection.slug}`, endpoint])),
    ...config.globals.flatMap((global) => (global.endpoints || []).map((endpoint): [string, Endpoint] => [`/api/globals/${global.slug}`, endpoint])),
    ...(config.endpoints || []).map((endpoint): [string, Endpoint] => ['/api', endpoint]),
  ]
  for (const [base, endpoint] of custom) {
    const documentation = documentationOf(endpoint)
    if (!documentation) continue
    const operation = typeof documentation === 'function' ? await documentation(kit) : documentation
    addOperation(openAPIPath(`${base}${endpoint.path}`), endpoint.method as keyof Operations, operation)
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Week tegen Kindermishandeling: public API',
      version: '1',
      description:
        'What campaign and partner websites read without an account: editions, activities, organisers, stories, campaign material, media and the site settings, the iCalendar feed, the search and the public submission form. Generated from the CMS configuration (`npm run generate:openapi`); only fields anonymous readers may read are in it. Anonymous answers are cached (Cache-Control, ETag, X-Cache). Refusals answer `{ errors: [{ message, data?: { errors: [{ path, message }] } }] }` with a Dutch message.',
    },
    servers: [{ url: '/', description: 'The CMS that serves this document.' }],
    tags: [
      ...collections.map(({ slug }) => ({ name: slug })),
      ...globals.map(({ slug }) => ({ name: `globals/${slug}` })),
      ...[...new Set(Object.values(paths).flatMap((operations) => Object.values(operations).flatMap((operation) => operation.tags ?? [])))]
        .filter((tag) => !collections.some(({ slug }) => slug === tag) && !globals.some(({ slug }) => `globals/${slug}` === tag))
        .map((name) => ({ name })),
    ],
    paths,
    components: { schemas },
  }
}

function addFileRoute(
  collection: SanitizedCollectionConfig,
  addOperation: (path: string, method: 'get', operation: OpenAPIOperation) => void,
  refusalOf: (description: string) => OpenAPIResponse,
) {
  const mimeTypes = typeof collection.upload === 'object' ? collection.upload.mimeTypes : undefined
  const types: string[] = mimeTypes?.length ? mimeTypes : ['application/octet-stream']
  addOperation(`/api/${collection.slug}/file/{filename}`, 'get', {
    operationId: `get${typeName(collection)}File`,
    summary: `A file of ${collection.slug}`,
    description: "The file a document's `url` (or one of its `sizes`) points to, while the document is one anonymous readers may read.",
    tags: [collection.slug],
    parameters: [{ name: 'filename', in: 'path', required: true, schema: { type: 'string' } }],
    responses: {
      200: { description: 'The file.', content: Object.fromEntries(types.map((type) => [type, { schema: { type: 'string', contentMediaType: type } }])) },
      404: refusalOf('No such file, or not one anonymous readers may read.'),
    },
  })
}

export const openAPIFile = path.resolve('docs/openapi.json')

/** The document as committed in docs/openapi.json. */
export const openAPIText = async (config: SanitizedConfig): Promise<string> => `${JSON.stringify(await openAPIDocument(config), null, 2)}\n`
