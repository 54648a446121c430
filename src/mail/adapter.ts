import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import nodemailer from 'nodemailer'
import type { EmailAdapter, Payload, SendEmailOptions } from 'payload'

import { settings } from '../env'

/**
 * Mail goes out over SMTP when SMTP_HOST is set. Without it nothing leaves the machine: the
 * message is written to the log (development and tests without a mail sink). Never the
 * adapter's default, which would create a test account on the internet.
 */
export function emailAdapter() {
  const { smtpHost: host, smtpPort, smtpSecure, smtpUser, smtpPassword, mailFrom, mailFromName } = settings()
  const transport = host
    ? nodemailer.createTransport({
        host,
        port: smtpPort,
        secure: smtpSecure,
        auth: smtpUser ? { user: smtpUser, pass: smtpPassword } : undefined,
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
  return throughTheQueue(
    nodemailerAdapter({
      defaultFromAddress: mailFrom,
      defaultFromName: mailFromName,
      transport,
      skipVerify: true,
    }),
  )
}

/** The plain-text part of a message Payload only wrote as HTML. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .trim()

type QueuedEmail = ReturnType<EmailAdapter> & { sendNow: ReturnType<EmailAdapter>['sendEmail'] }

/**
 * Every message, also Payload's own (the password reset link), is sent by the jobs queue
 * (src/mail/sendEmailTask.ts): a slow or failing mail server neither slows nor fails the request,
 * and asking a reset for an address with an account takes as long as for one without.
 */
async function throughTheQueue(smtp: Promise<EmailAdapter>): Promise<EmailAdapter> {
  const adapter = await smtp
  return ({ payload }): QueuedEmail => {
    const direct = adapter({ payload })
    return {
      ...direct,
      sendNow: direct.sendEmail,
      sendEmail: async ({ to, subject, text, html }: SendEmailOptions) => {
        const body = html ? { html: String(html) } : {}
        const input = { to: String(to), subject: String(subject ?? ''), text: text ? String(text) : textOf(String(html ?? '')), ...body }
        return payload.jobs.queue({ task: 'sendEmail', input })
      },
    }
  }
}

/** Hands a message to the mail server now; only the queue's sendEmail task does this. */
export const sendNow = (payload: Payload, message: SendEmailOptions) => (payload.email as QueuedEmail).sendNow(message)
