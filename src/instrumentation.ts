/**
 * Runs once when a Next.js server starts. Initialising Payload here, instead of on the first
 * request, means a server with a missing secret or an unreachable database refuses to start
 * with a clear message, pending migrations are applied before traffic arrives, and the job
 * runner (mail, scheduled publication of stories) starts even if no request comes in.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    // Loading the configuration can already fail (no PAYLOAD_SECRET, no DATABASE_URL). Next.js
    // logs a failing hook and serves on regardless, so stop the process here.
    try {
      const { startPayload } = await import('./startPayload')
      await startPayload()
    } catch (error) {
      console.error(`The CMS cannot start: ${error instanceof Error ? error.message : String(error)}`)
      process.exit(1)
    }
  }
}
