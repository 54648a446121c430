import { settings } from '../env'
import { startEmbeddedPostgres, type RunningDatabase } from './embedded'
import { dataDir } from './paths'

/**
 * The database the development commands use: the server DATABASE_URL names, or else an
 * embedded PostgreSQL whose data stays in the git-ignored .data folder. Sets DATABASE_URL for
 * this process and every process it starts.
 */
export async function ensureDatabase(): Promise<RunningDatabase> {
  const { databaseUrl } = settings()
  if (databaseUrl) {
    return { url: databaseUrl, stop: async () => {} }
  }
  const database = await startEmbeddedPostgres({ dir: dataDir, database: 'wtk', persistent: true })
  process.env.DATABASE_URL = database.url
  return database
}

/** Stops the database once, on normal exit and on Ctrl-C or a termination signal. */
export function stopOnExit(database: RunningDatabase, beforeStop?: () => Promise<void> | void) {
  let stopping = false
  const stop = async (code: number) => {
    if (stopping) return
    stopping = true
    try {
      await beforeStop?.()
    } finally {
      await database.stop().catch((error) => console.error(`Could not stop the database: ${error}`))
      process.exit(code)
    }
  }
  process.on('SIGINT', () => void stop(130))
  process.on('SIGTERM', () => void stop(143))
  return stop
}
