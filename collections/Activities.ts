import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import {
  createActivities,
  ownOrganiserOrEditor,
  readActivities,
  updateActivities,
} from '../src/access/activities'
import { editorsOnlyField, isEditor, isEditorRequest, nobodyField, partnerOrganiser } from '../src/access/roles'
import { label } from '../src/fields/label'
import { activityFormats, activityStatuses, audiences, locationModes, provinces, themes } from '../src/fields/options'
import { slug } from '../src/fields/slug'
import { calendarEndpoint } from '../src/endpoints/calendar'
import { publicSubmissionEndpoints } from '../src/endpoints/publicSubmission'
import { enforceWorkflow, keepApprovedVersionPublic, recordTransition, refuseEditorOnlyChanges } from '../src/workflow/hooks'
import {
  isDutchPostalCode,
  isWellFormedEmail,
  isWellFormedPhone,
  isWellFormedUrl,
  notBefore,
} from '../src/fields/validators'

type Data = Record<string, unknown> | undefined

const dayAndTime = { date: { pickerAppearance: 'dayAndTime' as const, displayFormat: 'd MMMM yyyy HH:mm' } }

const needsPlace = (mode: unknown) => mode === 'on-site' || mode === 'hybrid'
const needsLink = (mode: unknown) => mode === 'online' || mode === 'hybrid'

/** A partner always submits for its own organisation and as itself. */
const stampSubmitter: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  const organiser = partnerOrganiser(req)
  if (organiser !== undefined) data.organiser = organiser
  if (operation === 'create' && req.user?.collection === 'users') data.submittedBy = req.user.id
  return data
}

export const Activities: CollectionConfig = {
  slug: 'activities',
  labels: { singular: label('Activiteit', 'Activity'), plural: label('Activiteiten', 'Activities') },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'organiser', 'edition', 'startsAt', 'status'],
    group: label('Campagne', 'Campaign'),
    listSearchableFields: ['title', 'summary'],
  },
  endpoints: [calendarEndpoint, ...publicSubmissionEndpoints],
  access: {
    read: readActivities,
    create: createActivities,
    update: updateActivities,
    delete: isEditor,
    readVersions: isEditor,
    unlock: isEditor,
  },
  defaultSort: 'startsAt',
  // Drafts hold a change to an approved activity while the approved version stays public.
  versions: { drafts: { validate: true }, maxPerDoc: 30 },
  hooks: {
    beforeOperation: [refuseEditorOnlyChanges, keepApprovedVersionPublic],
    beforeChange: [stampSubmitter, enforceWorkflow],
    afterChange: [recordTransition],
  },
  fields: [
    { name: 'title', label: label('Titel', 'Title'), type: 'text', required: true, maxLength: 160 },
    slug('activities'),
    {
      type: 'row',
      fields: [
        { name: 'edition', label: label('Editie', 'Edition'), type: 'relationship', relationTo: 'editions', required: true },
        {
          name: 'organiser',
          label: label('Organisatie', 'Organiser'),
          type: 'relationship',
          relationTo: 'organisers',
          required: true,
          access: { update: ({ req }) => isEditorRequest(req) },
        },
      ],
    },
    {
      name: 'summary',
      label: label('Korte samenvatting', 'Summary'),
      type: 'textarea',
      maxLength: 400,
      admin: { description: label('Twee of drie zinnen voor het overzicht op de website.', 'Two or three sentences for listings.') },
    },
    { name: 'description', label: label('Beschrijving', 'Description'), type: 'richText' },
    {
      type: 'row',
      fields: [
        { name: 'format', label: label('Vorm', 'Format'), type: 'select', options: activityFormats, required: true, index: true },
        { name: 'audiences', label: label('Doelgroepen', 'Audiences'), type: 'select', options: audiences, hasMany: true, index: true },
        { name: 'themes', label: label("Thema's", 'Themes'), type: 'select', options: themes, hasMany: true, index: true },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'startsAt', label: label('Begint', 'Starts at'), type: 'date', required: true, index: true, admin: { ...dayAndTime, width: '50%' } },
        {
          name: 'endsAt',
          label: label('Eindigt', 'Ends at'),
          type: 'date',
          admin: { ...dayAndTime, width: '50%' },
          validate: (value: unknown, { siblingData }: { siblingData: Data }) =>
            notBefore(value, siblingData?.startsAt, 'De activiteit kan niet eindigen voordat ze begint: kies een eindtijd na de begintijd.'),
        },
      ],
    },
    {
      name: 'location',
      label: label('Locatie', 'Location'),
      type: 'group',
      fields: [
        { name: 'mode', label: label('Waar', 'Where'), type: 'radio', options: locationModes, required: true, index: true },
        { name: 'venue', label: label('Naam van de locatie', 'Venue'), type: 'text', admin: { condition: (_, s) => needsPlace(s?.mode) } },
        { name: 'address', label: label('Adres', 'Address'), type: 'text', admin: { condition: (_, s) => needsPlace(s?.mode) } },
        {
          type: 'row',
          fields: [
            {
              name: 'postalCode',
              label: label('Postcode', 'Postal code'),
              type: 'text',
              validate: isDutchPostalCode,
              admin: { condition: (_, s) => needsPlace(s?.mode) },
            },
            {
              name: 'city',
              label: label('Plaats', 'City'),
              type: 'text',
              index: true,
              admin: { condition: (_, s) => needsPlace(s?.mode) },
              validate: (value: unknown, { siblingData }: { siblingData: Data }) =>
                needsPlace(siblingData?.mode) && !value ? 'Vul de plaats in voor een activiteit op locatie of hybride.' : true,
            },
            {
              name: 'province',
              label: label('Provincie', 'Province'),
              type: 'select',
              options: provinces,
              index: true,
              admin: { condition: (_, s) => needsPlace(s?.mode) },
              validate: (value: unknown, { siblingData }: { siblingData: Data }) => {
                if (needsPlace(siblingData?.mode) && !value) return 'Kies de provincie voor een activiteit op locatie of hybride.'
                if (value && !provinces.some((p) => p.value === value)) return 'Kies een van de twaalf provincies.'
                return true
              },
            },
          ],
        },
        {
          name: 'onlineUrl',
          label: label('Link naar de online activiteit', 'Online link'),
          type: 'text',
          admin: { condition: (_, s) => needsLink(s?.mode) },
          validate: (value: unknown, { siblingData }: { siblingData: Data }) =>
            needsLink(siblingData?.mode) && !value
              ? 'Vul de link in voor een online of hybride activiteit.'
              : isWellFormedUrl(value),
        },
      ],
    },
    {
      name: 'registration',
      label: label('Aanmelden voor deelnemers', 'Registration'),
      type: 'group',
      fields: [
        { name: 'url', label: label('Link om aan te melden', 'Registration link'), type: 'text', validate: isWellFormedUrl },
        { name: 'isFree', label: label('Gratis', 'Free'), type: 'checkbox', defaultValue: true, index: true },
        {
          name: 'costNote',
          label: label('Kosten', 'Cost'),
          type: 'text',
          maxLength: 200,
          admin: { condition: (_, s) => !s?.isFree },
        },
      ],
    },
    {
      name: 'contact',
      label: label('Contactpersoon (niet openbaar)', 'Contact (never public)'),
      type: 'group',
      access: { read: ownOrganiserOrEditor },
      admin: {
        description: label(
          'Alleen voor de redactie, voor vragen over deze aanmelding. Wordt nooit gepubliceerd.',
          'For the editors only. Never published.',
        ),
      },
      fields: [
        { name: 'name', label: label('Naam', 'Name'), type: 'text', required: true, maxLength: 120 },
        { name: 'email', label: label('E-mail', 'E-mail'), type: 'text', required: true, validate: (v: unknown) => (v ? isWellFormedEmail(v) : 'Vul het e-mailadres van de contactpersoon in.') },
        { name: 'phone', label: label('Telefoon', 'Phone'), type: 'text', validate: isWellFormedPhone },
      ],
    },
    {
      name: 'status',
      label: label('Status', 'Status'),
      type: 'select',
      options: activityStatuses,
      // Payload names the enum of its own `_status` (drafts) `enum_activities_status` too.
      enumName: 'enum_activities_review_status',
      defaultValue: 'draft',
      required: true,
      index: true,
      admin: {
        position: 'sidebar',
        description: label(
          'Wijzigt volgens de beoordelingsstappen; wat niet mag, wordt geweigerd.',
          'Changes along the review workflow; anything else is refused.',
        ),
      },
    },
    {
      name: 'review',
      label: label('Beoordeling', 'Review'),
      type: 'group',
      access: { read: ownOrganiserOrEditor, create: editorsOnlyField, update: editorsOnlyField },
      admin: { position: 'sidebar' },
      fields: [
        {
          name: 'feedback',
          label: label('Terugkoppeling aan de indiener', 'Feedback to the submitter'),
          type: 'textarea',
          maxLength: 4000,
        },
        {
          name: 'internalNotes',
          label: label('Interne notities (alleen redactie)', 'Internal notes (editors only)'),
          type: 'textarea',
          access: { read: editorsOnlyField, create: editorsOnlyField, update: editorsOnlyField },
        },
      ],
    },
    {
      name: 'publicSubmission',
      label: label('Openbaar aanmeldformulier', 'Public submission form'),
      type: 'group',
      access: { read: editorsOnlyField, create: nobodyField, update: nobodyField },
      admin: {
        position: 'sidebar',
        condition: (data) => Boolean(data?.publicSubmission?.expiresAt),
        description: label(
          'Aangemeld zonder account; telt pas mee na bevestiging via de e-mail aan de contactpersoon.',
          'Submitted without an account; counts once the contact confirmed by e-mail.',
        ),
      },
      fields: [
        { name: 'ipHash', type: 'text', index: true, admin: { hidden: true } },
        { name: 'expiresAt', label: label('Bevestigen vóór', 'Confirm before'), type: 'date', index: true, admin: { readOnly: true } },
        { name: 'confirmedAt', label: label('Bevestigd op', 'Confirmed at'), type: 'date', admin: { readOnly: true } },
      ],
    },
    {
      name: 'submittedBy',
      label: label('Ingediend door', 'Submitted by'),
      type: 'relationship',
      relationTo: 'users',
      access: { read: ownOrganiserOrEditor, create: nobodyField, update: nobodyField },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'submittedAt',
      label: label('Ingediend op', 'Submitted at'),
      type: 'date',
      index: true,
      access: { create: nobodyField, update: nobodyField },
      admin: { position: 'sidebar', readOnly: true, ...dayAndTime },
    },
  ],
}
