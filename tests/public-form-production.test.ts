import { createHash } from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { waitFor } from '../src/bench/server'
import { confirmationLink } from '../src/workflow/publicSubmission'
import { openWindow, unique } from './helpers/fixtures'
import { ensureProductionBuild, startProductionServer, type ProductionServer } from './helpers/production'

// The public submission form over real HTTP against the production build (`next build` +
// `next start`): the client address comes from the socket, not from what the client forwards,
// and the confirmation page keeps its own strict headers.

const defaults = { PUBLIC_SUBMISSION_LIMIT_PER_HOUR: '5', PUBLIC_SUBMISSION_LIMIT_PER_CONTACT: '3', PUBLIC_SUBMISSION_LIMIT_TOTAL: '200' }
const account = { email: 'redactie@example.nl', password: 'Lang-genoeg-wachtwoord-2026!', name: 'Redactie' }

type Site = { server: ProductionServer; base: string; token: string; open: number; closed: number }

async function startSite(env: Record<string, string>): Promise<Site> {
  const server = await startProductionServer({ ...defaults, ...env })
  const { base } = server
  const ready = await waitFor(`${base}/api/globals/site-settings`, server, 120_000, { anyStatus: true })
  expect(ready.status, server.output()).toBe(200)
  const registered = await fetch(`${base}/api/users/first-register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(account),
  })
  const { token } = await registered.json()
  const edition = async (year: number, submissions: Record<string, string>) => {
    const response = await fetch(`${base}/api/editions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
      body: JSON.stringify({ year, theme: `Thema ${year}`, startDate: `${year}-11-16T00:00:00.000Z`, endDate: `${year}-11-22T00:00:00.000Z`, submissions }),
    })
    expect(response.status, await response.clone().text()).toBe(201)
    return (await response.json()).doc.id as number
  }
  const open = await edition(2040, openWindow)
  const closed = await edition(2041, { opensAt: '2020-01-01T00:00:00.000Z', closesAt: '2020-02-01T00:00:00.000Z' })
  return { server, base, token, open, closed }
}

const form = (site: Site, overrides: Record<string, unknown> = {}) => ({
  title: `Buurtavond ${unique()}`,
  edition: site.open,
  format: 'meeting',
  startsAt: '2040-11-18T19:00:00.000Z',
  location: { mode: 'on-site', venue: 'Buurthuis De Linde', city: 'Zwolle', province: 'overijssel' },
  contact: { name: 'Ilse Bakker', email: `ilse-${unique()}@buurthuis.test` },
  organisation: { name: `Buurthuis De Linde ${unique()}` },
  homepage: '',
  ...overrides,
})

const submit = (site: Site, body: unknown, forwardedFor?: string) =>
  fetch(`${site.base}/api/activities/public-submission`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {}) },
    body: JSON.stringify(body),
  })

const findByTitle = async (site: Site, title: string) => {
  const response = await fetch(`${site.base}/api/activities?where[title][equals]=${encodeURIComponent(title)}&depth=0&draft=true`, {
    headers: { Authorization: `JWT ${site.token}` },
  })
  return (await response.json()).docs[0] as { id: number; status: string; organiser: number } | undefined
}

/** The key Payload signs with: `payload.secret`, derived from PAYLOAD_SECRET. */
const payloadSecret = () => createHash('sha256').update(process.env.PAYLOAD_SECRET!).digest('hex').slice(0, 32)

const forgedAddress = () => `203.0.113.${Math.floor(Math.random() * 250) + 1}`

let site: Site
let behindProxy: Site

beforeAll(async () => {
  ensureProductionBuild()
  site = await startSite({})
  behindProxy = await startSite({ TRUSTED_PROXIES: '1' })
}, 600_000)

afterAll(async () => {
  await site?.server.stop()
  await behindProxy?.server.stop()
})

describe('the public form against next start', () => {
  it('keys the rate limit on the socket: forged X-Forwarded-For addresses do not help', async () => {
    for (let i = 0; i < 5; i++) {
      const response = await submit(site, form(site), forgedAddress())
      expect(response.status, await response.text()).toBe(201)
    }
    const body = form(site)
    const limited = await submit(site, body, forgedAddress())
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('3600')
    expect(await findByTitle(site, body.title)).toBeUndefined()
  })

  it('believes the hop before one trusted proxy with TRUSTED_PROXIES=1', async () => {
    const client = '198.51.100.7'
    for (let i = 0; i < 5; i++) {
      // What a load balancer sends on: what the client claimed, then the client's address.
      const response = await submit(behindProxy, form(behindProxy), `${forgedAddress()}, ${client}`)
      expect(response.status, await response.text()).toBe(201)
    }
    const body = form(behindProxy)
    expect((await submit(behindProxy, body, `${forgedAddress()}, ${client}`)).status).toBe(429)
    expect(await findByTitle(behindProxy, body.title)).toBeUndefined()
    expect((await submit(behindProxy, form(behindProxy), `${forgedAddress()}, 198.51.100.8`)).status).toBe(201)
  })

  it('serves the confirmation page with its own policy, escaped, and confirms only on POST', async () => {
    const title = `<script>alert(1)</script> Avond ${unique()}`
    const submitted = await submit(behindProxy, form(behindProxy, { title }), `${forgedAddress()}, 198.51.100.20`)
    expect(submitted.status).toBe(201)
    const { expiresAt } = await submitted.json()
    const stored = (await findByTitle(behindProxy, title))!
    const link = new URL(confirmationLink(payloadSecret(), stored.id, new Date(expiresAt)))
    const page = await fetch(`${behindProxy.base}${link.pathname}${link.search}`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    )
    expect(page.headers.get('cache-control')).toBe('no-store')
    expect(page.headers.get('x-frame-options')).toBe('DENY')
    const text = await page.text()
    expect(text).not.toContain('<script>')
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect((await findByTitle(behindProxy, title))!.status).toBe('draft')

    const fields = new URLSearchParams([...text.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map(([, n, v]) => [n, v]))
    const confirmed = await fetch(`${behindProxy.base}${link.pathname}`, { method: 'POST', body: fields })
    expect(confirmed.status).toBe(200)
    expect(confirmed.headers.get('content-security-policy')).toMatch(/^default-src 'none'/)
    expect(await confirmed.text()).toMatch(/Bedankt voor uw aanmelding/)
    expect((await findByTitle(behindProxy, title))!.status).toBe('submitted')
  })

  it('refuses an organiser id and a closed edition sent as { id }, naming the field', async () => {
    const address = () => `${forgedAddress()}, 198.51.100.30`
    const organiserBody = form(behindProxy, { organiser: 1 })
    const organiser = await submit(behindProxy, organiserBody, address())
    expect(organiser.status).toBe(400)
    const paths = (await organiser.json()).errors
      .flatMap((error: { data?: { errors?: { path: string }[] } }) => error.data?.errors ?? [])
      .map((e: { path: string }) => e.path)
    expect(paths).toContain('organiser')
    expect(await findByTitle(behindProxy, organiserBody.title)).toBeUndefined()

    const closedBody = form(behindProxy, { edition: { id: behindProxy.closed } })
    expect((await submit(behindProxy, closedBody, address())).status).toBe(403)
    expect(await findByTitle(behindProxy, closedBody.title)).toBeUndefined()
  })

  it('does not start with a malformed TRUSTED_PROXIES', async () => {
    const server = await startProductionServer({ TRUSTED_PROXIES: 'de proxy' })
    try {
      const deadline = Date.now() + 60_000
      while (!server.hasExited() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250))
      expect(server.hasExited(), server.output()).toBe(true)
      expect(server.output()).toMatch(/The CMS cannot start: TRUSTED_PROXIES is the number of proxies/)
    } finally {
      await server.stop()
    }
  }, 90_000)
})
