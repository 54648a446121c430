import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { trackContentChanges } from '../db/contentChanges'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_stories_content_warnings" AS ENUM('sexual-abuse', 'physical-violence', 'emotional-abuse', 'neglect', 'domestic-violence', 'death-of-a-child', 'self-harm', 'other');
  CREATE TYPE "public"."enum_stories_privacy_finding_kind" AS ENUM('email', 'phone', 'postcode', 'bsn', 'iban', 'birthDate', 'name');
  CREATE TYPE "public"."enum__stories_v_version_content_warnings" AS ENUM('sexual-abuse', 'physical-violence', 'emotional-abuse', 'neglect', 'domestic-violence', 'death-of-a-child', 'self-harm', 'other');
  CREATE TYPE "public"."enum_audit_log_action" AS ENUM('export', 'lookup', 'erasure', 'retention', 'consent-withdrawn', 'role-change');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'announceConsentExpiry' BEFORE 'deliverWebhook';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'applyRetention' BEFORE 'createCollectionExport';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'announceConsentExpiry' BEFORE 'deliverWebhook';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'applyRetention' BEFORE 'createCollectionExport';
  CREATE TABLE "stories_content_warnings" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_stories_content_warnings",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "stories_privacy_findings" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"kind" "enum_stories_privacy_finding_kind",
  	"field" varchar,
  	"locale" varchar,
  	"fragment" varchar,
  	"key" varchar
  );
  
  CREATE TABLE "stories_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "_stories_v_version_content_warnings" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum__stories_v_version_content_warnings",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "_stories_privacy_findings_v" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"kind" "enum_stories_privacy_finding_kind",
  	"field" varchar,
  	"locale" varchar,
  	"fragment" varchar,
  	"key" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_stories_v_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "audit_log" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"action" "enum_audit_log_action" NOT NULL,
  	"at" timestamp(3) with time zone NOT NULL,
  	"by_id" integer,
  	"summary" varchar,
  	"details" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "activities" ADD COLUMN "contact_erased_at" timestamp(3) with time zone;
  ALTER TABLE "_activities_v" ADD COLUMN "version_contact_erased_at" timestamp(3) with time zone;
  ALTER TABLE "stories" ADD COLUMN "consent_valid_until" timestamp(3) with time zone;
  ALTER TABLE "stories" ADD COLUMN "consent_expiry_announced" timestamp(3) with time zone;
  ALTER TABLE "stories" ADD COLUMN "privacy_check_acknowledged" boolean DEFAULT false;
  ALTER TABLE "stories" ADD COLUMN "privacy_check_note" varchar;
  ALTER TABLE "stories" ADD COLUMN "privacy_check_acknowledged_by_id" integer;
  ALTER TABLE "stories" ADD COLUMN "privacy_check_acknowledged_at" timestamp(3) with time zone;
  ALTER TABLE "_stories_v" ADD COLUMN "version_consent_valid_until" timestamp(3) with time zone;
  ALTER TABLE "_stories_v" ADD COLUMN "version_consent_expiry_announced" timestamp(3) with time zone;
  ALTER TABLE "_stories_v" ADD COLUMN "version_privacy_check_acknowledged" boolean DEFAULT false;
  ALTER TABLE "_stories_v" ADD COLUMN "version_privacy_check_note" varchar;
  ALTER TABLE "_stories_v" ADD COLUMN "version_privacy_check_acknowledged_by_id" integer;
  ALTER TABLE "_stories_v" ADD COLUMN "version_privacy_check_acknowledged_at" timestamp(3) with time zone;
  ALTER TABLE "stories_content_warnings" ADD CONSTRAINT "stories_content_warnings_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "stories_privacy_findings" ADD CONSTRAINT "stories_privacy_findings_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "stories_texts" ADD CONSTRAINT "stories_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_stories_v_version_content_warnings" ADD CONSTRAINT "_stories_v_version_content_warnings_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_stories_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_stories_privacy_findings_v" ADD CONSTRAINT "_stories_privacy_findings_v_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_stories_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_stories_v_texts" ADD CONSTRAINT "_stories_v_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_stories_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "stories_content_warnings_order_idx" ON "stories_content_warnings" USING btree ("order");
  CREATE INDEX "stories_content_warnings_parent_idx" ON "stories_content_warnings" USING btree ("parent_id");
  CREATE INDEX "stories_content_warnings_value_idx" ON "stories_content_warnings" USING btree ("value");
  CREATE INDEX "stories_privacy_findings_order_idx" ON "stories_privacy_findings" USING btree ("_order");
  CREATE INDEX "stories_privacy_findings_parent_id_idx" ON "stories_privacy_findings" USING btree ("_parent_id");
  CREATE INDEX "stories_texts_order_parent" ON "stories_texts" USING btree ("order","parent_id");
  CREATE INDEX "_stories_v_version_content_warnings_order_idx" ON "_stories_v_version_content_warnings" USING btree ("order");
  CREATE INDEX "_stories_v_version_content_warnings_parent_idx" ON "_stories_v_version_content_warnings" USING btree ("parent_id");
  CREATE INDEX "_stories_v_version_content_warnings_value_idx" ON "_stories_v_version_content_warnings" USING btree ("value");
  CREATE INDEX "_stories_privacy_findings_v_order_idx" ON "_stories_privacy_findings_v" USING btree ("_order");
  CREATE INDEX "_stories_privacy_findings_v_parent_id_idx" ON "_stories_privacy_findings_v" USING btree ("_parent_id");
  CREATE INDEX "_stories_v_texts_order_parent" ON "_stories_v_texts" USING btree ("order","parent_id");
  CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("action");
  CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");
  CREATE INDEX "audit_log_by_idx" ON "audit_log" USING btree ("by_id");
  CREATE INDEX "audit_log_updated_at_idx" ON "audit_log" USING btree ("updated_at");
  CREATE INDEX "audit_log_created_at_idx" ON "audit_log" USING btree ("created_at");
  ALTER TABLE "stories" ADD CONSTRAINT "stories_privacy_check_acknowledged_by_id_users_id_fk" FOREIGN KEY ("privacy_check_acknowledged_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_stories_v" ADD CONSTRAINT "_stories_v_version_privacy_check_acknowledged_by_id_users_id_fk" FOREIGN KEY ("version_privacy_check_acknowledged_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "stories_consent_consent_valid_until_idx" ON "stories" USING btree ("consent_valid_until");
  CREATE INDEX "stories_privacy_check_privacy_check_acknowledged_by_idx" ON "stories" USING btree ("privacy_check_acknowledged_by_id");
  CREATE INDEX "_stories_v_version_consent_version_consent_valid_until_idx" ON "_stories_v" USING btree ("version_consent_valid_until");
  CREATE INDEX "_stories_v_version_privacy_check_version_privacy_check_a_idx" ON "_stories_v" USING btree ("version_privacy_check_acknowledged_by_id");`)
  // New content tables (content warnings, names to avoid, acknowledged findings) count as content changes.
  await db.execute(sql.raw(trackContentChanges))
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "stories_content_warnings" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "stories_privacy_findings" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "stories_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_stories_v_version_content_warnings" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_stories_privacy_findings_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_stories_v_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "audit_log" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "stories_content_warnings" CASCADE;
  DROP TABLE "stories_privacy_findings" CASCADE;
  DROP TABLE "stories_texts" CASCADE;
  DROP TABLE "_stories_v_version_content_warnings" CASCADE;
  DROP TABLE "_stories_privacy_findings_v" CASCADE;
  DROP TABLE "_stories_v_texts" CASCADE;
  DROP TABLE "audit_log" CASCADE;
  ALTER TABLE "stories" DROP CONSTRAINT "stories_privacy_check_acknowledged_by_id_users_id_fk";
  
  ALTER TABLE "_stories_v" DROP CONSTRAINT "_stories_v_version_privacy_check_acknowledged_by_id_users_id_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'sendEmail', 'expireUnconfirmedSubmissions', 'deliverWebhook', 'createCollectionExport', 'createCollectionImport', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'sendEmail', 'expireUnconfirmedSubmissions', 'deliverWebhook', 'createCollectionExport', 'createCollectionImport', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "stories_consent_consent_valid_until_idx";
  DROP INDEX "stories_privacy_check_privacy_check_acknowledged_by_idx";
  DROP INDEX "_stories_v_version_consent_version_consent_valid_until_idx";
  DROP INDEX "_stories_v_version_privacy_check_version_privacy_check_a_idx";
  ALTER TABLE "activities" DROP COLUMN "contact_erased_at";
  ALTER TABLE "_activities_v" DROP COLUMN "version_contact_erased_at";
  ALTER TABLE "stories" DROP COLUMN "consent_valid_until";
  ALTER TABLE "stories" DROP COLUMN "consent_expiry_announced";
  ALTER TABLE "stories" DROP COLUMN "privacy_check_acknowledged";
  ALTER TABLE "stories" DROP COLUMN "privacy_check_note";
  ALTER TABLE "stories" DROP COLUMN "privacy_check_acknowledged_by_id";
  ALTER TABLE "stories" DROP COLUMN "privacy_check_acknowledged_at";
  ALTER TABLE "_stories_v" DROP COLUMN "version_consent_valid_until";
  ALTER TABLE "_stories_v" DROP COLUMN "version_consent_expiry_announced";
  ALTER TABLE "_stories_v" DROP COLUMN "version_privacy_check_acknowledged";
  ALTER TABLE "_stories_v" DROP COLUMN "version_privacy_check_note";
  ALTER TABLE "_stories_v" DROP COLUMN "version_privacy_check_acknowledged_by_id";
  ALTER TABLE "_stories_v" DROP COLUMN "version_privacy_check_acknowledged_at";
  DROP TYPE "public"."enum_stories_content_warnings";
  DROP TYPE "public"."enum_stories_privacy_finding_kind";
  DROP TYPE "public"."enum__stories_v_version_content_warnings";
  DROP TYPE "public"."enum_audit_log_action";`)
}
