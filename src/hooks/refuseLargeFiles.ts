import type { CollectionBeforeOperationHook } from 'payload'
import { refusal } from '../http/refusal'

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`

/**
 * Refuses an upload above this collection's own limit with a 413 before anything is stored.
 * The global limit (UPLOAD_MAX_BYTES) already stops larger bodies while they stream in.
 */
export const refuseFilesLargerThan =
  (maxBytes: number): CollectionBeforeOperationHook =>
  ({ operation, req }) => {
    if ((operation === 'create' || operation === 'update') && req.file && req.file.size > maxBytes) {
      throw refusal(413, `Het bestand is te groot (${megabytes(req.file.size)}); het maximum is ${megabytes(maxBytes)}.`)
    }
  }
