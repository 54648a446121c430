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

  /** Settles when the last statement handed to node-postgres has finished; undefined when idle. */
  #busy: Promise<void> | undefined

  /**
   * One statement at a time. Payload runs statements of one transaction in parallel (a bulk
   * delete or update handles its documents with `Promise.all`, each removing its edit locks and
   * writing), all on the transaction's one connection. node-postgres 8 queues them with a
   * deprecation warning and version 9 refuses them; here they wait their turn, in the order they
   * were issued, as the queue did. Callback-style and submittable queries (the pool's own) pass.
   */
  override query(...args: unknown[]): never {
    const [config, values, callback] = args as [{ submit?: unknown } | string, unknown, unknown]
    const passThrough = typeof values === 'function' || typeof callback === 'function' || typeof (config as { submit?: unknown })?.submit === 'function'
    const send = () => (super.query as (...a: unknown[]) => Promise<unknown>)(...args)
    if (passThrough) return send() as never
    const previous = this.#busy
    const result = previous ? previous.then(send) : send()
    const settled = result.then(
      () => undefined,
      () => undefined,
    )
    this.#busy = settled
    void settled.then(() => {
      if (this.#busy === settled) this.#busy = undefined
    })
    return result as never
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
