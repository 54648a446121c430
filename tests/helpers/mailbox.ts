import { simpleParser } from 'mailparser'
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
