import type { TextFieldSingleValidation } from 'payload'
import { text } from 'payload/shared'

/**
 * Checks shared by several collections. Each returns `true` or a message a person understands;
 * Payload turns the message into a 400 that names the field.
 */

export const isWellFormedUrl = (value: unknown): true | string => {
  if (value === undefined || value === null || value === '') return true
  try {
    const url = new URL(String(value))
    if (url.protocol === 'https:' || url.protocol === 'http:') return true
  } catch {
    // fall through to the message
  }
  return 'Vul een volledig webadres in dat begint met https:// (bijvoorbeeld https://www.voorbeeld.nl).'
}

// Deliberately simple: one @, no spaces, a dot in the domain. The mail server has the last word.
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/

export const isWellFormedEmail = (value: unknown): true | string => {
  if (value === undefined || value === null || value === '') return true
  return emailPattern.test(String(value)) ? true : 'Vul een geldig e-mailadres in, zoals naam@organisatie.nl.'
}

export const isWellFormedPhone = (value: unknown): true | string => {
  if (value === undefined || value === null || value === '') return true
  const digits = String(value).replace(/[\s\-().]/g, '')
  return /^\+?\d{8,15}$/.test(digits) ? true : 'Vul een telefoonnummer in met 8 tot 15 cijfers, zoals 030-1234567 of +31 30 123 4567.'
}

export const isDutchPostalCode = (value: unknown): true | string => {
  if (value === undefined || value === null || value === '') return true
  return /^[1-9]\d{3}\s?[A-Za-z]{2}$/.test(String(value).trim()) ? true : 'Vul een Nederlandse postcode in, zoals 3511 AB.'
}

const time = (value: unknown): number | undefined => {
  if (value === undefined || value === null || value === '') return undefined
  const t = new Date(value as string).getTime()
  return Number.isNaN(t) ? undefined : t
}

/** The end of a period may not lie before its start. */
export const notBefore = (value: unknown, start: unknown, message: string): true | string => {
  const end = time(value)
  const begin = time(start)
  if (end === undefined || begin === undefined) return true
  return end >= begin ? true : message
}

/**
 * The alt text of an image, where `needed` says the document is one: more than spaces, in every
 * locale that is written, through every operation (Payload's `required` lets spaces through).
 * Payload's own text checks (length) follow.
 */
export const altText =
  (needed: (data: Record<string, unknown>) => boolean): TextFieldSingleValidation =>
  (value, args) => {
    if (needed((args.data ?? {}) as Record<string, unknown>) && !(typeof value === 'string' && value.trim())) {
      return 'Geef afbeeldingen een alternatieve tekst die beschrijft wat er te zien is.'
    }
    return text(value, args)
  }
