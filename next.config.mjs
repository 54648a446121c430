import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // payload.config.ts and the collections live beside src/, not inside it
  outputFileTracingRoot: import.meta.dirname,
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
