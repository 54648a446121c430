/**
 * Payload's errors (APIError and every class built on it: ValidationError, Forbidden, NotFound,
 * QueryError, ...) recognised by their shape instead of their class. The production bundle holds
 * more than one copy of those classes, so `instanceof` fails there for an error thrown by a copy
 * other than the one that checks.
 */
export type PayloadErrorShape = Error & { status: number; data?: unknown; isPublic?: boolean }

export const isPayloadError = (error: unknown): error is PayloadErrorShape =>
  error instanceof Error && typeof (error as { status?: unknown }).status === 'number'

/** The error GraphQL wraps (`originalError`), or the error itself. */
export const originalOf = (error: unknown): unknown => {
  const original = (error as { originalError?: unknown } | undefined)?.originalError
  return original ?? error
}

/** Whether Payload shows the error's own message and data to the caller (payload/dist/utilities/isErrorPublic.js). */
export const isPublicError = (error: PayloadErrorShape, debug: boolean | undefined): boolean =>
  Boolean(debug) || error.isPublic === true || (error.isPublic !== false && error.status !== 500)
