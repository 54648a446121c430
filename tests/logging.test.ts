import { Writable } from 'node:stream'

import { GraphQLError } from 'graphql'
import { APIError, logError, type Payload } from 'payload'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { loggerOptions } from '../src/logger'
import { api, graphql, payload as getTestPayload } from './helpers/api'
import { makeEdition, makeUser } from './helpers/fixtures'

// A refusal (4xx) is an answer to the caller and is logged at info; only a server fault (5xx) is
// logged at error. The log is read from Payload's own logger, built with the project's options
// and written to a stream the test reads.

type Entry = { level: number; msg?: string; err?: { message?: string } }

let payload: Payload
let original: Payload['logger']
const entries: Entry[] = []
let editorToken = ''

beforeAll(async () => {
  payload = await getTestPayload()
  editorToken = (await makeUser(payload, 'editor')).token
  await api('GET', 'editions?limit=1')
  await graphql('{ Editions(limit: 1) { totalDocs } }')
  original = payload.logger
  const capture = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) entries.push(JSON.parse(line))
      done()
    },
  })
  payload.logger = pino(loggerOptions('info'), capture)
})

afterAll(() => {
  payload.logger = original
})

const errorEntries = () => entries.filter((entry) => entry.level >= 50)
const logged = async (action: () => Promise<unknown>) => {
  entries.length = 0
  await action()
  return { errors: errorEntries(), infos: entries.filter((entry) => entry.level === 30) }
}

describe('what is logged as an error', () => {
  it('logs refusals over REST at info, not at error', async () => {
    const edition = await makeEdition(payload)
    const year = edition.year + 1
    const refusals: [string, () => Promise<{ status: number }>, number][] = [
      ['forbidden', () => api('POST', 'editions', { body: { year, theme: 'x' } }), 403],
      ['not found', () => api('GET', 'editions/999999'), 404],
      [
        'invalid',
        () => api('POST', 'editions', { body: { year, theme: 'x', startDate: `${year + 1}-11-20`, endDate: `${year + 1}-11-14` }, token: editorToken }),
        400,
      ],
      ['hidden path', () => api('GET', 'activities?where[contact.email][equals]=a@example.nl'), 400],
      ['wrong password', () => api('POST', 'users/login', { body: { email: 'niemand@example.nl', password: 'fout-wachtwoord' } }), 401],
      ['wrong type', () => api('PATCH', `editions/${edition.id}`, { body: { year: 'x' }, token: editorToken }), 400],
      ['bad JSON', () => api('GET', 'editions?where={bad'), 400],
    ]
    for (const [label, request, status] of refusals) {
      let answer: { status: number } = { status: 0 }
      const { errors, infos } = await logged(async () => (answer = await request()))
      expect(answer.status, label).toBe(status)
      expect(errors, label).toEqual([])
      expect(infos.length, label).toBeGreaterThan(0)
    }
  })

  it("logs the workflow's own refusals (APIError 4xx) at info", async () => {
    const { errors, infos } = await logged(() => api('PATCH', 'activities?where[id][equals]=-1', { body: { title: 'x' }, token: editorToken }))
    expect(errors).toEqual([])
    expect(infos.map((entry) => entry.msg).join('\n')).toMatch(/één voor één/)
  })

  it('logs refusals over GraphQL at info', async () => {
    let answer: { body?: { errors?: { message: string; extensions: { statusCode: number } }[] } } = {}
    const { errors, infos } = await logged(async () => (answer = await graphql('mutation { deleteEdition(id: 1) { id } }')))
    expect(answer.body?.errors?.[0]?.extensions.statusCode, JSON.stringify(answer.body)).toBe(403)
    expect(errors).toEqual([])
    expect(infos.map((entry) => entry.msg).join('\n')).toMatch(/U mag deze actie niet uitvoeren/)
  })

  it('still logs a server fault at error, also when GraphQL wraps it', async () => {
    const faults = [new Error('De verbinding met de database is verbroken'), new APIError('Iets ging mis', 500)]
    for (const fault of faults) {
      for (const err of [fault, new GraphQLError(fault.message, { originalError: fault })]) {
        const { errors } = await logged(async () => logError({ err, payload }))
        expect(
          errors.map((entry) => entry.err?.message),
          `${err.name}: ${err.message}`,
        ).toEqual([fault.message])
      }
    }
  })
})
