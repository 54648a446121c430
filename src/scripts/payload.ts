/**
 * The Payload commands this project uses, run in-process with the project's database bootstrap:
 *
 *   tsx src/scripts/payload.ts migrate | migrate:status | migrate:create [name] | generate:types | generate:importmap
 *                              | generate:graphql
 *
 * Without DATABASE_URL they use the embedded development database.
 */
import fs from 'node:fs'
import path from 'node:path'

import { ensureDatabase } from '../db/bootstrap'

const [command, ...args] = process.argv.slice(2)
const known = ['migrate', 'migrate:status', 'migrate:create', 'generate:types', 'generate:importmap', 'generate:graphql']

async function main(): Promise<void> {
  if (!command || !known.includes(command)) {
    console.error(`Usage: tsx src/scripts/payload.ts <${known.join(' | ')}>`)
    process.exit(2)
  }
  process.env.PAYLOAD_JOBS_AUTORUN = 'false'
  const needsDatabase = command === 'migrate' || command === 'migrate:status'
  const database = needsDatabase ? await ensureDatabase() : undefined
  if (!process.env.DATABASE_URL) process.env.DATABASE_URL = 'postgres://not-connected/unused'
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
    } else if (command === 'generate:importmap') {
      const { generateImportMap } = await import('payload')
      await generateImportMap(config, { log: true })
    } else {
      const { getPayload } = await import('payload')
      const payload = await getPayload({ config, disableOnInit: true, disableDBConnect: command === 'migrate:create' })
      if (command === 'migrate') await payload.db.migrate()
      else if (command === 'migrate:status') await payload.db.migrateStatus()
      else await payload.db.createMigration({ migrationName: args[0], payload, forceAcceptWarning: true })
      await payload.destroy()
    }
  } finally {
    await database?.stop()
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error)
    process.exit(1)
  },
)
