import type { AccessResult, CollectionConfig } from 'payload'

import { isEditor, nobody, partnerOrganiser } from '../src/access/roles'
import { label } from '../src/fields/label'
import { activityStatuses } from '../src/fields/options'
import { personal } from '../src/fields/personalData'

/**
 * Every status change of an activity, written by the workflow hook in the same transaction as
 * the change itself. Append-only: no API can create, change or delete an entry.
 */
export const ActivityHistory: CollectionConfig = {
  slug: 'activity-history',
  labels: { singular: label('Statuswijziging', 'Status change'), plural: label('Beoordelingsgeschiedenis', 'Review history') },
  admin: {
    group: label('Campagne', 'Campaign'),
    defaultColumns: ['activityTitle', 'from', 'to', 'by', 'at'],
    useAsTitle: 'activityTitle',
    description: label(
      'Wie wanneer de status van een activiteit wijzigde. Kan niet worden aangepast of verwijderd.',
      'Who changed the status of an activity, and when. Cannot be edited or deleted.',
    ),
  },
  defaultSort: '-at',
  access: {
    read: ({ req }): AccessResult => {
      if (isEditor(req)) return true
      const organiser = partnerOrganiser(req)
      return organiser === undefined ? false : { 'activity.organiser': { equals: organiser } }
    },
    create: nobody,
    update: nobody,
    delete: nobody,
    unlock: nobody,
  },
  fields: [
    // Not required: the history outlives an activity that an editor deletes.
    { name: 'activity', label: label('Activiteit', 'Activity'), type: 'relationship', relationTo: 'activities', index: true },
    { name: 'activityTitle', label: label('Titel van de activiteit', 'Activity title'), type: 'text' },
    { name: 'from', label: label('Van', 'From'), type: 'select', options: activityStatuses },
    { name: 'to', label: label('Naar', 'To'), type: 'select', options: activityStatuses, required: true, index: true },
    { ...personal, name: 'by', label: label('Door', 'By'), type: 'relationship', relationTo: 'users' },
    { name: 'at', label: label('Op', 'At'), type: 'date', required: true, index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { ...personal, name: 'feedback', label: label('Terugkoppeling', 'Feedback'), type: 'textarea' },
    {
      name: 'changeToApproved',
      label: label('Wijziging op een goedgekeurde activiteit', 'Change to an approved activity'),
      type: 'checkbox',
      defaultValue: false,
      admin: { description: label('De goedgekeurde versie bleef openbaar.', 'The approved version stayed public.') },
    },
    {
      name: 'channel',
      label: label('Via', 'Channel'),
      type: 'select',
      defaultValue: 'cms',
      options: [
        { value: 'cms', label: label('CMS of API', 'CMS or API') },
        { value: 'public-form', label: label('Openbaar aanmeldformulier', 'Public submission form') },
      ],
    },
  ],
}
