import config from '@payload-config'
import { getPayload } from 'payload'

/** Starts Payload in the Node.js server, or stops the process with the reason. */
export async function startPayload(): Promise<void> {
  try {
    await getPayload({ config, cron: true })
  } catch (error) {
    console.error(`The CMS cannot start: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  }
}
