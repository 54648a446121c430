import { APIError } from 'payload'

/**
 * The product's refusals: a 4xx with a Dutch message a person understands, and where a field is
 * at fault the field errors in the shape Payload gives its own validation errors
 * (`errors[0].data.errors: [{ path, message }]`). Thrown from hooks and endpoints alike; Payload
 * answers them with this status and body over REST, GraphQL (`extensions.statusCode`) and the
 * Local API.
 */

export type RefusalStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 423 | 429

export type FieldError = { path: string; message: string }

export const refusal = (status: RefusalStatus, message: string, fieldErrors?: FieldError[]): APIError =>
  new APIError(message, status, fieldErrors && fieldErrors.length > 0 ? { errors: fieldErrors } : undefined, true)

/** The same answer, for an endpoint that builds its own `Response`. */
export const refusalResponse = (status: RefusalStatus, message: string, options: { fieldErrors?: FieldError[]; headers?: HeadersInit } = {}): Response => {
  const { fieldErrors, headers } = options
  const error = fieldErrors && fieldErrors.length > 0 ? { name: 'APIError', message, data: { errors: fieldErrors } } : { message }
  return Response.json({ errors: [error] }, { status, headers })
}
