import { seoPlugin } from '@payloadcms/plugin-seo'
import type { CollectionBeforeChangeHook, CollectionSlug, Config, Field, Plugin } from 'payload'

import { idOf } from '../access/roles'
import { label } from '../fields/label'

type Doc = Record<string, unknown>

/** What a search engine or a shared link shows of a document, made from its own fields. */
type MetaDefaults = {
  title: (doc: Doc) => string | undefined
  description: (doc: Doc) => string | undefined
  image?: (doc: Doc) => number | string | undefined
}

/** Search engines show about this much of a description. */
const descriptionLength = 160

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.replace(/\s+/g, ' ').trim() : undefined)

/** The text of a Lexical rich-text value, paragraphs separated by a space. */
export function plainText(value: unknown): string | undefined {
  const parts: string[] = []
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return
    const { text: own, children } = node as { text?: unknown; children?: unknown }
    if (typeof own === 'string') parts.push(own)
    if (Array.isArray(children)) children.forEach(walk)
  }
  walk((value as { root?: unknown } | null)?.root)
  return text(parts.join(' '))
}

/** At most `descriptionLength` characters, cut after a whole word. */
const shortened = (value: string | undefined): string | undefined => {
  if (!value || value.length <= descriptionLength) return value
  const cut = value.slice(0, descriptionLength - 1)
  return `${cut.slice(0, cut.lastIndexOf(' ') > 80 ? cut.lastIndexOf(' ') : cut.length).replace(/[\s,;:.–-]+$/, '')}…`
}

/** The collections with SEO fields and where their defaults come from. */
export const metaDefaults: Partial<Record<CollectionSlug, MetaDefaults>> = {
  editions: {
    title: (doc) => (text(doc.theme) ? `Week tegen Kindermishandeling ${doc.year}: ${text(doc.theme)}` : undefined),
    description: (doc) => shortened(plainText(doc.description)),
    image: (doc) => idOf(doc.heroImage),
  },
  stories: {
    title: (doc) => text(doc.title),
    description: (doc) => shortened(text(doc.summary) ?? plainText(doc.body)),
    image: (doc) => idOf(doc.heroImage),
  },
  activities: {
    title: (doc) => text(doc.title),
    description: (doc) => shortened(text(doc.summary) ?? plainText(doc.description)),
  },
  'campaign-assets': {
    title: (doc) => text(doc.title),
    description: (doc) => shortened(text(doc.description)),
  },
}

type Meta = { title?: string | null; description?: string | null; image?: unknown }

/**
 * Fills in `meta` left empty from the document's own fields on every save, through the admin and
 * the API alike. A value that was made this way before follows the fields it was made from; one
 * that someone typed stays.
 */
export const fillMeta =
  (defaults: MetaDefaults): CollectionBeforeChangeHook =>
  ({ data, originalDoc }) => {
    const previous = (originalDoc ?? {}) as Doc
    const next: Doc = { ...previous, ...data }
    const stored = { ...((previous.meta ?? {}) as Meta), ...((data.meta ?? {}) as Meta) }
    const made = (key: keyof MetaDefaults, value: unknown) => {
      const make = defaults[key]
      if (!make) return value
      const current = key === 'image' ? idOf(value) : text(value)
      if (current === undefined || current === make(previous)) return make(next) ?? null
      return value
    }
    return {
      ...data,
      meta: { ...stored, title: made('title', stored.title), description: made('description', stored.description), image: made('image', stored.image) },
    }
  }

const labels: Record<string, ReturnType<typeof label>> = {
  title: label('Titel voor zoekmachines en gedeelde links', 'Title for search engines and shared links'),
  description: label('Omschrijving voor zoekmachines en gedeelde links', 'Description for search engines and shared links'),
  image: label('Beeld bij gedeelde links (1200 × 630)', 'Image for shared links (1200 × 630)'),
}

const notLocalized = (field: Field): Field => (field.type === 'ui' ? field : ({ ...field, localized: false } as Field))

/**
 * `meta` (title, description, image) of @payloadcms/plugin-seo on editions, stories, activities and
 * campaign material, filled in from the document when left empty (`fillMeta`). Activities are
 * written in Dutch only, so their `meta` is too.
 */
export const seo = (): Plugin => (config: Config) => {
  const slugs = Object.keys(metaDefaults) as CollectionSlug[]
  const withFields = seoPlugin({
    collections: slugs,
    uploadsCollection: 'media',
    generateTitle: ({ doc, collectionConfig }) => metaDefaults[collectionConfig?.slug as CollectionSlug]?.title(doc) ?? '',
    generateDescription: ({ doc, collectionConfig }) => metaDefaults[collectionConfig?.slug as CollectionSlug]?.description(doc) ?? '',
    generateImage: ({ doc, collectionConfig }) => metaDefaults[collectionConfig?.slug as CollectionSlug]?.image?.(doc) ?? '',
    fields: ({ defaultFields }) =>
      defaultFields.map((field) => ('name' in field && labels[field.name] ? ({ ...field, label: labels[field.name] } as Field) : field)),
  })(config) as Config
  return {
    ...withFields,
    collections: (withFields.collections ?? []).map((collection) => {
      const defaults = metaDefaults[collection.slug as CollectionSlug]
      if (!defaults) return collection
      const fields =
        collection.slug === 'activities'
          ? collection.fields.map((field) =>
              'name' in field && field.name === 'meta' && field.type === 'group' ? { ...field, fields: field.fields.map(notLocalized) } : field,
            )
          : collection.fields
      return { ...collection, fields, hooks: { ...collection.hooks, beforeChange: [...(collection.hooks?.beforeChange ?? []), fillMeta(defaults)] } }
    }),
  }
}
