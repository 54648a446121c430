import { importExportPlugin } from '@payloadcms/plugin-import-export'
import {
  addDataAndFileToRequest,
  Forbidden,
  type CollectionBeforeOperationHook,
  type CollectionConfig,
  type Config,
  type Endpoint,
  type PayloadHandler,
  type Plugin,
} from 'payload'

import { isEditor, nobody } from '../access/roles'
import { mediaDir } from '../db/paths'
import { fileResponseHeaders } from '../delivery/fileHeaders'
import { refusal, refusalResponse } from '../http/refusal'

/**
 * CSV export of activities for the organisers' reporting, with Payload's import/export plugin.
 *
 * The plugin registers an `exports` and an `imports` upload collection with endpoints that take
 * a collection slug from the request body. An export holds contact details, so:
 * - exports are created, read, downloaded and deleted by editors and administrators only, and
 *   only of activities; the plugin reads the activities with the editor's own access;
 * - nothing is imported: the `imports` collection and its endpoint refuse everybody;
 * - exports run at once in the request (no job that runs later with a stored account id);
 * - partners do not get the export item in the activities list.
 */
const exportable = ['activities']

const forbidden = (message: string) => refusalResponse(403, message, { headers: { 'Content-Language': 'nl' } })

const editorsOnly =
  (handler: PayloadHandler): PayloadHandler =>
  async (req) => {
    if (!isEditor(req)) return forbidden('Alleen de redactie kan activiteiten exporteren.')
    await addDataAndFileToRequest(req)
    const body = req.data as { data?: { collectionSlug?: string }; collectionSlug?: string } | undefined
    const slug = body?.data?.collectionSlug ?? body?.collectionSlug
    if (!slug || !exportable.includes(slug)) return forbidden('Alleen activiteiten kunnen worden geëxporteerd.')
    // The body stream is read; the plugin's handlers read it again as text or JSON.
    const text = JSON.stringify(body)
    req.text = async () => text
    return handler(req)
  }

/**
 * Runs before the plugin's own hook, which makes the export as soon as it is asked for, before
 * Payload checks `access.create`.
 */
const refuseBeforeExporting: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create') return args
  if (!isEditor(req)) throw new Forbidden(req.t)
  const slug = (args as { data?: { collectionSlug?: string } }).data?.collectionSlug
  if (!exportable.includes(slug ?? '')) throw refusal(403, 'Alleen activiteiten kunnen worden geëxporteerd.')
  return args
}

const lockExports = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  labels: { singular: { nl: 'Export', en: 'Export' }, plural: { nl: 'Exports', en: 'Exports' } },
  access: { read: isEditor, create: isEditor, update: nobody, delete: isEditor, readVersions: isEditor, unlock: isEditor },
  endpoints: (collection.endpoints || []).map((endpoint: Endpoint) => ({ ...endpoint, handler: editorsOnly(endpoint.handler) })),
  hooks: {
    ...collection.hooks,
    beforeOperation: [refuseBeforeExporting, ...(collection.hooks?.beforeOperation ?? [])],
  },
  upload: {
    ...(typeof collection.upload === 'object' ? collection.upload : {}),
    staticDir: mediaDir('exports'),
    modifyResponseHeaders: fileResponseHeaders,
  },
})

const lockImports = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  access: { read: nobody, create: nobody, update: nobody, delete: nobody, readVersions: nobody, unlock: nobody },
  admin: { ...collection.admin, hidden: true },
  endpoints: (collection.endpoints || []).map((endpoint: Endpoint) => ({
    ...endpoint,
    handler: () => forbidden('Importeren is uitgeschakeld.'),
  })),
  upload: { ...(typeof collection.upload === 'object' ? collection.upload : {}), staticDir: mediaDir('imports') },
})

/** The plugin's list menu item, shown to editors only. */
const exportMenuForEditors: Plugin = (config: Config) => {
  for (const collection of config.collections ?? []) {
    const items = collection.admin?.components?.listMenuItems
    if (!Array.isArray(items)) continue
    collection.admin!.components!.listMenuItems = items.map((item) =>
      typeof item === 'object' && item.path === '@payloadcms/plugin-import-export/rsc#ExportListMenuItem'
        ? { ...item, path: '/components/activities/ExportMenuItem#ExportMenuItem' }
        : item,
    )
  }
  return config
}

export const activityExport = (): Plugin[] => [
  importExportPlugin({
    collections: [{ slug: 'activities', import: false, export: { format: 'csv', disableJobsQueue: true } }],
    overrideExportCollection: ({ collection }) => lockExports(collection),
    overrideImportCollection: ({ collection }) => lockImports(collection),
  }),
  exportMenuForEditors,
]
