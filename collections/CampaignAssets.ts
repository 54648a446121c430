import type { CollectionConfig } from 'payload'

import { publicContent } from '../src/access/roles'
import { mediaDir, uploadFolders } from '../src/db/paths'
import { fileResponseHeaders } from '../src/delivery/fileHeaders'
import { label } from '../src/fields/label'
import { assetKinds, assetLanguages } from '../src/fields/options'
import { altText } from '../src/fields/validators'
import { checkUploadedFile } from '../src/hooks/checkUploadedFile'
import { announceChanges } from '../src/webhooks/hooks'
import { imageMimeTypes } from './Media'

export const CampaignAssets: CollectionConfig = {
  slug: 'campaign-assets',
  labels: { singular: label('Campagnemateriaal', 'Campaign asset'), plural: label('Campagnemateriaal', 'Campaign assets') },
  admin: {
    useAsTitle: 'title',
    group: label('Bestanden', 'Files'),
    defaultColumns: ['title', 'kind', 'edition', 'language', 'filename'],
  },
  access: publicContent,
  hooks: { beforeOperation: [checkUploadedFile], ...announceChanges('campaign-assets', 'campaign-asset.published', 'campaign-asset.deleted') },
  upload: {
    staticDir: mediaDir(uploadFolders['campaign-assets']),
    mimeTypes: [...imageMimeTypes, 'application/pdf', 'video/mp4', 'video/webm', 'video/quicktime'],
    pasteURL: false,
    modifyResponseHeaders: fileResponseHeaders,
    adminThumbnail: 'preview',
    imageSizes: [
      { name: 'preview', width: 480, height: 480, fit: 'inside', withoutEnlargement: true },
      { name: 'card', width: 960, withoutEnlargement: true },
    ],
  },
  fields: [
    { name: 'title', label: label('Titel', 'Title'), type: 'text', required: true, localized: true, maxLength: 200 },
    { name: 'kind', label: label('Soort', 'Kind'), type: 'select', options: assetKinds, required: true, defaultValue: 'other', index: true },
    { name: 'edition', label: label('Editie', 'Edition'), type: 'relationship', relationTo: 'editions' },
    { name: 'description', label: label('Omschrijving', 'Description'), type: 'textarea', localized: true, maxLength: 2000 },
    { name: 'language', label: label('Taal', 'Language'), type: 'select', options: assetLanguages, defaultValue: 'nl', index: true },
    {
      name: 'usageNotes',
      label: label('Gebruiksvoorwaarden', 'Usage notes'),
      type: 'textarea',
      localized: true,
      admin: { description: label('Bijvoorbeeld: vrij te gebruiken met bronvermelding.', 'For example: free to use with attribution.') },
    },
    {
      name: 'alt',
      label: label('Alternatieve tekst', 'Alt text'),
      type: 'text',
      localized: true,
      maxLength: 300,
      admin: { description: label('Verplicht voor afbeeldingen.', 'Required for images.') },
      validate: altText((data) => String(data.mimeType ?? '').startsWith('image/')),
    },
  ],
}
