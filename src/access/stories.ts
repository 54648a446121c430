import type { Access, AccessResult, Where } from 'payload'

import { isEditor } from './roles'

/**
 * A story anybody may read. `consent.withdrawn` is the story's own row, which every withdrawal
 * marks at once, also one saved as a draft (src/hooks/withdrawConsentAtOnce.ts). The search
 * (src/search/query.ts) applies this same rule.
 */
export const publicStory = (): Where => ({
  and: [{ _status: { equals: 'published' } }, { 'consent.withdrawn': { not_equals: true } }],
})

/**
 * Everybody but editors sees published stories only, and never one whose storyteller withdrew
 * consent. This is the read rule itself, not a `draft=false` default, so no query can reach a
 * draft or a withdrawn story.
 */
export const readStories: Access = ({ req }): AccessResult => {
  if (isEditor(req)) return true
  return publicStory()
}

/** Audio files are public only while a story that may be read publicly uses them. */
export const readStoryAudio: Access = async ({ req }) => {
  if (isEditor(req)) return true
  const stories = await req.payload.find({
    collection: 'stories',
    where: { and: [publicStory(), { audio: { exists: true } }] },
    select: { audio: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const ids = stories.docs.map((story) => story.audio).filter((id) => id !== null && id !== undefined)
  return { id: { in: ids.length > 0 ? ids : [-1] } }
}
