import type { CollectionSlug, Field, FieldHook, PayloadRequest, Where } from 'payload'

import { label } from './label'

/** "Praat met elkaar!" → "praat-met-elkaar", "Café Zoë" → "cafe-zoe". */
export const toSlug = (value: string): string =>
  value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '')

const maxSlugLength = 100
const isWellFormed = (value: string) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value)

async function firstFreeSlug(req: PayloadRequest, collection: CollectionSlug, base: string, ownId: unknown): Promise<string> {
  // Room for a number at the end, so that a suffixed slug still fits.
  const stem = base.slice(0, maxSlugLength - 4).replace(/-+$/, '')
  // The adapter's own find: every taken slug, whoever asks. Through the API an anonymous caller
  // (the public submission form) would get one capped page and miss a slug that is taken.
  const taken = await req.payload.db.find<{ slug?: string }>({
    collection,
    where: {
      and: [{ or: [{ slug: { equals: base } }, { slug: { like: `${stem}-` } }] }, ...(ownId ? ([{ id: { not_equals: ownId } }] as Where[]) : [])],
    },
    select: { slug: true } as never,
    pagination: false,
    req,
  })
  const used = new Set(taken.docs.map((doc) => (doc as { slug?: string }).slug))
  if (!used.has(base)) return base
  for (let n = 2; ; n++) if (!used.has(`${stem}-${n}`)) return `${stem}-${n}`
}

/**
 * A unique, URL-friendly slug. Left empty, it is made from `from` (the title). Made or typed in,
 * it gets a number appended while another document uses it: a refusal would tell a partner that
 * some document it may not see (another organisation's draft) has that slug. Once set it stays
 * put, so links do not break when a title is corrected.
 */
export const slug = (collection: CollectionSlug, from = 'title'): Field => {
  const fillIn: FieldHook = async ({ value, data, originalDoc, req }) => {
    if (typeof value === 'string' && value.trim() !== '') {
      const typed = value.trim()
      // A malformed slug is refused by `validate` below, whether or not it is taken.
      return isWellFormed(typed) ? firstFreeSlug(req, collection, typed, originalDoc?.id) : typed
    }
    const source = data?.[from] ?? originalDoc?.[from]
    const base = source === undefined || source === null ? '' : toSlug(String(source))
    return base ? firstFreeSlug(req, collection, base, originalDoc?.id) : value
  }
  return {
    name: 'slug',
    label: label('Slug (webadres)', 'Slug'),
    type: 'text',
    unique: true,
    index: true,
    maxLength: maxSlugLength,
    admin: {
      position: 'sidebar',
      description: label('Deel van het webadres. Leeg laten: wordt gemaakt uit de titel.', 'Part of the web address. Leave empty to make it from the title.'),
    },
    hooks: { beforeValidate: [fillIn] },
    validate: (value: unknown) =>
      value === undefined || value === null || value === '' || isWellFormed(String(value))
        ? true
        : 'Een slug bestaat uit kleine letters, cijfers en streepjes, zoals week-2022.',
  }
}
