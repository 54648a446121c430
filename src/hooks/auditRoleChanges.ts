import type { CollectionAfterChangeHook } from 'payload'

import { writeAudit } from '../privacy/audit'

/** Every account created with a role, and every change of an account's role, in the audit log (by account id, not address). */
export const auditRoleChanges: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  const from = operation === 'update' ? ((previousDoc?.role as string | undefined) ?? null) : null
  const to = (doc.role as string | undefined) ?? null
  if (from === to || (operation !== 'create' && operation !== 'update')) return doc
  await writeAudit(req, {
    action: 'role-change',
    summary: `Account ${doc.id}: ${from ?? 'nieuw'} → ${to ?? 'geen rol'}`,
    details: { account: doc.id, from, to, created: operation === 'create' },
  })
  return doc
}
