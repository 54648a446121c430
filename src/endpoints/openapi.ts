import type { Endpoint, SanitizedConfig } from 'payload'

import { openapi } from '../openapi/describe'
import { openAPIText } from '../openapi/document'

// The configuration does not change while the server runs: the document is made once.
const made = new WeakMap<SanitizedConfig, Promise<string>>()

/** `GET /api/openapi.json`: the OpenAPI 3.1 document of the public API (docs/openapi.json). */
export const openAPIEndpoint: Endpoint = {
  path: '/openapi.json',
  method: 'get',
  handler: async (req) => {
    const config = req.payload.config
    let text = made.get(config)
    if (!text) {
      text = openAPIText(config)
      made.set(config, text)
    }
    return new Response(await text, { headers: { 'Content-Type': 'application/json; charset=utf-8' } })
  },
  custom: openapi({
    operationId: 'getOpenAPIDocument',
    summary: 'This document',
    description: 'The OpenAPI 3.1 document of the public API, made from the configuration. Generate a typed client from it (docs/api.md).',
    tags: ['api'],
    responses: { 200: { description: 'The OpenAPI document.', content: { 'application/json': { schema: { type: 'object' } } } } },
  }),
}
