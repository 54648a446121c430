import pg from 'pg'

import { transitions } from '../workflow/activityWorkflow'

/**
 * What must hold for the activities and their review history after any fault: a crash, a lost
 * connection, concurrent decisions. Each check is one SQL query that returns the rows breaking
 * it; an empty result everywhere means the data is consistent. Activities with an id up to
 * `sinceId` are left out of the history checks (the benchmark fills activities in bulk SQL,
 * without history).
 */
export type ConsistencyProblem = { check: string; rows: Record<string, unknown>[] }

const states = [...new Set(transitions.flatMap((t) => [...t.from, t.to]))]
const stateList = states.map((state) => `'${state}'`).join(', ')

const checks: Record<string, string> = {
  'activity without a version row': `
    SELECT a.id FROM activities a
     WHERE NOT EXISTS (SELECT 1 FROM _activities_v v WHERE v.parent_id = a.id)`,
  'activity without exactly one latest version': `
    SELECT a.id, count(v.id)::int AS latest FROM activities a
      LEFT JOIN _activities_v v ON v.parent_id = a.id AND v.latest
     GROUP BY a.id HAVING count(v.id) <> 1`,
  'status outside the transition table': `
    SELECT id, status::text FROM activities WHERE status IS NULL OR status::text NOT IN (${stateList})
    UNION ALL
    SELECT parent_id, version_status::text FROM _activities_v WHERE version_status::text NOT IN (${stateList})`,
  'activity without history': `
    SELECT a.id FROM activities a
     WHERE a.id > $1 AND NOT EXISTS (SELECT 1 FROM activity_history h WHERE h.activity_id = a.id)`,
  // While a change to an approved activity is pending, the approved version stays public: its
  // cancellation leaves 'approved', and so does a new change once the last was rejected or withdrawn.
  'history entry whose "from" is not the previous "to"': `
    SELECT activity_id, id, "from"::text, previous::text FROM (
      SELECT activity_id, id, "from", "to", lag("to") OVER w AS previous, lag(change_to_approved) OVER w AS previous_change,
             row_number() OVER w AS n
        FROM activity_history WHERE activity_id > $1
      WINDOW w AS (PARTITION BY activity_id ORDER BY id)) chain
     WHERE n > 1 AND "from"::text IS DISTINCT FROM previous::text
       AND NOT ("from" = 'approved' AND previous_change AND ("to" = 'cancelled' OR previous::text IN ('rejected', 'withdrawn')))`,
  'history that does not start at creation': `
    SELECT DISTINCT ON (activity_id) activity_id, id, "from"::text FROM activity_history
     WHERE activity_id > $1 ORDER BY activity_id, id`,
  'history that does not end at the current status': `
    SELECT a.id, last.to::text AS history, v.version_status::text AS status FROM activities a
      JOIN _activities_v v ON v.parent_id = a.id AND v.latest
      JOIN LATERAL (SELECT h."to" FROM activity_history h WHERE h.activity_id = a.id ORDER BY h.id DESC LIMIT 1) last ON true
     WHERE a.id > $1 AND last.to::text IS DISTINCT FROM v.version_status::text`,
  'transition not allowed by the table': `
    SELECT h.id, h.activity_id, h."from"::text, h."to"::text FROM activity_history h
     WHERE h.activity_id > $1 AND h."from" IS NOT NULL AND h."from"::text <> h."to"::text
       AND (h."from"::text, h."to"::text) NOT IN (${transitions
         .flatMap((t) => t.from.map((from) => `('${from}', '${t.to}')`))
         .join(', ')}, ('approved', 'submitted'))
       -- Cancelling an approved activity while a change to it awaits review: the history shows
       -- the pending change's status as "from".
       AND NOT (h."to" = 'cancelled' AND EXISTS (
         SELECT 1 FROM activity_history p WHERE p.activity_id = h.activity_id AND p.id < h.id AND p.change_to_approved))`,
}

/** The history of a new activity starts with `from` empty; those rows are the good ones. */
const keepBadStarts = (rows: Record<string, unknown>[]) => rows.filter((row) => row.from !== null)

/** Runs every check against the database `connectionString` names. */
export async function checkConsistency(connectionString: string, sinceId = 0): Promise<ConsistencyProblem[]> {
  const client = new pg.Client({ connectionString })
  await client.connect()
  try {
    const problems: ConsistencyProblem[] = []
    for (const [check, sql] of Object.entries(checks)) {
      const { rows } = await client.query(sql, sql.includes('$1') ? [sinceId] : [])
      const bad = check === 'history that does not start at creation' ? keepBadStarts(rows) : rows
      if (bad.length > 0) problems.push({ check, rows: bad.slice(0, 10) })
    }
    return problems
  } finally {
    await client.end()
  }
}
