import type { PayloadRequest } from 'payload'

import { idOf } from '../access/roles'
import { option } from '../fields/label'

const actionLabels = {
  export: ['Export van activiteiten', 'Export of activities'],
  lookup: ['Inzageverzoek', 'Lookup request'],
  erasure: ['Verwijderverzoek', 'Erasure request'],
  retention: ['Bewaartermijnen toegepast', 'Retention run'],
  'consent-withdrawn': ['Toestemming ingetrokken', 'Consent withdrawn'],
  'role-change': ['Rol gewijzigd', 'Role changed'],
} as const satisfies Record<string, readonly [string, string]>

export type AuditAction = keyof typeof actionLabels

export const auditActions = (Object.keys(actionLabels) as AuditAction[]).map((value) => option(value, actionLabels[value][0], actionLabels[value][1]))

/**
 * `s***@s***.nl`: enough for an administrator to recognise a request, not enough to read the
 * address back after it was erased.
 */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.trim().toLowerCase().split('@')
  const dot = domain.lastIndexOf('.')
  const host = dot > 0 ? domain.slice(0, dot) : domain
  const tld = dot > 0 ? domain.slice(dot) : ''
  return `${local.slice(0, 1)}***@${host.slice(0, 1)}***${tld}`
}

const addressInText = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu

/**
 * Every e-mail address in a value masked, however deep: an export's filter or file name, or any
 * other detail an action records, may hold one (`where[contact.email][equals]=…`).
 */
export function maskAddresses<T>(value: T): T {
  if (typeof value === 'string') return value.replace(addressInText, (address) => maskEmail(address)) as T
  if (Array.isArray(value)) return value.map(maskAddresses) as T
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [maskAddresses(key), maskAddresses(inner)])) as T
  }
  return value
}

/** One entry, written in the transaction of `req`: it exists exactly when the action did. No e-mail address is kept in clear. */
export async function writeAudit(req: PayloadRequest, entry: { action: AuditAction; summary: string; details?: Record<string, unknown> }): Promise<void> {
  const by = req.user && req.user.collection === 'users' ? idOf(req.user) : undefined
  await req.payload.create({
    collection: 'audit-log',
    data: {
      action: entry.action,
      at: new Date().toISOString(),
      by: by as number | undefined,
      summary: maskAddresses(entry.summary),
      details: maskAddresses(entry.details ?? {}),
    },
    depth: 0,
    overrideAccess: true,
    req,
  })
}
