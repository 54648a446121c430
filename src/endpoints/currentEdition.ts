import { type Endpoint, type PayloadRequest } from 'payload'

import { idOf } from '../access/roles'
import { amsterdamDate } from '../delivery/time'
import { refusal } from '../http/refusal'
import { openapi } from '../openapi/describe'

type Dated = { id: number; startDate?: string | null; endDate?: string | null }

const day = (value: string | null | undefined) => (value ? amsterdamDate(new Date(value)) : undefined)

/**
 * The edition a campaign website shows when the editors have not chosen one: the one running
 * today, else the next one, else the most recent one.
 */
export function pickByDate(editions: Dated[], today: string): Dated | undefined {
  const dated = editions.filter((edition) => day(edition.startDate))
  const running = dated.find((edition) => day(edition.startDate)! <= today && today <= (day(edition.endDate) ?? day(edition.startDate)!))
  if (running) return running
  const upcoming = dated.filter((edition) => day(edition.startDate)! > today).sort((a, b) => (a.startDate! < b.startDate! ? -1 : 1))
  if (upcoming.length) return upcoming[0]
  return [...dated].sort((a, b) => (a.startDate! < b.startDate! ? 1 : -1))[0]
}

async function currentEditionId(req: PayloadRequest): Promise<number | string | undefined> {
  // Own requests for the lookups: a Local API call with `req` changes that request's depth and locale.
  const settings = await req.payload.findGlobal({ slug: 'site-settings', depth: 0, overrideAccess: false, user: req.user })
  const chosen = idOf(settings.currentEdition)
  if (chosen !== undefined) return chosen
  const { docs } = await req.payload.find({
    collection: 'editions',
    select: { startDate: true, endDate: true },
    depth: 0,
    limit: 200,
    overrideAccess: false,
    user: req.user,
  })
  return pickByDate(docs, amsterdamDate(new Date()))?.id
}

/** `GET /api/editions/current`: the edition the campaign website shows now, with its organisers. */
export const currentEditionEndpoint: Endpoint = {
  path: '/current',
  method: 'get',
  handler: async (req) => {
    const id = await currentEditionId(req)
    if (id === undefined) throw refusal(404, 'Er is nog geen editie.')
    const depth = Number(req.query?.depth)
    const edition = await req.payload.findByID({
      collection: 'editions',
      id,
      depth: Number.isInteger(depth) ? depth : 2,
      overrideAccess: false,
      req,
    })
    return Response.json(edition)
  },
  custom: openapi(({ documentOf, parameter, refused }) => ({
    operationId: 'getCurrentEdition',
    summary: 'The current edition',
    description:
      'The edition the editors chose in the site settings; without a choice the one running today (in Amsterdam), else the next one, else the most recent one.',
    tags: ['editions'],
    parameters: [parameter('depth'), parameter('locale')],
    responses: {
      200: { description: 'The edition.', content: { 'application/json': { schema: documentOf('editions') } } },
      404: refused('There is no edition at all.'),
    },
  })),
}
