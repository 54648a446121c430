import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

import { dropSearch, searchSetup } from '../search/database'

const currentSchema = async (db: MigrateUpArgs['db']): Promise<string> => {
  const { rows } = await db.execute<{ schema: string }>(sql`SELECT current_schema() AS schema`)
  return rows[0].schema
}

/** Full-text search of activities and stories: see src/search/database.ts. */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql.raw(searchSetup(await currentSchema(db))))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql.raw(dropSearch(await currentSchema(db))))
}
