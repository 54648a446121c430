import pg from 'pg'

import { settings } from '../env'

/**
 * Gives up on a server that does not accept a connection within DATABASE_CONNECT_TIMEOUT_MS.
 * This is the timeout of the connection attempt itself; the pool's own timeout (below) is how
 * long a request may queue for a connection that is busy with other requests.
 */
class TimelyClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super({ ...(typeof config === 'string' ? { connectionString: config } : config), connectionTimeoutMillis: settings().databaseConnectTimeoutMs })
    // A connection lost while checked out between two statements (a transaction waiting for its
    // next query or its COMMIT) emits 'error' with nobody listening, which would end the
    // process. The next statement on it fails instead (and says so), and the pool discards it.
    this.on('error', () => undefined)
  }
}

/**
 * node-postgres crashes the process when an idle pooled client errors and the pool has no
 * 'error' listener, which is what happens when PostgreSQL restarts or a connection is killed.
 * The pool logs the error instead; the broken client is discarded and a new one is made on the
 * next query.
 */
// admin_shutdown, crash_shutdown, cannot_connect_now; or the socket closed as the server went.
const serverEndedConnection = (err: Error & { code?: string }) =>
  ['57P01', '57P02', '57P03'].includes(err.code ?? '') || err.message === 'Connection terminated unexpectedly'

class ResilientPool extends pg.Pool {
  constructor(config?: pg.PoolConfig) {
    super({ ...config, Client: TimelyClient })
    this.on('error', (err: Error & { code?: string }) => {
      // The server ending its connections (a shutdown, a restart, a dropped test database) is
      // expected and harmless here; anything else is worth a line.
      if (!serverEndedConnection(err)) console.warn(`[database] idle connection lost: ${err.message}`)
    })
  }
}

export const resilientPg = { ...pg, Pool: ResilientPool } as typeof pg

export function poolOptions(connectionString: string): pg.PoolConfig {
  const { databasePoolWaitMs, databasePoolMax } = settings()
  return {
    connectionString,
    // A burst of writes queues for the pool's connections longer than a new connection may take
    // to open: an unreachable server fails a request after the connect timeout, a busy pool
    // after this one.
    connectionTimeoutMillis: databasePoolWaitMs,
    idleTimeoutMillis: 30_000,
    max: databasePoolMax,
  }
}
