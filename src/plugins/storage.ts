import { s3Storage, type S3StorageOptions } from '@payloadcms/storage-s3'
import { APIError, type CollectionAfterChangeHook, type CollectionConfig, type Config, type Plugin, type PayloadRequest } from 'payload'

import { uploadFolders } from '../db/paths'
import { settings, type S3Settings } from '../env'

/**
 * Where the files of the upload collections live: on local disk below MEDIA_DIR, or in the S3
 * bucket S3_BUCKET names (`@payloadcms/storage-s3`). Either way a file is served only through
 * Payload's file route (`/api/<collection>/file/<filename>`), so the collection's read access
 * decides who gets it and the bucket itself stays private: no public or presigned bucket URLs.
 */

const isStored = (slug: string) => slug in uploadFolders

export const storageUnavailableMessage = 'De bestandsopslag is even niet bereikbaar; het bestand is niet opgeslagen. Probeer het over een paar minuten opnieuw.'
export const fileUnavailableMessage =
  'Het bestand kan nu niet worden opgehaald: de bestandsopslag is even niet bereikbaar. Probeer het over een paar minuten opnieuw.'

/** The AWS SDK client's settings for a bucket. */
export function s3ClientConfig(s3: S3Settings): NonNullable<S3StorageOptions['config']> {
  const checksums = s3.checksums === 'when_required' ? 'WHEN_REQUIRED' : 'WHEN_SUPPORTED'
  const agent = { keepAlive: true, maxSockets: 100 }
  return {
    endpoint: s3.endpoint,
    region: s3.region,
    // A copy: the SDK marks the object it is given.
    credentials: s3.credentials && { ...s3.credentials },
    forcePathStyle: s3.forcePathStyle,
    requestChecksumCalculation: checksums,
    responseChecksumValidation: checksums,
    // An unreachable server fails the request within seconds instead of holding it open.
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000, httpAgent: agent, httpsAgent: agent },
  }
}

/** Errors of the AWS SDK carry `$metadata`: the server refused, or could not be reached. */
const isStorageError = (error: unknown) => typeof error === 'object' && error !== null && '$metadata' in error

/** The storage plugin's upload step answers a failing bucket with a 503; the transaction then undoes the document. */
const answerStorageFailureWith503 =
  (hook: CollectionAfterChangeHook): CollectionAfterChangeHook =>
  async (args) => {
    try {
      return await hook(args)
    } catch (error) {
      if (isStorageError(error)) throw new APIError(storageUnavailableMessage, 503, undefined, true)
      throw error
    }
  }

type FileHandler = NonNullable<Exclude<CollectionConfig['upload'], boolean | undefined>['handlers']>[number]

/**
 * The storage plugin builds the file's Response itself. Every answer gets the headers the disk
 * path gives (the collection's `modifyResponseHeaders`), also a refused range or a missing
 * object, and a bucket that cannot be read answers 503 instead of a bare 500. (Payload adds the
 * CORS headers to every endpoint's answer.)
 */
const servedLikeDisk =
  (handler: FileHandler, collection: CollectionConfig): FileHandler =>
  async (req: PayloadRequest, args): Promise<Response> => {
    const response = await handler(req, args)
    // storage-s3's handler always answers; the type also allows handing on to the next one.
    if (!(response instanceof Response)) throw new Error('The storage handler gave no answer.')
    if (response.status >= 500) {
      await response.body?.cancel()
      return Response.json({ errors: [{ message: fileUnavailableMessage }] }, { status: 503, headers: { 'Retry-After': '60' } })
    }
    const upload = typeof collection.upload === 'object' ? collection.upload : {}
    const own = new Headers(response.headers)
    const headers = upload.modifyResponseHeaders?.({ headers: own }) ?? own
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers })
  }

const storageCoordinates = ['prefix', '_objectKey']

/**
 * Where a file sits in the bucket is the server's business: an API write could otherwise point a
 * document (a public story's audio) at another object of its collection.
 */
const withFixedCoordinates = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  fields: collection.fields.map((field) =>
    field.type === 'text' && storageCoordinates.includes(field.name)
      ? { ...field, access: { ...field.access, create: () => false, update: () => false } }
      : field,
  ),
})

/** The storage plugin's hooks and file handler on one collection, with the answers above. */
function guarded(collection: CollectionConfig, before: CollectionConfig): CollectionConfig {
  const added = <T>(list: T[] | undefined, earlier: T[] | undefined) => (list ?? []).filter((item) => !(earlier ?? []).includes(item))
  const upload = typeof collection.upload === 'object' ? collection.upload : {}
  const earlierUpload = typeof before.upload === 'object' ? before.upload : {}
  const newHandlers = added(upload.handlers, earlierUpload.handlers)
  const newAfterChange = added(collection.hooks?.afterChange, before.hooks?.afterChange)
  return {
    ...collection,
    hooks: {
      ...collection.hooks,
      afterChange: collection.hooks?.afterChange?.map((hook) => (newAfterChange.includes(hook) ? answerStorageFailureWith503(hook) : hook)),
    },
    upload: {
      ...upload,
      handlers: upload.handlers?.map((handler) => (newHandlers.includes(handler) ? servedLikeDisk(handler, collection) : handler)),
    },
  }
}

/**
 * `@payloadcms/storage-s3` for the upload collections when S3_BUCKET is set. Without it the
 * plugin still adds its fields (`prefix`, `_objectKey`), so the schema is the same either way.
 */
export const uploadStorage =
  (): Plugin =>
  (incoming: Config): Config | Promise<Config> => {
    const { s3 } = settings()
    const withStorage = s3Storage({
      enabled: s3 !== undefined,
      alwaysInsertFields: true,
      bucket: s3?.bucket ?? '',
      // Keys are `<folder>/<filename>`, as on disk; documents keep an empty `prefix`, so file URLs are the same too.
      useCompositePrefixes: true,
      collections: Object.fromEntries(Object.entries(uploadFolders).map(([slug, prefix]) => [slug, { prefix }])),
      config: s3 ? s3ClientConfig(s3) : {},
      // storage-s3 keeps one client per key for the whole process.
      clientCacheKey: s3 && `s3:${s3.endpoint ?? 'aws'}:${s3.region}:${s3.bucket}`,
    })
    return Promise.resolve(withStorage(incoming)).then((config) => ({
      ...config,
      collections: config.collections?.map((collection) => {
        const before = incoming.collections?.find(({ slug }) => slug === collection.slug)
        if (!isStored(collection.slug) || !before) return collection
        return withFixedCoordinates(s3 ? guarded(collection, before) : collection)
      }),
    }))
  }
