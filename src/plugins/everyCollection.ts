import type { CollectionBeforeOperationHook, Config } from 'payload'

/**
 * Adds `beforeOperation` hooks to every collection of the config, also those earlier plugins
 * added: `first` ahead of the collection's own hooks, `last` after them.
 */
export const withBeforeOperation = (config: Config, hooks: CollectionBeforeOperationHook[], position: 'first' | 'last'): Config => ({
  ...config,
  collections: (config.collections ?? []).map((collection) => {
    const own = collection.hooks?.beforeOperation ?? []
    return {
      ...collection,
      hooks: { ...collection.hooks, beforeOperation: position === 'first' ? [...hooks, ...own] : [...own, ...hooks] },
    }
  }),
})
