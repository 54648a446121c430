import type { CollectionConfig, Field, TextFieldSingleValidation } from 'payload'
import { text } from 'payload/shared'

import { createActivities, ownOrganiserOrEditor, readActivities, updateActivities } from '../src/access/activities'
import { isEditor, nobody, partnerOrganiser } from '../src/access/roles'
import { forEditors } from '../src/admin/visibility'
import { label } from '../src/fields/label'
import { activityFormats, activityStatuses, audiences, locationModes, provinces, themes } from '../src/fields/options'
import { slug } from '../src/fields/slug'
import { calendarEndpoint } from '../src/endpoints/calendar'
import { publicSubmissionEndpoints } from '../src/endpoints/publicSubmission'
import { applyActivityPlan, planActivityWrites, recordActivityPlan, refuseWritesPastTheWorkflow } from '../src/workflow/hooks'
import { visibilityHooks } from '../src/webhooks/hooks'
import { isDutchPostalCode, isWellFormedEmail, isWellFormedPhone, isWellFormedUrl, notBefore } from '../src/fields/validators'
import { personal } from '../src/fields/personalData'

type Data = Record<string, unknown> | undefined

const dayAndTime = { date: { pickerAppearance: 'dayAndTime' as const, displayFormat: 'd MMMM yyyy HH:mm' } }

const activitySlug = slug('activities')

/** A contact's name, which may be empty once the contact details were erased (src/privacy/). */
const erasableName: TextFieldSingleValidation = (value, options) => (!value && (options.siblingData as Data)?.erasedAt ? true : text(value, options))

const needsPlace = (mode: unknown) => mode === 'on-site' || mode === 'hybrid'
const needsLink = (mode: unknown) => mode === 'online' || mode === 'hybrid'

export const Activities: CollectionConfig = {
  slug: 'activities',
  labels: { singular: label('Activiteit', 'Activity'), plural: label('Activiteiten', 'Activities') },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'status', 'edition', 'organiser', 'startsAt', 'format', 'location.province', 'submittedAt'],
    group: label('Campagne', 'Campaign'),
    listSearchableFields: ['title', 'summary', 'location.city'],
    pagination: { defaultLimit: 50, limits: [25, 50, 100, 200] },
    // Partners see their own organisation's activities in the admin, not the public ones of others.
    baseFilter: ({ req }) => {
      const organiser = partnerOrganiser(req)
      return organiser === undefined ? null : { organiser: { equals: organiser } }
    },
    components: {
      beforeListTable: ['/components/activities/BulkDecisions#BulkDecisions'],
      edit: {
        // The workflow's actions replace Payload's draft and publish buttons (see WorkflowPanel).
        PublishButton: '/components/activities/SaveButton#ActivitySaveButton',
        SaveDraftButton: '/components/Nothing#Nothing',
        UnpublishButton: '/components/Nothing#Nothing',
        Status: '/components/activities/StatusLabel#StatusLabel',
      },
    },
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
  // What a campaign site's list asks: one edition, one province, from a moment on, by start. The
  // database walks this index in start order and stops at the page (docs/performance.md).
  indexes: [{ fields: ['edition', 'location.province', 'startsAt'] }],
  // Drafts hold a change to an approved activity while the approved version stays public.
  versions: { drafts: { validate: true }, maxPerDoc: 30 },
  hooks: {
    // One workflow plan per written activity, made after its row is locked (src/workflow/activityPlan.ts).
    beforeOperation: [refuseWritesPastTheWorkflow, planActivityWrites],
    // Websites hear when an activity enters or leaves the public API (src/webhooks/hooks.ts).
    beforeChange: [...visibilityHooks.beforeChange, applyActivityPlan],
    afterChange: [recordActivityPlan, ...visibilityHooks.afterChange],
    beforeDelete: visibilityHooks.beforeDelete,
    afterDelete: visibilityHooks.afterDelete,
  },
  fields: [
    // Decisions, the status and the editors' feedback, above the form.
    {
      name: 'workflow',
      type: 'ui',
      admin: { components: { Field: '/components/activities/WorkflowPanel#WorkflowPanel' } },
    },
    {
      name: 'title',
      label: label('Titel', 'Title'),
      type: 'text',
      required: true,
      maxLength: 160,
      admin: {
        description: label(
          'Zoals de activiteit op de campagnewebsite komt te staan, bijvoorbeeld "Ouderavond: praten over opvoeden".',
          'As the activity will be listed on the campaign website.',
        ),
      },
    },
    {
      type: 'tabs',
      tabs: [
        {
          label: label('Wat', 'What'),
          description: label('Wat organiseert u, en waarover gaat het?', 'What are you organising, and what is it about?'),
          fields: [
            {
              name: 'summary',
              label: label('Korte samenvatting', 'Summary'),
              type: 'textarea',
              maxLength: 400,
              admin: { description: label('Twee of drie zinnen voor het overzicht op de website.', 'Two or three sentences for listings.') },
            },
            {
              name: 'description',
              label: label('Beschrijving', 'Description'),
              type: 'richText',
              admin: {
                description: label(
                  'Het programma, de sprekers en wat deelnemers meenemen. Noem geen namen of situaties van kinderen of gezinnen.',
                  'Programme, speakers and what participants take home. Never name children or families.',
                ),
              },
            },
            {
              type: 'row',
              fields: [
                {
                  name: 'format',
                  label: label('Vorm', 'Format'),
                  type: 'select',
                  options: activityFormats,
                  required: true,
                  index: true,
                  admin: { width: '50%', description: label('Wat voor soort activiteit het is.', 'What kind of activity it is.') },
                },
                {
                  name: 'themes',
                  label: label("Thema's", 'Themes'),
                  type: 'select',
                  options: themes,
                  hasMany: true,
                  index: true,
                  admin: {
                    width: '50%',
                    description: label("Eén of meer thema's waarop bezoekers kunnen zoeken.", 'One or more themes visitors can filter on.'),
                  },
                },
              ],
            },
          ],
        },
        {
          label: label('Wanneer', 'When'),
          description: label('Datum en tijd in Nederlandse tijd.', 'Date and time, Dutch time.'),
          fields: [
            {
              type: 'row',
              fields: [
                {
                  name: 'startsAt',
                  label: label('Begint', 'Starts at'),
                  type: 'date',
                  required: true,
                  index: true,
                  admin: { ...dayAndTime, width: '50%', description: label('Dag en begintijd.', 'Day and starting time.') },
                },
                {
                  name: 'endsAt',
                  label: label('Eindigt', 'Ends at'),
                  type: 'date',
                  admin: { ...dayAndTime, width: '50%', description: label('Mag leeg blijven.', 'May be left empty.') },
                  validate: (value: unknown, { siblingData }: { siblingData: Data }) =>
                    notBefore(value, siblingData?.startsAt, 'De activiteit kan niet eindigen voordat ze begint: kies een eindtijd na de begintijd.'),
                },
              ],
            },
          ],
        },
        {
          label: label('Waar', 'Where'),
          fields: [
            {
              name: 'location',
              label: label('Locatie', 'Location'),
              type: 'group',
              admin: {
                description: label(
                  'Op locatie: het adres waar deelnemers naartoe komen. Online: de link die deelnemers gebruiken.',
                  'On site: the address participants go to. Online: the link participants use.',
                ),
              },
              fields: [
                { name: 'mode', label: label('Waar', 'Where'), type: 'radio', options: locationModes, required: true, index: true },
                {
                  name: 'venue',
                  label: label('Naam van de locatie', 'Venue'),
                  type: 'text',
                  admin: { condition: (_, s) => needsPlace(s?.mode), description: label('Zoals "Buurthuis De Linde".', 'Such as the name of the building.') },
                },
                {
                  name: 'address',
                  label: label('Adres', 'Address'),
                  type: 'text',
                  admin: { condition: (_, s) => needsPlace(s?.mode), description: label('Straat en huisnummer.', 'Street and number.') },
                },
                {
                  type: 'row',
                  fields: [
                    {
                      name: 'postalCode',
                      label: label('Postcode', 'Postal code'),
                      type: 'text',
                      validate: isDutchPostalCode,
                      admin: { condition: (_, s) => needsPlace(s?.mode), description: label('Zoals 8011 AB.', 'Such as 8011 AB.') },
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
                      admin: {
                        condition: (_, s) => needsPlace(s?.mode),
                        description: label('Bezoekers zoeken activiteiten per provincie.', 'Visitors search by province.'),
                      },
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
                  admin: {
                    condition: (_, s) => needsLink(s?.mode),
                    description: label('Begint met https://. Deze link is openbaar.', 'Starts with https://. This link is public.'),
                  },
                  validate: (value: unknown, { siblingData }: { siblingData: Data }) =>
                    needsLink(siblingData?.mode) && !value ? 'Vul de link in voor een online of hybride activiteit.' : isWellFormedUrl(value),
                },
              ],
            },
          ],
        },
        {
          label: label('Voor wie', 'For whom'),
          fields: [
            {
              name: 'audiences',
              label: label('Doelgroepen', 'Audiences'),
              type: 'select',
              options: audiences,
              hasMany: true,
              index: true,
              admin: {
                description: label(
                  'Voor wie de activiteit bedoeld is. Kies alle groepen die welkom zijn.',
                  'Who the activity is meant for. Choose every group that is welcome.',
                ),
              },
            },
          ],
        },
        {
          label: label('Aanmelden', 'Registration'),
          fields: [
            {
              name: 'registration',
              label: label('Aanmelden voor deelnemers', 'Registration'),
              type: 'group',
              admin: { description: label('Hoe deelnemers zich aanmelden en wat het kost.', 'How participants register and what it costs.') },
              fields: [
                {
                  name: 'url',
                  label: label('Link om aan te melden', 'Registration link'),
                  type: 'text',
                  validate: isWellFormedUrl,
                  admin: { description: label('Leeg laten als aanmelden niet nodig is.', 'Leave empty when no registration is needed.') },
                },
                { name: 'isFree', label: label('Gratis', 'Free'), type: 'checkbox', defaultValue: true, index: true },
                {
                  name: 'costNote',
                  label: label('Kosten', 'Cost'),
                  type: 'text',
                  maxLength: 200,
                  admin: { condition: (_, s) => !s?.isFree, description: label('Zoals "€ 25, inclusief lunch".', 'Such as "€25, lunch included".') },
                },
              ],
            },
          ],
        },
        {
          label: label('Contact', 'Contact'),
          fields: [
            {
              ...personal,
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
                {
                  name: 'name',
                  label: label('Naam', 'Name'),
                  type: 'text',
                  required: true,
                  maxLength: 120,
                  validate: erasableName,
                },
                {
                  name: 'email',
                  label: label('E-mail', 'E-mail'),
                  type: 'text',
                  required: true,
                  validate: (v: unknown, { siblingData }: { siblingData: Data }) =>
                    v ? isWellFormedEmail(v) : siblingData?.erasedAt ? true : 'Vul het e-mailadres van de contactpersoon in.',
                  admin: { description: label('Hier komt het besluit van de redactie binnen.', 'The editors’ decision is sent here.') },
                },
                { name: 'phone', label: label('Telefoon', 'Phone'), type: 'text', validate: isWellFormedPhone },
                {
                  // Set by the retention and by an erasure request (src/privacy/); the contact may then stay empty.
                  name: 'erasedAt',
                  label: label('Contactgegevens gewist op', 'Contact details erased at'),
                  type: 'date',
                  access: { create: nobody, update: nobody },
                  admin: {
                    readOnly: true,
                    condition: (_, s) => Boolean(s?.erasedAt),
                    description: label(
                      'Gewist volgens de bewaartermijn of op verzoek van de contactpersoon (AVG).',
                      'Erased after the retention period or on the contact’s request (GDPR).',
                    ),
                  },
                },
              ],
            },
          ],
        },
      ],
    },
    {
      name: 'edition',
      label: label('Editie', 'Edition'),
      type: 'relationship',
      relationTo: 'editions',
      required: true,
      admin: { position: 'sidebar', description: label('De campagneweek waarin de activiteit valt.', 'The campaign week the activity belongs to.') },
    },
    {
      name: 'organiser',
      label: label('Organisatie', 'Organiser'),
      type: 'relationship',
      relationTo: 'organisers',
      required: true,
      access: { update: ({ req }) => isEditor(req) },
      // A partner's activity is always its own organisation's: the hook fills it in.
      admin: { position: 'sidebar', components: { Field: '/components/EditorsOnlyField#EditorsOnlyRelationship' } },
    },
    {
      ...activitySlug,
      admin: { ...activitySlug.admin, condition: forEditors },
    } as Field,
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
        readOnly: true,
        // Partners read the status above the form.
        components: { Field: '/components/EditorsOnlyField#EditorsOnlySelect' },
        description: label(
          'Wijzigt met de knoppen bovenaan, volgens de beoordelingsstappen.',
          'Changes with the buttons at the top, along the review workflow.',
        ),
      },
    },
    {
      name: 'review',
      label: label('Beoordeling', 'Review'),
      type: 'group',
      access: { read: ownOrganiserOrEditor, create: isEditor, update: isEditor },
      // Partners read the feedback above the form.
      admin: { position: 'sidebar', condition: forEditors },
      fields: [
        {
          ...personal,
          name: 'feedback',
          label: label('Terugkoppeling aan de indiener', 'Feedback to the submitter'),
          type: 'textarea',
          maxLength: 4000,
          admin: {
            description: label(
              'De indiener ziet dit bij de activiteit en krijgt het per e-mail bij een besluit.',
              'The submitter sees this with the activity and gets it by e-mail with a decision.',
            ),
          },
        },
        {
          ...personal,
          name: 'internalNotes',
          label: label('Interne notities (alleen redactie)', 'Internal notes (editors only)'),
          type: 'textarea',
          access: { read: isEditor, create: isEditor, update: isEditor },
        },
      ],
    },
    {
      ...personal,
      name: 'publicSubmission',
      label: label('Openbaar aanmeldformulier', 'Public submission form'),
      type: 'group',
      access: { read: isEditor, create: nobody, update: nobody },
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
      ...personal,
      name: 'submittedBy',
      label: label('Ingediend door', 'Submitted by'),
      type: 'relationship',
      relationTo: 'users',
      access: { read: ownOrganiserOrEditor, create: nobody, update: nobody },
      admin: { position: 'sidebar', readOnly: true, condition: forEditors },
    },
    {
      name: 'submittedAt',
      label: label('Ingediend op', 'Submitted at'),
      type: 'date',
      index: true,
      access: { create: nobody, update: nobody },
      admin: { position: 'sidebar', readOnly: true, condition: (data) => Boolean(data?.submittedAt), ...dayAndTime },
    },
    {
      name: 'history',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '/components/activities/ActivityHistory#ActivityHistory' } },
    },
  ],
}
