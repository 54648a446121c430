/** Vitest is started by tests/run.ts, which makes a fresh database; refuse to run without one. */
export default function requireDatabase() {
  if (!process.env.DATABASE_URL || !process.env.PAYLOAD_SECRET) {
    throw new Error('Run the suites with `npm test` (or `npx tsx tests/run.ts <filter>`): it creates the test database.')
  }
}
