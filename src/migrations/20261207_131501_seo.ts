import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "activities" ADD COLUMN "meta_title" varchar;
  ALTER TABLE "activities" ADD COLUMN "meta_description" varchar;
  ALTER TABLE "activities" ADD COLUMN "meta_image_id" integer;
  ALTER TABLE "_activities_v" ADD COLUMN "version_meta_title" varchar;
  ALTER TABLE "_activities_v" ADD COLUMN "version_meta_description" varchar;
  ALTER TABLE "_activities_v" ADD COLUMN "version_meta_image_id" integer;
  ALTER TABLE "editions_locales" ADD COLUMN "meta_title" varchar;
  ALTER TABLE "editions_locales" ADD COLUMN "meta_description" varchar;
  ALTER TABLE "editions_locales" ADD COLUMN "meta_image_id" integer;
  ALTER TABLE "stories_locales" ADD COLUMN "meta_title" varchar;
  ALTER TABLE "stories_locales" ADD COLUMN "meta_description" varchar;
  ALTER TABLE "stories_locales" ADD COLUMN "meta_image_id" integer;
  ALTER TABLE "_stories_v_locales" ADD COLUMN "version_meta_title" varchar;
  ALTER TABLE "_stories_v_locales" ADD COLUMN "version_meta_description" varchar;
  ALTER TABLE "_stories_v_locales" ADD COLUMN "version_meta_image_id" integer;
  ALTER TABLE "campaign_assets_locales" ADD COLUMN "meta_title" varchar;
  ALTER TABLE "campaign_assets_locales" ADD COLUMN "meta_description" varchar;
  ALTER TABLE "campaign_assets_locales" ADD COLUMN "meta_image_id" integer;
  ALTER TABLE "activities" ADD CONSTRAINT "activities_meta_image_id_media_id_fk" FOREIGN KEY ("meta_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_activities_v" ADD CONSTRAINT "_activities_v_version_meta_image_id_media_id_fk" FOREIGN KEY ("version_meta_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "editions_locales" ADD CONSTRAINT "editions_locales_meta_image_id_media_id_fk" FOREIGN KEY ("meta_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "stories_locales" ADD CONSTRAINT "stories_locales_meta_image_id_media_id_fk" FOREIGN KEY ("meta_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_stories_v_locales" ADD CONSTRAINT "_stories_v_locales_version_meta_image_id_media_id_fk" FOREIGN KEY ("version_meta_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "campaign_assets_locales" ADD CONSTRAINT "campaign_assets_locales_meta_image_id_media_id_fk" FOREIGN KEY ("meta_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "activities_meta_meta_image_idx" ON "activities" USING btree ("meta_image_id");
  CREATE INDEX "_activities_v_version_meta_version_meta_image_idx" ON "_activities_v" USING btree ("version_meta_image_id");
  CREATE INDEX "editions_meta_meta_image_idx" ON "editions_locales" USING btree ("meta_image_id","_locale");
  CREATE INDEX "stories_meta_meta_image_idx" ON "stories_locales" USING btree ("meta_image_id","_locale");
  CREATE INDEX "_stories_v_version_meta_version_meta_image_idx" ON "_stories_v_locales" USING btree ("version_meta_image_id","_locale");
  CREATE INDEX "campaign_assets_meta_meta_image_idx" ON "campaign_assets_locales" USING btree ("meta_image_id","_locale");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "activities" DROP CONSTRAINT "activities_meta_image_id_media_id_fk";
  
  ALTER TABLE "_activities_v" DROP CONSTRAINT "_activities_v_version_meta_image_id_media_id_fk";
  
  ALTER TABLE "editions_locales" DROP CONSTRAINT "editions_locales_meta_image_id_media_id_fk";
  
  ALTER TABLE "stories_locales" DROP CONSTRAINT "stories_locales_meta_image_id_media_id_fk";
  
  ALTER TABLE "_stories_v_locales" DROP CONSTRAINT "_stories_v_locales_version_meta_image_id_media_id_fk";
  
  ALTER TABLE "campaign_assets_locales" DROP CONSTRAINT "campaign_assets_locales_meta_image_id_media_id_fk";
  
  DROP INDEX "activities_meta_meta_image_idx";
  DROP INDEX "_activities_v_version_meta_version_meta_image_idx";
  DROP INDEX "editions_meta_meta_image_idx";
  DROP INDEX "stories_meta_meta_image_idx";
  DROP INDEX "_stories_v_version_meta_version_meta_image_idx";
  DROP INDEX "campaign_assets_meta_meta_image_idx";
  ALTER TABLE "activities" DROP COLUMN "meta_title";
  ALTER TABLE "activities" DROP COLUMN "meta_description";
  ALTER TABLE "activities" DROP COLUMN "meta_image_id";
  ALTER TABLE "_activities_v" DROP COLUMN "version_meta_title";
  ALTER TABLE "_activities_v" DROP COLUMN "version_meta_description";
  ALTER TABLE "_activities_v" DROP COLUMN "version_meta_image_id";
  ALTER TABLE "editions_locales" DROP COLUMN "meta_title";
  ALTER TABLE "editions_locales" DROP COLUMN "meta_description";
  ALTER TABLE "editions_locales" DROP COLUMN "meta_image_id";
  ALTER TABLE "stories_locales" DROP COLUMN "meta_title";
  ALTER TABLE "stories_locales" DROP COLUMN "meta_description";
  ALTER TABLE "stories_locales" DROP COLUMN "meta_image_id";
  ALTER TABLE "_stories_v_locales" DROP COLUMN "version_meta_title";
  ALTER TABLE "_stories_v_locales" DROP COLUMN "version_meta_description";
  ALTER TABLE "_stories_v_locales" DROP COLUMN "version_meta_image_id";
  ALTER TABLE "campaign_assets_locales" DROP COLUMN "meta_title";
  ALTER TABLE "campaign_assets_locales" DROP COLUMN "meta_description";
  ALTER TABLE "campaign_assets_locales" DROP COLUMN "meta_image_id";`)
}
