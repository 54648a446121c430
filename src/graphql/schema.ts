import { configToSchema } from '@payloadcms/graphql'
import { printSchema } from 'graphql'
import type { SanitizedConfig } from 'payload'

/** The public GraphQL contract as SDL, as committed in docs/schema.graphql. */
export const graphQLSchemaText = (config: SanitizedConfig): string => `${printSchema(configToSchema(config).schema)}\n`
