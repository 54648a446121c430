import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { DatabaseAdapterObj } from 'payload'

import { changeAdapter } from './adapter'

/**
 * The key of the advisory lock that migrations run under; a fixed number only this CMS uses.
 * Exported for the tests, which hold it to see that a start waits for it.
 */
export const migrationLockKey = 7_240_611_001

/**
 * Every instance applies pending migrations when it starts (`prodMigrations`), and Payload takes
 * no lock: instances starting together on an empty database ran the same migration at once and
 * all but one failed. Migrations now run under a session-level advisory lock on a connection of
 * their own: one instance migrates, the others wait, then find every migration recorded and skip
 * it. The lock belongs to that connection's session, so it is released when the migration ends,
 * and also by PostgreSQL when an instance dies while migrating. `npm run migrate` takes it too.
 */
export function withMigrationLock<T extends DatabaseAdapterObj>(result: T): T {
  return changeAdapter(result, (adapter) => {
    const migrate = adapter.migrate
    adapter.migrate = async function migrateUnderLock(this: PostgresAdapter, options) {
      const connection = await this.pool.connect()
      try {
        await connection.query('SELECT pg_advisory_lock($1)', [migrationLockKey])
        return await migrate.call(this, options)
      } finally {
        // Closing the connection ends its session, and with it the lock, also after a failure.
        connection.release(true)
      }
    }
  })
}
