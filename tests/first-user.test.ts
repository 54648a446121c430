import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { api, payload as getTestPayload } from './helpers/api'

let payload: Payload

beforeAll(async () => {
  payload = await getTestPayload()
  // This file needs a database without accounts; other files may have made some before it.
  await payload.delete({ collection: 'users', where: { id: { exists: true } } })
})

describe('the first account', () => {
  it('becomes an administrator, whatever role the request asks for', async () => {
    const response = await api('POST', 'users/first-register', {
      body: { email: 'eerste@example.nl', password: 'Eerste-beheerder-1', name: 'Eerste beheerder', role: 'partner' },
    })
    expect(response.status).toBe(200)
    expect(response.body.user.role).toBe('admin')
    const stored = await payload.find({ collection: 'users', where: { email: { equals: 'eerste@example.nl' } } })
    expect(stored.docs[0]?.role).toBe('admin')
  })

  it('is the only one that first-register creates', async () => {
    const response = await api('POST', 'users/first-register', {
      body: { email: 'tweede@example.nl', password: 'Tweede-beheerder-1', name: 'Tweede', role: 'admin' },
    })
    expect(response.status).toBe(403)
    const stored = await payload.count({ collection: 'users', where: { email: { equals: 'tweede@example.nl' } } })
    expect(stored.totalDocs).toBe(0)
  })

  it('does not make later accounts administrators', async () => {
    const later = await payload.create({
      collection: 'users',
      data: { email: 'redacteur@example.nl', password: 'Redacteur-wachtwoord-1', name: 'Redacteur', role: 'editor' },
    })
    expect(later.role).toBe('editor')
  })
})
