import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."_locales" AS ENUM('nl', 'en');
  CREATE TYPE "public"."enum_activities_audiences" AS ENUM('professionals-education', 'professionals-childcare', 'professionals-youth-health-care', 'professionals-youth-care', 'professionals-social-work', 'professionals-police-justice', 'professionals-health-care', 'municipalities', 'volunteers', 'parents', 'children-young-people', 'general-public');
  CREATE TYPE "public"."enum_activities_themes" AS ENUM('child-abuse', 'sexual-abuse', 'domestic-violence', 'neglect', 'emotional-abuse', 'witnessing-violence', 'complex-divorce', 'trauma', 'early-signals', 'talking', 'reporting-code', 'prevention', 'parenting-support', 'childrens-rights');
  CREATE TYPE "public"."enum_activities_format" AS ENUM('meeting', 'conference', 'workshop', 'training', 'webinar', 'campaign', 'exhibition', 'other');
  CREATE TYPE "public"."enum_activities_location_mode" AS ENUM('on-site', 'online', 'hybrid');
  CREATE TYPE "public"."enum_activities_location_province" AS ENUM('drenthe', 'flevoland', 'friesland', 'gelderland', 'groningen', 'limburg', 'noord-brabant', 'noord-holland', 'overijssel', 'utrecht', 'zeeland', 'zuid-holland');
  CREATE TYPE "public"."enum_activities_status" AS ENUM('draft', 'submitted', 'in-review', 'changes-requested', 'approved', 'rejected', 'withdrawn', 'cancelled');
  CREATE TYPE "public"."enum_editions_organisers_role" AS ENUM('initiator', 'co-organiser', 'partner', 'funder');
  CREATE TYPE "public"."enum_organisers_kind" AS ENUM('ministry', 'knowledge-institute', 'veilig-thuis', 'school', 'childcare', 'youth-health-care', 'youth-care', 'municipality', 'police-justice', 'ngo', 'company', 'other');
  CREATE TYPE "public"."enum_stories_themes" AS ENUM('child-abuse', 'sexual-abuse', 'domestic-violence', 'neglect', 'emotional-abuse', 'witnessing-violence', 'complex-divorce', 'trauma', 'early-signals', 'talking', 'reporting-code', 'prevention', 'parenting-support', 'childrens-rights');
  CREATE TYPE "public"."enum_stories_perspective" AS ENUM('professional', 'parent', 'child-or-young-person', 'bystander', 'expert-by-experience');
  CREATE TYPE "public"."enum_stories_consent_method" AS ENUM('written', 'digital', 'verbal-recorded', 'guardian');
  CREATE TYPE "public"."enum_stories_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__stories_v_version_themes" AS ENUM('child-abuse', 'sexual-abuse', 'domestic-violence', 'neglect', 'emotional-abuse', 'witnessing-violence', 'complex-divorce', 'trauma', 'early-signals', 'talking', 'reporting-code', 'prevention', 'parenting-support', 'childrens-rights');
  CREATE TYPE "public"."enum__stories_v_version_perspective" AS ENUM('professional', 'parent', 'child-or-young-person', 'bystander', 'expert-by-experience');
  CREATE TYPE "public"."enum__stories_v_version_consent_method" AS ENUM('written', 'digital', 'verbal-recorded', 'guardian');
  CREATE TYPE "public"."enum__stories_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__stories_v_published_locale" AS ENUM('nl', 'en');
  CREATE TYPE "public"."enum_campaign_assets_kind" AS ENUM('banner', 'poster', 'logo', 'infographic', 'social-post', 'toolkit', 'factsheet', 'video', 'other');
  CREATE TYPE "public"."enum_campaign_assets_language" AS ENUM('nl', 'en', 'ar', 'tr');
  CREATE TYPE "public"."enum_users_role" AS ENUM('admin', 'editor', 'partner');
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'schedulePublish');
  CREATE TYPE "public"."enum_payload_jobs_log_state" AS ENUM('failed', 'succeeded');
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'schedulePublish');
  CREATE TABLE "activities_audiences" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_activities_audiences",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "activities_themes" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_activities_themes",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "activities" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar NOT NULL,
  	"slug" varchar,
  	"edition_id" integer NOT NULL,
  	"organiser_id" integer NOT NULL,
  	"summary" varchar,
  	"description" jsonb,
  	"format" "enum_activities_format" NOT NULL,
  	"starts_at" timestamp(3) with time zone NOT NULL,
  	"ends_at" timestamp(3) with time zone,
  	"location_mode" "enum_activities_location_mode" NOT NULL,
  	"location_venue" varchar,
  	"location_address" varchar,
  	"location_postal_code" varchar,
  	"location_city" varchar,
  	"location_province" "enum_activities_location_province",
  	"location_online_url" varchar,
  	"registration_url" varchar,
  	"registration_is_free" boolean DEFAULT true,
  	"registration_cost_note" varchar,
  	"contact_name" varchar NOT NULL,
  	"contact_email" varchar NOT NULL,
  	"contact_phone" varchar,
  	"status" "enum_activities_status" DEFAULT 'draft' NOT NULL,
  	"review_feedback" varchar,
  	"review_internal_notes" varchar,
  	"submitted_by_id" integer,
  	"submitted_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "editions_key_figures" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"value" varchar NOT NULL,
  	"source" varchar,
  	"source_url" varchar
  );
  
  CREATE TABLE "editions_key_figures_locales" (
  	"label" varchar NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" varchar NOT NULL
  );
  
  CREATE TABLE "editions_organisers" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"organiser_id" integer NOT NULL,
  	"role" "enum_editions_organisers_role" NOT NULL
  );
  
  CREATE TABLE "editions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"year" numeric NOT NULL,
  	"number" numeric,
  	"slug" varchar,
  	"start_date" timestamp(3) with time zone NOT NULL,
  	"end_date" timestamp(3) with time zone NOT NULL,
  	"submissions_opens_at" timestamp(3) with time zone,
  	"submissions_closes_at" timestamp(3) with time zone,
  	"submissions_listed_from" timestamp(3) with time zone,
  	"kick_off_starts_at" timestamp(3) with time zone,
  	"kick_off_location" varchar,
  	"kick_off_url" varchar,
  	"hero_image_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "editions_locales" (
  	"theme" varchar NOT NULL,
  	"description" jsonb,
  	"submissions_guidelines" varchar,
  	"kick_off_title" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "editions_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "organisers" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"short_name" varchar,
  	"slug" varchar,
  	"kind" "enum_organisers_kind",
  	"website" varchar,
  	"logo_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "organisers_locales" (
  	"description" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "stories_themes" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_stories_themes",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "stories" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar,
  	"perspective" "enum_stories_perspective",
  	"storyteller_display_name" varchar,
  	"storyteller_anonymised" boolean DEFAULT false,
  	"series" varchar,
  	"series_number" numeric,
  	"edition_id" integer,
  	"hero_image_id" integer,
  	"audio_id" integer,
  	"published_at" timestamp(3) with time zone,
  	"consent_obtained_at" timestamp(3) with time zone,
  	"consent_method" "enum_stories_consent_method",
  	"consent_recorded_by_id" integer,
  	"consent_withdrawn" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_stories_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "stories_locales" (
  	"title" varchar,
  	"storyteller_role" varchar,
  	"summary" varchar,
  	"body" jsonb,
  	"quote" varchar,
  	"what_helped" varchar,
  	"reflection" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_stories_v_version_themes" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum__stories_v_version_themes",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "_stories_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_slug" varchar,
  	"version_perspective" "enum__stories_v_version_perspective",
  	"version_storyteller_display_name" varchar,
  	"version_storyteller_anonymised" boolean DEFAULT false,
  	"version_series" varchar,
  	"version_series_number" numeric,
  	"version_edition_id" integer,
  	"version_hero_image_id" integer,
  	"version_audio_id" integer,
  	"version_published_at" timestamp(3) with time zone,
  	"version_consent_obtained_at" timestamp(3) with time zone,
  	"version_consent_method" "enum__stories_v_version_consent_method",
  	"version_consent_recorded_by_id" integer,
  	"version_consent_withdrawn" boolean DEFAULT false,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__stories_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__stories_v_published_locale",
  	"latest" boolean
  );
  
  CREATE TABLE "_stories_v_locales" (
  	"version_title" varchar,
  	"version_storyteller_role" varchar,
  	"version_summary" varchar,
  	"version_body" jsonb,
  	"version_quote" varchar,
  	"version_what_helped" varchar,
  	"version_reflection" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "campaign_assets" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"kind" "enum_campaign_assets_kind" DEFAULT 'other' NOT NULL,
  	"edition_id" integer,
  	"language" "enum_campaign_assets_language" DEFAULT 'nl',
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric,
  	"sizes_preview_url" varchar,
  	"sizes_preview_width" numeric,
  	"sizes_preview_height" numeric,
  	"sizes_preview_mime_type" varchar,
  	"sizes_preview_filesize" numeric,
  	"sizes_preview_filename" varchar,
  	"sizes_card_url" varchar,
  	"sizes_card_width" numeric,
  	"sizes_card_height" numeric,
  	"sizes_card_mime_type" varchar,
  	"sizes_card_filesize" numeric,
  	"sizes_card_filename" varchar
  );
  
  CREATE TABLE "campaign_assets_locales" (
  	"title" varchar NOT NULL,
  	"description" varchar,
  	"usage_notes" varchar,
  	"alt" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "media" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"credit" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric,
  	"sizes_thumbnail_url" varchar,
  	"sizes_thumbnail_width" numeric,
  	"sizes_thumbnail_height" numeric,
  	"sizes_thumbnail_mime_type" varchar,
  	"sizes_thumbnail_filesize" numeric,
  	"sizes_thumbnail_filename" varchar,
  	"sizes_card_url" varchar,
  	"sizes_card_width" numeric,
  	"sizes_card_height" numeric,
  	"sizes_card_mime_type" varchar,
  	"sizes_card_filesize" numeric,
  	"sizes_card_filename" varchar,
  	"sizes_hero_url" varchar,
  	"sizes_hero_width" numeric,
  	"sizes_hero_height" numeric,
  	"sizes_hero_mime_type" varchar,
  	"sizes_hero_filesize" numeric,
  	"sizes_hero_filename" varchar,
  	"sizes_open_graph_url" varchar,
  	"sizes_open_graph_width" numeric,
  	"sizes_open_graph_height" numeric,
  	"sizes_open_graph_mime_type" varchar,
  	"sizes_open_graph_filesize" numeric,
  	"sizes_open_graph_filename" varchar
  );
  
  CREATE TABLE "media_locales" (
  	"alt" varchar NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "story_audio" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"duration_seconds" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric
  );
  
  CREATE TABLE "story_audio_locales" (
  	"title" varchar NOT NULL,
  	"transcript" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "users_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "users" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"role" "enum_users_role" NOT NULL,
  	"organiser_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"email" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "payload_kv" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"data" jsonb NOT NULL
  );
  
  CREATE TABLE "payload_jobs_log" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"executed_at" timestamp(3) with time zone NOT NULL,
  	"completed_at" timestamp(3) with time zone NOT NULL,
  	"task_slug" "enum_payload_jobs_log_task_slug" NOT NULL,
  	"task_i_d" varchar NOT NULL,
  	"input" jsonb,
  	"output" jsonb,
  	"state" "enum_payload_jobs_log_state" NOT NULL,
  	"error" jsonb
  );
  
  CREATE TABLE "payload_jobs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"input" jsonb,
  	"completed_at" timestamp(3) with time zone,
  	"total_tried" numeric DEFAULT 0,
  	"has_error" boolean DEFAULT false,
  	"error" jsonb,
  	"task_slug" "enum_payload_jobs_task_slug",
  	"queue" varchar DEFAULT 'default',
  	"wait_until" timestamp(3) with time zone,
  	"processing" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"global_slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"activities_id" integer,
  	"editions_id" integer,
  	"organisers_id" integer,
  	"stories_id" integer,
  	"campaign_assets_id" integer,
  	"media_id" integer,
  	"story_audio_id" integer,
  	"users_id" integer
  );
  
  CREATE TABLE "payload_preferences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar,
  	"value" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_preferences_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "payload_migrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"batch" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "site_settings_help_lines" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"phone" varchar NOT NULL,
  	"url" varchar
  );
  
  CREATE TABLE "site_settings_help_lines_locales" (
  	"availability" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" varchar NOT NULL
  );
  
  CREATE TABLE "site_settings" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"current_edition_id" integer,
  	"meldcode_url" varchar DEFAULT 'https://www.rijksoverheid.nl/onderwerpen/huiselijk-geweld/meldcode',
  	"review_inbox" varchar,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "activities_audiences" ADD CONSTRAINT "activities_audiences_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "activities_themes" ADD CONSTRAINT "activities_themes_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "activities" ADD CONSTRAINT "activities_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "activities" ADD CONSTRAINT "activities_organiser_id_organisers_id_fk" FOREIGN KEY ("organiser_id") REFERENCES "public"."organisers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "activities" ADD CONSTRAINT "activities_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "editions_key_figures" ADD CONSTRAINT "editions_key_figures_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "editions_key_figures_locales" ADD CONSTRAINT "editions_key_figures_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."editions_key_figures"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "editions_organisers" ADD CONSTRAINT "editions_organisers_organiser_id_organisers_id_fk" FOREIGN KEY ("organiser_id") REFERENCES "public"."organisers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "editions_organisers" ADD CONSTRAINT "editions_organisers_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "editions" ADD CONSTRAINT "editions_hero_image_id_media_id_fk" FOREIGN KEY ("hero_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "editions_locales" ADD CONSTRAINT "editions_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "editions_texts" ADD CONSTRAINT "editions_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "organisers" ADD CONSTRAINT "organisers_logo_id_media_id_fk" FOREIGN KEY ("logo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "organisers_locales" ADD CONSTRAINT "organisers_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."organisers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "stories_themes" ADD CONSTRAINT "stories_themes_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "stories" ADD CONSTRAINT "stories_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "stories" ADD CONSTRAINT "stories_hero_image_id_media_id_fk" FOREIGN KEY ("hero_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "stories" ADD CONSTRAINT "stories_audio_id_story_audio_id_fk" FOREIGN KEY ("audio_id") REFERENCES "public"."story_audio"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "stories" ADD CONSTRAINT "stories_consent_recorded_by_id_users_id_fk" FOREIGN KEY ("consent_recorded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "stories_locales" ADD CONSTRAINT "stories_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_stories_v_version_themes" ADD CONSTRAINT "_stories_v_version_themes_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_stories_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_stories_v" ADD CONSTRAINT "_stories_v_parent_id_stories_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."stories"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_stories_v" ADD CONSTRAINT "_stories_v_version_edition_id_editions_id_fk" FOREIGN KEY ("version_edition_id") REFERENCES "public"."editions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_stories_v" ADD CONSTRAINT "_stories_v_version_hero_image_id_media_id_fk" FOREIGN KEY ("version_hero_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_stories_v" ADD CONSTRAINT "_stories_v_version_audio_id_story_audio_id_fk" FOREIGN KEY ("version_audio_id") REFERENCES "public"."story_audio"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_stories_v" ADD CONSTRAINT "_stories_v_version_consent_recorded_by_id_users_id_fk" FOREIGN KEY ("version_consent_recorded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_stories_v_locales" ADD CONSTRAINT "_stories_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_stories_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "campaign_assets" ADD CONSTRAINT "campaign_assets_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "campaign_assets_locales" ADD CONSTRAINT "campaign_assets_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."campaign_assets"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "media_locales" ADD CONSTRAINT "media_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "story_audio_locales" ADD CONSTRAINT "story_audio_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."story_audio"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_sessions" ADD CONSTRAINT "users_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users" ADD CONSTRAINT "users_organiser_id_organisers_id_fk" FOREIGN KEY ("organiser_id") REFERENCES "public"."organisers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_jobs_log" ADD CONSTRAINT "payload_jobs_log_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payload_jobs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_activities_fk" FOREIGN KEY ("activities_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_editions_fk" FOREIGN KEY ("editions_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_organisers_fk" FOREIGN KEY ("organisers_id") REFERENCES "public"."organisers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_stories_fk" FOREIGN KEY ("stories_id") REFERENCES "public"."stories"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_campaign_assets_fk" FOREIGN KEY ("campaign_assets_id") REFERENCES "public"."campaign_assets"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_story_audio_fk" FOREIGN KEY ("story_audio_id") REFERENCES "public"."story_audio"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "site_settings_help_lines" ADD CONSTRAINT "site_settings_help_lines_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."site_settings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "site_settings_help_lines_locales" ADD CONSTRAINT "site_settings_help_lines_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."site_settings_help_lines"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "site_settings" ADD CONSTRAINT "site_settings_current_edition_id_editions_id_fk" FOREIGN KEY ("current_edition_id") REFERENCES "public"."editions"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "activities_audiences_order_idx" ON "activities_audiences" USING btree ("order");
  CREATE INDEX "activities_audiences_parent_idx" ON "activities_audiences" USING btree ("parent_id");
  CREATE INDEX "activities_audiences_value_idx" ON "activities_audiences" USING btree ("value");
  CREATE INDEX "activities_themes_order_idx" ON "activities_themes" USING btree ("order");
  CREATE INDEX "activities_themes_parent_idx" ON "activities_themes" USING btree ("parent_id");
  CREATE INDEX "activities_themes_value_idx" ON "activities_themes" USING btree ("value");
  CREATE UNIQUE INDEX "activities_slug_idx" ON "activities" USING btree ("slug");
  CREATE INDEX "activities_edition_idx" ON "activities" USING btree ("edition_id");
  CREATE INDEX "activities_organiser_idx" ON "activities" USING btree ("organiser_id");
  CREATE INDEX "activities_format_idx" ON "activities" USING btree ("format");
  CREATE INDEX "activities_starts_at_idx" ON "activities" USING btree ("starts_at");
  CREATE INDEX "activities_location_location_mode_idx" ON "activities" USING btree ("location_mode");
  CREATE INDEX "activities_location_location_city_idx" ON "activities" USING btree ("location_city");
  CREATE INDEX "activities_location_location_province_idx" ON "activities" USING btree ("location_province");
  CREATE INDEX "activities_registration_registration_is_free_idx" ON "activities" USING btree ("registration_is_free");
  CREATE INDEX "activities_status_idx" ON "activities" USING btree ("status");
  CREATE INDEX "activities_submitted_by_idx" ON "activities" USING btree ("submitted_by_id");
  CREATE INDEX "activities_submitted_at_idx" ON "activities" USING btree ("submitted_at");
  CREATE INDEX "activities_updated_at_idx" ON "activities" USING btree ("updated_at");
  CREATE INDEX "activities_created_at_idx" ON "activities" USING btree ("created_at");
  CREATE INDEX "editions_key_figures_order_idx" ON "editions_key_figures" USING btree ("_order");
  CREATE INDEX "editions_key_figures_parent_id_idx" ON "editions_key_figures" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "editions_key_figures_locales_locale_parent_id_unique" ON "editions_key_figures_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "editions_organisers_order_idx" ON "editions_organisers" USING btree ("_order");
  CREATE INDEX "editions_organisers_parent_id_idx" ON "editions_organisers" USING btree ("_parent_id");
  CREATE INDEX "editions_organisers_organiser_idx" ON "editions_organisers" USING btree ("organiser_id");
  CREATE UNIQUE INDEX "editions_year_idx" ON "editions" USING btree ("year");
  CREATE UNIQUE INDEX "editions_slug_idx" ON "editions" USING btree ("slug");
  CREATE INDEX "editions_start_date_idx" ON "editions" USING btree ("start_date");
  CREATE INDEX "editions_submissions_submissions_listed_from_idx" ON "editions" USING btree ("submissions_listed_from");
  CREATE INDEX "editions_hero_image_idx" ON "editions" USING btree ("hero_image_id");
  CREATE INDEX "editions_updated_at_idx" ON "editions" USING btree ("updated_at");
  CREATE INDEX "editions_created_at_idx" ON "editions" USING btree ("created_at");
  CREATE UNIQUE INDEX "editions_locales_locale_parent_id_unique" ON "editions_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "editions_texts_order_parent" ON "editions_texts" USING btree ("order","parent_id");
  CREATE INDEX "organisers_name_idx" ON "organisers" USING btree ("name");
  CREATE UNIQUE INDEX "organisers_slug_idx" ON "organisers" USING btree ("slug");
  CREATE INDEX "organisers_kind_idx" ON "organisers" USING btree ("kind");
  CREATE INDEX "organisers_logo_idx" ON "organisers" USING btree ("logo_id");
  CREATE INDEX "organisers_updated_at_idx" ON "organisers" USING btree ("updated_at");
  CREATE INDEX "organisers_created_at_idx" ON "organisers" USING btree ("created_at");
  CREATE UNIQUE INDEX "organisers_locales_locale_parent_id_unique" ON "organisers_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "stories_themes_order_idx" ON "stories_themes" USING btree ("order");
  CREATE INDEX "stories_themes_parent_idx" ON "stories_themes" USING btree ("parent_id");
  CREATE INDEX "stories_themes_value_idx" ON "stories_themes" USING btree ("value");
  CREATE UNIQUE INDEX "stories_slug_idx" ON "stories" USING btree ("slug");
  CREATE INDEX "stories_perspective_idx" ON "stories" USING btree ("perspective");
  CREATE INDEX "stories_series_idx" ON "stories" USING btree ("series");
  CREATE INDEX "stories_edition_idx" ON "stories" USING btree ("edition_id");
  CREATE INDEX "stories_hero_image_idx" ON "stories" USING btree ("hero_image_id");
  CREATE INDEX "stories_audio_idx" ON "stories" USING btree ("audio_id");
  CREATE INDEX "stories_published_at_idx" ON "stories" USING btree ("published_at");
  CREATE INDEX "stories_consent_consent_recorded_by_idx" ON "stories" USING btree ("consent_recorded_by_id");
  CREATE INDEX "stories_consent_consent_withdrawn_idx" ON "stories" USING btree ("consent_withdrawn");
  CREATE INDEX "stories_updated_at_idx" ON "stories" USING btree ("updated_at");
  CREATE INDEX "stories_created_at_idx" ON "stories" USING btree ("created_at");
  CREATE INDEX "stories__status_idx" ON "stories" USING btree ("_status");
  CREATE UNIQUE INDEX "stories_locales_locale_parent_id_unique" ON "stories_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_stories_v_version_themes_order_idx" ON "_stories_v_version_themes" USING btree ("order");
  CREATE INDEX "_stories_v_version_themes_parent_idx" ON "_stories_v_version_themes" USING btree ("parent_id");
  CREATE INDEX "_stories_v_version_themes_value_idx" ON "_stories_v_version_themes" USING btree ("value");
  CREATE INDEX "_stories_v_parent_idx" ON "_stories_v" USING btree ("parent_id");
  CREATE INDEX "_stories_v_version_version_slug_idx" ON "_stories_v" USING btree ("version_slug");
  CREATE INDEX "_stories_v_version_version_perspective_idx" ON "_stories_v" USING btree ("version_perspective");
  CREATE INDEX "_stories_v_version_version_series_idx" ON "_stories_v" USING btree ("version_series");
  CREATE INDEX "_stories_v_version_version_edition_idx" ON "_stories_v" USING btree ("version_edition_id");
  CREATE INDEX "_stories_v_version_version_hero_image_idx" ON "_stories_v" USING btree ("version_hero_image_id");
  CREATE INDEX "_stories_v_version_version_audio_idx" ON "_stories_v" USING btree ("version_audio_id");
  CREATE INDEX "_stories_v_version_version_published_at_idx" ON "_stories_v" USING btree ("version_published_at");
  CREATE INDEX "_stories_v_version_consent_version_consent_recorded_by_idx" ON "_stories_v" USING btree ("version_consent_recorded_by_id");
  CREATE INDEX "_stories_v_version_consent_version_consent_withdrawn_idx" ON "_stories_v" USING btree ("version_consent_withdrawn");
  CREATE INDEX "_stories_v_version_version_updated_at_idx" ON "_stories_v" USING btree ("version_updated_at");
  CREATE INDEX "_stories_v_version_version_created_at_idx" ON "_stories_v" USING btree ("version_created_at");
  CREATE INDEX "_stories_v_version_version__status_idx" ON "_stories_v" USING btree ("version__status");
  CREATE INDEX "_stories_v_created_at_idx" ON "_stories_v" USING btree ("created_at");
  CREATE INDEX "_stories_v_updated_at_idx" ON "_stories_v" USING btree ("updated_at");
  CREATE INDEX "_stories_v_snapshot_idx" ON "_stories_v" USING btree ("snapshot");
  CREATE INDEX "_stories_v_published_locale_idx" ON "_stories_v" USING btree ("published_locale");
  CREATE INDEX "_stories_v_latest_idx" ON "_stories_v" USING btree ("latest");
  CREATE UNIQUE INDEX "_stories_v_locales_locale_parent_id_unique" ON "_stories_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "campaign_assets_kind_idx" ON "campaign_assets" USING btree ("kind");
  CREATE INDEX "campaign_assets_edition_idx" ON "campaign_assets" USING btree ("edition_id");
  CREATE INDEX "campaign_assets_language_idx" ON "campaign_assets" USING btree ("language");
  CREATE INDEX "campaign_assets_updated_at_idx" ON "campaign_assets" USING btree ("updated_at");
  CREATE INDEX "campaign_assets_created_at_idx" ON "campaign_assets" USING btree ("created_at");
  CREATE UNIQUE INDEX "campaign_assets_filename_idx" ON "campaign_assets" USING btree ("filename");
  CREATE INDEX "campaign_assets_sizes_preview_sizes_preview_filename_idx" ON "campaign_assets" USING btree ("sizes_preview_filename");
  CREATE INDEX "campaign_assets_sizes_card_sizes_card_filename_idx" ON "campaign_assets" USING btree ("sizes_card_filename");
  CREATE UNIQUE INDEX "campaign_assets_locales_locale_parent_id_unique" ON "campaign_assets_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "media_updated_at_idx" ON "media" USING btree ("updated_at");
  CREATE INDEX "media_created_at_idx" ON "media" USING btree ("created_at");
  CREATE UNIQUE INDEX "media_filename_idx" ON "media" USING btree ("filename");
  CREATE INDEX "media_sizes_thumbnail_sizes_thumbnail_filename_idx" ON "media" USING btree ("sizes_thumbnail_filename");
  CREATE INDEX "media_sizes_card_sizes_card_filename_idx" ON "media" USING btree ("sizes_card_filename");
  CREATE INDEX "media_sizes_hero_sizes_hero_filename_idx" ON "media" USING btree ("sizes_hero_filename");
  CREATE INDEX "media_sizes_open_graph_sizes_open_graph_filename_idx" ON "media" USING btree ("sizes_open_graph_filename");
  CREATE UNIQUE INDEX "media_locales_locale_parent_id_unique" ON "media_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "story_audio_updated_at_idx" ON "story_audio" USING btree ("updated_at");
  CREATE INDEX "story_audio_created_at_idx" ON "story_audio" USING btree ("created_at");
  CREATE UNIQUE INDEX "story_audio_filename_idx" ON "story_audio" USING btree ("filename");
  CREATE UNIQUE INDEX "story_audio_locales_locale_parent_id_unique" ON "story_audio_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "users_sessions_order_idx" ON "users_sessions" USING btree ("_order");
  CREATE INDEX "users_sessions_parent_id_idx" ON "users_sessions" USING btree ("_parent_id");
  CREATE INDEX "users_role_idx" ON "users" USING btree ("role");
  CREATE INDEX "users_organiser_idx" ON "users" USING btree ("organiser_id");
  CREATE INDEX "users_updated_at_idx" ON "users" USING btree ("updated_at");
  CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");
  CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");
  CREATE UNIQUE INDEX "payload_kv_key_idx" ON "payload_kv" USING btree ("key");
  CREATE INDEX "payload_jobs_log_order_idx" ON "payload_jobs_log" USING btree ("_order");
  CREATE INDEX "payload_jobs_log_parent_id_idx" ON "payload_jobs_log" USING btree ("_parent_id");
  CREATE INDEX "payload_jobs_completed_at_idx" ON "payload_jobs" USING btree ("completed_at");
  CREATE INDEX "payload_jobs_total_tried_idx" ON "payload_jobs" USING btree ("total_tried");
  CREATE INDEX "payload_jobs_has_error_idx" ON "payload_jobs" USING btree ("has_error");
  CREATE INDEX "payload_jobs_task_slug_idx" ON "payload_jobs" USING btree ("task_slug");
  CREATE INDEX "payload_jobs_queue_idx" ON "payload_jobs" USING btree ("queue");
  CREATE INDEX "payload_jobs_wait_until_idx" ON "payload_jobs" USING btree ("wait_until");
  CREATE INDEX "payload_jobs_processing_idx" ON "payload_jobs" USING btree ("processing");
  CREATE INDEX "payload_jobs_updated_at_idx" ON "payload_jobs" USING btree ("updated_at");
  CREATE INDEX "payload_jobs_created_at_idx" ON "payload_jobs" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_global_slug_idx" ON "payload_locked_documents" USING btree ("global_slug");
  CREATE INDEX "payload_locked_documents_updated_at_idx" ON "payload_locked_documents" USING btree ("updated_at");
  CREATE INDEX "payload_locked_documents_created_at_idx" ON "payload_locked_documents" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_rels_order_idx" ON "payload_locked_documents_rels" USING btree ("order");
  CREATE INDEX "payload_locked_documents_rels_parent_idx" ON "payload_locked_documents_rels" USING btree ("parent_id");
  CREATE INDEX "payload_locked_documents_rels_path_idx" ON "payload_locked_documents_rels" USING btree ("path");
  CREATE INDEX "payload_locked_documents_rels_activities_id_idx" ON "payload_locked_documents_rels" USING btree ("activities_id");
  CREATE INDEX "payload_locked_documents_rels_editions_id_idx" ON "payload_locked_documents_rels" USING btree ("editions_id");
  CREATE INDEX "payload_locked_documents_rels_organisers_id_idx" ON "payload_locked_documents_rels" USING btree ("organisers_id");
  CREATE INDEX "payload_locked_documents_rels_stories_id_idx" ON "payload_locked_documents_rels" USING btree ("stories_id");
  CREATE INDEX "payload_locked_documents_rels_campaign_assets_id_idx" ON "payload_locked_documents_rels" USING btree ("campaign_assets_id");
  CREATE INDEX "payload_locked_documents_rels_media_id_idx" ON "payload_locked_documents_rels" USING btree ("media_id");
  CREATE INDEX "payload_locked_documents_rels_story_audio_id_idx" ON "payload_locked_documents_rels" USING btree ("story_audio_id");
  CREATE INDEX "payload_locked_documents_rels_users_id_idx" ON "payload_locked_documents_rels" USING btree ("users_id");
  CREATE INDEX "payload_preferences_key_idx" ON "payload_preferences" USING btree ("key");
  CREATE INDEX "payload_preferences_updated_at_idx" ON "payload_preferences" USING btree ("updated_at");
  CREATE INDEX "payload_preferences_created_at_idx" ON "payload_preferences" USING btree ("created_at");
  CREATE INDEX "payload_preferences_rels_order_idx" ON "payload_preferences_rels" USING btree ("order");
  CREATE INDEX "payload_preferences_rels_parent_idx" ON "payload_preferences_rels" USING btree ("parent_id");
  CREATE INDEX "payload_preferences_rels_path_idx" ON "payload_preferences_rels" USING btree ("path");
  CREATE INDEX "payload_preferences_rels_users_id_idx" ON "payload_preferences_rels" USING btree ("users_id");
  CREATE INDEX "payload_migrations_updated_at_idx" ON "payload_migrations" USING btree ("updated_at");
  CREATE INDEX "payload_migrations_created_at_idx" ON "payload_migrations" USING btree ("created_at");
  CREATE INDEX "site_settings_help_lines_order_idx" ON "site_settings_help_lines" USING btree ("_order");
  CREATE INDEX "site_settings_help_lines_parent_id_idx" ON "site_settings_help_lines" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "site_settings_help_lines_locales_locale_parent_id_unique" ON "site_settings_help_lines_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "site_settings_current_edition_idx" ON "site_settings" USING btree ("current_edition_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "activities_audiences" CASCADE;
  DROP TABLE "activities_themes" CASCADE;
  DROP TABLE "activities" CASCADE;
  DROP TABLE "editions_key_figures" CASCADE;
  DROP TABLE "editions_key_figures_locales" CASCADE;
  DROP TABLE "editions_organisers" CASCADE;
  DROP TABLE "editions" CASCADE;
  DROP TABLE "editions_locales" CASCADE;
  DROP TABLE "editions_texts" CASCADE;
  DROP TABLE "organisers" CASCADE;
  DROP TABLE "organisers_locales" CASCADE;
  DROP TABLE "stories_themes" CASCADE;
  DROP TABLE "stories" CASCADE;
  DROP TABLE "stories_locales" CASCADE;
  DROP TABLE "_stories_v_version_themes" CASCADE;
  DROP TABLE "_stories_v" CASCADE;
  DROP TABLE "_stories_v_locales" CASCADE;
  DROP TABLE "campaign_assets" CASCADE;
  DROP TABLE "campaign_assets_locales" CASCADE;
  DROP TABLE "media" CASCADE;
  DROP TABLE "media_locales" CASCADE;
  DROP TABLE "story_audio" CASCADE;
  DROP TABLE "story_audio_locales" CASCADE;
  DROP TABLE "users_sessions" CASCADE;
  DROP TABLE "users" CASCADE;
  DROP TABLE "payload_kv" CASCADE;
  DROP TABLE "payload_jobs_log" CASCADE;
  DROP TABLE "payload_jobs" CASCADE;
  DROP TABLE "payload_locked_documents" CASCADE;
  DROP TABLE "payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload_preferences" CASCADE;
  DROP TABLE "payload_preferences_rels" CASCADE;
  DROP TABLE "payload_migrations" CASCADE;
  DROP TABLE "site_settings_help_lines" CASCADE;
  DROP TABLE "site_settings_help_lines_locales" CASCADE;
  DROP TABLE "site_settings" CASCADE;
  DROP TYPE "public"."_locales";
  DROP TYPE "public"."enum_activities_audiences";
  DROP TYPE "public"."enum_activities_themes";
  DROP TYPE "public"."enum_activities_format";
  DROP TYPE "public"."enum_activities_location_mode";
  DROP TYPE "public"."enum_activities_location_province";
  DROP TYPE "public"."enum_activities_status";
  DROP TYPE "public"."enum_editions_organisers_role";
  DROP TYPE "public"."enum_organisers_kind";
  DROP TYPE "public"."enum_stories_themes";
  DROP TYPE "public"."enum_stories_perspective";
  DROP TYPE "public"."enum_stories_consent_method";
  DROP TYPE "public"."enum_stories_status";
  DROP TYPE "public"."enum__stories_v_version_themes";
  DROP TYPE "public"."enum__stories_v_version_perspective";
  DROP TYPE "public"."enum__stories_v_version_consent_method";
  DROP TYPE "public"."enum__stories_v_version_status";
  DROP TYPE "public"."enum__stories_v_published_locale";
  DROP TYPE "public"."enum_campaign_assets_kind";
  DROP TYPE "public"."enum_campaign_assets_language";
  DROP TYPE "public"."enum_users_role";
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  DROP TYPE "public"."enum_payload_jobs_log_state";
  DROP TYPE "public"."enum_payload_jobs_task_slug";`)
}
