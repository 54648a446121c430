/**
 * Runs once when a Next.js server starts. Initialising Payload here, instead of on the first
 * request, means a server with a missing secret or an unreachable database refuses to start
 * with a clear message, pending migrations are applied before traffic arrives, and the job
 * runner (scheduled publication of stories) starts even if no request comes in.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  try {
    const { getPayload } = await import('payload')
    const { default: config } = await import('@payload-config')
    await getPayload({ config, cron: true })
  } catch (error) {
    console.error(`The CMS cannot start: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  }
}
