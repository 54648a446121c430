import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_activities_review_status" AS ENUM('draft', 'submitted', 'in-review', 'changes-requested', 'approved', 'rejected', 'withdrawn', 'cancelled');
  CREATE TYPE "public"."enum__activities_v_version_audiences" AS ENUM('professionals-education', 'professionals-childcare', 'professionals-youth-health-care', 'professionals-youth-care', 'professionals-social-work', 'professionals-police-justice', 'professionals-health-care', 'municipalities', 'volunteers', 'parents', 'children-young-people', 'general-public');
  CREATE TYPE "public"."enum__activities_v_version_themes" AS ENUM('child-abuse', 'sexual-abuse', 'domestic-violence', 'neglect', 'emotional-abuse', 'witnessing-violence', 'complex-divorce', 'trauma', 'early-signals', 'talking', 'reporting-code', 'prevention', 'parenting-support', 'childrens-rights');
  CREATE TYPE "public"."enum__activities_v_version_format" AS ENUM('meeting', 'conference', 'workshop', 'training', 'webinar', 'campaign', 'exhibition', 'other');
  CREATE TYPE "public"."enum__activities_v_version_location_mode" AS ENUM('on-site', 'online', 'hybrid');
  CREATE TYPE "public"."enum__activities_v_version_location_province" AS ENUM('drenthe', 'flevoland', 'friesland', 'gelderland', 'groningen', 'limburg', 'noord-brabant', 'noord-holland', 'overijssel', 'utrecht', 'zeeland', 'zuid-holland');
  CREATE TYPE "public"."enum__activities_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__activities_v_published_locale" AS ENUM('nl', 'en');
  CREATE TYPE "public"."enum_activity_history_from" AS ENUM('draft', 'submitted', 'in-review', 'changes-requested', 'approved', 'rejected', 'withdrawn', 'cancelled');
  CREATE TYPE "public"."enum_activity_history_to" AS ENUM('draft', 'submitted', 'in-review', 'changes-requested', 'approved', 'rejected', 'withdrawn', 'cancelled');
  CREATE TYPE "public"."enum_activity_history_channel" AS ENUM('cms', 'public-form');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'sendEmail' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'sendEmail' BEFORE 'schedulePublish';
  CREATE TABLE "_activities_v_version_audiences" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum__activities_v_version_audiences",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "_activities_v_version_themes" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum__activities_v_version_themes",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "_activities_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar,
  	"version_slug" varchar,
  	"version_edition_id" integer,
  	"version_organiser_id" integer,
  	"version_summary" varchar,
  	"version_description" jsonb,
  	"version_format" "enum__activities_v_version_format",
  	"version_starts_at" timestamp(3) with time zone,
  	"version_ends_at" timestamp(3) with time zone,
  	"version_location_mode" "enum__activities_v_version_location_mode",
  	"version_location_venue" varchar,
  	"version_location_address" varchar,
  	"version_location_postal_code" varchar,
  	"version_location_city" varchar,
  	"version_location_province" "enum__activities_v_version_location_province",
  	"version_location_online_url" varchar,
  	"version_registration_url" varchar,
  	"version_registration_is_free" boolean DEFAULT true,
  	"version_registration_cost_note" varchar,
  	"version_contact_name" varchar,
  	"version_contact_email" varchar,
  	"version_contact_phone" varchar,
  	"version_status" "enum_activities_review_status" DEFAULT 'draft',
  	"version_review_feedback" varchar,
  	"version_review_internal_notes" varchar,
  	"version_submitted_by_id" integer,
  	"version_submitted_at" timestamp(3) with time zone,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__activities_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__activities_v_published_locale",
  	"latest" boolean
  );
  
  CREATE TABLE "activity_history" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"activity_id" integer,
  	"activity_title" varchar,
  	"from" "enum_activity_history_from",
  	"to" "enum_activity_history_to" NOT NULL,
  	"by_id" integer,
  	"at" timestamp(3) with time zone NOT NULL,
  	"feedback" varchar,
  	"change_to_approved" boolean DEFAULT false,
  	"channel" "enum_activity_history_channel" DEFAULT 'cms',
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  -- The review status moves to its own enum: Payload names the enum of its drafts column
  -- (_status) enum_activities_status, the name the review status had so far.
  ALTER TABLE "activities" ALTER COLUMN "status" DROP DEFAULT;
  ALTER TABLE "activities" ALTER COLUMN "status" SET DATA TYPE "public"."enum_activities_review_status" USING "status"::text::"public"."enum_activities_review_status";
  ALTER TABLE "activities" ALTER COLUMN "status" SET DEFAULT 'draft';
  ALTER TABLE "activities" ALTER COLUMN "status" DROP NOT NULL;
  DROP TYPE "public"."enum_activities_status";
  CREATE TYPE "public"."enum_activities_status" AS ENUM('draft', 'published');
  ALTER TABLE "activities" ADD COLUMN "_status" "enum_activities_status" DEFAULT 'draft';
  -- Every existing activity is the current, published version of itself.
  UPDATE "activities" SET "_status" = 'published';
  ALTER TABLE "activities" ALTER COLUMN "title" DROP NOT NULL;
  ALTER TABLE "activities" ALTER COLUMN "edition_id" DROP NOT NULL;
  ALTER TABLE "activities" ALTER COLUMN "organiser_id" DROP NOT NULL;
  ALTER TABLE "activities" ALTER COLUMN "format" DROP NOT NULL;
  ALTER TABLE "activities" ALTER COLUMN "starts_at" DROP NOT NULL;
  ALTER TABLE "activities" ALTER COLUMN "location_mode" DROP NOT NULL;
  ALTER TABLE "activities" ALTER COLUMN "contact_name" DROP NOT NULL;
  ALTER TABLE "activities" ALTER COLUMN "contact_email" DROP NOT NULL;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "activity_history_id" integer;
  ALTER TABLE "_activities_v_version_audiences" ADD CONSTRAINT "_activities_v_version_audiences_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_activities_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_activities_v_version_themes" ADD CONSTRAINT "_activities_v_version_themes_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_activities_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_activities_v" ADD CONSTRAINT "_activities_v_parent_id_activities_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."activities"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_activities_v" ADD CONSTRAINT "_activities_v_version_edition_id_editions_id_fk" FOREIGN KEY ("version_edition_id") REFERENCES "public"."editions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_activities_v" ADD CONSTRAINT "_activities_v_version_organiser_id_organisers_id_fk" FOREIGN KEY ("version_organiser_id") REFERENCES "public"."organisers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_activities_v" ADD CONSTRAINT "_activities_v_version_submitted_by_id_users_id_fk" FOREIGN KEY ("version_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "activity_history" ADD CONSTRAINT "activity_history_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "activity_history" ADD CONSTRAINT "activity_history_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "_activities_v_version_audiences_order_idx" ON "_activities_v_version_audiences" USING btree ("order");
  CREATE INDEX "_activities_v_version_audiences_parent_idx" ON "_activities_v_version_audiences" USING btree ("parent_id");
  CREATE INDEX "_activities_v_version_audiences_value_idx" ON "_activities_v_version_audiences" USING btree ("value");
  CREATE INDEX "_activities_v_version_themes_order_idx" ON "_activities_v_version_themes" USING btree ("order");
  CREATE INDEX "_activities_v_version_themes_parent_idx" ON "_activities_v_version_themes" USING btree ("parent_id");
  CREATE INDEX "_activities_v_version_themes_value_idx" ON "_activities_v_version_themes" USING btree ("value");
  CREATE INDEX "_activities_v_parent_idx" ON "_activities_v" USING btree ("parent_id");
  CREATE INDEX "_activities_v_version_version_slug_idx" ON "_activities_v" USING btree ("version_slug");
  CREATE INDEX "_activities_v_version_version_edition_idx" ON "_activities_v" USING btree ("version_edition_id");
  CREATE INDEX "_activities_v_version_version_organiser_idx" ON "_activities_v" USING btree ("version_organiser_id");
  CREATE INDEX "_activities_v_version_version_format_idx" ON "_activities_v" USING btree ("version_format");
  CREATE INDEX "_activities_v_version_version_starts_at_idx" ON "_activities_v" USING btree ("version_starts_at");
  CREATE INDEX "_activities_v_version_location_version_location_mode_idx" ON "_activities_v" USING btree ("version_location_mode");
  CREATE INDEX "_activities_v_version_location_version_location_city_idx" ON "_activities_v" USING btree ("version_location_city");
  CREATE INDEX "_activities_v_version_location_version_location_province_idx" ON "_activities_v" USING btree ("version_location_province");
  CREATE INDEX "_activities_v_version_registration_version_registration__idx" ON "_activities_v" USING btree ("version_registration_is_free");
  CREATE INDEX "_activities_v_version_version_status_idx" ON "_activities_v" USING btree ("version_status");
  CREATE INDEX "_activities_v_version_version_submitted_by_idx" ON "_activities_v" USING btree ("version_submitted_by_id");
  CREATE INDEX "_activities_v_version_version_submitted_at_idx" ON "_activities_v" USING btree ("version_submitted_at");
  CREATE INDEX "_activities_v_version_version_updated_at_idx" ON "_activities_v" USING btree ("version_updated_at");
  CREATE INDEX "_activities_v_version_version_created_at_idx" ON "_activities_v" USING btree ("version_created_at");
  CREATE INDEX "_activities_v_version_version__status_idx" ON "_activities_v" USING btree ("version__status");
  CREATE INDEX "_activities_v_created_at_idx" ON "_activities_v" USING btree ("created_at");
  CREATE INDEX "_activities_v_updated_at_idx" ON "_activities_v" USING btree ("updated_at");
  CREATE INDEX "_activities_v_snapshot_idx" ON "_activities_v" USING btree ("snapshot");
  CREATE INDEX "_activities_v_published_locale_idx" ON "_activities_v" USING btree ("published_locale");
  CREATE INDEX "_activities_v_latest_idx" ON "_activities_v" USING btree ("latest");
  CREATE INDEX "activity_history_activity_idx" ON "activity_history" USING btree ("activity_id");
  CREATE INDEX "activity_history_to_idx" ON "activity_history" USING btree ("to");
  CREATE INDEX "activity_history_by_idx" ON "activity_history" USING btree ("by_id");
  CREATE INDEX "activity_history_at_idx" ON "activity_history" USING btree ("at");
  CREATE INDEX "activity_history_updated_at_idx" ON "activity_history" USING btree ("updated_at");
  CREATE INDEX "activity_history_created_at_idx" ON "activity_history" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_activity_history_fk" FOREIGN KEY ("activity_history_id") REFERENCES "public"."activity_history"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "activities__status_idx" ON "activities" USING btree ("_status");
  CREATE INDEX "payload_locked_documents_rels_activity_history_id_idx" ON "payload_locked_documents_rels" USING btree ("activity_history_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "_activities_v_version_audiences" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_activities_v_version_themes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_activities_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "activity_history" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "_activities_v_version_audiences" CASCADE;
  DROP TABLE "_activities_v_version_themes" CASCADE;
  DROP TABLE "_activities_v" CASCADE;
  DROP TABLE "activity_history" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_activity_history_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "activities__status_idx";
  DROP INDEX "payload_locked_documents_rels_activity_history_id_idx";
  ALTER TABLE "activities" ALTER COLUMN "title" SET NOT NULL;
  ALTER TABLE "activities" ALTER COLUMN "edition_id" SET NOT NULL;
  ALTER TABLE "activities" ALTER COLUMN "organiser_id" SET NOT NULL;
  ALTER TABLE "activities" ALTER COLUMN "format" SET NOT NULL;
  ALTER TABLE "activities" ALTER COLUMN "starts_at" SET NOT NULL;
  ALTER TABLE "activities" ALTER COLUMN "location_mode" SET NOT NULL;
  ALTER TABLE "activities" ALTER COLUMN "contact_name" SET NOT NULL;
  ALTER TABLE "activities" ALTER COLUMN "contact_email" SET NOT NULL;
  ALTER TABLE "activities" DROP COLUMN "_status";
  DROP TYPE "public"."enum_activities_status";
  CREATE TYPE "public"."enum_activities_status" AS ENUM('draft', 'submitted', 'in-review', 'changes-requested', 'approved', 'rejected', 'withdrawn', 'cancelled');
  ALTER TABLE "activities" ALTER COLUMN "status" DROP DEFAULT;
  ALTER TABLE "activities" ALTER COLUMN "status" SET DATA TYPE "public"."enum_activities_status" USING "status"::text::"public"."enum_activities_status";
  ALTER TABLE "activities" ALTER COLUMN "status" SET DEFAULT 'draft';
  ALTER TABLE "activities" ALTER COLUMN "status" SET NOT NULL;
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "activity_history_id";
  DROP TYPE "public"."enum_activities_review_status";
  DROP TYPE "public"."enum__activities_v_version_audiences";
  DROP TYPE "public"."enum__activities_v_version_themes";
  DROP TYPE "public"."enum__activities_v_version_format";
  DROP TYPE "public"."enum__activities_v_version_location_mode";
  DROP TYPE "public"."enum__activities_v_version_location_province";
  DROP TYPE "public"."enum__activities_v_version_status";
  DROP TYPE "public"."enum__activities_v_published_locale";
  DROP TYPE "public"."enum_activity_history_from";
  DROP TYPE "public"."enum_activity_history_to";
  DROP TYPE "public"."enum_activity_history_channel";`)
}
