/**
 * Child process of `npm run bench`: fills the database DATABASE_URL names, then records the SQL
 * Payload runs for the benchmark's list query and the query plans of it and of the floor's SQL.
 * Prints one JSON line with the result.
 *
 *   DATABASE_URL=... tsx src/bench/prepare.ts '{"activities":10000,...}'
 */
import type { PostgresAdapter } from '@payloadcms/db-postgres'
import { getPayload } from 'payload'

import { fill, type Volume } from './fill'
import { floorCountQuery, floorListQuery } from './floor'
import { benchList } from './scenarios'

type Recorded = { text: string; values: unknown[] }

async function main() {
  const volume = JSON.parse(process.argv[2]) as Volume
  const { default: config } = await import('../../payload.config')
  const payload = await getPayload({ config })
  const pool = (payload.db as unknown as PostgresAdapter).pool
  const started = Date.now()
  const filled = await fill(payload, pool, volume)
  const fillSeconds = (Date.now() - started) / 1000
  const list = benchList(filled.queriedEdition.id)

  // Record what Payload sends for the anonymous list request.
  const recorded: Recorded[] = []
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown
  ;(pool as unknown as { query: unknown }).query = (config: unknown, values?: unknown[]) => {
    if (typeof config === 'object' && config && 'text' in config) {
      recorded.push({ text: (config as { text: string }).text, values: (config as { values?: unknown[] }).values ?? values ?? [] })
    } else if (typeof config === 'string') recorded.push({ text: config, values: values ?? [] })
    return query(config, values)
  }
  const result = await payload.find({
    collection: 'activities',
    where: list.where,
    sort: 'startsAt',
    limit: 20,
    depth: 1,
    overrideAccess: false,
  })
  ;(pool as unknown as { query: unknown }).query = query

  const explain = async (text: string, values: unknown[]) => {
    const { rows } = await pool.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${text}`, values)
    return rows.map((row) => row['QUERY PLAN']).join('\n')
  }
  const plans: { source: string; sql: string; plan: string }[] = []
  for (const statement of recorded.filter((r) => /^\s*select/i.test(r.text))) {
    plans.push({ source: 'payload', sql: statement.text, plan: await explain(statement.text, statement.values) })
  }
  const floorParams = [filled.queriedEdition.id, list.province, list.from]
  plans.push({ source: 'floor', sql: floorListQuery, plan: await explain(floorListQuery, [...floorParams, 20, 0]) })
  plans.push({ source: 'floor', sql: floorCountQuery, plan: await explain(floorCountQuery, floorParams) })

  console.log(
    JSON.stringify({
      ...filled,
      fillSeconds,
      matching: result.totalDocs,
      statements: recorded.length,
      plans,
    }),
  )
  await payload.destroy()
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error)
    process.exit(1)
  },
)
