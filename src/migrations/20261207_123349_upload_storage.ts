import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "campaign_assets" ADD COLUMN "prefix" varchar DEFAULT '';
  ALTER TABLE "campaign_assets" ADD COLUMN "_objectkey" varchar;
  ALTER TABLE "media" ADD COLUMN "prefix" varchar DEFAULT '';
  ALTER TABLE "media" ADD COLUMN "_objectkey" varchar;
  ALTER TABLE "story_audio" ADD COLUMN "prefix" varchar DEFAULT '';
  ALTER TABLE "story_audio" ADD COLUMN "_objectkey" varchar;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "campaign_assets" DROP COLUMN "prefix";
  ALTER TABLE "campaign_assets" DROP COLUMN "_objectkey";
  ALTER TABLE "media" DROP COLUMN "prefix";
  ALTER TABLE "media" DROP COLUMN "_objectkey";
  ALTER TABLE "story_audio" DROP COLUMN "prefix";
  ALTER TABLE "story_audio" DROP COLUMN "_objectkey";`)
}
