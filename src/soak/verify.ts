import pg from 'pg'

import { checkConsistency, type ConsistencyProblem } from '../db/consistency'
import type { Acknowledged } from './load'

/**
 * The consistency checks of src/db/consistency.ts, and every write the server acknowledged:
 * each created activity is there, and each status a change was acknowledged with was reached
 * in the history (a request for the status the activity already has is answered 200 and
 * changes nothing, so the load cannot count transitions exactly; tests/faults.test.ts does).
 */
export async function verify(url: string, acknowledged: Acknowledged, sinceId = 0): Promise<ConsistencyProblem[]> {
  const problems = await checkConsistency(url, sinceId)
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows: present } = await client.query<{ id: number }>('SELECT id FROM activities WHERE id = ANY($1)', [acknowledged.creates])
    const found = new Set(present.map((row) => row.id))
    const missing = acknowledged.creates.filter((id) => !found.has(id))
    if (missing.length) problems.push({ check: 'acknowledged activity missing', rows: missing.slice(0, 10).map((id) => ({ id })) })

    const { rows: history } = await client.query<{ key: string; n: number }>(
      `SELECT activity_id || ' ' || "to" AS key, count(*)::int AS n
         FROM activity_history WHERE activity_id = ANY($1) GROUP BY 1`,
      [[...new Set(acknowledged.transitions.map((t) => t.activity))]],
    )
    const recorded = new Map(history.map((row) => [row.key, row.n]))
    const lost = [...new Set(acknowledged.transitions.map((t) => `${t.activity} ${t.to}`))].filter((key) => !recorded.has(key))
    if (lost.length) problems.push({ check: 'acknowledged status missing from the history', rows: lost.slice(0, 10).map((key) => ({ key })) })
    return problems
  } finally {
    await client.end()
  }
}
