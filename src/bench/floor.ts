/**
 * The floor of this stack: a bare Node HTTP server that answers the benchmark's list query with
 * the equivalent SQL through `pg` and returns the same JSON shape as Payload (activity fields a
 * visitor may see, organiser and edition as listings populate them, totalDocs and pages).
 *
 *   DATABASE_URL=... PORT=... tsx src/bench/floor.ts
 *   GET /activities?edition=ID&province=utrecht&from=ISO&page=1&limit=20
 */
import http from 'node:http'
import { pathToFileURL } from 'node:url'

import pg from 'pg'

import { settings } from '../env'

const where = `
  FROM activities a
  JOIN editions e ON e.id = a.edition_id
  WHERE a._status = 'published' AND a.status IN ('approved', 'cancelled') AND e.submissions_listed_from <= now()
    AND a.edition_id = $1 AND a.location_province = $2 AND a.starts_at >= $3`

export const floorListQuery = `
  SELECT a.id, a.title, a.slug, a.summary, a.description, a.format, a.starts_at, a.ends_at,
    a.location_mode, a.location_venue, a.location_address, a.location_postal_code, a.location_city,
    a.location_province, a.location_online_url, a.registration_url, a.registration_is_free,
    a.registration_cost_note, a.status, a.submitted_at, a.updated_at, a.created_at, a._status,
    (SELECT coalesce(array_agg(value ORDER BY "order"), '{}') FROM activities_audiences WHERE parent_id = a.id) AS audiences,
    (SELECT coalesce(array_agg(value ORDER BY "order"), '{}') FROM activities_themes WHERE parent_id = a.id) AS themes,
    o.id AS o_id, o.name AS o_name, o.short_name AS o_short_name, o.slug AS o_slug, o.logo_id AS o_logo,
    e.id AS e_id, e.year AS e_year, e.number AS e_number, e.slug AS e_slug, e.start_date AS e_start, e.end_date AS e_end,
    (SELECT theme FROM editions_locales WHERE _parent_id = e.id AND _locale = 'nl') AS e_theme
  ${where.replace('FROM activities a', 'FROM activities a JOIN organisers o ON o.id = a.organiser_id')}
  ORDER BY a.starts_at, a.id
  LIMIT $4 OFFSET $5`

export const floorCountQuery = `SELECT count(*)::int AS total ${where}`

type Row = Record<string, unknown>

const toDoc = (r: Row) => ({
  id: r.id,
  title: r.title,
  slug: r.slug,
  edition: {
    id: r.e_id,
    year: r.e_year,
    number: r.e_number,
    theme: r.e_theme,
    slug: r.e_slug,
    startDate: r.e_start,
    endDate: r.e_end,
  },
  organiser: { id: r.o_id, name: r.o_name, shortName: r.o_short_name, slug: r.o_slug, logo: r.o_logo },
  summary: r.summary,
  description: r.description,
  format: r.format,
  audiences: r.audiences,
  themes: r.themes,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  location: {
    mode: r.location_mode,
    venue: r.location_venue,
    address: r.location_address,
    postalCode: r.location_postal_code,
    city: r.location_city,
    province: r.location_province,
    onlineUrl: r.location_online_url,
  },
  registration: { url: r.registration_url, isFree: r.registration_is_free, costNote: r.registration_cost_note },
  status: r.status,
  submittedAt: r.submitted_at,
  updatedAt: r.updated_at,
  createdAt: r.created_at,
  _status: r._status,
})

function serve(pool: pg.Pool) {
  return http.createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://floor')
      if (url.pathname !== '/activities') {
        response.writeHead(404).end()
        return
      }
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 20), 100)
      const page = Math.max(Number(url.searchParams.get('page') ?? 1), 1)
      const params = [Number(url.searchParams.get('edition')), url.searchParams.get('province'), url.searchParams.get('from')]
      const [list, count] = await Promise.all([
        pool.query(floorListQuery, [...params, limit, (page - 1) * limit]),
        pool.query<{ total: number }>(floorCountQuery, params),
      ])
      const totalDocs = count.rows[0].total
      const totalPages = Math.ceil(totalDocs / limit)
      const body = JSON.stringify({
        docs: list.rows.map(toDoc),
        totalDocs,
        limit,
        totalPages,
        page,
        pagingCounter: (page - 1) * limit + 1,
        hasPrevPage: page > 1,
        hasNextPage: page < totalPages,
        prevPage: page > 1 ? page - 1 : null,
        nextPage: page < totalPages ? page + 1 : null,
      })
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(body)
    } catch (error) {
      response.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(error))
    }
  })
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { databaseUrl, port } = settings()
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 })
  serve(pool).listen(port, '127.0.0.1', () => console.log(`floor listening on ${port}`))
}
