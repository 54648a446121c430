import type { AccessResult, CollectionConfig, Where } from 'payload'

import { isEditor, partnerOrganiser, publicContent } from '../src/access/roles'
import { label } from '../src/fields/label'
import { organiserKinds } from '../src/fields/options'
import { slug } from '../src/fields/slug'
import { isWellFormedUrl } from '../src/fields/validators'
import { preventDeleteWhileReferenced } from '../src/hooks/preventDeleteWhileReferenced'

export const Organisers: CollectionConfig = {
  slug: 'organisers',
  labels: { singular: label('Organisatie', 'Organisation'), plural: label('Organisaties', 'Organisations') },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'shortName', 'kind', 'website'],
    group: label('Campagne', 'Campaign'),
  },
  access: {
    ...publicContent,
    // Organisations named on the public form stay hidden until an editor approves their activity.
    read: ({ req }): AccessResult => {
      if (isEditor(req)) return true
      const own = partnerOrganiser(req)
      const listed: Where = { listed: { not_equals: false } }
      return own === undefined ? listed : { or: [listed, { id: { equals: own } }] }
    },
  },
  defaultPopulate: { name: true, shortName: true, slug: true, logo: true },
  hooks: {
    beforeDelete: [
      preventDeleteWhileReferenced('organisatie', [
        { collection: 'activities', field: 'organiser', what: 'activiteit(en)' },
        { collection: 'users', field: 'organiser', what: 'partneraccount(s)' },
      ]),
    ],
  },
  fields: [
    { name: 'name', label: label('Naam', 'Name'), type: 'text', required: true, index: true, maxLength: 200 },
    {
      name: 'shortName',
      label: label('Afkorting', 'Short name'),
      type: 'text',
      maxLength: 40,
      admin: { description: label('Zoals VWS, NJi of CCV.', 'Such as VWS, NJi or CCV.') },
    },
    slug('organisers', 'name'),
    { name: 'kind', label: label('Soort organisatie', 'Kind'), type: 'select', options: organiserKinds, index: true },
    { name: 'website', label: label('Website', 'Website'), type: 'text', validate: isWellFormedUrl },
    { name: 'logo', label: label('Logo', 'Logo'), type: 'upload', relationTo: 'media' },
    {
      name: 'listed',
      label: label('Openbaar', 'Listed'),
      type: 'checkbox',
      defaultValue: true,
      index: true,
      access: { update: isEditor },
      admin: {
        position: 'sidebar',
        description: label(
          'Uit voor organisaties die via het openbare formulier zijn aangemeld, tot hun activiteit is goedgekeurd.',
          'Off for organisations named on the public form, until their activity is approved.',
        ),
      },
    },
    {
      name: 'description',
      label: label('Omschrijving', 'Description'),
      type: 'textarea',
      localized: true,
      maxLength: 2000,
    },
  ],
}
