import type { Condition } from 'payload'

/**
 * Admin conditions that shape the form for the person looking at it. They only decide what the
 * admin shows: access rules and hooks decide what may be read and written.
 */
const roleOf = (user: unknown) => (user as { role?: string } | null | undefined)?.role

export const isPartnerUser = (user: unknown) => roleOf(user) === 'partner'
export const isEditorUser = (user: unknown) => roleOf(user) === 'admin' || roleOf(user) === 'editor'

/** Shown to editors and administrators, not to partners. */
export const forEditors: Condition = (_data, _siblingData, { user }) => !isPartnerUser(user)
