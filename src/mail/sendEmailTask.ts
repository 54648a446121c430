import type { TaskConfig } from 'payload'

/**
 * Mail is sent by the jobs queue, off the request path: a slow or failing mail server neither
 * slows nor fails the submission or decision that caused it, and a failed send is retried.
 */
export const sendEmailTask: TaskConfig<{ input: { to: string; subject: string; text: string }; output: object }> = {
  slug: 'sendEmail',
  label: 'E-mail versturen',
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 30_000 } },
  inputSchema: [
    { name: 'to', type: 'text', required: true },
    { name: 'subject', type: 'text', required: true },
    { name: 'text', type: 'textarea', required: true },
  ],
  handler: async ({ input, req }) => {
    await req.payload.sendEmail({ to: input.to, subject: input.subject, text: input.text })
    return { output: {} }
  },
}
