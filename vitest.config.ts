import path from 'node:path'

import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    alias: { '@payload-config': path.resolve(import.meta.dirname, 'payload.config.ts') },
  },
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    // One database for the whole run: test files run one after another.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    globalSetup: ['tests/helpers/requireDatabase.ts'],
  },
})
