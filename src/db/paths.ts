import path from 'node:path'

import { settings } from '../env'

// WTK_DATA_DIR and MEDIA_DIR are resolved from the working directory (the project root for every
// npm script), not from this file's location: Next bundles this module into .next/ where
// import.meta.url points elsewhere.

/** Local state that is never committed: the embedded database and the development secret. */
export const dataDir = settings().dataDir

/** The folder of each upload collection: below MEDIA_DIR on disk, and the key prefix in an S3 bucket (src/plugins/storage.ts). */
export const uploadFolders = { media: 'images', 'campaign-assets': 'campaign-assets', 'story-audio': 'story-audio' } as const

/** Where uploads are stored when no S3-compatible storage is configured. */
export const mediaDir = (collection: string) => path.join(settings().mediaDir, collection)
