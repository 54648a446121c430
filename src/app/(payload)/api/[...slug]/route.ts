// Payload's REST routes, with cache headers and the response cache on reads (src/delivery/cache.ts) and unreadable or
// oversized bodies refused before Payload reads them (src/http/requestBodies.ts).
import config from '@payload-config'
import '@payloadcms/next/css'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'

import { withCacheHeaders } from '../../../../delivery/cache'
import { withReadableBodies } from '../../../../http/requestBodies'

export const GET = withCacheHeaders(config, REST_GET(config))
export const POST = withReadableBodies(REST_POST(config))
export const DELETE = REST_DELETE(config)
export const PATCH = withReadableBodies(REST_PATCH(config))
export const PUT = withReadableBodies(REST_PUT(config))
export const OPTIONS = REST_OPTIONS(config)
