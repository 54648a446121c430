/**
 * Fills an empty, migrated database with a realistic volume for the benchmark: editions,
 * organisers and stories through Payload (hooks, slugs, versions, locales as in real use), and
 * the activities in bulk SQL, main rows and their published versions alike, because creating
 * 100,000 of them one by one through the API would take hours.
 */
import type { Payload } from 'payload'
import type { Pool } from 'pg'

import { richText } from '../seed/richText'
import { audiences, organiserKinds, provinces, storyPerspectives, themes, valuesOf } from '../fields/options'

export type Volume = { activities: number; editions: number; organisers: number; stories: number }

export const defaultVolume: Volume = { activities: 10_000, editions: 10, organisers: 500, stories: 300 }

export type Filled = {
  /** The edition the benchmark lists: the next one, with its activities all in the future. */
  queriedEdition: { id: number; year: number }
  /** Counted after the fill, by status. */
  activitiesByStatus: Record<string, number>
}

const pick = <T>(items: readonly T[], i: number): T => items[i % items.length]

export async function fill(payload: Payload, pool: Pool, volume: Volume, today = new Date()): Promise<Filled> {
  const nextYear = today.getUTCFullYear() + 1
  const editions: { id: number; year: number }[] = []
  for (let i = volume.editions - 1; i >= 0; i--) {
    const year = nextYear - i
    const edition = await payload.create({
      collection: 'editions',
      data: {
        year,
        number: year - 2012,
        theme: `Thema van ${year}`,
        startDate: `${year}-11-16T00:00:00.000Z`,
        endDate: `${year}-11-22T00:00:00.000Z`,
        submissions: {
          opensAt: `${year - 1}-12-01T00:00:00.000Z`,
          closesAt: `${year}-11-10T00:00:00.000Z`,
          // Listed from the start of the year before, so the next edition is public already.
          listedFrom: `${year - 1}-01-01T00:00:00.000Z`,
        },
      },
    })
    editions.push({ id: edition.id, year })
  }

  const kinds = valuesOf(organiserKinds)
  const organiserIds: number[] = []
  for (let i = 0; i < volume.organisers; i++) {
    const organiser = await payload.create({
      collection: 'organisers',
      data: { name: `Organisatie ${i + 1}`, shortName: `ORG${i + 1}`, kind: pick(kinds, i) as never },
    })
    organiserIds.push(organiser.id)
  }

  const perspectives = valuesOf(storyPerspectives)
  for (let i = 0; i < volume.stories; i++) {
    await payload.create({
      collection: 'stories',
      data: {
        title: `Verhaal ${i + 1}`,
        perspective: pick(perspectives, i) as never,
        storyteller: { displayName: `Verteller ${i + 1}` },
        summary: 'Een verhaal over wat hielp.',
        body: richText('Wat er gebeurde, en wie er was.', 'Wat hielp, en wat had eerder gemoeten.'),
        series: i < 30 ? 'Leren van elkaar' : undefined,
        seriesNumber: i < 30 ? i + 1 : undefined,
        edition: pick(editions, i).id,
        _status: 'published',
      },
    })
  }

  await insertActivities(pool, volume.activities, editions, organiserIds)
  const { rows } = await pool.query<{ status: string; count: number }>('SELECT status::text, count(*)::int AS count FROM activities GROUP BY status')
  // As after a night of autovacuum: the measurements should not race it.
  await pool.query('VACUUM ANALYZE')
  return {
    queriedEdition: editions[editions.length - 1],
    activitiesByStatus: Object.fromEntries(rows.map((row) => [row.status, row.count])),
  }
}

/**
 * Activities spread evenly over the editions, each in its week between 09:00 and 20:00; 85 %
 * approved, the rest in the other states. Most are on site, in one of the twelve provinces.
 */
async function insertActivities(pool: Pool, count: number, editions: { id: number; year: number }[], organiserIds: number[]): Promise<void> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    await client.query(
      `CREATE TEMP TABLE bench_editions (n int, id int, year int) ON COMMIT DROP;
       CREATE TEMP TABLE bench_organisers (n int, id int) ON COMMIT DROP;`,
    )
    await client.query('INSERT INTO bench_editions SELECT ordinality - 1, id, year FROM unnest($1::int[], $2::int[]) WITH ORDINALITY AS t(id, year)', [
      editions.map((e) => e.id),
      editions.map((e) => e.year),
    ])
    await client.query('INSERT INTO bench_organisers SELECT ordinality - 1, id FROM unnest($1::int[]) WITH ORDINALITY AS t(id)', [organiserIds])
    const provinceList = valuesOf(provinces)
    await client.query(
      `INSERT INTO activities (title, slug, edition_id, organiser_id, summary, format, starts_at, ends_at,
         location_mode, location_venue, location_address, location_postal_code, location_city, location_province,
         location_online_url, registration_url, registration_is_free, registration_cost_note,
         contact_name, contact_email, status, submitted_at, _status, updated_at, created_at)
       SELECT
         'Activiteit ' || g, 'activiteit-' || g, e.id, o.id,
         'Een bijeenkomst over het herkennen van signalen en wat je dan doet.',
         (ARRAY['meeting','conference','workshop','training','webinar','campaign','exhibition','other'])[1 + g % 8]::enum_activities_format,
         start, start + interval '2 hours',
         (CASE WHEN g % 20 < 3 THEN 'online' WHEN g % 20 = 3 THEN 'hybrid' ELSE 'on-site' END)::enum_activities_location_mode,
         CASE WHEN g % 20 >= 3 THEN 'Buurthuis ' || g END,
         CASE WHEN g % 20 >= 3 THEN 'Dorpsstraat ' || (1 + g % 200) END,
         CASE WHEN g % 20 >= 3 THEN '1234 AB' END,
         CASE WHEN g % 20 >= 3 THEN 'Plaats ' || (g % 300) END,
         CASE WHEN g % 20 >= 3 THEN ($1::text[])[1 + (g / 7) % 12]::enum_activities_location_province END,
         CASE WHEN g % 20 <= 3 THEN 'https://meet.example.nl/' || g END,
         'https://aanmelden.example.nl/' || g, g % 4 <> 0, CASE WHEN g % 4 = 0 THEN '25 euro' END,
         'Contactpersoon ' || g, 'contact' || g || '@example.nl',
         (CASE WHEN g % 100 < 85 THEN 'approved' WHEN g % 100 < 87 THEN 'cancelled' WHEN g % 100 < 92 THEN 'submitted'
               WHEN g % 100 < 95 THEN 'in-review' WHEN g % 100 < 97 THEN 'changes-requested' ELSE 'draft' END)::enum_activities_review_status,
         CASE WHEN g % 100 < 97 THEN start - interval '40 days' END,
         (CASE WHEN g % 100 < 87 THEN 'published' ELSE 'draft' END)::enum_activities_status,
         start - interval '30 days', start - interval '40 days'
       FROM generate_series(1, $2::int) AS g
       JOIN bench_editions e ON e.n = g % $3::int
       JOIN bench_organisers o ON o.n = g % $4::int
       CROSS JOIN LATERAL (SELECT make_timestamptz(e.year, 11, 16 + (g / 11) % 7, 9 + (g / 3) % 11, (g % 4) * 15, 0, 'Europe/Amsterdam') AS start) s`,
      [provinceList, count, editions.length, organiserIds.length],
    )
    await client.query(
      `INSERT INTO activities_audiences ("order", parent_id, value)
       SELECT 1, id, ($1::text[])[1 + id % array_length($1::text[], 1)]::enum_activities_audiences FROM activities
       UNION ALL
       SELECT 2, id, ($1::text[])[1 + (id + 3) % array_length($1::text[], 1)]::enum_activities_audiences FROM activities WHERE id % 2 = 0`,
      [valuesOf(audiences)],
    )
    await client.query(
      `INSERT INTO activities_themes ("order", parent_id, value)
       SELECT 1, id, ($1::text[])[1 + id % array_length($1::text[], 1)]::enum_activities_themes FROM activities`,
      [valuesOf(themes)],
    )
    // Every activity has its current version, as Payload keeps it.
    await client.query(
      `INSERT INTO _activities_v (parent_id, version_title, version_slug, version_edition_id, version_organiser_id,
         version_summary, version_format, version_starts_at, version_ends_at, version_location_mode, version_location_venue,
         version_location_address, version_location_postal_code, version_location_city, version_location_province,
         version_location_online_url, version_registration_url, version_registration_is_free, version_registration_cost_note,
         version_contact_name, version_contact_email, version_status, version_submitted_at, version_updated_at,
         version_created_at, version__status, created_at, updated_at, latest)
       SELECT id, title, slug, edition_id, organiser_id, summary, format::text::enum__activities_v_version_format,
         starts_at, ends_at, location_mode::text::enum__activities_v_version_location_mode, location_venue, location_address,
         location_postal_code, location_city, location_province::text::enum__activities_v_version_location_province,
         location_online_url, registration_url, registration_is_free, registration_cost_note, contact_name, contact_email,
         status, submitted_at, updated_at, created_at, _status::text::enum__activities_v_version_status, updated_at, updated_at, true
       FROM activities`,
    )
    await client.query(
      `INSERT INTO _activities_v_version_audiences ("order", parent_id, value)
       SELECT a."order", v.id, a.value::text::enum__activities_v_version_audiences
       FROM activities_audiences a JOIN _activities_v v ON v.parent_id = a.parent_id`,
    )
    await client.query(
      `INSERT INTO _activities_v_version_themes ("order", parent_id, value)
       SELECT t."order", v.id, t.value::text::enum__activities_v_version_themes
       FROM activities_themes t JOIN _activities_v v ON v.parent_id = t.parent_id`,
    )
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK')
    throw error
  } finally {
    client.release()
  }
}
