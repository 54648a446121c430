import { withPayload } from '@payloadcms/next/withPayload'

/**
 * Security headers on every page of the admin and every answer of the API. Framing is refused
 * with both the CSP directive and the older header. No script-src policy on the admin (its
 * scripts are Next's and Payload's own).
 */
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  // Only a production build is served over HTTPS; `next dev` on http://localhost must not pin it.
  ...(process.env.NODE_ENV === 'production' ? [{ key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' }] : []),
]

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // payload.config.ts and the collections live beside src/, not inside it
  outputFileTracingRoot: import.meta.dirname,
  experimental: {
    // Payload turns an error into the API's answer by its class name; minified server code loses
    // the names, and every refusal (403, 409) would reach the admin and websites as "An unknown
    // error occurred." instead of its Dutch message.
    serverMinification: false,
  },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // A header set here replaces the route's own: stored files keep their stricter policy from
      // the upload config (src/delivery/fileHeaders.ts), and the confirmation page of the public
      // form its own (src/http/html.ts); both also refuse framing.
      {
        source: '/:path((?!api/[^/]+/file/|api/activities/public-submission/confirm).*)',
        headers: [{ key: 'Content-Security-Policy', value: "frame-ancestors 'none'" }],
      },
    ]
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
