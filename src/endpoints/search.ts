import type { Endpoint, PayloadRequest } from 'payload'

import { type FieldError, refusal } from '../http/refusal'
import { openapi } from '../openapi/describe'
import { anonymousReadDefaults } from '../plugins/anonymousReadLimits'
import { queryLimitDefaults } from '../plugins/inputGuards'
import { search, type SearchQuestion, type SearchType, searchTypes } from '../search/query'

export const searchLimits = { maxQueryLength: 200, defaultLimit: 10, maxLimit: anonymousReadDefaults.maxLimit, maxPage: queryLimitDefaults.maxPage }

const wholeNumber = (value: string | null, fallback: number, max: number): number | undefined => {
  if (value === null) return fallback
  if (!/^\d{1,7}$/.test(value)) return undefined
  const number = Number(value)
  return number >= 1 && number <= max ? number : undefined
}

/** The question in the query string, or a 400 naming each parameter that is wrong. */
function readQuestion(req: PayloadRequest): SearchQuestion {
  const params = req.searchParams
  const errors: FieldError[] = []
  const refuse = (path: string, message: string) => errors.push({ path, message })

  // Control characters cannot be searched for (and PostgreSQL refuses NUL).
  // eslint-disable-next-line no-control-regex
  const q = (params.get('q') ?? '').replace(/[\u0000-\u001f\u007f]+/g, ' ').trim()
  if (!q) refuse('q', 'Vul een zoekterm in (q).')
  else if (q.length > searchLimits.maxQueryLength) refuse('q', `De zoekterm (q) mag hoogstens ${searchLimits.maxQueryLength} tekens lang zijn.`)

  const askedTypes = params.get('type')
  const types = askedTypes === null ? [...searchTypes] : [...new Set(askedTypes.split(',').map((type) => type.trim()))]
  if (types.length === 0 || types.some((type) => !searchTypes.includes(type as SearchType))) {
    refuse('type', `type moet een of meer van ${searchTypes.join(', ')} zijn, gescheiden door komma's.`)
  }

  const locales = req.payload.config.localization ? req.payload.config.localization.localeCodes : []
  const defaultLocale = req.payload.config.localization ? req.payload.config.localization.defaultLocale : 'nl'
  const locale = params.get('locale') ?? defaultLocale
  if (!locales.includes(locale)) refuse('locale', `locale moet een van ${locales.join(', ')} zijn.`)

  const limit = wholeNumber(params.get('limit'), searchLimits.defaultLimit, searchLimits.maxLimit)
  if (limit === undefined) refuse('limit', `limit moet een geheel getal van 1 tot en met ${searchLimits.maxLimit} zijn.`)
  const page = wholeNumber(params.get('page'), 1, searchLimits.maxPage)
  if (page === undefined) refuse('page', `page moet een geheel getal van 1 tot en met ${searchLimits.maxPage.toLocaleString('nl-NL')} zijn.`)

  if (errors.length > 0) throw refusal(400, errors.map((error) => error.message).join(' '), errors)
  return { q, types: types as SearchType[], locale, limit: limit!, page: page! }
}

/**
 * `GET /api/search?q=…&type=activities,stories&locale=nl&limit=10&page=1`: public activities and
 * stories that match, best first, with a snippet in which `<mark>` marks the matched words.
 * Whoever asks, only what anonymous readers may read is searched (src/search/query.ts).
 */
export const searchEndpoint: Endpoint = {
  path: '/search',
  method: 'get',
  handler: async (req) => {
    const question = readQuestion(req)
    const { docs, totalDocs } = await search(req, question)
    return Response.json({ docs, totalDocs, page: question.page, limit: question.limit })
  },
  custom: openapi(({ parameter, refused }) => ({
    operationId: 'search',
    summary: 'Search public activities and stories',
    description:
      'Dutch full-text search (stemming, accents ignored, title over summary over text), best match first; titles that look like `q` when the words find nothing. Only what anonymous readers may read is searched, whoever asks.',
    tags: ['search'],
    parameters: [
      {
        name: 'q',
        in: 'query',
        required: true,
        description: `What to look for, 1 to ${searchLimits.maxQueryLength} characters: all words; "quotes" for a phrase, -word to leave out, or between words for either.`,
        schema: { type: 'string', minLength: 1, maxLength: searchLimits.maxQueryLength },
      },
      {
        name: 'type',
        in: 'query',
        description: 'Which kinds, comma separated (default all).',
        schema: { type: 'string', default: searchTypes.join(','), examples: [...searchTypes] },
      },
      parameter('locale'),
      {
        name: 'limit',
        in: 'query',
        description: `Hits per page, 1 to ${searchLimits.maxLimit}; otherwise 400 (also with a login).`,
        schema: { type: 'integer', minimum: 1, maximum: searchLimits.maxLimit, default: searchLimits.defaultLimit },
      },
      parameter('page'),
    ],
    responses: {
      200: {
        description: 'One page of hits.',
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['docs', 'totalDocs', 'page', 'limit'],
              additionalProperties: false,
              properties: {
                docs: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['type', 'id', 'slug', 'title', 'snippet', 'rank'],
                    additionalProperties: false,
                    properties: {
                      type: { type: 'string', enum: [...searchTypes] },
                      id: { type: 'integer' },
                      slug: { type: ['string', 'null'] },
                      title: { type: ['string', 'null'], description: 'Plain text: escape it.' },
                      snippet: { type: 'string', description: 'HTML: the content escaped, the matched words in `<mark>`.' },
                      rank: { type: 'number', description: 'Higher is better; comparable within one answer only.' },
                    },
                  },
                },
                totalDocs: { type: 'integer' },
                page: { type: 'integer' },
                limit: { type: 'integer' },
              },
            },
          },
        },
      },
      400: refused('An empty or overlong `q`, or a bad `type`, `locale`, `limit` or `page`, each with its message.'),
    },
  })),
}
