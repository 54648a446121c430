/** Where the CMS is reached and which websites may read its API from a browser. */

const listFromEnv = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim().replace(/\/+$/, ''))
    .filter(Boolean)

/** The public address of the CMS (`SERVER_URL`), e.g. https://cms.weektegenkindermishandeling.nl. */
export const serverURL = (): string | undefined => process.env.SERVER_URL?.replace(/\/+$/, '') || undefined

/**
 * Origins whose login cookie is honoured. Payload accepts a cookie from any origin when this list
 * is empty, so without SERVER_URL it holds the local development address.
 */
export const cookieOrigins = (): string[] => {
  const configured = serverURL()
  if (configured) return [configured]
  const port = process.env.PORT ?? 3000
  return [`http://localhost:${port}`, `http://127.0.0.1:${port}`]
}

/** Campaign and partner websites that read the API from the browser (`CORS_ORIGINS`, comma separated). */
export const corsOrigins = (): string[] => listFromEnv(process.env.CORS_ORIGINS)
