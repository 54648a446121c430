import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import nodemailer from 'nodemailer'

/**
 * Mail goes out over SMTP when SMTP_HOST is set. Without it nothing leaves the machine: the
 * message is written to the log (development and tests without a mail sink). Never the
 * adapter's default, which would create a test account on the internet.
 */
export function emailAdapter() {
  const host = process.env.SMTP_HOST
  const transport = host
    ? nodemailer.createTransport({
        host,
        port: Number(process.env.SMTP_PORT ?? 587),
        secure: process.env.SMTP_SECURE === 'true',
        auth: process.env.SMTP_USER ? { user: process.env.SMTP_USER, pass: process.env.SMTP_PASSWORD ?? '' } : undefined,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      })
    : nodemailer.createTransport({ jsonTransport: true })
  if (!host) {
    const send = transport.sendMail.bind(transport)
    transport.sendMail = (async (message: nodemailer.SendMailOptions) => {
      console.info(`[mail, not sent: SMTP_HOST is not set] to ${String(message.to)}: ${message.subject}`)
      return send(message)
    }) as typeof transport.sendMail
  }
  return nodemailerAdapter({
    defaultFromAddress: process.env.MAIL_FROM ?? 'noreply@weektegenkindermishandeling.nl',
    defaultFromName: process.env.MAIL_FROM_NAME ?? 'Week tegen Kindermishandeling',
    transport,
    skipVerify: true,
  })
}
