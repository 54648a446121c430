import type { CollectionBeforeChangeHook } from 'payload'

/** The first publication date is kept; websites sort stories by it. */
export const stampPublishedAt: CollectionBeforeChangeHook = ({ data }) => {
  if (data._status === 'published' && !data.publishedAt) data.publishedAt = new Date().toISOString()
  return data
}
