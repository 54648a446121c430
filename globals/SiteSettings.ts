import type { GlobalConfig } from 'payload'

import { anyone, isEditor } from '../src/access/roles'
import { label } from '../src/fields/label'
import { isWellFormedEmail, isWellFormedPhone, isWellFormedUrl } from '../src/fields/validators'
import { announceSiteSettings } from '../src/webhooks/hooks'
import { personal } from '../src/fields/personalData'

/** The national help lines, shown on every campaign page; also written by the first migration. */
export const defaultHelpLines = [
  {
    name: 'Veilig Thuis',
    phone: '0800-2000',
    availability: 'Gratis, 24 uur per dag en 7 dagen per week bereikbaar',
    url: 'https://www.veiligthuis.nl',
  },
  {
    name: 'Kindertelefoon',
    phone: '0800-0432',
    availability: 'Gratis, dagelijks van 11:00 tot 21:00 uur',
    url: 'https://www.kindertelefoon.nl',
  },
]

export const SiteSettings: GlobalConfig = {
  slug: 'site-settings',
  label: label('Website-instellingen', 'Site settings'),
  admin: { group: label('Beheer', 'Administration') },
  access: { read: anyone, update: isEditor, readVersions: isEditor },
  hooks: { afterChange: [announceSiteSettings] },
  fields: [
    {
      name: 'currentEdition',
      label: label('Huidige editie', 'Current edition'),
      type: 'relationship',
      relationTo: 'editions',
      admin: { description: label('De editie die de campagnewebsite nu toont.', 'The edition the campaign website shows now.') },
    },
    {
      name: 'helpLines',
      label: label('Hulplijnen', 'Help lines'),
      type: 'array',
      labels: { singular: label('Hulplijn', 'Help line'), plural: label('Hulplijnen', 'Help lines') },
      defaultValue: defaultHelpLines,
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'name', label: label('Naam', 'Name'), type: 'text', required: true },
            { name: 'phone', label: label('Telefoonnummer', 'Phone'), type: 'text', required: true, validate: isWellFormedPhone },
          ],
        },
        { name: 'availability', label: label('Bereikbaarheid', 'Availability'), type: 'text', localized: true },
        { name: 'url', label: label('Website', 'Website'), type: 'text', validate: isWellFormedUrl },
      ],
    },
    {
      name: 'meldcodeUrl',
      label: label('Link naar de meldcode', 'Reporting code link'),
      type: 'text',
      defaultValue: 'https://www.rijksoverheid.nl/onderwerpen/huiselijk-geweld/meldcode',
      validate: isWellFormedUrl,
    },
    {
      ...personal,
      name: 'reviewInbox',
      label: label('E-mailadres voor nieuwe aanmeldingen', 'Review inbox'),
      type: 'text',
      access: { read: isEditor },
      validate: isWellFormedEmail,
      admin: {
        description: label(
          'Hier komt een bericht binnen zodra een partner een activiteit indient. Niet openbaar.',
          'New submissions are announced here. Not public.',
        ),
      },
    },
  ],
}
