/**
 * Runs once when a Next.js server starts. Initialising Payload here, instead of on the first
 * request, means a server with a missing secret or an unreachable database refuses to start
 * with a clear message, pending migrations are applied before traffic arrives, and the job
 * runner (mail, scheduled publication of stories) starts even if no request comes in.
 */
export async function register() {
  // Read directly, as Next.js asks: the bundler leaves the Node.js branch out of the edge build.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    // First, so that as few requests as possible arrive before the socket's address is recorded.
    const { appendSocketAddress } = await import('./http/clientAddress')
    appendSocketAddress()
    // Every setting is checked before anything else starts (src/env.ts).
    const { settings } = await import('./env')
    try {
      settings()
    } catch (error) {
      console.error(`The CMS cannot start: ${error instanceof Error ? error.message : String(error)}`)
      process.exit(1)
    }
    const { startPayload } = await import('./startPayload')
    await startPayload()
  }
}
