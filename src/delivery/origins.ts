/** Where the CMS is reached. Which websites may read its API from a browser: `settings().corsOrigins`. */
import { settings, type Settings } from '../env'

/**
 * Origins whose login cookie is honoured. Payload accepts a cookie from any origin when this list
 * is empty, so without SERVER_URL it holds the local development address.
 */
export const cookieOrigins = ({ configuredServerUrl, port }: Settings = settings()): string[] =>
  configuredServerUrl ? [configuredServerUrl] : [`http://localhost:${port}`, `http://127.0.0.1:${port}`]
