/**
 * Payload's own refusals that do not go through its translations (`req.t`): the query checks of
 * Payload and its PostgreSQL adapter build their messages in English. The same answer in Dutch,
 * with the paths and values the English one names.
 */
const dutch: [RegExp, (...parts: string[]) => string][] = [
  // payload/dist/errors/QueryError.js: a `where` (or join, or distinct) path that does not exist
  // or that the caller may not read.
  [/^The following path cannot be queried: (.*)$/s, (paths) => `Op het volgende veld kan niet worden gezocht: ${paths}`],
  [/^The following paths cannot be queried: (.*)$/s, (paths) => `Op de volgende velden kan niet worden gezocht: ${paths}`],
  // @payloadcms/drizzle: a value in a query on a JSON or rich-text field with other characters than
  // letters, digits, spaces and @ . - + :
  [
    /^(.*) is not allowed as a JSON query value$/s,
    (value) => `${value} kan niet als zoekwaarde in een JSON-veld worden gebruikt: gebruik alleen letters, cijfers, spaties en @ . - + :`,
  ],
  // payload/dist/collections/operations/findDistinct.js
  [/^Field (.*) was not found in the collection (.*)$/s, (field, slug) => `Het veld ${field} bestaat niet in de collectie ${slug}.`],
]

/** Payload's English message in Dutch, or undefined when it is not one of them. */
export function inDutch(message: unknown): string | undefined {
  if (typeof message !== 'string') return undefined
  for (const [pattern, translate] of dutch) {
    const match = pattern.exec(message)
    if (match) return translate(...match.slice(1))
  }
  return undefined
}
