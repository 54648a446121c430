import type { AfterErrorHook } from 'payload'

/** What busboy, Payload's multipart parser, throws for a form it cannot read. */
const unreadableFormMessages = new Set([
  'Malformed content type',
  'Multipart: Boundary not found',
  'Malformed part header',
  'Unexpected end of form',
  'Malformed urlencoded form',
])

/** PostgreSQL's data exceptions (class 22) and an operator that does not fit the column type. */
const isDataError = (code: unknown) => typeof code === 'string' && (code.startsWith('22') || code === '42883')

const refusal = (message: string) => ({ status: 400, response: { errors: [{ message }] } })

type DatabaseError = { code?: unknown; table?: unknown; column?: unknown; detail?: unknown }

const camel = (snake: string) => snake.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase())

/**
 * The field a constraint error is about, from its table and column: `editions_organisers` and
 * `organiser_id` of collection `editions` is `organisers.organiser`.
 */
function fieldOf(cause: DatabaseError, slug: string | undefined): string | undefined {
  const column = typeof cause.column === 'string' ? cause.column : /Key \((\w+)\)=/.exec(String(cause.detail ?? ''))?.[1]
  if (!column) return undefined
  const table = typeof cause.table === 'string' ? cause.table : ''
  const own = slug?.replace(/-/g, '_') ?? ''
  const nested = own && table.startsWith(`${own}_`) ? table.slice(own.length + 1).replace(/_locales$/, '') : ''
  const name = camel(column.replace(/_id$/, ''))
  return nested ? `${camel(nested)}.${name}` : name
}

const constraintMessages: Record<string, string> = {
  '23503': 'Dit verwijst naar een document dat niet bestaat.',
  '23502': 'Dit veld is verplicht.',
}

/** A missing required value or a reference to nothing, answered like Payload's own validation. */
function constraintRefusal(cause: DatabaseError, slug: string | undefined) {
  const message = constraintMessages[String(cause.code)]
  const path = message ? fieldOf(cause, slug) : undefined
  if (!message || !path) return undefined
  return {
    status: 400,
    response: {
      errors: [{ name: 'ValidationError', message: `Dit veld is ongeldig: ${path}`, data: { errors: [{ path, message }] } }],
    },
  }
}

/**
 * Some bad input reaches Payload's internals before anything validates it, and comes back as
 * "Something went wrong" with status 500: JSON that does not parse in `where` or in a form's
 * `_payload` field, a multipart body that breaks off, or a query value PostgreSQL cannot compare
 * with its column, a reference to a document that does not exist. Those are the caller's
 * mistakes: 400, with words for them and no SQL.
 * (src/query/where.ts refuses most bad values before they reach the database; this is the net.)
 */
export const answerBadInputWith400: AfterErrorHook = ({ collection, error }) => badInputAnswer(error, collection?.slug)

/** The 400 answer for `error` when it is bad input (see answerBadInputWith400), else undefined. */
export function badInputAnswer(error: Error, slug?: string) {
  if (error instanceof SyntaxError) {
    return refusal('Het verzoek bevat JSON die niet klopt (in de inhoud, in "where" of in het formulierveld "_payload").')
  }
  if (unreadableFormMessages.has(error.message)) {
    return refusal(`Het formulier kon niet worden gelezen (${error.message}). Verstuur het opnieuw als multipart/form-data.`)
  }
  const cause = (error.cause ?? {}) as DatabaseError
  const constraint = constraintRefusal(cause, slug)
  if (constraint) return constraint
  if (isDataError(cause.code)) {
    return refusal('Een waarde in het verzoek past niet bij het veld waarmee ze wordt vergeleken of waarin ze wordt opgeslagen.')
  }
  return undefined
}
