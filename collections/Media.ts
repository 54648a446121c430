import type { CollectionConfig } from 'payload'

import { publicContent } from '../src/access/roles'
import { settings } from '../src/env'
import { mediaDir, uploadFolders } from '../src/db/paths'
import { label } from '../src/fields/label'
import { altText } from '../src/fields/validators'
import { fileResponseHeaders } from '../src/delivery/fileHeaders'
import { checkUploadedFile } from '../src/hooks/checkUploadedFile'
import { refuseFilesLargerThan } from '../src/hooks/refuseLargeFiles'
import { personal } from '../src/fields/personalData'

export const imageMimeTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif']

export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: label('Afbeelding', 'Image'), plural: label('Afbeeldingen', 'Images') },
  admin: {
    group: label('Bestanden', 'Files'),
    defaultColumns: ['filename', 'alt', 'updatedAt'],
  },
  access: publicContent,
  hooks: {
    beforeOperation: [refuseFilesLargerThan(settings().mediaMaxBytes), checkUploadedFile],
  },
  upload: {
    staticDir: mediaDir(uploadFolders.media),
    // SVG is left out on purpose: it can carry scripts.
    mimeTypes: imageMimeTypes,
    // Editors upload from their own computer; the server never fetches a file from a URL.
    pasteURL: false,
    modifyResponseHeaders: fileResponseHeaders,
    focalPoint: true,
    adminThumbnail: 'thumbnail',
    imageSizes: [
      { name: 'thumbnail', width: 300, height: 300, position: 'centre' },
      { name: 'card', width: 768, height: 512, position: 'centre' },
      { name: 'hero', width: 1920, withoutEnlargement: true },
      { name: 'openGraph', width: 1200, height: 630, position: 'centre' },
    ],
  },
  fields: [
    {
      name: 'alt',
      label: label('Alternatieve tekst', 'Alt text'),
      type: 'text',
      required: true,
      localized: true,
      maxLength: 300,
      validate: altText(() => true),
      admin: { description: label('Beschrijf wat er te zien is, voor wie het beeld niet ziet.', 'Describe the image for people who cannot see it.') },
    },
    { ...personal, name: 'credit', label: label('Fotograaf of bron', 'Credit'), type: 'text', maxLength: 200 },
  ],
}
