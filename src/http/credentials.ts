import { parseCookies } from 'payload/shared'

/**
 * Whether a request carries a login: any `Authorization` header (a token or an API key), or a
 * cookie Payload would sign in with. Cookies are read the way Payload's login reads them (names
 * trimmed, so `payload-token =…` signs in too), and any cookie whose name contains the login
 * cookie's name counts, whatever its case: a request that might be signed in is never treated as
 * anonymous, which is what the shared response cache and the public cache headers rely on.
 */
export function carriesCredentials(headers: Headers, cookiePrefix = 'payload'): boolean {
  if (headers.has('authorization')) return true
  const loginCookie = `${cookiePrefix}-token`.toLowerCase()
  for (const name of parseCookies(headers).keys()) if (name?.toLowerCase().includes(loginCookie)) return true
  return false
}
