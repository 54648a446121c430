import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Organiser, User } from '../src/payload-types'
import { api, payload as getTestPayload } from './helpers/api'
import { makeOrganiser, makeUser, password, unique } from './helpers/fixtures'

let payload: Payload
let organiser: Organiser
let admin: { user: User; token: string }
let editor: { user: User; token: string }
let partner: { user: User; token: string }

beforeAll(async () => {
  payload = await getTestPayload()
  organiser = await makeOrganiser(payload)
  admin = await makeUser(payload, 'admin')
  editor = await makeUser(payload, 'editor')
  partner = await makeUser(payload, 'partner', organiser)
})

const storedUser = (id: number) => payload.findByID({ collection: 'users', id, depth: 0 })
const newAccount = (role: string) => ({
  email: `nieuw-${role}-${unique()}@example.nl`,
  password,
  name: `Nieuw ${role}`,
  role,
  organiser: role === 'partner' ? organiser.id : undefined,
})

describe('partners', () => {
  it('update their own name', async () => {
    const response = await api('PATCH', `users/${partner.user.id}`, { token: partner.token, body: { name: 'Nieuwe naam' } })
    expect(response.status).toBe(200)
    expect((await storedUser(partner.user.id)).name).toBe('Nieuwe naam')
  })

  it.each([
    ['role', { role: 'editor' }, /rol niet wijzigen/],
    ['organiser', { organiser: -1 }, /organisatie niet wijzigen/],
  ])('cannot change their own %s', async (_field, body, message) => {
    const otherOrganiser = await makeOrganiser(payload)
    const data = 'organiser' in body ? { organiser: otherOrganiser.id } : body
    const response = await api('PATCH', `users/${partner.user.id}`, { token: partner.token, body: data })
    expect(response.status).toBe(403)
    expect(response.body.errors[0].message).toMatch(message)
    const stored = await storedUser(partner.user.id)
    expect(stored.role).toBe('partner')
    expect(stored.organiser).toBe(organiser.id)
  })

  it('cannot read or change other accounts', async () => {
    expect((await api('GET', `users/${editor.user.id}`, { token: partner.token })).status).toBe(404)
    const response = await api('PATCH', `users/${editor.user.id}`, { token: partner.token, body: { name: 'Overgenomen' } })
    expect([403, 404]).toContain(response.status)
    expect((await storedUser(editor.user.id)).name).not.toBe('Overgenomen')
    const list = await api('GET', 'users', { token: partner.token })
    expect(list.body.docs.map((u: User) => u.id)).toEqual([partner.user.id])
  })
})

describe('editors', () => {
  it('create partner and editor accounts', async () => {
    for (const role of ['partner', 'editor']) {
      const response = await api('POST', 'users', { token: editor.token, body: newAccount(role) })
      expect(response.status, role).toBe(201)
      expect(response.body.doc.role).toBe(role)
    }
  })

  it('cannot create an administrator', async () => {
    const body = newAccount('admin')
    const response = await api('POST', 'users', { token: editor.token, body })
    expect(response.status).toBe(403)
    expect(response.body.errors[0].message).toMatch(/Alleen een beheerder/)
    expect((await payload.count({ collection: 'users', where: { email: { equals: body.email } } })).totalDocs).toBe(0)
  })

  it('cannot raise their own role, nor make someone an administrator', async () => {
    const own = await api('PATCH', `users/${editor.user.id}`, { token: editor.token, body: { role: 'admin' } })
    expect(own.status).toBe(403)
    expect((await storedUser(editor.user.id)).role).toBe('editor')
    const other = await makeUser(payload, 'partner', organiser)
    const raised = await api('PATCH', `users/${other.user.id}`, { token: editor.token, body: { role: 'admin' } })
    expect(raised.status).toBe(403)
    expect((await storedUser(other.user.id)).role).toBe('partner')
  })

  it('cannot change or delete an administrator', async () => {
    const response = await api('PATCH', `users/${admin.user.id}`, { token: editor.token, body: { name: 'Gewijzigd' } })
    expect([403, 404]).toContain(response.status)
    expect((await api('DELETE', `users/${admin.user.id}`, { token: editor.token })).status).toBeGreaterThanOrEqual(403)
    expect((await storedUser(admin.user.id)).name).not.toBe('Gewijzigd')
  })
})

describe('administrators', () => {
  it('create administrators and change roles', async () => {
    const response = await api('POST', 'users', { token: admin.token, body: newAccount('admin') })
    expect(response.status).toBe(201)
    const changed = await api('PATCH', `users/${response.body.doc.id}`, { token: admin.token, body: { role: 'editor' } })
    expect(changed.status).toBe(200)
    expect(changed.body.doc.role).toBe('editor')
  })
})

describe('secrets of accounts', () => {
  it('never appear in any response', async () => {
    const responses = [
      await api('GET', 'users/me', { token: partner.token }),
      await api('GET', `users/${partner.user.id}`, { token: partner.token }),
      await api('GET', 'users?limit=100', { token: admin.token }),
      await api('POST', 'users/login', { body: { email: partner.user.email, password } }),
    ]
    for (const response of responses) {
      const text = JSON.stringify(response.body)
      expect(text).not.toMatch(/"hash"|"salt"|resetPasswordToken|"password"/)
      // Session ids (what logout revokes) stay on the server.
      expect(text).not.toMatch(/"sessions":\[\{/)
    }
  })

  it('lock the login after five wrong passwords', async () => {
    const { user } = await makeUser(payload, 'partner', organiser)
    for (let attempt = 1; attempt <= 5; attempt++) {
      const wrong = await api('POST', 'users/login', { body: { email: user.email, password: 'fout-wachtwoord' } })
      expect(wrong.status).toBe(401)
    }
    const right = await api('POST', 'users/login', { body: { email: user.email, password } })
    expect(right.status).toBeGreaterThanOrEqual(400)
    expect(right.body.token).toBeUndefined()
    expect(JSON.stringify(right.body)).toMatch(/locked|geblokkeerd|vergrendeld/i)
  })
})
