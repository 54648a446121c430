import { importExportPlugin } from '@payloadcms/plugin-import-export'
import { readFile } from 'node:fs/promises'
import path from 'node:path'

import {
  addDataAndFileToRequest,
  Forbidden,
  type CollectionAfterChangeHook,
  type CollectionBeforeOperationHook,
  type CollectionConfig,
  type Config,
  type Endpoint,
  type PayloadHandler,
  type PayloadRequest,
  type Plugin,
  type Where,
} from 'payload'

import { isEditor, nobody } from '../access/roles'
import { mediaDir } from '../db/paths'
import { fileResponseHeaders } from '../delivery/fileHeaders'
import { refusal, refusalResponse } from '../http/refusal'
import { writeAudit } from '../privacy/audit'

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

type ExportRequest = { where?: Where; drafts?: string | null; limit?: number | null; fields?: string[] | null; collectionSlug?: string }

/** What the audit log keeps of an export: the filter and choices, never the rows themselves. */
const exportDetails = (request: ExportRequest, rows: number, extra: Record<string, unknown> = {}) => ({
  collection: request.collectionSlug,
  filter: request.where ?? {},
  drafts: request.drafts ?? null,
  limit: request.limit ?? null,
  fields: request.fields ?? null,
  rows,
  ...extra,
})

/** The records of a CSV text without its header, quoted line breaks included. */
export function csvRecords(csv: string): number {
  let lines = 0
  let quoted = false
  for (const character of csv) {
    if (character === '"') quoted = !quoted
    else if (character === '\n' && !quoted) lines += 1
  }
  if (csv.length > 0 && !csv.endsWith('\n')) lines += 1
  return Math.max(0, lines - 1)
}

/** A download is streamed after the answer starts: its rows are counted as the plugin selects them (published unless drafts are asked for). */
async function rowsToDownload(req: PayloadRequest, request: ExportRequest): Promise<number> {
  const where: Where = { and: [request.where ?? {}, request.drafts === 'yes' ? {} : { _status: { equals: 'published' } }] }
  const { totalDocs } = await req.payload.count({ collection: 'activities', where, overrideAccess: false, user: req.user, req })
  return request.limit && request.limit > 0 ? Math.min(totalDocs, request.limit) : totalDocs
}

const editorsOnly =
  (handler: PayloadHandler, route: string): PayloadHandler =>
  async (req) => {
    if (!isEditor(req)) return forbidden('Alleen de redactie kan activiteiten exporteren.')
    await addDataAndFileToRequest(req)
    const body = req.data as { data?: ExportRequest; collectionSlug?: string } | undefined
    const slug = body?.data?.collectionSlug ?? body?.collectionSlug
    if (!slug || !exportable.includes(slug)) return forbidden('Alleen activiteiten kunnen worden geëxporteerd.')
    if (route === '/download' && body?.data) {
      const rows = await rowsToDownload(req, body.data)
      await writeAudit(req, {
        action: 'export',
        summary: `Export van ${rows} activiteiten (download)`,
        details: exportDetails(body.data, rows, { download: true }),
      })
    }
    // The body stream is read; the plugin's handlers read it again as text or JSON.
    const text = JSON.stringify(body)
    req.text = async () => text
    return handler(req)
  }

/** A stored export, in the audit log in the transaction that stores it, with the rows of its file. */
const auditStoredExport: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create') return doc
  const file = req.file?.data ?? (doc.filename ? await readFile(path.join(mediaDir('exports'), path.basename(doc.filename))).catch(() => undefined) : undefined)
  const rows = file ? csvRecords(file.toString('utf8')) : 0
  await writeAudit(req, {
    action: 'export',
    summary: `Export van ${rows} activiteiten (${doc.filename ?? doc.id})`,
    details: exportDetails(doc, rows, { export: doc.id }),
  })
  return doc
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
  endpoints: (collection.endpoints || []).map((endpoint: Endpoint) => ({ ...endpoint, handler: editorsOnly(endpoint.handler, endpoint.path) })),
  hooks: {
    ...collection.hooks,
    beforeOperation: [refuseBeforeExporting, ...(collection.hooks?.beforeOperation ?? [])],
    afterChange: [...(collection.hooks?.afterChange ?? []), auditStoredExport],
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
