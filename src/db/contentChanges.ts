/**
 * Every write to a content table moves one sequence, `content_changes`, through a statement
 * trigger. The API's ETags are built on it (src/delivery/cache.ts): a tag stays valid exactly as
 * long as nothing was written. A migration that creates a table calls `trackContentChanges` again.
 */

/** Bookkeeping that never shows in a public answer: writing it leaves every tag valid. */
export const untrackedTables = [
  'payload_jobs',
  'payload_jobs_log',
  'payload_kv',
  'payload_locked_documents',
  'payload_locked_documents_rels',
  'payload_migrations',
  'payload_preferences',
  'payload_preferences_rels',
  'users_sessions',
  // Administrators' webhook endpoints and their delivery log: nothing anonymous readers see.
  'webhooks',
  'webhooks_events',
  'webhook_deliveries',
  // Administrators' record of what was done with personal data.
  'audit_log',
]

export const contentChangesSetup = `
  CREATE SEQUENCE IF NOT EXISTS content_changes;
  CREATE OR REPLACE FUNCTION note_content_change() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM nextval('content_changes');
    RETURN NULL;
  END $$;`

/** Adds the trigger to every table of the current schema that has none yet. */
export const trackContentChanges = `
  DO $$
  DECLARE t text;
  BEGIN
    FOR t IN
      SELECT c.relname FROM pg_class c
      WHERE c.relkind IN ('r', 'p') AND c.relnamespace = current_schema()::regnamespace
        AND c.relname <> ALL (ARRAY[${untrackedTables.map((name) => `'${name}'`).join(', ')}])
        AND NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = c.oid AND tgname = 'note_content_change')
    LOOP
      EXECUTE format(
        'CREATE TRIGGER note_content_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION note_content_change()',
        t
      );
    END LOOP;
  END $$;`

export const dropContentChanges = `
  DO $$
  DECLARE t text;
  BEGIN
    FOR t IN SELECT c.relname FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid WHERE g.tgname = 'note_content_change'
    LOOP
      EXECUTE format('DROP TRIGGER note_content_change ON %I', t);
    END LOOP;
  END $$;
  DROP FUNCTION IF EXISTS note_content_change();
  DROP SEQUENCE IF EXISTS content_changes;`

/**
 * What the ETags are built on: the change counter, the transactions of this database's clients
 * that are writing right now (their changes are not visible yet, and will be; autovacuum's are
 * not content), the number of editions
 * whose activities are listed by now (`submissions.listedFrom` passing changes the lists
 * without a write), and the number of stories whose consent has ended by `$1` (a `consent.validUntil`
 * passing takes a story offline without a write). `$1` is the application's clock, the one the
 * stories' read rule compares with.
 */
export const contentVersionQuery = `
  SELECT (SELECT last_value FROM content_changes)::text AS changes,
         (SELECT coalesce(string_agg(backend_xid::text, ',' ORDER BY backend_xid::text), '')
            FROM pg_stat_activity
           WHERE datname = current_database() AND backend_type = 'client backend'
             AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()) AS writing,
         (SELECT count(*)::int FROM editions WHERE submissions_listed_from <= now()) AS listed,
         (SELECT count(*)::int FROM stories WHERE consent_valid_until <= $1::timestamptz) AS expired`

/**
 * Which database the counter belongs to, for keys shared with other databases' instances (one
 * Redis for production and staging): the database's oid, new when a database is made anew and its
 * counter starts again, and the server's start, which tells clusters apart.
 */
export const databaseIdentityQuery = `
  SELECT (SELECT oid FROM pg_database WHERE datname = current_database())::text AS database,
         pg_postmaster_start_time()::text AS started`
