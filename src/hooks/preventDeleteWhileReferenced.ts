import type { CollectionBeforeDeleteHook, CollectionSlug } from 'payload'
import { refusal } from '../http/refusal'

type Reference = { collection: CollectionSlug; field: string; what: string }

/**
 * Refuses to delete a document that other documents still point to, with a 409 that says how
 * many and what, instead of leaving activities without an organiser or an edition.
 */
export const preventDeleteWhileReferenced =
  (noun: string, references: Reference[]): CollectionBeforeDeleteHook =>
  async ({ id, req }) => {
    const blockers: string[] = []
    for (const { collection, field, what } of references) {
      const { totalDocs } = await req.payload.count({
        collection,
        where: { [field]: { equals: id } },
        overrideAccess: true,
        req,
      })
      if (totalDocs > 0) blockers.push(`${totalDocs} ${what}`)
    }
    if (blockers.length > 0) {
      throw refusal(409, `Deze ${noun} kan niet worden verwijderd: ${blockers.join(' en ')} verwijzen er nog naar. Verwijder of verplaats die eerst.`)
    }
  }
