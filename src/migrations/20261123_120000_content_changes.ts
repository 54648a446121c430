import { sql, type MigrateDownArgs, type MigrateUpArgs } from '@payloadcms/db-postgres'

import { contentChangesSetup, dropContentChanges, trackContentChanges } from '../db/contentChanges'

/** A change counter for the API's ETags: see src/db/contentChanges.ts. */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql.raw(contentChangesSetup))
  await db.execute(sql.raw(trackContentChanges))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql.raw(dropContentChanges))
}
