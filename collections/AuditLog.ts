import type { CollectionConfig } from 'payload'

import { isAdmin, nobody } from '../src/access/roles'
import { label } from '../src/fields/label'
import { auditActions } from '../src/privacy/audit'
import { personal } from '../src/fields/personalData'

/**
 * What was done with personal data, and by whom: exports of activities, privacy requests,
 * retention runs, withdrawn consent and role changes. Written by the CMS in the transaction of
 * the action itself (src/privacy/audit.ts); no API writes, changes or deletes an entry. An
 * e-mail address is kept masked only: the log must not undo an erasure.
 */
export const AuditLog: CollectionConfig = {
  slug: 'audit-log',
  labels: { singular: label('Auditregel', 'Audit entry'), plural: label('Auditlog', 'Audit log') },
  admin: {
    useAsTitle: 'summary',
    defaultColumns: ['at', 'action', 'summary', 'by'],
    group: label('Beheer', 'Administration'),
    description: label(
      'Wie wanneer persoonsgegevens exporteerde, opvroeg of wiste, wie toestemming introk en wie rollen wijzigde. Kan niet worden aangepast of verwijderd.',
      'Who exported, looked up or erased personal data, withdrew consent or changed roles, and when. Cannot be edited or deleted.',
    ),
  },
  defaultSort: '-at',
  // Nobody edits an entry, so there is nothing to lock.
  lockDocuments: false,
  access: { read: isAdmin, create: nobody, update: nobody, delete: nobody, readVersions: nobody, unlock: nobody },
  fields: [
    { name: 'action', label: label('Handeling', 'Action'), type: 'select', options: auditActions, required: true, index: true },
    { name: 'at', label: label('Op', 'At'), type: 'date', required: true, index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    // Not required: a scheduled retention run has nobody behind it, and the log outlives a deleted account.
    { ...personal, name: 'by', label: label('Door', 'By'), type: 'relationship', relationTo: 'users', index: true },
    {
      name: 'summary',
      label: label('Omschrijving', 'Summary'),
      type: 'text',
      admin: { description: label('Een e-mailadres staat hier alleen gemaskeerd.', 'An e-mail address only appears masked.') },
    },
    { ...personal, name: 'details', label: label('Gegevens', 'Details'), type: 'json' },
  ],
}
