import { readFileSync } from 'node:fs'

import type { Field, Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { isPersonal } from '../src/fields/personalData'
import { payload as getTestPayload } from './helpers/api'

/**
 * The processing record (docs/privacy.md) and the code describe the same personal data: every
 * collection or global that holds some has a section of its own, every field marked as personal
 * (`src/fields/personalData.ts`) is named in it, and a field that looks personal is marked or
 * explained below.
 */

const record = readFileSync('docs/privacy.md', 'utf8')

/** The text of each `### \`slug\`` section (a heading may name two slugs). */
const sections = new Map<string, string>()
for (const part of record.split(/^### /m).slice(1)) {
  const heading = part.split('\n')[0]
  for (const [, slug] of heading.matchAll(/`([a-z-]+)`/g)) sections.set(slug, part)
}

type Found = { path: string; field: Field & { name: string }; marked: boolean }

/** Every named field, with whether it or a group around it is marked as personal. */
function fieldsOf(fields: Field[], prefix = '', inMarked = false): Found[] {
  return fields.flatMap((field): Found[] => {
    if (field.type === 'tabs') return field.tabs.flatMap((tab) => fieldsOf(tab.fields, 'name' in tab && tab.name ? `${prefix}${tab.name}.` : prefix, inMarked))
    const marked = inMarked || isPersonal(field as { custom?: Record<string, unknown> })
    if (!('name' in field)) return 'fields' in field ? fieldsOf(field.fields, prefix, marked) : []
    const here: Found = { path: `${prefix}${field.name}`, field: field as Found['field'], marked }
    return [here, ...('fields' in field ? fieldsOf(field.fields, `${prefix}${field.name}.`, marked) : [])]
  })
}

/** Names that hold personal data wherever they occur. */
const personalNames =
  /^(name|email|phone|telephone|address|street|houseNumber|postalCode|displayName|ipHash|feedback|internalNotes|note|credit|namesToAvoid|lastError)$/

/** Fields with a personal-sounding name that hold none, and why. */
const notPersonal: Record<string, string> = {
  'organisers.name': 'the name of an organisation',
  'exports.name': 'the file name of an export',
  'payload-migrations.name': 'the name of a migration',
  'site-settings.helpLines.name': 'a public help line of an organisation',
  'site-settings.helpLines.phone': 'a public help line of an organisation',
  'activities.location.address': 'the venue of an activity, published with it',
  'activities.location.postalCode': 'the venue of an activity, published with it',
}

/** Payload's and its plugins' own collections that hold personal data, which the code cannot mark. */
const ownedByPayload = ['payload-jobs', 'payload-preferences', 'payload-locked-documents', 'exports']

describe('the processing record (docs/privacy.md)', () => {
  let payload: Payload
  let owners: { slug: string; fields: Found[]; personal: boolean }[]

  beforeAll(async () => {
    payload = await getTestPayload()
    owners = [...payload.config.collections, ...payload.config.globals].map((owner) => ({
      slug: owner.slug,
      fields: fieldsOf(owner.fields),
      personal: isPersonal(owner) || ('auth' in owner && Boolean(owner.auth)) || ownedByPayload.includes(owner.slug),
    }))
  })

  it('has a section for every collection and global that holds personal data, naming each marked field', () => {
    const holders = owners.filter((owner) => owner.personal || owner.fields.some((found) => found.marked))
    expect(holders.map((owner) => owner.slug)).toEqual(expect.arrayContaining(['activities', 'stories', 'users', 'payload-jobs']))
    for (const owner of holders) {
      const section = sections.get(owner.slug)
      expect(section, `docs/privacy.md has no section "### \`${owner.slug}\`"`).toBeDefined()
      for (const found of owner.fields.filter((f) => f.marked && isPersonal(f.field as { custom?: Record<string, unknown> }))) {
        const named = new RegExp(`\`([\\w.]+\\.)?${found.field.name}(\\.[\\w.]+)?\``)
        expect(section, `docs/privacy.md, section ${owner.slug}, does not name \`${found.path}\``).toMatch(named)
      }
    }
  })

  it('marks every field that looks personal, or says why it is not', () => {
    const unmarked = owners.flatMap((owner) =>
      owner.fields
        .filter((found) => !found.marked && (found.field.type === 'email' || personalNames.test(found.field.name) || isAccountLink(found.field)))
        .map((found) => `${owner.slug}.${found.path}`)
        .filter((path) => !(path in notPersonal) && !ownedByPayload.includes(path.split('.')[0]) && !isAuthOwner(path.split('.')[0])),
    )
    expect(unmarked).toEqual([])
  })

  it('describes only what exists', () => {
    const slugs = new Set(owners.map((owner) => owner.slug))
    expect([...sections.keys()].filter((slug) => !slugs.has(slug))).toEqual([])
    for (const path of Object.keys(notPersonal)) {
      const [slug, ...rest] = path.split('.')
      const owner = owners.find((o) => o.slug === slug)
      expect(
        owner?.fields.some((found) => found.path === rest.join('.')),
        path,
      ).toBe(true)
    }
  })

  const isAuthOwner = (slug: string) => payload.config.collections.some((collection) => collection.slug === slug && Boolean(collection.auth))
})

/** A link to an account says who did something. */
const isAccountLink = (field: Field) => field.type === 'relationship' && field.relationTo === 'users'
