import fs from 'node:fs'
import path from 'node:path'

import { buildNext, startNext, stop } from '../../src/bench/server'
import { createScratchDatabase, freePort, type RunningDatabase } from '../../src/db/embedded'

/**
 * The production build (`next build`) and a `next start` server on a database of its own.
 * A build takes most of a minute and 2 GiB, so one test run builds once: tests/run.ts gives the
 * run an id, and the build is reused by every suite of that run.
 */
const stampFile = path.resolve('.next', 'wtk-test-run')

export function ensureProductionBuild(): void {
  const runId = process.env.WTK_TEST_RUN_ID
  if (runId && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === runId) return
  buildNext()
  if (runId) fs.writeFileSync(stampFile, runId)
}

export type ProductionServer = {
  base: string
  database: RunningDatabase
  /** What the server printed so far, for failure messages. */
  output: () => string
  hasExited: () => boolean
  stop: () => Promise<void>
}

/** Starts `next start` on a fresh database; wait for it with `waitFor` (src/bench/server.ts). */
export async function startProductionServer(env: Record<string, string> = {}): Promise<ProductionServer> {
  const [server] = await startProductionInstances(1, env)
  return server
}

/**
 * Starts `count` instances of `next start` at the same moment on one fresh database, as behind a
 * load balancer; stopping any of them stops that instance, the last one stopped also drops the database.
 */
export async function startProductionInstances(count: number, env: Record<string, string> = {}): Promise<ProductionServer[]> {
  const database = await createScratchDatabase(process.env.DATABASE_URL!, 'wtk_prod')
  const ports: number[] = []
  while (ports.length < count) {
    const port = await freePort()
    if (!ports.includes(port)) ports.push(port)
  }
  let running = count
  return ports.map((port) => {
    const server = startNext(port, { ...process.env, DATABASE_URL: database.url, PAYLOAD_JOBS_AUTORUN: 'false', ...env })
    let stopped = false
    return {
      base: `http://127.0.0.1:${port}`,
      database,
      output: server.output,
      hasExited: server.hasExited,
      stop: async () => {
        if (stopped) return
        stopped = true
        await stop(server.child)
        if (--running === 0) await database.stop()
      },
    }
  })
}
