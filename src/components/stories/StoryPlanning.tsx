import type { PayloadRequest, TypedUser } from 'payload'

import { isEditorUser } from '../../admin/visibility'
import { formatDateTime } from '../format'

type Props = { payload: PayloadRequest['payload']; user?: TypedUser | null }

type ScheduleInput = { type?: string; doc?: { relationTo?: string; value?: number | string } }

/** Scheduled publications of stories that failed (refused by a publish check), while the story is still not published. */
async function failedPublications(payload: Props['payload'], user: Props['user']) {
  const jobs = await payload.find({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: 'schedulePublish' } }, { hasError: { equals: true } }] },
    sort: '-updatedAt',
    limit: 20,
    depth: 0,
    overrideAccess: true,
  })
  const failed = jobs.docs
    .map((job) => ({ job, input: (job.input ?? {}) as ScheduleInput }))
    .filter(({ input }) => input.type !== 'unpublish' && input.doc?.relationTo === 'stories' && input.doc.value !== undefined)
  if (failed.length === 0) return []
  const stories = await payload.find({
    collection: 'stories',
    where: { and: [{ id: { in: failed.map(({ input }) => input.doc!.value!) } }, { _status: { not_equals: 'published' } }] },
    select: { title: true },
    pagination: false,
    depth: 0,
    overrideAccess: false,
    user,
  })
  const byId = new Map(stories.docs.map((story) => [String(story.id), story]))
  return failed.flatMap(({ job, input }) => {
    const story = byId.get(String(input.doc!.value))
    const reason = (job.error as { message?: string } | null | undefined)?.message
    return story ? [{ job, story, reason }] : []
  })
}

/**
 * Stories planned for (un)publication, soonest first, above the stories list: the schedule
 * lives in the jobs queue, which no API serves, so it is read here for editors only.
 */
export async function StoryPlanning({ payload, user }: Props) {
  if (!isEditorUser(user)) return null
  const jobs = await payload.find({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: 'schedulePublish' } },
        { completedAt: { exists: false } },
        { hasError: { not_equals: true } },
        { waitUntil: { greater_than: new Date().toISOString() } },
      ],
    },
    sort: 'waitUntil',
    limit: 40,
    depth: 0,
    overrideAccess: true,
  })
  const planned = jobs.docs
    .map((job) => ({ job, input: (job.input ?? {}) as ScheduleInput }))
    .filter(({ input }) => input.doc?.relationTo === 'stories' && input.doc.value !== undefined)
  const failed = await failedPublications(payload, user)
  if (planned.length === 0 && failed.length === 0) return null
  const stories = await payload.find({
    collection: 'stories',
    draft: true,
    where: { id: { in: planned.map(({ input }) => input.doc!.value!) } },
    select: { title: true, series: true, seriesNumber: true, consent: true },
    pagination: false,
    depth: 0,
    overrideAccess: false,
    user,
  })
  const byId = new Map(stories.docs.map((story) => [String(story.id), story]))
  const adminRoute = payload.config.routes.admin

  return (
    <section className="story-planning" aria-labelledby="story-planning-title">
      <h2 id="story-planning-title">Ingepland</h2>
      <ol>
        {planned.map(({ job, input }) => {
          const story = byId.get(String(input.doc!.value))
          if (!story) return null
          return (
            <li key={job.id}>
              <span className="story-planning__when">{formatDateTime(job.waitUntil)}</span> {input.type === 'unpublish' ? 'offline: ' : 'publiceren: '}
              <a href={`${adminRoute}/collections/stories/${story.id}`}>{story.title}</a>
              {story.series ? ` · ${story.series}${story.seriesNumber ? ` #${story.seriesNumber}` : ''}` : ''}
              {story.consent?.withdrawn && <strong className="story-planning__warning"> · toestemming ingetrokken</strong>}
            </li>
          )
        })}
      </ol>
      {failed.length > 0 && (
        <>
          <h3 id="story-planning-failed">Niet gepubliceerd</h3>
          <ul aria-labelledby="story-planning-failed">
            {failed.map(({ job, story, reason }) => (
              <li key={job.id}>
                <a href={`${adminRoute}/collections/stories/${story.id}`}>{story.title}</a>
                {reason ? `: ${reason}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
