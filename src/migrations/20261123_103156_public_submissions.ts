import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'expireUnconfirmedSubmissions' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'expireUnconfirmedSubmissions' BEFORE 'schedulePublish';
  CREATE TABLE "payload_jobs_stats" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"stats" jsonb,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "activities" ADD COLUMN "public_submission_ip_hash" varchar;
  ALTER TABLE "activities" ADD COLUMN "public_submission_expires_at" timestamp(3) with time zone;
  ALTER TABLE "activities" ADD COLUMN "public_submission_confirmed_at" timestamp(3) with time zone;
  ALTER TABLE "_activities_v" ADD COLUMN "version_public_submission_ip_hash" varchar;
  ALTER TABLE "_activities_v" ADD COLUMN "version_public_submission_expires_at" timestamp(3) with time zone;
  ALTER TABLE "_activities_v" ADD COLUMN "version_public_submission_confirmed_at" timestamp(3) with time zone;
  ALTER TABLE "organisers" ADD COLUMN "listed" boolean DEFAULT true;
  ALTER TABLE "payload_jobs" ADD COLUMN "meta" jsonb;
  CREATE INDEX "activities_public_submission_public_submission_ip_hash_idx" ON "activities" USING btree ("public_submission_ip_hash");
  CREATE INDEX "activities_public_submission_public_submission_expires_a_idx" ON "activities" USING btree ("public_submission_expires_at");
  CREATE INDEX "_activities_v_version_public_submission_version_public_s_idx" ON "_activities_v" USING btree ("version_public_submission_ip_hash");
  CREATE INDEX "_activities_v_version_public_submission_version_public_1_idx" ON "_activities_v" USING btree ("version_public_submission_expires_at");
  CREATE INDEX "organisers_listed_idx" ON "organisers" USING btree ("listed");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "payload_jobs_stats" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "payload_jobs_stats" CASCADE;
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'sendEmail', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'sendEmail', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "activities_public_submission_public_submission_ip_hash_idx";
  DROP INDEX "activities_public_submission_public_submission_expires_a_idx";
  DROP INDEX "_activities_v_version_public_submission_version_public_s_idx";
  DROP INDEX "_activities_v_version_public_submission_version_public_1_idx";
  DROP INDEX "organisers_listed_idx";
  ALTER TABLE "activities" DROP COLUMN "public_submission_ip_hash";
  ALTER TABLE "activities" DROP COLUMN "public_submission_expires_at";
  ALTER TABLE "activities" DROP COLUMN "public_submission_confirmed_at";
  ALTER TABLE "_activities_v" DROP COLUMN "version_public_submission_ip_hash";
  ALTER TABLE "_activities_v" DROP COLUMN "version_public_submission_expires_at";
  ALTER TABLE "_activities_v" DROP COLUMN "version_public_submission_confirmed_at";
  ALTER TABLE "organisers" DROP COLUMN "listed";
  ALTER TABLE "payload_jobs" DROP COLUMN "meta";`)
}
