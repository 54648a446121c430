import { sql } from '@payloadcms/db-postgres'
import type { PostgresAdapter } from '@payloadcms/db-postgres'
import { buildQuery, type DrizzleAdapter } from '@payloadcms/drizzle'
import type { PayloadRequest } from 'payload'

import { publicRows } from '../access/publicRows'
import { textSearchConfig } from './database'

type SQL = ReturnType<typeof sql>

export const searchTypes = ['activities', 'stories'] as const
export type SearchType = (typeof searchTypes)[number]

export type SearchHit = { type: SearchType; id: number; slug: string | null; title: string | null; snippet: string; rank: number }

export type SearchQuestion = { q: string; types: SearchType[]; locale: string; limit: number; page: number }

type Source = {
  /** The rows of the public API, with their texts in `locale`. */
  from: (locale: string) => SQL
  id: SQL
  slug: SQL
  title: SQL
  summary: SQL
  body: SQL
  vector: SQL
  /** Activities are written in Dutch only; stories in each language. */
  config: (locale: string) => string
}

const sources: Record<SearchType, Source> = {
  activities: {
    from: () => sql`"activities"`,
    id: sql`"activities"."id"`,
    slug: sql`"activities"."slug"`,
    title: sql`"activities"."title"`,
    summary: sql`"activities"."summary"`,
    body: sql`"activities"."description"`,
    vector: sql`"activities"."_search"`,
    config: () => textSearchConfig('nl'),
  },
  stories: {
    from: (locale) => sql`"stories" JOIN "stories_locales" ON "stories_locales"."_parent_id" = "stories"."id" AND "stories_locales"."_locale" = ${locale}`,
    id: sql`"stories"."id"`,
    slug: sql`"stories"."slug"`,
    title: sql`"stories_locales"."title"`,
    summary: sql`"stories_locales"."summary"`,
    body: sql`"stories_locales"."body"`,
    vector: sql`"stories_locales"."_search"`,
    config: textSearchConfig,
  },
}

/** Marks around the matched words; the content's own text is escaped before they are added. */
const headlineOptions = 'StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "'

const adapterOf = (req: PayloadRequest) => req.payload.db as unknown as PostgresAdapter

/**
 * The read rule of a collection as SQL, built by the database adapter exactly as for a REST list,
 * so the search can rank and page inside PostgreSQL without a copy of the rule. A rule that
 * would need a join is not supported here: better no search than a wrong one.
 */
async function publicCondition(req: PayloadRequest, type: SearchType, locale: string): Promise<SQL> {
  const adapter = adapterOf(req) as unknown as DrizzleAdapter
  const { where, joins } = buildQuery({
    adapter,
    fields: req.payload.collections[type].config.flattenedFields,
    locale,
    tableName: adapter.tableNameMap.get(type) ?? type,
    where: await publicRows[type](req),
  })
  if (joins.length > 0 || !where) throw new Error(`The public read rule of ${type} cannot be applied to the search.`)
  return where as SQL
}

type Match = 'words' | 'similar-title'

/** One type's matching public rows with their rank. */
function hits(source: Source, type: SearchType, question: SearchQuestion, isPublic: SQL, match: Match): SQL {
  const { q, locale } = question
  if (match === 'words') {
    return sql`SELECT ${type}::text AS type, ${source.id} AS id, ts_rank(${source.vector}, query) AS rank
      FROM ${source.from(locale)}, websearch_to_tsquery(${source.config(locale)}::regconfig, ${q}) AS query
      WHERE ${source.vector} @@ query AND (${isPublic})`
  }
  return sql`SELECT ${type}::text AS type, ${source.id} AS id, word_similarity(wtk_unaccent(${q}), wtk_unaccent(${source.title}))::real AS rank
    FROM ${source.from(locale)}
    WHERE wtk_unaccent(${q}) <% wtk_unaccent(${source.title}) AND (${isPublic})`
}

type PageRow = { type: SearchType; id: number; rank: number; total: string }

async function rankedPage(req: PayloadRequest, question: SearchQuestion, conditions: Map<SearchType, SQL>, match: Match) {
  const union = sql.join(
    question.types.map((type) => hits(sources[type], type, question, conditions.get(type)!, match)),
    sql` UNION ALL `,
  )
  const db = adapterOf(req).drizzle
  const offset = (question.page - 1) * question.limit
  const { rows } = await db.execute<PageRow>(sql`SELECT type, id, rank, count(*) OVER () AS total FROM (${union}) AS hits
    ORDER BY rank DESC, type, id LIMIT ${question.limit} OFFSET ${offset}`)
  if (rows.length > 0 || question.page === 1) return { rows, totalDocs: rows.length > 0 ? Number(rows[0].total) : 0 }
  // Past the last page: the count alone.
  const counted = await db.execute<{ total: string }>(sql`SELECT count(*) AS total FROM (${union}) AS hits`)
  return { rows, totalDocs: Number(counted.rows[0].total) }
}

const escapeHtml = (text: SQL) => sql`replace(replace(replace(${text}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')`

/** Slug, title and a snippet of the hits of one type, still only where the read rule allows. */
async function describe(req: PayloadRequest, type: SearchType, ids: number[], question: SearchQuestion, isPublic: SQL) {
  const source = sources[type]
  const config = source.config(question.locale)
  const text = escapeHtml(sql`concat_ws(' ', ${source.summary}, wtk_rich_text(${source.body}))`)
  const { rows } = await adapterOf(req).drizzle.execute<{ id: number; slug: string | null; title: string | null; snippet: string }>(
    sql`SELECT ${source.id} AS id, ${source.slug} AS slug, ${source.title} AS title,
      ts_headline(${config}::regconfig, ${text}, websearch_to_tsquery(${config}::regconfig, ${question.q}), ${headlineOptions}) AS snippet
      FROM ${source.from(question.locale)}
      WHERE ${source.id} IN (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )}) AND (${isPublic})`,
  )
  return new Map(rows.map((row) => [Number(row.id), row]))
}

/**
 * Public activities and stories that match `q`, best first: PostgreSQL full-text search on the
 * stored vectors (src/search/database.ts), and when that finds nothing, titles that look like
 * `q` (a typo). Only rows anonymous readers may read are ever ranked, counted or described.
 */
export async function search(req: PayloadRequest, question: SearchQuestion): Promise<{ docs: SearchHit[]; totalDocs: number }> {
  const conditions = new Map<SearchType, SQL>()
  for (const type of question.types) conditions.set(type, await publicCondition(req, type, question.locale))

  let page = await rankedPage(req, question, conditions, 'words')
  if (page.totalDocs === 0) page = await rankedPage(req, question, conditions, 'similar-title')

  const described = new Map<SearchType, Map<number, { slug: string | null; title: string | null; snippet: string }>>()
  for (const type of question.types) {
    const ids = page.rows.filter((row) => row.type === type).map((row) => Number(row.id))
    if (ids.length > 0) described.set(type, await describe(req, type, ids, question, conditions.get(type)!))
  }
  const docs = page.rows.flatMap((row): SearchHit[] => {
    const found = described.get(row.type)?.get(Number(row.id))
    // Gone from the public API between the two queries: left out.
    if (!found) return []
    return [{ type: row.type, id: Number(row.id), slug: found.slug, title: found.title, snippet: found.snippet, rank: Number(row.rank) }]
  })
  return { docs, totalDocs: page.totalDocs }
}
