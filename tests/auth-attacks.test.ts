import { SignJWT } from 'jose'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../src/payload-types'
import { api, graphql, origin, payload as getTestPayload, type ApiResponse } from './helpers/api'
import { minimalActivity, makeEdition, makeOrganiser, makeUser, password } from './helpers/fixtures'
import { runQueuedJobs, startMailbox } from './helpers/mailbox'

// Attacks on accounts: telling known from unknown addresses, tokens that outlive a logout or a
// password change, forged tokens, and a login cookie used from another website.

let payload: Payload

beforeAll(async () => {
  payload = await getTestPayload()
})

const login = (email: string, secret: string) => api('POST', 'users/login', { body: { email, password: secret } })
const graphqlLogin = (email: string, secret: string) =>
  graphql('mutation ($email: String!, $password: String) { loginUser(email: $email, password: $password) { token } }', {
    email,
    password: secret,
  })

/** Who the API takes the caller for, over REST and GraphQL (null: anonymous). */
async function whoAmI(headers: Record<string, string>): Promise<{ rest: number | null; graphql: number | null }> {
  const rest = await api('GET', 'users/me', { headers })
  expect(rest.status, JSON.stringify(rest.body)).toBe(200)
  const answer = await graphql('{ meUser { user { id } } }', undefined, undefined, headers)
  expect(answer.body.errors).toBeUndefined()
  return { rest: rest.body.user?.id ?? null, graphql: answer.body.data.meUser.user?.id ?? null }
}

const bearer = (token: string) => ({ Authorization: `JWT ${token}` })
const anonymous = { rest: null, graphql: null }
const as = (user: User) => ({ rest: user.id, graphql: user.id })

/** A fresh account and the token of a login through REST. */
async function account(role: User['role'] = 'editor') {
  const { user } = await makeUser(payload, role, role === 'partner' ? await makeOrganiser(payload) : undefined)
  const response = await login(user.email, password)
  expect(response.status).toBe(200)
  return { user, token: response.body.token as string }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

async function timed(attempt: () => Promise<unknown>): Promise<number> {
  const started = performance.now()
  await attempt()
  return performance.now() - started
}

const bodyOf = (response: ApiResponse) => JSON.stringify(response.body)

describe('login tells nobody which addresses have an account', () => {
  it('answers an unknown address, a wrong password and a locked account alike (REST)', async () => {
    const { user } = await account()
    const unknown = await login('niemand-hier@example.nl', 'Wat-dan-ook-2026!')
    const wrong = await login(user.email, 'Fout-wachtwoord-2026!')
    expect(unknown.status).toBe(401)
    expect([wrong.status, bodyOf(wrong)]).toEqual([unknown.status, bodyOf(unknown)])
    // Four more wrong passwords lock the account; the one that locks it and the ones after it,
    // even with the right password, look the same as an unknown address.
    for (let attempt = 2; attempt <= 5; attempt++) {
      const again = await login(user.email, 'Fout-wachtwoord-2026!')
      expect([again.status, bodyOf(again)], `attempt ${attempt}`).toEqual([unknown.status, bodyOf(unknown)])
    }
    const locked = await login(user.email, password)
    expect([locked.status, bodyOf(locked)]).toEqual([unknown.status, bodyOf(unknown)])
    expect(unknown.body.errors[0].message).toMatch(/e-mailadres of wachtwoord is onjuist/)
    expect(unknown.body.errors[0].message).toMatch(/geblokkeerd/)
  })

  it('answers alike over GraphQL', async () => {
    const { user } = await account()
    const unknown = await graphqlLogin('niemand-daar@example.nl', 'Wat-dan-ook-2026!')
    const answers = []
    for (let attempt = 1; attempt <= 6; attempt++) answers.push(await graphqlLogin(user.email, 'Fout-wachtwoord-2026!'))
    answers.push(await graphqlLogin(user.email, password))
    const shape = (response: ApiResponse) => JSON.stringify(response.body.errors.map(({ message, extensions }: any) => ({ message, extensions })))
    for (const answer of answers) expect(shape(answer)).toBe(shape(unknown))
    expect(unknown.body.errors[0].extensions.statusCode).toBe(401)
  })

  it('takes as long for an unknown address as for a wrong password', async () => {
    const { user } = await account()
    const unknownTimes: number[] = []
    const wrongTimes: number[] = []
    for (let round = 0; round < 3; round++) {
      unknownTimes.push(await timed(() => login(`onbekend-${round}@example.nl`, 'Fout-wachtwoord-2026!')))
      wrongTimes.push(await timed(() => login(user.email, 'Fout-wachtwoord-2026!')))
    }
    // Checking a password costs Payload hundreds of milliseconds; a lookup that finds nothing, a few.
    expect(median(unknownTimes) / median(wrongTimes)).toBeGreaterThan(0.5)
    expect(median(unknownTimes) / median(wrongTimes)).toBeLessThan(2)
  })

  it('answers a password reset request alike for known and unknown addresses, even with the mail server down', async () => {
    const { user } = await account()
    const known = await api('POST', 'users/forgot-password', { body: { email: user.email } })
    const unknown = await api('POST', 'users/forgot-password', { body: { email: 'onbekend-reset@example.nl' } })
    expect(known.status, bodyOf(known)).toBe(200)
    expect([unknown.status, bodyOf(unknown)]).toEqual([known.status, bodyOf(known)])
    const mutation = 'mutation ($email: String!) { forgotPasswordUser(email: $email) }'
    const { user: other } = await account()
    const knownGraphql = await graphql(mutation, { email: other.email })
    const unknownGraphql = await graphql(mutation, { email: 'onbekend-reset-2@example.nl' })
    expect(knownGraphql.body).toEqual({ data: { forgotPasswordUser: true } })
    expect(bodyOf(unknownGraphql)).toBe(bodyOf(knownGraphql))
  })

  it('takes about as long for a known address as for an unknown one: the mail goes through the queue', async () => {
    const mailbox = await startMailbox()
    try {
      const knownTimes: number[] = []
      const unknownTimes: number[] = []
      for (let round = 0; round < 3; round++) {
        const { user } = await account()
        knownTimes.push(await timed(() => api('POST', 'users/forgot-password', { body: { email: user.email } })))
        unknownTimes.push(await timed(() => api('POST', 'users/forgot-password', { body: { email: `onbekend-${round}-reset@example.nl` } })))
        expect(mailbox.messages.filter((mail) => mail.to.includes(user.email))).toEqual([])
        await runQueuedJobs(payload)
        const [mail] = mailbox.messages.filter((message) => message.to.includes(user.email))
        expect(mail.text).toMatch(/\/admin\/reset\/[0-9a-f]{40}/)
      }
      expect(median(knownTimes) - median(unknownTimes)).toBeLessThan(150)
    } finally {
      await mailbox.stop()
    }
  })
})

describe('a token ends with its session', () => {
  it('is anonymous after logout (REST, GraphQL and the Local API)', async () => {
    const { user, token } = await account()
    expect(await whoAmI(bearer(token))).toEqual(as(user))
    const logout = await api('POST', 'users/logout', { token })
    expect(logout.status).toBe(200)
    expect(await whoAmI(bearer(token))).toEqual(anonymous)
    const { user: local } = await payload.auth({ headers: new Headers(bearer(token)) })
    expect(local).toBeNull()
  })

  it('is anonymous after logout through GraphQL', async () => {
    const { user, token } = await account()
    expect(await whoAmI(bearer(token))).toEqual(as(user))
    const logout = await graphql('mutation { logoutUser }', undefined, token)
    expect(logout.body.errors).toBeUndefined()
    expect(await whoAmI(bearer(token))).toEqual(anonymous)
  })

  it('ends the other sessions when the account changes its password', async () => {
    const { user, token: here } = await account()
    const elsewhere = (await login(user.email, password)).body.token as string
    const change = await api('PATCH', `users/${user.id}`, { token: here, body: { password: 'Nieuw-wachtwoord-2026!' } })
    expect(change.status).toBe(200)
    expect(await whoAmI(bearer(elsewhere))).toEqual(anonymous)
    expect((await login(user.email, password)).status).toBe(401)
    expect((await login(user.email, 'Nieuw-wachtwoord-2026!')).status).toBe(200)
  })

  it('ends every session when an administrator sets a new password', async () => {
    const { user, token } = await account('partner')
    const { token: adminToken } = await makeUser(payload, 'admin')
    const change = await api('PATCH', `users/${user.id}`, { token: adminToken, body: { password: 'Door-beheer-gezet-2026!' } })
    expect(change.status).toBe(200)
    expect(await whoAmI(bearer(token))).toEqual(anonymous)
  })

  it('ends every session when the password is reset with a reset link', async () => {
    const { user, token } = await account()
    const resetToken = await payload.forgotPassword({ collection: 'users', data: { email: user.email }, disableEmail: true })
    const reset = await api('POST', 'users/reset-password', { body: { token: resetToken, password: 'Hersteld-wachtwoord-2026!' } })
    expect(reset.status).toBe(200)
    expect(await whoAmI(bearer(token))).toEqual(anonymous)
  })
})

describe('forged tokens are anonymous, never a server error', () => {
  const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString())

  const forgeries: Array<[string, (token: string) => Promise<string>]> = [
    ['alg:none', async (token) => `${base64url({ alg: 'none', typ: 'JWT', authVersion: 1 })}.${base64url({ ...claimsOf(token), role: 'admin' })}.`],
    [
      'signed with another secret',
      (token) =>
        new SignJWT({ ...claimsOf(token), role: 'admin' })
          .setProtectedHeader({ alg: 'HS256', typ: 'JWT', authVersion: 1 })
          .sign(new TextEncoder().encode('een-ander-geheim-van-32-tekens!!')),
    ],
    [
      'with a changed claim',
      async (token) => {
        const [head, , signature] = token.split('.')
        return `${head}.${base64url({ ...claimsOf(token), role: 'admin' })}.${signature}`
      },
    ],
    [
      'expired',
      (token) =>
        new SignJWT({ ...claimsOf(token), exp: Math.floor(Date.now() / 1000) - 60 })
          .setProtectedHeader({ alg: 'HS256', typ: 'JWT', authVersion: 1 })
          .sign(new TextEncoder().encode(payload.secret)),
    ],
    ['not a token at all', async () => 'niet.een.token'],
  ]

  it.each(forgeries)('%s', async (_kind, forge) => {
    const { token } = await account('partner')
    const forged = await forge(token)
    expect(await whoAmI(bearer(forged))).toEqual(anonymous)
    const users = await api('GET', 'users', { headers: bearer(forged) })
    expect(users.status).toBe(403)
    const { user } = await payload.auth({ headers: new Headers(bearer(forged)) })
    expect(user).toBeNull()
  })
})

describe('the login cookie only counts on the CMS itself', () => {
  const cookie = (token: string) => `payload-token=${token}`

  it('is ignored with the Origin of another website, or from a cross-site request without one', async () => {
    const { user, token } = await account()
    expect(await whoAmI({ Cookie: cookie(token), Origin: origin })).toEqual(as(user))
    expect(await whoAmI({ Cookie: cookie(token), Origin: 'https://kwaadwillend.example' })).toEqual(anonymous)
    expect(await whoAmI({ Cookie: cookie(token), Origin: 'https://www.weektegenkindermishandeling.nl' })).toEqual(anonymous)
    expect(await whoAmI({ Cookie: cookie(token), 'Sec-Fetch-Site': 'cross-site' })).toEqual(anonymous)
  })

  it('does not let another website write with it', async () => {
    const { token } = await account()
    const edition = await makeEdition(payload)
    const activity = minimalActivity(edition, await makeOrganiser(payload))
    const response = await api('POST', 'activities', { body: activity, headers: { Cookie: cookie(token), Origin: 'https://kwaadwillend.example' } })
    expect(response.status).toBe(403)
    expect((await payload.count({ collection: 'activities', where: { title: { equals: activity.title } } })).totalDocs).toBe(0)
  })
})

describe('first-register', () => {
  it('is refused once an account exists, also for a logged-in administrator', async () => {
    const { token } = await makeUser(payload, 'admin')
    const body = { email: 'indringer@example.nl', password: 'Indringer-wachtwoord-1', name: 'Indringer' }
    for (const options of [{ body }, { body, token }]) {
      expect((await api('POST', 'users/first-register', options)).status).toBe(403)
    }
    expect((await payload.count({ collection: 'users', where: { email: { equals: body.email } } })).totalDocs).toBe(0)
  })
})
