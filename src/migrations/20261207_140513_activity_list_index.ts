import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE INDEX "edition_location_province_startsAt_idx" ON "activities" USING btree ("edition_id","location_province","starts_at");
  CREATE INDEX "version_edition_version_location_province_version_starts_idx" ON "_activities_v" USING btree ("version_edition_id","version_location_province","version_starts_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "edition_location_province_startsAt_idx";
  DROP INDEX "version_edition_version_location_province_version_starts_idx";`)
}
