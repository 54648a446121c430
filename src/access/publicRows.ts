import type { PayloadRequest, Where } from 'payload'

import { publiclyListed } from './activities'
import { publicStory } from './stories'

/**
 * What anonymous readers may read of activities and stories, as the collections' read access
 * says it: for the search and the webhooks, which apply it to rows themselves.
 */
export const publicRows: Record<'activities' | 'stories', (req: PayloadRequest) => Promise<Where> | Where> = {
  activities: publiclyListed,
  stories: publicStory,
}
