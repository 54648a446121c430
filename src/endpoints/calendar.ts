import { type Endpoint, type PayloadRequest, type Where } from 'payload'

import { publiclyListed } from '../access/activities'
import { toICalendar, type CalendarEvent } from '../delivery/icalendar'
import { activityFormats } from '../fields/options'
import { limitsCheckedByEndpoint } from '../plugins/anonymousReadLimits'
import type { Activity, Organiser } from '../payload-types'
import { refusal } from '../http/refusal'
import { openapi } from '../openapi/describe'

export const calendarLimits = { defaultEvents: 500, maxEvents: 1000 }

const words = {
  nl: { name: 'Week tegen Kindermishandeling: activiteiten', organiser: 'Organisatie', register: 'Aanmelden', free: 'Gratis', online: 'Online' },
  en: { name: 'Week against Child Abuse: activities', organiser: 'Organiser', register: 'Registration', free: 'Free', online: 'Online' },
}

type Language = keyof typeof words

const eventUid = (id: number | string) => `activity-${id}@weektegenkindermishandeling.nl`

function toEvent(activity: Activity, language: Language): CalendarEvent {
  const w = words[language]
  const organiser = typeof activity.organiser === 'object' ? (activity.organiser as Organiser) : undefined
  const { location, registration } = activity
  const place = [location?.venue, location?.address, [location?.postalCode, location?.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')
  const where = location?.mode === 'online' ? w.online : location?.mode === 'hybrid' ? [place, w.online].filter(Boolean).join(' / ') : place
  const cost = registration?.isFree ? w.free : registration?.costNote
  const description = [
    activity.summary,
    organiser?.name ? `${w.organiser}: ${organiser.name}` : undefined,
    registration?.url ? `${w.register}: ${registration.url}` : undefined,
    cost,
    location?.onlineUrl && location.mode !== 'on-site' ? `${w.online}: ${location.onlineUrl}` : undefined,
  ]
    .filter(Boolean)
    .join('\n')
  const format = activityFormats.find((option) => option.value === activity.format)
  return {
    uid: eventUid(activity.id),
    title: activity.title,
    startsAt: new Date(activity.startsAt),
    endsAt: activity.endsAt ? new Date(activity.endsAt) : undefined,
    lastModified: new Date(activity.updatedAt),
    cancelled: activity.status === 'cancelled',
    description: description || undefined,
    location: where || undefined,
    url: registration?.url || location?.onlineUrl || undefined,
    categories: format ? [format.label[language]] : undefined,
  }
}

function eventCount(req: PayloadRequest): number {
  const asked = req.query?.limit === undefined ? calendarLimits.defaultEvents : Number(req.query.limit)
  if (!Number.isInteger(asked) || asked < 1 || asked > calendarLimits.maxEvents) {
    const message = `limit moet een geheel getal van 1 tot en met ${calendarLimits.maxEvents} zijn.`
    throw refusal(400, message, [{ path: 'limit', message }])
  }
  return asked
}

/**
 * `GET /api/activities/calendar.ics`: the public activities as an iCalendar feed, filtered with
 * the same `where` parameters as the list and sorted by start. Only what is public is ever in
 * it, whoever asks: a partner's own unreviewed activities stay out.
 */
export const calendarEndpoint: Endpoint = {
  path: '/calendar.ics',
  method: 'get',
  handler: async (req) => {
    const limit = eventCount(req)
    const asked = req.query?.where as Where | undefined
    const listed = await publiclyListed(req)
    const where: Where = asked && typeof asked === 'object' ? { and: [listed, asked] } : listed
    const language: Language = req.locale === 'en' ? 'en' : 'nl'
    const { docs } = await req.payload.find({
      collection: 'activities',
      where,
      sort: 'startsAt',
      limit,
      depth: 1,
      select: {
        title: true,
        summary: true,
        format: true,
        startsAt: true,
        endsAt: true,
        status: true,
        location: true,
        registration: true,
        organiser: true,
        updatedAt: true,
      },
      populate: { organisers: { name: true } },
      overrideAccess: false,
      context: { [limitsCheckedByEndpoint]: true },
      req,
    })
    const body = toICalendar({ name: words[language].name, events: docs.map((doc) => toEvent(doc as Activity, language)) })
    return new Response(body, {
      headers: {
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': 'inline; filename="activiteiten.ics"',
      },
    })
  },
  custom: openapi(({ parameter, refused, whereOf }) => ({
    operationId: 'getActivitiesCalendar',
    summary: 'The public activities as an iCalendar feed',
    description:
      'RFC 5545, sorted by start, local Amsterdam times with the VTIMEZONE; a cancelled activity stays in it with STATUS:CANCELLED. Only public activities, whoever asks.',
    tags: ['activities'],
    parameters: [
      whereOf('activities'),
      parameter('locale'),
      {
        name: 'limit',
        in: 'query',
        description: `Most events, 1 to ${calendarLimits.maxEvents}; otherwise 400.`,
        schema: { type: 'integer', minimum: 1, maximum: calendarLimits.maxEvents, default: calendarLimits.defaultEvents },
      },
    ],
    responses: {
      200: { description: 'The calendar.', content: { 'text/calendar': { schema: { type: 'string' } } } },
      400: refused('A bad filter or `limit`.'),
    },
  })),
}
