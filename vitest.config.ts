import path from 'node:path'

import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    alias: [
      { find: '@payload-config', replacement: path.resolve(import.meta.dirname, 'payload.config.ts') },
      // Payload loads graphql's CommonJS build; the tests must share that one copy of its classes.
      { find: /^graphql$/, replacement: path.resolve(import.meta.dirname, 'node_modules/graphql/index.js') },
    ],
  },
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    // One database for the whole run: test files run one after another.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // The browser and server suites wait for pages and jobs on a 2-core CI machine: 1 s is too short.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    globalSetup: ['tests/helpers/requireDatabase.ts'],
    // Admin server code (the form state) imports stylesheets: Node loads them as empty modules.
    setupFiles: ['tests/helpers/registerStylesheets.ts'],
  },
})
