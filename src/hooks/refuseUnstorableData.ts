import type { CollectionBeforeOperationHook, FlattenedField } from 'payload'
import { ValidationError } from 'payload'

import { hasNul, optionValues } from '../query/where'

type Problem = { path: string; message: string }

const nulMessage = 'Tekst mag geen nul-teken (\\0) bevatten.'

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value)

const eachOf = (value: unknown, hasMany: boolean | undefined): unknown[] => (hasMany && Array.isArray(value) ? value : [value])
const isNumber = (value: unknown) => typeof value === 'number' && Number.isFinite(value)
const isId = (value: unknown) => Number.isSafeInteger(value) || (typeof value === 'string' && /^\d{1,15}$/.test(value))
/** An id, or a populated document carrying one (the admin sends those back). */
const isReference = (value: unknown) => isId(value) || (isObject(value) && isId(value.id))

/** Localized fields may come as `{ nl: ..., en: ... }` from `locale=all`; check each value. */
const eachValue = (value: unknown, localized: boolean | undefined): unknown[] => (localized && isObject(value) ? Object.values(value) : [value])

function checkField(field: FlattenedField, value: unknown, path: string, problems: Problem[]): void {
  if (value === undefined) return
  // Payload's own code reads into a group or array that is null.
  const isStructure = field.type === 'group' || field.type === 'tab' || field.type === 'array'
  if (value === null && !isStructure) return
  switch (field.type) {
    case 'group':
    case 'tab':
      if (!isObject(value)) problems.push({ path, message: 'Dit veld is een groep velden: stuur een object.' })
      else walk(field.flattenedFields, value, `${path}.`, problems)
      return
    case 'array':
      if (!Array.isArray(value)) problems.push({ path, message: 'Dit veld is een lijst: stuur een array (een lege, [], om haar te wissen).' })
      else value.forEach((row, index) => isObject(row) && walk(field.flattenedFields, row, `${path}.${index}.`, problems))
      return
    case 'select':
    case 'radio': {
      const allowed = optionValues(field)
      const values = Array.isArray(value) ? value : [value]
      if (values.some((item) => item !== null && !allowed.includes(item as string))) {
        problems.push({ path, message: `Kies uit: ${allowed.join(', ')}.` })
      }
      return
    }
    case 'date':
      if (Number.isNaN(new Date(value as string).getTime()) || typeof value === 'object' || typeof value === 'boolean') {
        problems.push({ path, message: 'Vul een datum in, zoals 2026-11-16 of 2026-11-16T19:30:00.000Z.' })
      }
      return
    case 'number':
      if (!eachOf(value, field.hasMany).every(isNumber)) problems.push({ path, message: 'Vul een getal in.' })
      return
    case 'checkbox':
      if (typeof value !== 'boolean') problems.push({ path, message: 'Vul true of false in.' })
      return
    case 'relationship':
    case 'upload':
      if (typeof field.relationTo === 'string' && !eachOf(value, field.hasMany).every(isReference)) {
        problems.push({ path, message: 'Verwijs naar een document met zijn id, een geheel getal.' })
      }
      return
    case 'text':
    case 'textarea':
      // (Account e-mail addresses have their own message: src/hooks/requireTextCredentials.ts.)
      // Payload would store `{}` as the text "{}" and `true` as "true".
      if (!eachOf(value, 'hasMany' in field ? field.hasMany : undefined).every((item) => typeof item === 'string')) {
        problems.push({ path, message: 'Vul tekst in.' })
      } else if (hasNul(value)) problems.push({ path, message: nulMessage })
      return
    case 'richText':
    case 'json':
      if (hasNul(value)) problems.push({ path, message: nulMessage })
      return
    default:
      if (hasNul(value)) problems.push({ path, message: nulMessage })
  }
}

function walk(fields: FlattenedField[], data: Record<string, unknown>, prefix: string, problems: Problem[]): void {
  for (const field of fields) {
    if (!(field.name in data)) continue
    for (const value of eachValue(data[field.name], 'localized' in field ? field.localized : undefined)) {
      checkField(field, value, `${prefix}${field.name}`, problems)
    }
  }
}

/**
 * Payload validates a published save, but not a draft, does not check every type (a list for a
 * date, `-1.5` for a relationship), and some of its own field hooks run before validation: such
 * values, a NUL character in any text, or `null` for a group reach PostgreSQL or crash with a
 * 500. Refuse them first, naming the field, for every save over every API. Whether a value is
 * allowed (required, ranges, options of published documents) stays with Payload's validation.
 */
export const refuseUnstorableData: CollectionBeforeOperationHook = ({ args, collection, operation }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const data = (args as { data?: unknown }).data
  if (!isObject(data)) return args
  const problems: Problem[] = []
  walk(collection.flattenedFields, data, '', problems)
  if (problems.length) throw new ValidationError({ collection: collection.slug, errors: problems })
  return args
}
