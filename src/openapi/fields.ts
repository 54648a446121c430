import { formatNames, type FlattenedField, type PayloadRequest, type SanitizedCollectionConfig, type SanitizedConfig } from 'payload'

import { optionValues } from '../query/where'

/** A JSON Schema (2020-12, the dialect of OpenAPI 3.1). */
export type JSONSchema = Record<string, unknown>

export const schemaRef = (name: string): JSONSchema => ({ $ref: `#/components/schemas/${name}` })

/** The name Payload gives a collection's or global's type in src/payload-types.ts, used for its schema too. */
export const typeName = (entity: { slug: string; typescript?: { interface?: string } }): string =>
  entity.typescript?.interface ?? formatNames(entity.slug).singular

/**
 * A request without a login and without data, to ask the access rules what an anonymous reader
 * may read. Rules that look something up get nothing back (lookups answer "no documents"), so
 * the answer depends on the configuration only. Anything else a rule reaches for throws, and a
 * rule that throws counts as a refusal.
 */
export function anonymousReader(config: SanitizedConfig): PayloadRequest {
  const noDocuments = async () => ({ docs: [], totalDocs: 0 })
  const payload = { config, find: noDocuments, db: { find: noDocuments } }
  return {
    user: null,
    payload,
    context: {},
    headers: new Headers(),
    query: {},
    searchParams: new URLSearchParams(),
    locale: config.localization ? config.localization.defaultLocale : undefined,
    payloadAPI: 'REST',
  } as unknown as PayloadRequest
}

/** Whether anonymous readers may read a collection or global at all (a query result counts: some documents). */
export async function anonymousMayRead(entity: { access: { read?: unknown } }, req: PayloadRequest): Promise<boolean> {
  const read = entity.access.read
  if (typeof read !== 'function') return false
  try {
    const result = await read({ req })
    return result === true || (typeof result === 'object' && result !== null)
  } catch {
    return false
  }
}

/**
 * Whether anonymous readers get a field in an answer: not a hidden field, and not one whose own
 * read rule refuses them. The rule is asked without a document, as when a `where` is checked:
 * a field readable for some documents only does not count as public.
 */
export async function anonymousMayReadField(field: FlattenedField, req: PayloadRequest): Promise<boolean> {
  if ('hidden' in field && field.hidden) return false
  const read = 'access' in field ? field.access?.read : undefined
  if (!read) return true
  try {
    return (await read({ req, doc: undefined, data: undefined, siblingData: undefined, id: undefined } as never)) === true
  } catch {
    return false
  }
}

/** Whether a form may send a field: not one only the CMS sets (such as when contact details were erased). */
async function mayBeSent(field: FlattenedField, req: PayloadRequest): Promise<boolean> {
  const create = 'access' in field ? field.access?.create : undefined
  if (!create) return true
  try {
    return (await create({ req, doc: undefined, data: undefined, siblingData: undefined, id: undefined } as never)) === true
  } catch {
    return false
  }
}

const englishOf = (text: unknown): string | undefined =>
  typeof text === 'string'
    ? text
    : text && typeof text === 'object' && typeof (text as { en?: unknown }).en === 'string'
      ? (text as { en: string }).en
      : undefined

const nullable = (schema: JSONSchema): JSONSchema => {
  if (typeof schema.type === 'string') {
    const withNull: JSONSchema = { ...schema, type: [schema.type, 'null'] }
    if (Array.isArray(schema.enum)) withNull.enum = [...schema.enum, null]
    return withNull
  }
  return { anyOf: [schema, { type: 'null' }] }
}

export type FieldSchemaOptions = {
  config: SanitizedConfig
  req: PayloadRequest
  /** Collections anonymous readers may read: a relationship to one of them may come populated. */
  publicCollections: Set<string>
  /**
   * `read`: what an anonymous reader gets back (fields they may not read are left out).
   * `write`: what a form sends (every field; those that are never public are marked `writeOnly`).
   */
  mode: 'read' | 'write'
}

const idSchemaOf = (config: SanitizedConfig, slug: string): JSONSchema => {
  const collection = config.collections.find((candidate) => candidate.slug === slug)
  const custom = collection?.flattenedFields.find((field) => field.name === 'id')
  const type = custom ? (custom.type === 'number' ? 'number' : 'text') : config.db.defaultIDType
  return type === 'number' ? { type: 'integer' } : { type: 'string' }
}

function relationSchema(slug: string, options: FieldSchemaOptions): JSONSchema {
  const id = idSchemaOf(options.config, slug)
  const collection = options.config.collections.find((candidate) => candidate.slug === slug)
  if (options.mode === 'write' || !collection || !options.publicCollections.has(slug)) return id
  // With `depth` 0 the id, deeper the document, with the fields the collection populates by default.
  return { anyOf: [id, schemaRef(populatedName(collection))] }
}

/** The schema of a collection's documents as a relationship fills them in: all of it, or its `defaultPopulate`. */
export const populatedName = (collection: SanitizedCollectionConfig): string =>
  collection.defaultPopulate ? `${typeName(collection)}Populated` : typeName(collection)

/** A document schema narrowed to a `select` (`defaultPopulate`): the selected fields and the id, only the id required. */
export function selectedSchema(schema: JSONSchema, select: Record<string, unknown>, description: string): JSONSchema {
  const properties = schema.properties as Record<string, JSONSchema>
  const chosen = Object.keys(properties).filter((name) => name === 'id' || Boolean(select[name]))
  return { ...schema, description, properties: Object.fromEntries(chosen.map((name) => [name, properties[name]])), required: ['id'] }
}

async function valueSchema(field: FlattenedField, options: FieldSchemaOptions): Promise<JSONSchema | undefined> {
  const many = (schema: JSONSchema) => ('hasMany' in field && field.hasMany ? { type: 'array', items: schema } : schema)
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'code':
      return many({ type: 'string' })
    case 'number':
      return many({ type: 'number' })
    case 'checkbox':
      return { type: 'boolean' }
    case 'date':
      return { type: 'string', format: 'date-time' }
    case 'select':
    case 'radio':
      return many({ type: 'string', enum: optionValues(field) })
    case 'point':
      return { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2, description: 'Longitude, latitude.' }
    case 'richText':
      return { type: 'object', properties: { root: { type: 'object' } }, description: 'Rich text as Lexical JSON.' }
    case 'json':
      return {}
    case 'relationship':
    case 'upload': {
      const single = Array.isArray(field.relationTo)
        ? {
            type: 'object',
            properties: {
              relationTo: { type: 'string', enum: field.relationTo },
              value: { anyOf: field.relationTo.map((slug) => relationSchema(slug, options)) },
            },
            required: ['relationTo', 'value'],
          }
        : relationSchema(field.relationTo, options)
      return many(single)
    }
    case 'group':
    case 'tab':
      return objectSchema(field.flattenedFields, options)
    case 'array':
      return { type: 'array', items: await objectSchema(field.flattenedFields, options) }
    case 'blocks': {
      const blocks = await Promise.all(
        field.blocks.map(async (block) => {
          const schema = await objectSchema(block.flattenedFields, options)
          return {
            ...schema,
            properties: { blockType: { const: block.slug }, ...(schema.properties as object) },
            required: ['blockType', ...((schema.required as string[]) ?? [])],
          }
        }),
      )
      return { type: 'array', items: { oneOf: blocks } }
    }
    default:
      // `ui` fields hold no data; `join` fields are not used in this project's public collections.
      return undefined
  }
}

/** The JSON Schema of an object with these fields, as the mode sees it. */
export async function objectSchema(
  fields: FlattenedField[],
  options: FieldSchemaOptions,
  /** Properties besides the fields (the id), and fields that are always there though not required (timestamps). */
  { extra = {}, present = [] }: { extra?: Record<string, JSONSchema>; present?: string[] } = {},
): Promise<JSONSchema> {
  const properties: Record<string, JSONSchema> = { ...extra }
  const required = Object.keys(extra)
  for (const field of fields) {
    const readable = await anonymousMayReadField(field, options.req)
    if (options.mode === 'read' && !readable) continue
    if (options.mode === 'write' && !(await mayBeSent(field, options.req))) continue
    let schema = await valueSchema(field, options)
    if (!schema) continue
    const isRequired = ('required' in field && field.required === true) || present.includes(field.name)
    if (!isRequired && options.mode === 'read') schema = nullable(schema)
    const description = englishOf('admin' in field ? field.admin?.description : undefined)
    if (description) schema = { ...schema, description }
    if (!readable) schema = { ...schema, writeOnly: true, description: description ?? 'Never public.' }
    properties[field.name] = schema
    if (isRequired) required.push(field.name)
  }
  return { type: 'object', properties, ...(required.length ? { required } : {}), additionalProperties: false }
}

/** The schema of a document of a collection as an anonymous reader gets it. */
export const collectionSchema = (collection: SanitizedCollectionConfig, options: FieldSchemaOptions): Promise<JSONSchema> =>
  objectSchema(collection.flattenedFields, options, {
    extra: { id: idSchemaOf(options.config, collection.slug) },
    present: collection.timestamps === false ? [] : ['createdAt', 'updatedAt'],
  })
