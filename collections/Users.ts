import type { AccessResult, CollectionAfterMeHook, CollectionBeforeValidateHook, CollectionConfig, FieldAccess } from 'payload'

import { isAdmin, isEditor, roleOf } from '../src/access/roles'
import { settings } from '../src/env'
import { label } from '../src/fields/label'
import { auditRoleChanges } from '../src/hooks/auditRoleChanges'
import { guardAccountRoles } from '../src/hooks/guardAccountRoles'
import { requireTextCredentials } from '../src/hooks/requireTextCredentials'
import { equalLoginTime } from '../src/hooks/sameLoginAnswer'
import { userRoles } from '../src/fields/options'
import { personal } from '../src/fields/personalData'

/** The very first account (the admin's create-first-user screen) is always an administrator. */
const firstUserIsAdmin: CollectionBeforeValidateHook = async ({ data, operation, req }) => {
  if (operation !== 'create' || !data) return data
  const { totalDocs } = await req.payload.count({ collection: 'users', overrideAccess: true, req })
  if (totalDocs === 0) data.role = 'admin'
  return data
}

/** `me` answers with the user of the request, which still carries its sessions: leave them out. */
const withoutSessions: CollectionAfterMeHook = ({ response }) => {
  const user = (response as { user?: { sessions?: unknown } } | undefined)?.user
  if (user) delete user.sessions
  return response
}

/** Editors manage partner and editor accounts; only administrators hand out the admin role. */
const canSetRole: FieldAccess = ({ req, data, doc }) => {
  if (isAdmin(req)) return true
  if (roleOf(req) !== 'editor') return false
  const target = (data?.role ?? doc?.role) as string | undefined
  return target !== 'admin' && doc?.id !== req.user?.id
}

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: label('Account', 'Account'), plural: label('Accounts', 'Accounts') },
  auth: {
    maxLoginAttempts: 5,
    lockTime: 15 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
    cookies: { secure: settings().production, sameSite: 'Lax' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'role', 'organiser'],
    group: label('Beheer', 'Administration'),
  },
  access: {
    admin: ({ req }) => Boolean(roleOf(req)),
    read: ({ req }): AccessResult => {
      if (isEditor(req)) return true
      return req.user ? { id: { equals: req.user.id } } : false
    },
    create: isEditor,
    update: ({ req }): AccessResult => {
      if (isAdmin(req)) return true
      if (roleOf(req) === 'editor') return { role: { not_equals: 'admin' } }
      return req.user ? { id: { equals: req.user.id } } : false
    },
    delete: ({ req }) => isAdmin(req),
    unlock: isEditor,
  },
  hooks: {
    beforeOperation: [requireTextCredentials, guardAccountRoles, equalLoginTime],
    beforeValidate: [firstUserIsAdmin],
    afterChange: [auditRoleChanges],
    afterMe: [withoutSessions],
  },
  fields: [
    // Payload's own sessions field, which it reads itself with access control off: no API
    // answer shows session ids, not even to the account they belong to.
    { name: 'sessions', type: 'array', access: { read: () => false, update: () => false }, fields: [] },
    {
      ...personal,
      name: 'name',
      label: label('Naam', 'Name'),
      type: 'text',
      required: true,
      maxLength: 120,
    },
    {
      name: 'role',
      label: label('Rol', 'Role'),
      type: 'select',
      required: true,
      options: userRoles,
      index: true,
      saveToJWT: true,
      access: { create: canSetRole, update: canSetRole },
      admin: {
        position: 'sidebar',
        description: label(
          'Partners zien en beheren alleen activiteiten van hun eigen organisatie.',
          'Partners only see and manage activities of their own organisation.',
        ),
      },
    },
    {
      name: 'organiser',
      label: label('Organisatie', 'Organisation'),
      type: 'relationship',
      relationTo: 'organisers',
      saveToJWT: true,
      access: { update: isEditor, create: isEditor },
      admin: {
        position: 'sidebar',
        condition: (data) => data?.role === 'partner',
      },
      validate: (value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) =>
        siblingData?.role === 'partner' && !value ? 'Een partneraccount hoort bij een organisatie: kies de organisatie van deze partner.' : true,
    },
  ],
}
