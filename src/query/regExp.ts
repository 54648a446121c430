/** `text` as a literal inside a regular expression (JavaScript's, and PostgreSQL's `~*`). */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
