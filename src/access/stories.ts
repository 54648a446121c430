import type { Access, AccessResult, Where } from 'payload'

import { isEditor } from './roles'

/** Published, and the storyteller has not withdrawn consent: public while the consent is valid. */
const publishedWithConsent = (): Where => ({
  and: [{ _status: { equals: 'published' } }, { 'consent.withdrawn': { not_equals: true } }],
})

/**
 * A story anybody may read. `consent.withdrawn` and `consent.validUntil` are the story's own row,
 * which every withdrawal, and every save that sets or shortens the consent's validity, marks at
 * once, also one saved as a draft (src/hooks/withdrawConsentAtOnce.ts,
 * src/hooks/consentValidityOnRow.ts). A story is offline from the moment its `validUntil` passes,
 * without any write. The search, the story audio and the webhooks apply this same rule
 * (src/access/publicRows.ts); the response cache changes its key when a `validUntil` passes
 * (src/db/contentChanges.ts).
 */
export const publicStory = (): Where => ({
  and: [publishedWithConsent(), { or: [{ 'consent.validUntil': { exists: false } }, { 'consent.validUntil': { greater_than: new Date().toISOString() } }] }],
})

/** Stories that were public until their consent's `validUntil` passed, `at` or before. */
export const consentExpiredStory = (at = new Date()): Where => ({
  and: [publishedWithConsent(), { 'consent.validUntil': { less_than_equal: at.toISOString() } }],
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
