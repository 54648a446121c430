import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { DatabaseAdapterObj } from 'payload'

/** The database adapter `result` makes, with methods replaced by `change` as soon as it is made. */
export function changeAdapter<T extends DatabaseAdapterObj>(result: T, change: (adapter: PostgresAdapter) => void): T {
  return {
    ...result,
    init: (args) => {
      const adapter = result.init(args)
      change(adapter as unknown as PostgresAdapter)
      return adapter
    },
  }
}
