/**
 * The HTML the CMS serves itself (the confirmation page of the public submission form). The
 * page is on the CMS's own origin, where editors are signed in: every value is escaped, and the
 * policy allows no script, no resource from anywhere, and forms only to the CMS itself.
 */

export const pageContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export const escapeHtml = (value: unknown): string => String(value ?? '').replace(/[&<>"']/g, (char) => entities[char])

/** Markup made by `html`: inserted as it is into another `html` template, not escaped twice. */
export class Markup {
  constructor(readonly text: string) {}
  toString() {
    return this.text
  }
}

const render = (value: unknown): string => (value instanceof Markup ? value.text : Array.isArray(value) ? value.map(render).join('') : escapeHtml(value))

/** A template tag that escapes everything interpolated into it, except other `html` markup. */
export const html = (strings: TemplateStringsArray, ...values: unknown[]): Markup =>
  new Markup(strings.reduce((out, part, index) => out + part + (index < values.length ? render(values[index]) : ''), ''))

/** A small page in Dutch, never cached. */
export const htmlPage = ({ title, body, status }: { title: string; body: Markup; status: number }): Response =>
  new Response(
    html`<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title></head><body style="font-family:sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem"><h1>${title}</h1>${body}</body></html>`
      .text,
    {
      status,
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': pageContentSecurityPolicy,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    },
  )
