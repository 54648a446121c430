import { getPayload } from 'payload'

/** Starts Payload in the Node.js server, or stops the process with the reason. */
export async function startPayload(): Promise<void> {
  try {
    // Imported here: reading the configuration is what fails without a secret or a database.
    const { default: config } = await import('@payload-config')
    await getPayload({ config, cron: true })
  } catch (error) {
    console.error(`The CMS cannot start: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  }
}
