/** Applies pending migrations in a child process, so the caller does not keep Payload in memory. */
import { spawn } from 'node:child_process'

export async function runMigrations(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'src/scripts/payload.ts', 'migrate'], { stdio: 'inherit', env })
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`Migrations failed (exit code ${code}).`))))
  })
}
