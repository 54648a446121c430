import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Activities got versions (drafts) in the review workflow migration. The admin lists activities
 * from their latest version, so every activity made before that needs one: this copies each
 * activity without a version into a first, latest version of itself.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  WITH inserted AS (
    INSERT INTO "_activities_v" (
      "parent_id", "version_title", "version_slug", "version_edition_id", "version_organiser_id",
      "version_summary", "version_description", "version_format", "version_starts_at", "version_ends_at",
      "version_location_mode", "version_location_venue", "version_location_address", "version_location_postal_code",
      "version_location_city", "version_location_province", "version_location_online_url",
      "version_registration_url", "version_registration_is_free", "version_registration_cost_note",
      "version_contact_name", "version_contact_email", "version_contact_phone",
      "version_status", "version_review_feedback", "version_review_internal_notes",
      "version_public_submission_ip_hash", "version_public_submission_expires_at", "version_public_submission_confirmed_at",
      "version_submitted_by_id", "version_submitted_at", "version_updated_at", "version_created_at",
      "version__status", "created_at", "updated_at", "latest"
    )
    SELECT
      a."id", a."title", a."slug", a."edition_id", a."organiser_id",
      a."summary", a."description", a."format"::text::"enum__activities_v_version_format", a."starts_at", a."ends_at",
      a."location_mode"::text::"enum__activities_v_version_location_mode", a."location_venue", a."location_address", a."location_postal_code",
      a."location_city", a."location_province"::text::"enum__activities_v_version_location_province", a."location_online_url",
      a."registration_url", a."registration_is_free", a."registration_cost_note",
      a."contact_name", a."contact_email", a."contact_phone",
      a."status", a."review_feedback", a."review_internal_notes",
      a."public_submission_ip_hash", a."public_submission_expires_at", a."public_submission_confirmed_at",
      a."submitted_by_id", a."submitted_at", a."updated_at", a."created_at",
      coalesce(a."_status", 'published')::text::"enum__activities_v_version_status", a."updated_at", a."updated_at", true
    FROM "activities" a
    WHERE NOT EXISTS (SELECT 1 FROM "_activities_v" v WHERE v."parent_id" = a."id")
    RETURNING "id", "parent_id"
  ),
  audiences AS (
    INSERT INTO "_activities_v_version_audiences" ("order", "parent_id", "value")
    SELECT x."order", i."id", x."value"::text::"enum__activities_v_version_audiences"
    FROM "activities_audiences" x JOIN inserted i ON i."parent_id" = x."parent_id"
  )
  INSERT INTO "_activities_v_version_themes" ("order", "parent_id", "value")
  SELECT x."order", i."id", x."value"::text::"enum__activities_v_version_themes"
  FROM "activities_themes" x JOIN inserted i ON i."parent_id" = x."parent_id";`)
}

export async function down(_args: MigrateDownArgs): Promise<void> {
  // The copied versions are ordinary versions now; nothing to undo.
}
