import pg from 'pg'

/**
 * node-postgres crashes the process when an idle pooled client errors and the pool has no
 * 'error' listener, which is what happens when PostgreSQL restarts or a connection is killed.
 * The pool logs the error instead; the broken client is discarded and a new one is made on the
 * next query.
 */
class ResilientPool extends pg.Pool {
  constructor(config?: pg.PoolConfig) {
    super(config)
    this.on('error', (err) => {
      console.error(`[database] idle connection lost: ${err.message}`)
    })
  }
}

export const resilientPg = { ...pg, Pool: ResilientPool } as typeof pg

export function poolOptions(connectionString: string): pg.PoolConfig {
  return {
    connectionString,
    // Fail a request instead of waiting forever when the server is unreachable.
    connectionTimeoutMillis: Number(process.env.DATABASE_CONNECT_TIMEOUT_MS ?? 5000),
    idleTimeoutMillis: 30_000,
    max: Number(process.env.DATABASE_POOL_MAX ?? 10),
  }
}
