/**
 * Marks a field (or a whole collection) that holds personal data: `{ ...personal, name: … }`.
 * Each one is described in the processing record, `docs/privacy.md` (why it is kept, who sees
 * it, for how long, where it is erased); tests/privacy-record.test.ts holds the two together.
 */
export const personal = { custom: { personalData: true } } as const

export const isPersonal = (item: { custom?: Record<string, unknown> }): boolean => item.custom?.personalData === true
