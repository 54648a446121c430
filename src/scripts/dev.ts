/**
 * `npm run dev`: the database (embedded unless DATABASE_URL is set), the migrations, then the
 * Next.js development server with the admin at http://localhost:3000/admin.
 */
import { spawn } from 'node:child_process'

import { ensureDatabase, stopOnExit } from '../db/bootstrap'
import { resolveSecret } from '../db/secret'
import { settings } from '../env'
import { runMigrations } from './migrations'

async function main() {
  const database = await ensureDatabase()
  process.env.PAYLOAD_SECRET = resolveSecret()
  // eslint-disable-next-line prefer-const -- the exit handler below may read it before next dev is spawned (Ctrl+C during the migrations), where a `const` would throw
  let next: ReturnType<typeof spawn> | undefined
  const stop = stopOnExit(database, async () => {
    if (next && next.exitCode === null && next.pid) {
      process.kill(-next.pid, 'SIGTERM')
      await new Promise((resolve) => next?.once('exit', resolve))
    }
  })
  console.log(`Database: ${database.url.replace(/:[^:@/]+@/, ':***@')}`)
  await runMigrations()

  const port = String(settings().port)
  // Its own process group, so stopping the dev command also stops next-server's workers.
  next = spawn('npx', ['next', 'dev', '--port', port], { stdio: 'inherit', env: process.env, detached: true })
  next.on('exit', (code) => void stop(code ?? 0))
  console.log(`Admin: http://localhost:${port}/admin`)
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
