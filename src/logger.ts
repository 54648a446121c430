import type { Config } from 'payload'
import { defaultLoggerOptions } from 'payload'
import type { LoggerOptions } from 'pino'

import { badInputAnswer } from './hooks/answerBadInputWith400'
import { isPayloadError, originalOf } from './http/errorShape'

/**
 * A refusal is an answer to the caller, not a fault of the server: it is logged at `info`, and
 * only what answers 5xx is logged at `error`.
 *
 * Payload logs an error at the level `loggingLevels` gives its class name. The classes that are
 * always a refusal are listed there. Two names say nothing about the status: `APIError` (a 409
 * of the workflow and a 500 alike) and `GraphQLError`, under which GraphQL logs whatever it
 * wraps. Those are logged at `error` by Payload and moved to `info` here when the error they are
 * about answers with a 4xx, as is what answerBadInputWith400 answers with a 400.
 */
export const loggingLevels = {
  AuthenticationError: 'info',
  Forbidden: 'info',
  Locked: 'info',
  LockedAuth: 'info',
  MissingFile: 'info',
  NotFound: 'info',
  QueryError: 'info',
  UnauthorizedError: 'info',
  UnverifiedEmail: 'info',
  ValidationError: 'info',
} as NonNullable<Config['loggingLevels']>

/** The 4xx status `error` is answered with, or undefined for a server fault. */
export function refusalStatus(error: unknown): number | undefined {
  const original = originalOf(error)
  if (isPayloadError(original)) return original.status >= 400 && original.status < 500 ? original.status : undefined
  if (original instanceof Error && badInputAnswer(original)) return 400
  return undefined
}

const errorLevel = 50

/** Payload's logger options with the rule above; `level` as LOG_LEVEL asks (Payload's default: info). */
export function loggerOptions(level?: string): LoggerOptions {
  return {
    name: 'payload',
    ...(level ? { level } : {}),
    hooks: {
      logMethod(args, method, level) {
        if (level === errorLevel) {
          const [first] = args as unknown[]
          const error = first instanceof Error ? first : (first as { err?: unknown } | undefined)?.err
          const status = refusalStatus(error)
          if (status) {
            const original = originalOf(error) as Error
            return this.info({ refusal: { name: original.name, status } }, original.message)
          }
        }
        return method.apply(this, args)
      },
    },
  }
}

/** The logger for payload.config.ts: Payload's readable output unless LOG_LEVEL asks for a level (JSON lines). */
export const payloadLogger = (level?: string): NonNullable<Config['logger']> =>
  level ? { options: loggerOptions(level) } : { options: loggerOptions(), destination: defaultLoggerOptions }
