import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { settings } from '../env'
import { type ControllableDatabase, createScratchDatabase, startTemporaryPostgres, type RunningDatabase } from './embedded'

export type Scratch<D extends RunningDatabase = RunningDatabase> = { database: D; env: NodeJS.ProcessEnv; dispose: () => Promise<void> }

/**
 * A throw-away world for a test or benchmark run: a new database (on DATABASE_URL's server, or a
 * temporary embedded PostgreSQL), its own secret, media and data folders, and no job runner.
 */
export async function scratchEnvironment(name: string): Promise<Scratch> {
  const { databaseUrl } = settings()
  const database = databaseUrl ? await createScratchDatabase(databaseUrl, name) : await startTemporaryPostgres(name)
  return scratchAround(name, database)
}

/**
 * The same on a PostgreSQL cluster of its own, also when DATABASE_URL names a shared server:
 * for runs that stop and start PostgreSQL.
 */
export async function scratchWithOwnCluster(name: string): Promise<Scratch<ControllableDatabase>> {
  return scratchAround(name, await startTemporaryPostgres(name))
}

function scratchAround<D extends RunningDatabase>(name: string, database: D): Scratch<D> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), `${name.replace(/_/g, '-')}-`))
  // What the run's processes put in the temporary folder (Vitest's transformed sources, browser
  // profiles, the fault tests' clusters) stays private to this run and goes with it.
  const tmp = path.join(folder, 'tmp')
  fs.mkdirSync(tmp, { mode: 0o700 })
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    PAYLOAD_SECRET: randomBytes(32).toString('hex'),
    PAYLOAD_JOBS_AUTORUN: 'false',
    MEDIA_DIR: path.join(folder, 'media'),
    WTK_DATA_DIR: path.join(folder, 'data'),
    NEXT_TELEMETRY_DISABLED: '1',
    TMPDIR: tmp,
    LOG_LEVEL: settings().logLevel ?? 'warn',
  }
  return {
    database,
    env,
    dispose: async () => {
      await database.stop()
      fs.rmSync(folder, { recursive: true, force: true })
    },
  }
}
