import type { CollectionConfig } from 'payload'

import { readStories } from '../src/access/stories'
import { isEditor, nobody } from '../src/access/roles'
import { label } from '../src/fields/label'
import { consentMethods, contentWarnings, privacyFindingKinds, storyPerspectives, themes } from '../src/fields/options'
import { slug } from '../src/fields/slug'
import { consentValidityOnRow, markExpiryAfterChange, settleExpiryBeforeChange, settleExpiryBeforeDelete } from '../src/hooks/consentValidityOnRow'
import { privacyCheckEndpoint } from '../src/endpoints/privacyCheck'
import { checkPersonalDataBeforePublishing, noteStoryWrite } from '../src/hooks/checkPersonalData'
import { requireTranscriptToPublish } from '../src/hooks/requireTranscript'
import { stampPublishedAt } from '../src/hooks/stampPublishedAt'
import { withdrawConsentAtOnce } from '../src/hooks/withdrawConsentAtOnce'
import { visibilityHooks } from '../src/webhooks/hooks'
import { personal } from '../src/fields/personalData'

export const Stories: CollectionConfig = {
  slug: 'stories',
  labels: { singular: label('Verhaal', 'Story'), plural: label('Verhalen', 'Stories') },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'publishedAt', '_status', 'consentStatus', 'contentWarnings', 'series', 'seriesNumber', 'perspective'],
    group: label('Verhalen', 'Stories'),
    listSearchableFields: ['title', 'series'],
    pagination: { defaultLimit: 50 },
    components: {
      // Scheduled publications, to plan a series such as the 30 stories of 2019.
      beforeListTable: ['/components/stories/StoryPlanning#StoryPlanning'],
      // The privacy check's findings count and acknowledgement guard, beside the publish button.
      edit: { beforeDocumentControls: ['/components/stories/PrivacyGuard#PrivacyGuard'] },
    },
  },
  access: {
    read: readStories,
    create: isEditor,
    update: isEditor,
    delete: isEditor,
    readVersions: isEditor,
    unlock: isEditor,
  },
  versions: {
    drafts: { schedulePublish: true },
    maxPerDoc: 50,
  },
  defaultSort: '-publishedAt',
  endpoints: [privacyCheckEndpoint],
  hooks: {
    // The public state is read before the consent hooks change the row (src/webhooks/hooks.ts), and an
    // expiry not yet announced is announced before a withdrawal could hide it. The publish checks
    // come after them: a withdrawal is never held up by them.
    beforeOperation: [noteStoryWrite],
    beforeChange: [
      ...visibilityHooks.beforeChange,
      settleExpiryBeforeChange,
      stampPublishedAt,
      withdrawConsentAtOnce,
      consentValidityOnRow,
      requireTranscriptToPublish,
      checkPersonalDataBeforePublishing,
    ],
    afterChange: [...visibilityHooks.afterChange, markExpiryAfterChange],
    beforeDelete: [...visibilityHooks.beforeDelete, settleExpiryBeforeDelete],
    afterDelete: visibilityHooks.afterDelete,
  },
  fields: [
    { name: 'title', label: label('Titel', 'Title'), type: 'text', required: true, localized: true, maxLength: 200 },
    slug('stories'),
    {
      name: 'perspective',
      label: label('Perspectief', 'Perspective'),
      type: 'select',
      options: storyPerspectives,
      required: true,
      index: true,
    },
    {
      ...personal,
      name: 'storyteller',
      label: label('Verteller', 'Storyteller'),
      type: 'group',
      fields: [
        {
          name: 'displayName',
          label: label('Naam in het verhaal', 'Display name'),
          type: 'text',
          required: true,
          maxLength: 80,
          admin: { description: label('Een voornaam of schuilnaam, nooit een volledige naam.', 'A first name or pseudonym, never a full name.') },
        },
        {
          name: 'role',
          label: label('Rol', 'Role'),
          type: 'text',
          localized: true,
          maxLength: 120,
          admin: { description: label("Zoals 'jeugdarts' of 'pleegmoeder'.", "Such as 'youth doctor' or 'foster mother'.") },
        },
        {
          name: 'anonymised',
          label: label('Geanonimiseerd', 'Anonymised'),
          type: 'checkbox',
          defaultValue: false,
          admin: { description: label('Namen, plaatsen en details zijn aangepast.', 'Names, places and details were changed.') },
        },
      ],
    },
    { name: 'summary', label: label('Samenvatting', 'Summary'), type: 'textarea', localized: true, maxLength: 600 },
    { name: 'body', label: label('Verhaal', 'Story'), type: 'richText', localized: true },
    { name: 'quote', label: label('Citaat', 'Quote'), type: 'textarea', localized: true, maxLength: 400 },
    { name: 'whatHelped', label: label('Wat hielp', 'What helped'), type: 'textarea', localized: true },
    {
      name: 'reflection',
      label: label('Reflectie van een expert', 'Expert reflection'),
      type: 'richText',
      localized: true,
      admin: { description: label('Duiding door een expert, met verwijzingen naar onderzoek.', 'Expert commentary linking to research.') },
    },
    {
      type: 'row',
      fields: [
        { name: 'series', label: label('Serie', 'Series'), type: 'text', index: true, admin: { width: '50%' } },
        { name: 'seriesNumber', label: label('Nummer in de serie', 'Number in series'), type: 'number', min: 1, admin: { width: '50%' } },
      ],
    },
    { name: 'edition', label: label('Editie', 'Edition'), type: 'relationship', relationTo: 'editions' },
    { name: 'themes', label: label("Thema's", 'Themes'), type: 'select', options: themes, hasMany: true, index: true },
    {
      name: 'contentWarnings',
      label: label('Inhoudswaarschuwingen', 'Content warnings'),
      type: 'select',
      options: contentWarnings,
      hasMany: true,
      index: true,
      admin: {
        description: label(
          'Websites tonen deze waarschuwingen vóór de tekst, zodat lezers zelf kiezen of ze verder lezen.',
          'Websites show these warnings before the text, so readers can choose whether to read on.',
        ),
      },
    },
    { name: 'heroImage', label: label('Beeld', 'Hero image'), type: 'upload', relationTo: 'media' },
    {
      name: 'audio',
      label: label('Audio (podcast)', 'Audio (podcast)'),
      type: 'upload',
      relationTo: 'story-audio',
    },
    {
      name: 'publishedAt',
      label: label('Publicatiedatum', 'Published at'),
      type: 'date',
      index: true,
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'consentStatus',
      label: label('Toestemming', 'Consent'),
      type: 'ui',
      admin: { components: { Field: '/components/Nothing#Nothing', Cell: '/components/stories/ConsentCell#ConsentCell' } },
    },
    {
      ...personal,
      name: 'consent',
      label: label('Toestemming (nooit openbaar)', 'Consent (never public)'),
      type: 'group',
      access: { read: isEditor, create: isEditor, update: isEditor },
      admin: {
        position: 'sidebar',
        description: label(
          'Ingetrokken toestemming haalt het verhaal direct offline, ook als het gepubliceerd is.',
          'Withdrawn consent takes the story offline at once, even when published.',
        ),
      },
      fields: [
        { name: 'obtainedAt', label: label('Verkregen op', 'Obtained at'), type: 'date', admin: { date: { pickerAppearance: 'dayOnly' } } },
        { name: 'method', label: label('Hoe', 'Method'), type: 'select', options: consentMethods },
        { name: 'recordedBy', label: label('Vastgelegd door', 'Recorded by'), type: 'relationship', relationTo: 'users' },
        { name: 'withdrawn', label: label('Ingetrokken', 'Withdrawn'), type: 'checkbox', defaultValue: false, index: true },
        {
          name: 'validUntil',
          label: label('Geldig tot', 'Valid until'),
          type: 'date',
          index: true,
          admin: {
            date: { pickerAppearance: 'dayAndTime' },
            description: label(
              'Leeg: zonder einddatum. Zodra deze datum voorbij is, is het verhaal meteen offline. Het dashboard meldt het 28 dagen vooraf.',
              'Empty: no end date. Once this date has passed, the story is offline at once. The dashboard tells 28 days before.',
            ),
          },
        },
        {
          // The `validUntil` whose passing websites have heard of (src/hooks/consentValidityOnRow.ts).
          name: 'expiryAnnounced',
          type: 'date',
          hidden: true,
          access: { read: () => false, create: () => false, update: () => false },
        },
      ],
    },
    {
      ...personal,
      name: 'privacyCheck',
      label: label('Privacycheck (nooit openbaar)', 'Privacy check (never public)'),
      type: 'group',
      access: { read: isEditor, create: isEditor, update: isEditor },
      admin: {
        // Beside the consent, near the top: Payload renders a group's fields only near the viewport.
        position: 'sidebar',
        description: label(
          'Voor publicatie worden alle teksten van het verhaal, in elke taal, nagelopen op wat iemand herkenbaar maakt: e-mailadressen, telefoonnummers, adressen, BSN, IBAN, geboortedata en de echte namen hieronder.',
          'Before publishing, every text of the story, in every language, is checked for what identifies a person: e-mail addresses, phone numbers, addresses, BSN, IBAN, dates of birth and the real names below.',
        ),
      },
      fields: [
        { name: 'findings', type: 'ui', admin: { components: { Field: '/components/stories/PrivacyFindings#PrivacyFindings' } } },
        {
          name: 'namesToAvoid',
          label: label('Echte namen die niet in het verhaal mogen', 'Real names that must not appear'),
          type: 'text',
          hasMany: true,
          maxRows: 50,
          admin: {
            description: label('De echte namen achter een schuilnaam: het verhaal wordt er niet mee gepubliceerd.', 'The real names behind a pseudonym.'),
          },
        },
        {
          name: 'acknowledged',
          label: label('Toch publiceren: de gevonden gegevens mogen openbaar', 'Publish anyway: the findings may be public'),
          type: 'checkbox',
          defaultValue: false,
        },
        {
          name: 'note',
          label: label('Toelichting', 'Note'),
          type: 'textarea',
          maxLength: 1000,
          validate: (value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) =>
            siblingData?.acknowledged === true && !(typeof value === 'string' && value.trim())
              ? 'Licht toe waarom het verhaal toch gepubliceerd mag worden.'
              : true,
        },
        {
          type: 'row',
          fields: [
            {
              name: 'acknowledgedBy',
              label: label('Toegestaan door', 'Acknowledged by'),
              type: 'relationship',
              relationTo: 'users',
              access: { create: nobody, update: nobody },
              admin: { readOnly: true, width: '50%' },
            },
            {
              name: 'acknowledgedAt',
              label: label('Toegestaan op', 'Acknowledged at'),
              type: 'date',
              access: { create: nobody, update: nobody },
              admin: { readOnly: true, width: '50%', date: { pickerAppearance: 'dayAndTime' } },
            },
          ],
        },
        {
          name: 'acknowledgedFindings',
          label: label('Toegestane bevindingen', 'Acknowledged findings'),
          type: 'array',
          dbName: 'stories_privacy_findings',
          access: { create: nobody, update: nobody },
          admin: { readOnly: true, description: label('Gemaskeerd; alleen deze mogen openbaar.', 'Masked; only these may be public.') },
          fields: [
            {
              name: 'kind',
              label: label('Soort', 'Kind'),
              type: 'select',
              options: privacyFindingKinds,
              required: true,
              enumName: 'enum_stories_privacy_finding_kind',
            },
            { name: 'field', label: label('Veld', 'Field'), type: 'text', required: true },
            { name: 'locale', label: label('Taal', 'Language'), type: 'text' },
            { name: 'fragment', label: label('Gemaskeerd', 'Masked'), type: 'text', required: true },
            { name: 'key', type: 'text', required: true, admin: { hidden: true } },
          ],
        },
      ],
    },
  ],
}
