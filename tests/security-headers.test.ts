import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { png } from './helpers/files'
import { waitFor } from '../src/bench/server'
import { ensureProductionBuild, startProductionServer, type ProductionServer } from './helpers/production'

// The security headers of next.config.mjs and of the upload config, as the production build
// (`next build` + `next start`) sends them over HTTP.

let server: ProductionServer
let base = ''
let token = ''
let imageUrl = ''

beforeAll(async () => {
  ensureProductionBuild()
  server = await startProductionServer()
  base = server.base
  const ready = await waitFor(`${base}/api/globals/site-settings`, server, 120_000, { anyStatus: true })
  expect(ready.status, server.output()).toBe(200)
  const account = { email: 'beheer@example.nl', password: 'Lang-genoeg-wachtwoord-2026!', name: 'Beheer' }
  const registered = await fetch(`${base}/api/users/first-register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(account),
  })
  token = (await registered.json()).token
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(await png())], { type: 'image/png' }), 'beeld.png')
  form.append('_payload', JSON.stringify({ alt: 'Beeld' }))
  const uploaded = await fetch(`${base}/api/media`, { method: 'POST', headers: { Authorization: `JWT ${token}` }, body: form })
  expect(uploaded.status, await uploaded.clone().text()).toBe(201)
  imageUrl = (await uploaded.json()).doc.url
}, 600_000)

afterAll(async () => {
  await server?.stop()
})

function expectSecurityHeaders(response: Response) {
  const { headers } = response
  expect(headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains')
  expect(headers.get('x-content-type-options')).toBe('nosniff')
  expect(headers.get('x-frame-options')).toBe('DENY')
  expect(headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/)
  expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
}

describe('security headers of the production build', () => {
  it('on the admin, without a script policy that would break it', async () => {
    const response = await fetch(`${base}/admin/login`)
    expect(response.status).toBe(200)
    expectSecurityHeaders(response)
    expect(response.headers.get('content-security-policy')).toBe("frame-ancestors 'none'")
  })

  it('on the REST API, next to its cache headers and ETag revalidation', async () => {
    const first = await fetch(`${base}/api/organisers?limit=5`)
    expect(first.status).toBe(200)
    expectSecurityHeaders(first)
    expect(first.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=300')
    const again = await fetch(`${base}/api/organisers?limit=5`, { headers: { 'If-None-Match': first.headers.get('etag')! } })
    expect(again.status).toBe(304)
    expectSecurityHeaders(again)
  })

  it('on GraphQL, on a refusal and on an unknown address', async () => {
    const graphql = await fetch(`${base}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: '{ Editions { totalDocs } }' }),
    })
    expect(graphql.status).toBe(200)
    expectSecurityHeaders(graphql)
    const refused = await fetch(`${base}/api/users`)
    expect(refused.status).toBe(403)
    expectSecurityHeaders(refused)
    expectSecurityHeaders(await fetch(`${base}/api/bestaat-niet`))
  })

  it('on a stored file, with its sandbox policy', async () => {
    const response = await fetch(`${base}${imageUrl}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/png')
    expectSecurityHeaders(response)
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'; sandbox")
  })
})
