import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

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
  const build = spawnSync('npx', ['next', 'build'], { encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } })
  if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`)
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

/** Starts `next start` on a fresh database and waits until it answers the public API. */
export async function startProductionServer(env: Record<string, string> = {}): Promise<ProductionServer> {
  const database = await createScratchDatabase(process.env.DATABASE_URL!, 'wtk_prod')
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  let output = ''
  // Its own process group: stopping npx alone would leave next-server running.
  const server: ChildProcess = spawn('npx', ['next', 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
    env: { ...process.env, DATABASE_URL: database.url, PAYLOAD_JOBS_AUTORUN: 'false', ...env, NODE_ENV: 'production' },
    detached: true,
  })
  server.stdout?.on('data', (chunk) => (output += chunk))
  server.stderr?.on('data', (chunk) => (output += chunk))
  server.on('exit', (code, signal) => (output += `\nnext start exited: ${signal ?? code}\n`))

  const stop = async () => {
    if (server.pid && server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve))
      process.kill(-server.pid, 'SIGTERM')
      await exited
    }
    await database.stop()
  }
  return { base, database, output: () => output, hasExited: () => server.exitCode !== null, stop }
}

/** Waits until `url` answers (any status), or fails with what the server printed. */
export async function waitForServer(server: ProductionServer, url: string, timeoutMs: number): Promise<Response> {
  const deadline = Date.now() + timeoutMs
  let lastError: unknown
  while (Date.now() < deadline) {
    if (server.hasExited()) throw new Error(`next start exited early:\n${server.output()}`)
    try {
      return await fetch(url)
    } catch (error) {
      lastError = error
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
  }
  throw new Error(`No answer from ${url}: ${String(lastError)}\n${server.output()}`)
}
