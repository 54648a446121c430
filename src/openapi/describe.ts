import type { JSONSchema } from './fields'

/**
 * What the OpenAPI document (src/openapi/document.ts) says about one custom endpoint: a few
 * hand-written words next to the endpoint, in `custom.openapi`. Schemas of documents are never
 * written here: `kit` hands out those the generator made from the fields.
 */

export type OpenAPIParameter = {
  name: string
  in: 'query' | 'path' | 'header'
  description?: string
  required?: boolean
  schema: JSONSchema
  style?: 'form' | 'deepObject'
  explode?: boolean
}

export type OpenAPIResponse = {
  description: string
  headers?: Record<string, { description: string; schema: JSONSchema }>
  content?: Record<string, { schema: JSONSchema }>
}

export type OpenAPIOperation = {
  /** Made from the method and path when left out. */
  operationId?: string
  summary: string
  description?: string
  tags?: string[]
  parameters?: OpenAPIParameter[]
  requestBody?: { required?: boolean; description?: string; content: Record<string, { schema: JSONSchema }> }
  responses: Record<string, OpenAPIResponse | { $ref: string }>
}

export type SchemaKit = {
  /** A document of a public collection, or a global, as anonymous readers get it. */
  documentOf: (slug: string) => JSONSchema
  /** The fields of a collection a form may send (never-public ones marked `writeOnly`). */
  inputOf: (slug: string, fieldNames: readonly string[]) => Promise<JSONSchema>
  /** Query parameters as Payload's reads take them, with the caps of anonymous reads. */
  parameter: (name: 'depth' | 'locale' | 'limit' | 'page') => OpenAPIParameter
  /** The `where` parameter of a public collection's list. */
  whereOf: (slug: string) => OpenAPIParameter
  /** The refusal answer (`{ errors: [...] }`) with this description. */
  refused: (description: string) => OpenAPIResponse
  /** An HTML page for people (the confirmation pages). */
  pageAnswer: (description: string) => OpenAPIResponse
}

export type EndpointDocumentation = OpenAPIOperation | ((kit: SchemaKit) => OpenAPIOperation | Promise<OpenAPIOperation>)

/** An endpoint's `custom` that makes it part of the public API, with what the OpenAPI document says about it. */
export const openapi = (documentation: EndpointDocumentation) => ({ openapi: documentation })

export const documentationOf = (endpoint: { custom?: Record<string, unknown> }): EndpointDocumentation | undefined =>
  endpoint.custom?.openapi as EndpointDocumentation | undefined
