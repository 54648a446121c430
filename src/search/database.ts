/**
 * What full-text search keeps in the database (the migration `…_search` creates it; nothing of
 * it is in Payload's schema, so `migrate:create` leaves it alone):
 *
 * - the text search configurations `wtk_dutch` and `wtk_english`: PostgreSQL's Dutch and English
 *   stemmers after `unaccent`, so "ouders" finds "ouder" and "categorieen" finds "categorieën";
 * - `wtk_rich_text(jsonb)`: the plain text of a Lexical rich-text value (its text nodes, in order);
 * - `wtk_unaccent(text)`: `unaccent` marked immutable, for the trigram indexes of the titles;
 * - a generated column `_search` (title A, summary B, body C) with a GIN index on the row websites
 *   read: `activities` (Dutch only) and `stories_locales` (one row per language). Drafts live in the
 *   version tables and are never indexed.
 */

/** The configuration a language's texts are indexed and searched with. */
export const textSearchConfig = (locale: string): 'wtk_dutch' | 'wtk_english' => (locale === 'en' ? 'wtk_english' : 'wtk_dutch')

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`

/** The objects above, in the schema `schema` (Payload's, `public` unless configured). */
export function searchSetup(schema: string): string {
  const s = quote(schema)
  const vector = (config: string, title: string, summary: string, body: string) => `
    setweight(to_tsvector(${config}, coalesce(${title}, '')), 'A') ||
    setweight(to_tsvector(${config}, coalesce(${summary}, '')), 'B') ||
    setweight(to_tsvector(${config}, ${s}.wtk_rich_text(${body})), 'C')`
  return `
  CREATE EXTENSION IF NOT EXISTS unaccent;
  CREATE EXTENSION IF NOT EXISTS pg_trgm;

  CREATE TEXT SEARCH CONFIGURATION ${s}.wtk_dutch (COPY = pg_catalog.dutch);
  ALTER TEXT SEARCH CONFIGURATION ${s}.wtk_dutch ALTER MAPPING FOR hword, hword_part, word WITH unaccent, dutch_stem;
  CREATE TEXT SEARCH CONFIGURATION ${s}.wtk_english (COPY = pg_catalog.english);
  ALTER TEXT SEARCH CONFIGURATION ${s}.wtk_english ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;

  CREATE FUNCTION ${s}.wtk_unaccent(value text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN unaccent('unaccent'::regdictionary, value);

  CREATE FUNCTION ${s}.wtk_rich_text(value jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN coalesce(
      (SELECT string_agg(part, ' ') FROM jsonb_array_elements_text(jsonb_path_query_array(value, 'strict $.**.text')) AS part),
      '');

  ALTER TABLE ${s}.activities ADD COLUMN _search tsvector GENERATED ALWAYS AS (${vector(`'${schema}.wtk_dutch'::regconfig`, 'title', 'summary', 'description')}) STORED;
  CREATE INDEX activities_search_idx ON ${s}.activities USING gin (_search);
  CREATE INDEX activities_title_trgm_idx ON ${s}.activities USING gin (${s}.wtk_unaccent(title) gin_trgm_ops);

  ALTER TABLE ${s}.stories_locales ADD COLUMN _search tsvector GENERATED ALWAYS AS (${vector(
    `CASE WHEN _locale = 'en' THEN '${schema}.wtk_english'::regconfig ELSE '${schema}.wtk_dutch'::regconfig END`,
    'title',
    'summary',
    'body',
  )}) STORED;
  CREATE INDEX stories_locales_search_idx ON ${s}.stories_locales USING gin (_search);
  CREATE INDEX stories_locales_title_trgm_idx ON ${s}.stories_locales USING gin (${s}.wtk_unaccent(title) gin_trgm_ops);`
}

export function dropSearch(schema: string): string {
  const s = quote(schema)
  return `
  ALTER TABLE ${s}.stories_locales DROP COLUMN IF EXISTS _search;
  DROP INDEX IF EXISTS ${s}.stories_locales_title_trgm_idx;
  ALTER TABLE ${s}.activities DROP COLUMN IF EXISTS _search;
  DROP INDEX IF EXISTS ${s}.activities_title_trgm_idx;
  DROP FUNCTION IF EXISTS ${s}.wtk_rich_text(jsonb);
  DROP FUNCTION IF EXISTS ${s}.wtk_unaccent(text);
  DROP TEXT SEARCH CONFIGURATION IF EXISTS ${s}.wtk_english;
  DROP TEXT SEARCH CONFIGURATION IF EXISTS ${s}.wtk_dutch;`
}
