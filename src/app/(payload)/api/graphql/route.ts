// Payload's GraphQL route, with unreadable or oversized bodies refused first (src/http/requestBodies.ts)
// and anonymous queries answered from the response cache (src/delivery/cache.ts). GET takes
// queries only (graphql-http refuses a mutation sent with GET).
import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { withGraphQLCache } from '../../../../delivery/cache'
import { graphqlBodyMaxBytes, withReadableBodies } from '../../../../http/requestBodies'

const graphql = withGraphQLCache(config, GRAPHQL_POST(config))

export const POST = withReadableBodies(graphql, () => graphqlBodyMaxBytes)

export const GET = graphql

export const OPTIONS = REST_OPTIONS(config)
