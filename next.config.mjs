import { withPayload } from '@payloadcms/next/withPayload'

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
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
