import { simpleParser } from 'mailparser'
import type { Payload } from 'payload'
import { SMTPServer } from 'smtp-server'

export type ReceivedMail = { to: string[]; subject: string; text: string }

/**
 * A real SMTP server on the port tests/run.ts gave the CMS (SMTP_PORT): what the CMS sends
 * arrives here over SMTP, as it would at a mail provider.
 */
export async function startMailbox(): Promise<{ messages: ReceivedMail[]; stop: () => Promise<void> }> {
  const messages: ReceivedMail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push({
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
          })
          callback()
        })
        .catch(callback)
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(Number(process.env.SMTP_PORT), '127.0.0.1', () => resolve())
  })
  return { messages, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

/** Runs the jobs queue until it is empty, so every queued mail has been handed to SMTP. */
export async function runQueuedJobs(payload: Payload): Promise<void> {
  for (let round = 0; round < 50; round++) {
    const { noJobsRemaining } = await payload.jobs.run({ queue: 'default', limit: 100 })
    if (noJobsRemaining) return
  }
}

/** Sends what is queued, then waits for a message to `address` whose subject matches. */
export async function mailTo(payload: Payload, messages: ReceivedMail[], address: string, subject: RegExp = /./, timeoutMs = 5000): Promise<ReceivedMail> {
  await runQueuedJobs(payload)
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const found = messages.find((message) => message.to.includes(address) && subject.test(message.subject))
    if (found) return found
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`No mail to ${address} about ${subject}; received ${messages.length} messages`)
}
