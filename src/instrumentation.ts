/**
 * Runs once when a Next.js server starts. Initialising Payload here, instead of on the first
 * request, means a server with a missing secret or an unreachable database refuses to start
 * with a clear message, pending migrations are applied before traffic arrives, and the job
 * runner (mail, scheduled publication of stories) starts even if no request comes in.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startPayload } = await import('./startPayload')
    await startPayload()
  }
}
