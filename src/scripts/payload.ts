/**
 * The Payload commands this project uses, run in-process with the project's database bootstrap:
 *
 *   tsx src/scripts/payload.ts migrate | migrate:status | migrate:create [name] | generate:types | generate:importmap
 *                              | generate:graphql | generate:openapi
 *
 * Without DATABASE_URL they use the embedded development database.
 */
import fs from 'node:fs'
import path from 'node:path'

import type { Migration, Payload } from 'payload'

import { ensureDatabase } from '../db/bootstrap'
import { settings } from '../env'

const [command, ...args] = process.argv.slice(2)
const known = ['migrate', 'migrate:status', 'migrate:create', 'generate:types', 'generate:importmap', 'generate:graphql', 'generate:openapi']

async function main(): Promise<void> {
  if (!command || !known.includes(command)) {
    console.error(`Usage: tsx src/scripts/payload.ts <${known.join(' | ')}>`)
    process.exit(2)
  }
  process.env.PAYLOAD_JOBS_AUTORUN = 'false'
  const needsDatabase = command === 'migrate' || command === 'migrate:status'
  const database = needsDatabase ? await ensureDatabase() : undefined
  if (!settings().databaseUrl) process.env.DATABASE_URL = 'postgres://not-connected/unused'
  process.env.PAYLOAD_MIGRATING = 'true'
  try {
    const { default: configPromise } = await import('../../payload.config')
    const config = await configPromise
    if (command === 'generate:types') {
      const { generateTypes } = await import('payload/node')
      await generateTypes(config)
    } else if (command === 'generate:graphql') {
      const { graphQLSchemaText } = await import('../graphql/schema')
      fs.writeFileSync(config.graphQL.schemaOutputFile, graphQLSchemaText(config))
      console.log(`GraphQL schema written to ${path.relative(process.cwd(), config.graphQL.schemaOutputFile)}`)
    } else if (command === 'generate:openapi') {
      const { openAPIFile, openAPIText } = await import('../openapi/document')
      fs.writeFileSync(openAPIFile, await openAPIText(config))
      console.log(`OpenAPI document written to ${path.relative(process.cwd(), openAPIFile)}`)
    } else if (command === 'generate:importmap') {
      const { generateImportMap } = await import('payload')
      await generateImportMap(config, { log: true })
    } else {
      const { getPayload } = await import('payload')
      const payload = await getPayload({ config, disableOnInit: true, disableDBConnect: command === 'migrate:create' })
      if (command === 'migrate') await migrateAll(payload)
      else if (command === 'migrate:status') await payload.db.migrateStatus()
      else await payload.db.createMigration({ migrationName: args[0], payload, forceAcceptWarning: true })
      await payload.destroy()
    }
  } finally {
    await database?.stop()
  }
}

/**
 * Applies the migrations of src/migrations/index.ts (the list the production server applies too),
 * then checks that every one of them is recorded: a run that silently did nothing fails here.
 */
async function migrateAll(payload: Payload): Promise<void> {
  const { migrations } = await import('../migrations')
  // Payload types a migration's arguments as `unknown`; these are the Postgres adapter's own.
  await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
  const { docs } = await payload.find({ collection: 'payload-migrations', limit: 0, pagination: false, depth: 0 })
  const applied = new Set(docs.map((doc) => doc.name))
  const missing = migrations.filter((migration) => !applied.has(migration.name)).map((migration) => migration.name)
  if (missing.length) throw new Error(`Migrations not applied: ${missing.join(', ')}`)
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error)
    process.exit(1)
  },
)
