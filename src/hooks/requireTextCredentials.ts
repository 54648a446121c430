import type { CollectionBeforeOperationHook } from 'payload'
import { ValidationError } from 'payload'

const messages = {
  email: 'Vul het e-mailadres in als tekst, zoals naam@organisatie.nl.',
  password: 'Vul het wachtwoord in als tekst.',
} as const

/**
 * Payload's own e-mail field lower-cases its value before it validates it, so a number or a list
 * as e-mail address answers a 500 (on create, update, login and the password routes alike).
 * Refuse anything but text for the e-mail address and password first, naming the field.
 */
export const requireTextCredentials: CollectionBeforeOperationHook = ({ args, collection }) => {
  const data = (args as { data?: Record<string, unknown> }).data
  if (!data || typeof data !== 'object') return args
  const errors = (Object.keys(messages) as (keyof typeof messages)[])
    .filter((field) => data[field] !== undefined && data[field] !== null && typeof data[field] !== 'string')
    .map((path) => ({ path, message: messages[path] }))
  if (errors.length) throw new ValidationError({ collection: collection.slug, errors })
  return args
}
