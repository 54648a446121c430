import type { TaskConfig } from 'payload'

import { sendNow } from './adapter'

/**
 * Mail is sent by the jobs queue, off the request path: a slow or failing mail server neither
 * slows nor fails the submission or decision that caused it, and a failed send is retried.
 */
export const sendEmailTask: TaskConfig<{ input: { to: string; subject: string; text: string; html?: string }; output: object }> = {
  slug: 'sendEmail',
  label: 'E-mail versturen',
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 30_000 } },
  inputSchema: [
    { name: 'to', type: 'text', required: true },
    { name: 'subject', type: 'text', required: true },
    { name: 'text', type: 'textarea', required: true },
    // Payload's own mail (the password reset link) comes as HTML.
    { name: 'html', type: 'textarea' },
  ],
  handler: async ({ input, req }) => {
    await sendNow(req.payload, { to: input.to, subject: input.subject, text: input.text, html: input.html ?? undefined })
    return { output: {} }
  },
}
