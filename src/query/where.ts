import type { FlattenedField, Where } from 'payload'

/**
 * Checks of a `where` query before Payload turns it into SQL. Payload validates the paths and
 * operators, but not the values: a NUL byte, a word where an id belongs, a value that is not one
 * of a select field's options or a text search on rich text reach PostgreSQL and come back as a
 * 500. And it puts no bound on the size of a query: 10,000 `or` clauses take seconds.
 */

export type WhereLimits = {
  /** Most conditions (a path with an operator) in one query, nested ones included. */
  maxConditions: number
  /** Deepest nesting of `and` / `or`. */
  maxNesting: number
  /** Most values in one `in`, `not_in` or `all` list. */
  maxListValues: number
}

export const whereLimits: WhereLimits = { maxConditions: 150, maxNesting: 6, maxListValues: 1000 }

/** A refusal of a query, in words for the person who wrote it. */
export type WhereProblem = { path?: string; message: string }

type Condition = { path: string; operator: string; value: unknown }

const isLogical = (key: string) => key.toLowerCase() === 'and' || key.toLowerCase() === 'or'

/** Every condition of the query with the nesting it sits at, or the first problem of its shape. */
function collect(where: unknown, limits: WhereLimits): Condition[] | WhereProblem {
  const conditions: Condition[] = []
  const walk = (node: unknown, nesting: number): WhereProblem | undefined => {
    if (!node || typeof node !== 'object') return undefined
    if (nesting > limits.maxNesting) {
      return { message: `De zoekopdracht is te diep genest: hooguit ${limits.maxNesting} niveaus van "and" en "or".` }
    }
    for (const [key, constraint] of Object.entries(node)) {
      if (isLogical(key)) {
        if (!Array.isArray(constraint)) continue // Payload refuses this itself
        for (const branch of constraint) {
          const problem = walk(branch, nesting + 1)
          if (problem) return problem
        }
      } else if (constraint && typeof constraint === 'object' && !Array.isArray(constraint)) {
        for (const [operator, value] of Object.entries(constraint)) {
          conditions.push({ path: key.replace(/__/g, '.'), operator, value })
          if (conditions.length > limits.maxConditions) {
            return {
              message: `De zoekopdracht heeft te veel voorwaarden: hooguit ${limits.maxConditions}. Splits haar op of gebruik "in" met een lijst waarden.`,
            }
          }
        }
      }
    }
    return undefined
  }
  return walk(where, 0) ?? conditions
}

const listOperators = new Set(['in', 'not_in', 'all'])
const pointOperators = new Set(['near', 'within', 'intersects'])

/** The values of a condition: lists come as arrays or, from a query string, comma-separated. */
function valuesOf({ operator, value }: Condition): unknown[] {
  if (Array.isArray(value)) return value
  if (listOperators.has(operator) && typeof value === 'string') return value.split(',')
  return [value]
}

/** Whether a value, or anything inside it, is text with a NUL character (PostgreSQL refuses those). */
export const hasNul = (value: unknown): boolean =>
  typeof value === 'string'
    ? value.includes('\u0000')
    : Array.isArray(value)
      ? value.some(hasNul)
      : !!value && typeof value === 'object' && Object.values(value).some(hasNul)

const isNothing = (value: unknown) => value === null || value === undefined || value === 'null' || value === ''
const isWholeNumber = (value: unknown) =>
  (typeof value === 'number' && Number.isSafeInteger(value)) || (typeof value === 'string' && /^-?\d{1,15}$/.test(value.trim()))
const isNumber = (value: unknown) =>
  (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
const isBoolean = (value: unknown) => typeof value === 'boolean' || value === 'true' || value === 'false'

type Target = { kind: 'id' } | { kind: 'field'; field: FlattenedField } | { kind: 'unchecked' }

const childrenOf = (field: FlattenedField): FlattenedField[] | undefined =>
  field.type === 'group' || field.type === 'array' || field.type === 'tab' ? field.flattenedFields : undefined

/**
 * The field a path ends at. Paths through a relationship into the related collection, through
 * blocks or into the inside of JSON are left to Payload (which validates those paths itself).
 */
function resolve(fields: FlattenedField[], path: string): Target {
  const segments = path.split('.')
  if (segments.length === 1 && segments[0] === 'id' && !fields.some((field) => field.name === 'id')) return { kind: 'id' }
  let current = fields
  for (const [index, segment] of segments.entries()) {
    const field = current.find((candidate) => candidate.name === segment)
    if (!field) return { kind: 'unchecked' }
    const last = index === segments.length - 1
    if (last) return { kind: 'field', field }
    const children = childrenOf(field)
    if (!children) return { kind: 'unchecked' }
    current = children
  }
  return { kind: 'unchecked' }
}

/** The values a select or radio field takes. */
export const optionValues = (field: FlattenedField): string[] =>
  field.type === 'select' || field.type === 'radio' ? field.options.map((option) => (typeof option === 'string' ? option : option.value)) : []

/** What is wrong with the values of one condition for the field it names, if anything. */
function checkValues(target: Target, condition: Condition): string | undefined {
  const { operator } = condition
  const values = valuesOf(condition)
  const isPoint = target.kind === 'field' && target.field.type === 'point'
  if (pointOperators.has(operator) && !isPoint) return `"${operator}" werkt alleen op een locatie op de kaart.`
  if (operator === 'exists') return isBoolean(condition.value) ? undefined : '"exists" neemt true of false.'
  if (target.kind === 'unchecked') return undefined
  const everyValue = (ok: (value: unknown) => boolean) => values.every((value) => isNothing(value) || ok(value))

  if (target.kind === 'id') return everyValue(isWholeNumber) ? undefined : 'Een id is een geheel getal.'
  const { field } = target
  switch (field.type) {
    case 'relationship':
    case 'upload':
      if (Array.isArray(field.relationTo)) return undefined // { relationTo, value } pairs, checked by Payload
      return everyValue(isWholeNumber) ? undefined : 'Verwijs naar een ander document met zijn id, een geheel getal.'
    case 'number':
      return everyValue(isNumber) ? undefined : 'Dit veld bevat een getal; zoek met een getal.'
    case 'checkbox':
      return everyValue(isBoolean) ? undefined : 'Dit veld is waar of onwaar; zoek met true of false.'
    case 'select':
    case 'radio': {
      const allowed = optionValues(field)
      return everyValue((value) => allowed.includes(String(value))) ? undefined : `Kies uit de waarden van dit veld: ${allowed.join(', ')}.`
    }
    case 'richText':
    case 'json':
      return 'Op dit veld kan niet als geheel worden gezocht; alleen met "exists".'
    default:
      return undefined
  }
}

/**
 * The first problem of a `where` query for a collection with these fields: too big, too deeply
 * nested, or a value PostgreSQL could not compare with the field.
 */
export function findWhereProblem(where: Where | undefined, fields: FlattenedField[], limits: WhereLimits = whereLimits): WhereProblem | undefined {
  if (!where || typeof where !== 'object') return undefined
  const conditions = collect(where, limits)
  if (!Array.isArray(conditions)) return conditions
  for (const condition of conditions) {
    const { path } = condition
    if (hasNul(condition.value)) return { path, message: 'Een zoekwaarde mag geen nul-teken (\\0) bevatten.' }
    const values = valuesOf(condition)
    if (listOperators.has(condition.operator) && values.length > limits.maxListValues) {
      return { path, message: `Een lijst in de zoekopdracht mag hooguit ${limits.maxListValues} waarden hebben.` }
    }
    const message = checkValues(resolve(fields, path), condition)
    if (message) return { path, message }
  }
  return undefined
}

/**
 * The field paths a `sort` orders by: one path, a comma-separated list or an array of them,
 * without the `-` for descending and with GraphQL's `__` read as a dot.
 */
export const sortPaths = (sort: unknown): string[] => {
  const entries = Array.isArray(sort) ? sort : typeof sort === 'string' ? sort.split(',') : []
  return entries
    .filter((entry): entry is string => typeof entry === 'string')
    .map((entry) => entry.trim().replace(/^-/, '').replace(/__/g, '.'))
    .filter((path) => path !== '')
}
