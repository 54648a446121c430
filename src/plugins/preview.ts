import type { Config, GeneratePreviewURL, Plugin } from 'payload'

import { isEditor } from '../access/roles'
import { settings } from '../env'
import { isPreviewCollection, type PreviewCollection, previewLink } from '../preview/draft'

/**
 * The admin's "Voorbeeld" button (Payload's `admin.preview`): the campaign site's preview page
 * with a fresh preview token for this one document, made on the server each time the edit view
 * is rendered or saved. Payload also hands the editor's own session token (`token`); that one
 * never leaves the CMS. Partners get no button: a preview link is for editors only.
 */
export const previewButtonUrl =
  (collection: PreviewCollection): GeneratePreviewURL =>
  async (doc, { req, locale }) => {
    const id = doc.id
    if (!isEditor(req) || (typeof id !== 'number' && typeof id !== 'string')) return null
    return (await previewLink(req.payload, { collection, id, slug: doc.slug, locale })).url
  }

/**
 * Puts the preview button on stories, editions and activities when PREVIEW_URL is set. No live
 * preview: Payload's live preview posts the whole form to the site's page in the editor's
 * browser, hidden fields (contact, consent) included, where the button sends only a token.
 */
export const draftPreview =
  (): Plugin =>
  (config: Config): Config => {
    if (!settings().previewUrl) return config
    return {
      ...config,
      collections: (config.collections ?? []).map((collection) =>
        isPreviewCollection(collection.slug) ? { ...collection, admin: { ...collection.admin, preview: previewButtonUrl(collection.slug) } } : collection,
      ),
    }
  }
