/**
 * Headers of every stored file Payload serves (`/api/<collection>/file/<filename>`), set through
 * the upload option `modifyResponseHeaders`.
 *
 * A file opened directly in the browser runs in a sandbox without scripts or requests, the
 * browser keeps to the type the server names, and no site can frame it. Images, audio and video
 * are shown in the browser; documents (PDF, CSV exports) are downloaded.
 */
export const fileContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; sandbox"

const shownInBrowser = /^(image|audio|video)\//

export function fileResponseHeaders({ headers }: { headers: Headers }): Headers {
  headers.set('Content-Security-Policy', fileContentSecurityPolicy)
  headers.set('X-Content-Type-Options', 'nosniff')
  const type = headers.get('Content-Type')
  if (type && !shownInBrowser.test(type)) headers.set('Content-Disposition', 'attachment')
  return headers
}
