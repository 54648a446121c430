import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type'
import type { CollectionBeforeOperationHook, PayloadRequest } from 'payload'
import { refusal } from '../http/refusal'

/** How the types an upload collection takes are named in a refusal. */
const typeNames: Record<string, string> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'image/gif': 'GIF',
  'image/avif': 'AVIF',
  'application/pdf': 'PDF',
  'video/mp4': 'MP4',
  'video/webm': 'WebM',
  'video/quicktime': 'MOV',
  'audio/mpeg': 'MP3',
  'audio/mp4': 'M4A',
  'audio/x-m4a': 'M4A',
  'audio/aac': 'AAC',
  'audio/ogg': 'Ogg',
  'audio/wav': 'WAV',
  'audio/x-wav': 'WAV',
}

const listOfTypes = (mimeTypes: string[]) => [...new Set(mimeTypes.map((type) => typeNames[type] ?? type))].join(', ')

/** Room for Payload's size suffix (`-1920x1080`) and counter (`-2`) within the 255 bytes a file system allows. */
const maxNameBytes = 120

/**
 * The name the file is stored under: the last path segment of what the browser sent, without
 * control characters, URL escapes or leading dots, shortened, with the extension of what the
 * file really is.
 */
export function storedFileName(sent: string, extension: string): string {
  const lastSegment = sent.split(/[/\\]/).pop() ?? ''
  const cleaned = lastSegment
    // eslint-disable-next-line no-control-regex -- the control characters are what this removes
    .replace(/[\u0000-\u001f\u007f]/g, '')
    // `%` and `#` would be read as URL escapes and fragments in the file's address.
    .replace(/[%#]/g, '-')
    .replace(/^[.\s]+/, '')
  const withoutExtension = cleaned.includes('.') ? cleaned.slice(0, cleaned.lastIndexOf('.')) : cleaned
  let base = withoutExtension.trim()
  while (Buffer.byteLength(base) > maxNameBytes) base = base.slice(0, -1)
  return `${base || 'bestand'}.${extension}`
}

const refuse = (message: string) => refusal(400, message)

/** What the bytes are, whatever the name or the browser's Content-Type say. */
async function detectedType(file: NonNullable<PayloadRequest['file']>) {
  if (file.tempFilePath && !file.data?.length) return fileTypeFromFile(file.tempFilePath)
  return fileTypeFromBuffer(file.data)
}

/**
 * Checks an upload by its content before Payload stores it: the bytes must be one of the
 * collection's `mimeTypes` (an HTML page named `poster.mp4` or a JPEG named `folder.pdf` is
 * decided by what it is), and it is stored under a clean name with the matching extension.
 *
 * A new document needs a file from the editor's computer: Payload would otherwise fetch a
 * `url` given in the data from the server itself (and answer a refused address with a 500).
 */
export const checkUploadedFile: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file) {
    if (operation === 'create' && !(args as { duplicateFromID?: unknown }).duplicateFromID) {
      throw refuse('Kies een bestand op uw computer om te uploaden. Het CMS haalt geen bestanden op van een internetadres.')
    }
    return args
  }
  const accepted = (collection.upload && collection.upload.mimeTypes) || []
  const type = await detectedType(file)
  if (!type || !accepted.includes(type.mime)) {
    const what = type ? `een ${typeNames[type.mime] ?? type.mime}-bestand` : 'geen bestandstype dat het CMS herkent'
    throw refuse(`Dit bestand kan hier niet worden geüpload: de inhoud is ${what}. Toegestaan: ${listOfTypes(accepted)}.`)
  }
  file.mimetype = type.mime
  file.name = storedFileName(file.name, type.ext)
  return args
}
