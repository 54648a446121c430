import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-postgres'

/**
 * Changes nothing. The search, webhooks and SEO migrations were made side by side, each from the
 * schema before the others, so the newest snapshot (the `.json` Payload compares the config with
 * in `migrate:create`) lacked the webhooks tables. This migration's snapshot is the whole schema
 * after all three, so the next `migrate:create` starts from what the database really holds.
 */
export async function up(_args: MigrateUpArgs): Promise<void> {}

export async function down(_args: MigrateDownArgs): Promise<void> {}
