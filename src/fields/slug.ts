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

async function firstFreeSlug(
  req: PayloadRequest,
  collection: CollectionSlug,
  base: string,
  ownId: unknown,
): Promise<string> {
  // The adapter's own find: every taken slug, whoever asks. Through the API an anonymous caller
  // (the public submission form) would get one capped page and miss a slug that is taken.
  const taken = await req.payload.db.find<{ slug?: string }>({
    collection,
    where: {
      and: [
        { or: [{ slug: { equals: base } }, { slug: { like: `${base}-` } }] },
        ...(ownId ? ([{ id: { not_equals: ownId } }] as Where[]) : []),
      ],
    },
    select: { slug: true } as never,
    pagination: false,
    req,
  })
  const used = new Set(taken.docs.map((doc) => (doc as { slug?: string }).slug))
  if (!used.has(base)) return base
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`
}

/**
 * A unique, URL-friendly slug. Left empty, it is made from `from` (the title) and gets a
 * number appended while another document uses it; typed in, it is kept as typed and a clash is
 * refused as not unique. Once set it stays put, so links do not break when a title is corrected.
 */
export const slug = (collection: CollectionSlug, from = 'title'): Field => {
  const fillIn: FieldHook = async ({ value, data, originalDoc, req }) => {
    if (typeof value === 'string' && value.trim() !== '') return value.trim()
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
    maxLength: 100,
    admin: {
      position: 'sidebar',
      description: label(
        'Deel van het webadres. Leeg laten: wordt gemaakt uit de titel.',
        'Part of the web address. Leave empty to make it from the title.',
      ),
    },
    hooks: { beforeValidate: [fillIn] },
    validate: (value: unknown) =>
      value === undefined || value === null || value === '' || /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(String(value))
        ? true
        : 'Een slug bestaat uit kleine letters, cijfers en streepjes, zoals week-2022.',
  }
}
