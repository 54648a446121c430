import type { CollectionConfig, PayloadRequest } from 'payload'

import { publicContent } from '../src/access/roles'
import { currentEditionEndpoint } from '../src/endpoints/currentEdition'
import { label } from '../src/fields/label'
import { editionRoles } from '../src/fields/options'
import { slug } from '../src/fields/slug'
import { isWellFormedUrl, notBefore } from '../src/fields/validators'
import { preventDeleteWhileReferenced } from '../src/hooks/preventDeleteWhileReferenced'
import { announceChanges } from '../src/webhooks/hooks'

const dayOnly = { date: { pickerAppearance: 'dayOnly' as const, displayFormat: 'd MMMM yyyy' } }
const dayAndTime = { date: { pickerAppearance: 'dayAndTime' as const, displayFormat: 'd MMMM yyyy HH:mm' } }

type Data = Record<string, unknown> | undefined

export const Editions: CollectionConfig = {
  slug: 'editions',
  labels: { singular: label('Editie', 'Edition'), plural: label('Edities', 'Editions') },
  admin: {
    useAsTitle: 'theme',
    defaultColumns: ['year', 'number', 'theme', 'startDate', 'endDate'],
    group: label('Campagne', 'Campaign'),
  },
  access: publicContent,
  endpoints: [currentEditionEndpoint],
  defaultSort: '-year',
  defaultPopulate: { year: true, number: true, theme: true, slug: true, startDate: true, endDate: true },
  hooks: {
    beforeDelete: [preventDeleteWhileReferenced('editie', [{ collection: 'activities', field: 'edition', what: 'activiteit(en)' }])],
    ...announceChanges('editions', 'edition.updated', 'edition.updated'),
  },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'year',
          label: label('Jaar', 'Year'),
          type: 'number',
          required: true,
          unique: true,
          min: 2000,
          max: 2100,
          admin: { width: '33%' },
          validate: async (value: unknown, { req, id, data }: { req: PayloadRequest; id?: number | string; data: Data }) => {
            if (typeof value !== 'number' || !Number.isInteger(value) || value < 2000 || value > 2100) {
              return 'Vul een jaartal in tussen 2000 en 2100.'
            }
            if (data?.startDate && new Date(data.startDate as string).getUTCFullYear() !== value) {
              return `Het jaar (${value}) moet gelijk zijn aan het jaar van de begindatum.`
            }
            const { totalDocs } = await req.payload.count({
              collection: 'editions',
              where: { and: [{ year: { equals: value } }, ...(id ? [{ id: { not_equals: id } }] : [])] },
              overrideAccess: true,
              req,
            })
            return totalDocs === 0 ? true : `Er bestaat al een editie voor ${value}.`
          },
        },
        {
          name: 'number',
          label: label('Editienummer', 'Edition number'),
          type: 'number',
          min: 1,
          admin: { width: '33%', description: label('De hoeveelste week: 10 voor 2022.', 'Ordinal: 10 for 2022.') },
        },
      ],
    },
    {
      name: 'theme',
      label: label('Thema', 'Theme'),
      type: 'text',
      required: true,
      localized: true,
      maxLength: 200,
    },
    slug('editions', 'year'),
    {
      type: 'row',
      fields: [
        {
          name: 'startDate',
          label: label('Begindatum', 'Start date'),
          type: 'date',
          required: true,
          index: true,
          admin: { ...dayOnly, width: '50%' },
        },
        {
          name: 'endDate',
          label: label('Einddatum', 'End date'),
          type: 'date',
          required: true,
          admin: { ...dayOnly, width: '50%' },
          validate: (value: unknown, { siblingData }: { siblingData: Data }) =>
            value
              ? notBefore(value, siblingData?.startDate, 'De einddatum ligt voor de begindatum: kies een einddatum op of na de begindatum.')
              : 'Vul de einddatum in.',
        },
      ],
    },
    {
      name: 'description',
      label: label('Beschrijving', 'Description'),
      type: 'richText',
      localized: true,
    },
    {
      name: 'hashtags',
      label: label('Hashtags', 'Hashtags'),
      type: 'text',
      hasMany: true,
      maxRows: 10,
      admin: { description: label('Zonder #, zoals WeekTegenKindermishandeling.', 'Without #.') },
    },
    {
      name: 'keyFigures',
      label: label('Kerncijfers', 'Key figures'),
      type: 'array',
      labels: { singular: label('Kerncijfer', 'Key figure'), plural: label('Kerncijfers', 'Key figures') },
      fields: [
        { name: 'value', label: label('Waarde', 'Value'), type: 'text', required: true, maxLength: 60 },
        { name: 'label', label: label('Omschrijving', 'Label'), type: 'text', required: true, localized: true },
        { name: 'source', label: label('Bron', 'Source'), type: 'text' },
        { name: 'sourceUrl', label: label('Link naar de bron', 'Source link'), type: 'text', validate: isWellFormedUrl },
      ],
    },
    {
      name: 'organisers',
      label: label('Organisatoren en partners', 'Organisers and partners'),
      type: 'array',
      labels: { singular: label('Organisator', 'Organiser'), plural: label('Organisatoren', 'Organisers') },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'organiser', label: label('Organisatie', 'Organisation'), type: 'relationship', relationTo: 'organisers', required: true },
            { name: 'role', label: label('Rol', 'Role'), type: 'select', options: editionRoles, required: true },
          ],
        },
      ],
    },
    {
      name: 'submissions',
      label: label('Aanmelden van activiteiten', 'Activity submissions'),
      type: 'group',
      admin: {
        description: label(
          'Partners kunnen activiteiten aanmelden tussen opening en sluiting. Goedgekeurde activiteiten zijn openbaar vanaf de publicatiedatum.',
          'Partners can submit between opening and closing. Approved activities are public from the listing date.',
        ),
      },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'opensAt', label: label('Aanmelden opent', 'Opens at'), type: 'date', admin: { ...dayAndTime, width: '33%' } },
            {
              name: 'closesAt',
              label: label('Aanmelden sluit', 'Closes at'),
              type: 'date',
              admin: { ...dayAndTime, width: '33%' },
              validate: (value: unknown, { siblingData }: { siblingData: Data }) =>
                notBefore(value, siblingData?.opensAt, 'Het aanmelden kan niet sluiten voordat het opent.'),
            },
            {
              name: 'listedFrom',
              label: label('Openbaar vanaf', 'Listed from'),
              type: 'date',
              index: true,
              admin: { ...dayAndTime, width: '33%' },
            },
          ],
        },
        {
          name: 'guidelines',
          label: label('Richtlijnen voor partners', 'Guidelines for partners'),
          type: 'textarea',
          localized: true,
        },
      ],
    },
    {
      name: 'kickOff',
      label: label('Aftrap', 'Kick-off'),
      type: 'group',
      fields: [
        { name: 'title', label: label('Titel', 'Title'), type: 'text', localized: true },
        { name: 'startsAt', label: label('Datum en tijd', 'Date and time'), type: 'date', admin: dayAndTime },
        { name: 'location', label: label('Plaats', 'Location'), type: 'text' },
        { name: 'url', label: label('Link', 'Link'), type: 'text', validate: isWellFormedUrl },
      ],
    },
    { name: 'heroImage', label: label('Beeld', 'Hero image'), type: 'upload', relationTo: 'media' },
  ],
}
