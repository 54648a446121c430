import type { AfterErrorHook } from 'payload'

import { isPayloadError, isPublicError, originalOf } from '../http/errorShape'
import { inDutch } from '../http/payloadMessages'

/**
 * Every refusal answers with the same body wherever the code runs: the status, the Dutch message
 * and, where fields are at fault, the field errors as Payload documents them
 * (`errors[0].data.errors: [{ path, message }]`), for ValidationError and for the product's own
 * refusals (src/http/refusal.ts) alike.
 *
 * Payload's `formatErrors` includes `name` and `data` only for an error that is `instanceof` its
 * APIError or ValidationError; in the production bundle that check fails for errors thrown by
 * another copy of those classes, and the answer keeps only the message. This hook puts back what
 * `formatErrors` would have given, recognising the error by its shape; where Payload already kept
 * the data (in-process, in development) it changes nothing. Payload's few English query refusals
 * are answered in Dutch, over REST and GraphQL.
 */
export const answerRefusalsInFull: AfterErrorHook = ({ error, graphqlResult, req, result }) => {
  const original = originalOf(error)
  if (graphqlResult) {
    // GraphQL reads `extensions.data` straight from the error: only the message needs words.
    const message = graphqlResult.message === (original as Error | undefined)?.message ? inDutch(graphqlResult.message) : undefined
    return message ? { graphqlResult: { ...graphqlResult, message } } : undefined
  }
  if (!isPayloadError(original) || !isPublicError(original, req.payload.config.debug)) return undefined
  const first = result?.errors?.[0]
  // Another hook's own answer, or Payload's "Something went wrong": not this error's body.
  if (result && (result.errors?.length !== 1 || first?.message !== original.message)) return undefined
  const message = inDutch(original.message) ?? original.message
  const lostData = Boolean(original.data) && first?.data === undefined
  if (!lostData && message === original.message) return undefined
  // `data` as the error carries it (an object, or QueryError's list of paths), as `formatErrors` passes it on.
  const body = original.data ? { name: original.name, data: original.data as Record<string, unknown>, message } : { ...first, message }
  return { response: { ...result, errors: [body] } }
}
