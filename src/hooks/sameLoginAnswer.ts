import { pbkdf2 } from 'node:crypto'
import { promisify } from 'node:util'

import type { AfterErrorHook, CollectionBeforeOperationHook } from 'payload'
import { AuthenticationError, LockedAuth } from 'payload'

// A login must not tell whether an address has an account. Payload answers an unknown address
// at once and a known one only after checking the password, and it answers a locked account
// with its own message. These two hooks make every failed login look and last the same.

/** Payload's password check (auth/strategies/local/generatePasswordSaltHash.js): PBKDF2-SHA256, 600,000 rounds. */
const checkAPassword = () => promisify(pbkdf2)('geen-wachtwoord', 'geen-zout', 600_000, 32, 'sha256')

const isLocked = (lockUntil: string | Date | null | undefined) => Boolean(lockUntil) && new Date(lockUntil!) > new Date()

/**
 * Where Payload will refuse without checking a password (no such account, or a locked one),
 * spend the time a password check takes first.
 */
export const equalLoginTime: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  if (operation !== 'login') return args
  const email = String((args as { data?: { email?: unknown } }).data?.email ?? '')
    .toLowerCase()
    .trim()
  const account = email
    ? await req.payload.db.findOne<{ id: number; lockUntil?: string | Date | null }>({ collection: collection.slug, where: { email: { equals: email } }, req })
    : null
  if (!account || isLocked(account.lockUntil)) await checkAPassword()
  return args
}

/**
 * Payload answers the attempt that locks an account, and every one after it, with "this user is
 * locked": that says the address has an account. Answer it as a wrong password instead; the
 * message (translations in payload.config.ts) mentions that an account can be blocked.
 */
export const answerLockedAsWrongPassword: AfterErrorHook = ({ error, graphqlResult, req }) => {
  const original = (error as { originalError?: unknown }).originalError ?? error
  if (!(original instanceof LockedAuth)) return
  const wrongPassword = new AuthenticationError(req.t)
  if (graphqlResult) {
    return {
      graphqlResult: { ...graphqlResult, message: wrongPassword.message, extensions: { ...graphqlResult.extensions, name: wrongPassword.name } },
    }
  }
  return { response: { errors: [{ message: wrongPassword.message }] }, status: wrongPassword.status }
}
