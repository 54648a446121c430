// Payload's GraphQL route, with unreadable or oversized bodies refused first (src/http/requestBodies.ts).
import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { graphqlBodyMaxBytes, withReadableBodies } from '../../../../http/requestBodies'

export const POST = withReadableBodies(GRAPHQL_POST(config), () => graphqlBodyMaxBytes)

export const OPTIONS = REST_OPTIONS(config)
