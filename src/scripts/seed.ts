/**
 * `npm run seed`: fills the development database with demo data of the campaign (editions,
 * organisations, activities, stories, campaign material and one account per role). Running it
 * again adds nothing twice. Refuses to run with NODE_ENV=production unless --force is given.
 */
import { getPayload, type Payload } from 'payload'

import { ensureDatabase, stopOnExit } from '../db/bootstrap'
import { settings } from '../env'
import type { RunningDatabase } from '../db/embedded'
import { seed, type SeedResult } from '../seed/run'
import { runMigrations } from './migrations'

function refuseProduction(): void {
  if (settings().production && !process.argv.includes('--force')) {
    console.error('Refusing to seed: NODE_ENV is production. The seed creates demo accounts with known passwords. Pass --force if you really mean it.')
    process.exit(1)
  }
}

function report(result: SeedResult): void {
  console.log('\nAccounts (development passwords):')
  for (const account of result.accounts) {
    const organiser = account.organiser ? `, ${account.organiser}` : ''
    const note = account.created ? '' : ' (already existed: password unchanged)'
    console.log(`  ${account.role.padEnd(8)} ${account.email.padEnd(22)} ${account.password}${organiser}${note}`)
  }
  console.log('\nCounts (in the database, and new in this run):')
  for (const [collection, count] of Object.entries(result.counts)) {
    console.log(`  ${collection.padEnd(16)} ${String(count).padStart(4)}  (+${result.created[collection as keyof SeedResult['created']]})`)
  }
}

async function main(): Promise<void> {
  refuseProduction()
  process.env.PAYLOAD_JOBS_AUTORUN = 'false'
  let database: RunningDatabase | undefined
  let payload: Payload | undefined
  try {
    database = await ensureDatabase()
    stopOnExit(database)
    await runMigrations()
    // Imported only now: the config reads DATABASE_URL when it is loaded.
    const { default: config } = await import('../../payload.config')
    payload = await getPayload({ config })
    report(await seed(payload, { log: (line) => console.log(line) }))
  } finally {
    await payload?.destroy()
    await database?.stop()
  }
}

/** The message, plus the field messages of a Payload validation error. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const fields = (error as { data?: { errors?: { path?: string; message?: string }[] } }).data?.errors ?? []
  return [error.message, ...fields.map((field) => `  ${field.path}: ${field.message}`)].join('\n')
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`Seeding failed: ${describe(error)}`)
    process.exit(1)
  },
)
