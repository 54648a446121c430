import path from 'node:path'

import { settings } from '../env'

// WTK_DATA_DIR and MEDIA_DIR are resolved from the working directory (the project root for every
// npm script), not from this file's location: Next bundles this module into .next/ where
// import.meta.url points elsewhere.

/** Local state that is never committed: the embedded database and the development secret. */
export const dataDir = settings().dataDir

/** Where uploads are stored when no S3-compatible storage is configured. */
export const mediaDir = (collection: string) => path.join(settings().mediaDir, collection)
