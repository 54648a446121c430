import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Edition } from '../src/payload-types'
import { confirmationLink } from '../src/workflow/publicSubmission'
import { api, fieldErrors, payload as getTestPayload } from './helpers/api'
import { freshClientAddress, makeEdition } from './helpers/fixtures'
import { mailTo as receive, runQueuedJobs, startMailbox } from './helpers/mailbox'

let payload: Payload
let edition: Edition
let closedEdition: Edition
let mailbox: Awaited<ReturnType<typeof startMailbox>>
const inbox = 'aanmeldingen@weektegenkindermishandeling.test'

beforeAll(async () => {
  payload = await getTestPayload()
  mailbox = await startMailbox()
  edition = await makeEdition(payload, {
    submissions: { opensAt: '2020-01-01T00:00:00.000Z', closesAt: '2099-12-31T00:00:00.000Z', listedFrom: '2020-01-01T00:00:00.000Z' },
  })
  closedEdition = await makeEdition(payload, { submissions: { opensAt: '2020-01-01T00:00:00.000Z', closesAt: '2020-02-01T00:00:00.000Z' } })
  await payload.updateGlobal({ slug: 'site-settings', data: { reviewInbox: inbox } })
})

afterAll(async () => {
  await mailbox?.stop()
})

const form = (overrides: Record<string, unknown> = {}) => ({
  title: `Buurtavond ${Math.random().toString(36).slice(2, 8)}`,
  edition: edition.id,
  format: 'meeting',
  startsAt: `${edition.year}-11-18T19:00:00.000Z`,
  location: { mode: 'on-site', venue: 'Buurthuis De Linde', city: 'Zwolle', province: 'overijssel' },
  contact: { name: 'Ilse Bakker', email: `ilse-${Math.random().toString(36).slice(2, 8)}@buurthuis.test`, phone: '038-1234567' },
  organisation: { name: `Buurthuis De Linde ${Math.random().toString(36).slice(2, 6)}`, website: 'https://buurthuis.example.nl' },
  homepage: '',
  ...overrides,
})

const submit = (body: unknown, ip = freshClientAddress()) =>
  api('POST', 'activities/public-submission', { body, headers: { 'X-Forwarded-For': ip } })

const mailTo = (address: string, subject?: RegExp, timeoutMs?: number) =>
  receive(payload, mailbox.messages, address, subject, timeoutMs)

const findByTitle = async (title: string) =>
  (await payload.find({ collection: 'activities', where: { title: { equals: title } }, depth: 0 })).docs[0]

describe('the public submission form', () => {
  it('stores a draft that nobody sees, and mails the contact a confirmation link', async () => {
    const body = form()
    const response = await submit(body)
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    expect(response.body.message).toMatch(/Bevestig uw aanmelding/)

    const stored = await findByTitle(body.title)
    expect(stored.status).toBe('draft')
    expect((await api('GET', `activities/${stored.id}`)).status).toBe(404)
    const organisers = await api('GET', `organisers?where[name][equals]=${encodeURIComponent(body.organisation.name)}`)
    expect(organisers.body.totalDocs).toBe(0)

    const mail = await mailTo(body.contact.email)
    expect(mail.subject).toBe(`Bevestig uw aanmelding: ${body.title}`)
    const link = mail.text.match(/https?:\/\/\S+\/api\/activities\/public-submission\/confirm\?\S+/)?.[0]
    expect(link).toBeTruthy()

    const confirmed = await api('GET', link!.replace(/^https?:\/\/[^/]+\/api\//, ''))
    expect(confirmed.status).toBe(200)
    expect(String(confirmed.body)).toMatch(/Bedankt voor uw aanmelding/)
    const after = await findByTitle(body.title)
    expect(after.status).toBe('submitted')
    const history = await payload.find({ collection: 'activity-history', where: { activity: { equals: stored.id } }, sort: 'at' })
    expect(history.docs.at(-1)).toMatchObject({ from: 'draft', to: 'submitted', channel: 'public-form' })
    expect((await mailTo(inbox)).subject).toMatch(/Nieuwe aanmelding/)

    // Still nothing public before an editor approves it.
    expect((await api('GET', `activities/${stored.id}`)).status).toBe(404)
    const again = await api('GET', link!.replace(/^https?:\/\/[^/]+\/api\//, ''))
    expect(String(again.body)).toMatch(/Al bevestigd/)
  })

  it('lists the new organisation once the activity is approved', async () => {
    const body = form()
    await submit(body)
    const stored = await findByTitle(body.title)
    await payload.update({ collection: 'activities', id: stored.id, data: { status: 'approved' } })
    const organisers = await api('GET', `organisers?where[name][equals]=${encodeURIComponent(body.organisation.name)}`)
    expect(organisers.body.totalDocs).toBe(1)
  })

  it('ignores what only editors decide: status, review, owner', async () => {
    const body = form({ status: 'approved', review: { feedback: 'ok', internalNotes: 'x' }, submittedBy: 1 })
    expect((await submit(body)).status).toBe(201)
    const stored = await findByTitle(body.title)
    expect(stored.status).toBe('draft')
    expect(stored.review?.feedback ?? null).toBeNull()
    expect(stored.review?.internalNotes ?? null).toBeNull()
    expect(stored.submittedBy ?? null).toBeNull()
  })

  it('refuses what the admin would refuse, naming the field, and stores nothing', async () => {
    const activities = (await payload.count({ collection: 'activities' })).totalDocs
    const organisers = (await payload.count({ collection: 'organisers' })).totalDocs
    const body = form({ contact: { name: 'Ilse' }, location: { mode: 'online' } })
    const response = await submit(body)
    expect(response.status).toBe(400)
    expect(Object.keys(fieldErrors(response))).toEqual(expect.arrayContaining(['contact.email', 'location.onlineUrl']))
    expect((await payload.count({ collection: 'activities' })).totalDocs).toBe(activities)
    expect((await payload.count({ collection: 'organisers' })).totalDocs).toBe(organisers)
  })

  it('needs an organisation', async () => {
    const response = await submit(form({ organisation: undefined }))
    expect(response.status).toBe(400)
    expect(fieldErrors(response)['organisation.name']).toMatch(/naam van uw organisatie/)
  })

  it('refuses a body that is no JSON object', async () => {
    expect((await submit('zomaar tekst')).status).toBe(400)
    expect((await submit([1, 2])).status).toBe(400)
  })

  it('refuses submissions for an edition whose window is closed', async () => {
    const response = await submit(form({ edition: closedEdition.id }))
    expect(response.status).toBe(403)
  })

  it('pretends to accept what a robot fills into the hidden field, and stores nothing', async () => {
    const body = form({ homepage: 'http://spam.example' })
    const response = await submit(body)
    expect(response.status).toBe(202)
    expect(await findByTitle(body.title)).toBeUndefined()
  })

  it('limits submissions per address', async () => {
    const ip = freshClientAddress()
    for (let i = 0; i < 5; i++) expect((await submit(form(), ip)).status).toBe(201)
    const body = form()
    const limited = await submit(body, ip)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('Retry-After')).toBe('3600')
    expect(await findByTitle(body.title)).toBeUndefined()
    expect((await submit(form(), freshClientAddress())).status).toBe(201)
  })
})

describe('confirmation links', () => {
  it('refuse a changed or forged link', async () => {
    const body = form()
    await submit(body)
    const stored = await findByTitle(body.title)
    const link = new URL(confirmationLink(payload.secret, stored.id, new Date(Date.now() + 3600_000)))
    link.searchParams.set('signature', link.searchParams.get('signature')!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')))
    const forged = await api('GET', `activities/public-submission/confirm${link.search}`)
    expect(forged.status).toBe(400)
    const other = new URL(confirmationLink('een-ander-geheim', stored.id, new Date(Date.now() + 3600_000)))
    expect((await api('GET', `activities/public-submission/confirm${other.search}`)).status).toBe(400)
    expect((await findByTitle(body.title)).status).toBe('draft')
  })

  it('refuse an expired link', async () => {
    const body = form()
    await submit(body)
    const stored = await findByTitle(body.title)
    const link = new URL(confirmationLink(payload.secret, stored.id, new Date(Date.now() - 1000)))
    const response = await api('GET', `activities/public-submission/confirm${link.search}`)
    expect(response.status).toBe(410)
    expect((await findByTitle(body.title)).status).toBe('draft')
  })
})

describe('unconfirmed submissions', () => {
  it('expire, with the organisation they created', async () => {
    const body = form()
    await submit(body)
    const stored = await findByTitle(body.title)
    await payload.update({
      collection: 'activities',
      id: stored.id,
      data: { publicSubmission: { expiresAt: new Date(Date.now() - 60_000).toISOString() } },
    })
    const confirmedBody = form()
    await submit(confirmedBody)
    const confirmed = await findByTitle(confirmedBody.title)
    await payload.update({
      collection: 'activities',
      id: confirmed.id,
      data: { status: 'submitted', publicSubmission: { confirmedAt: new Date().toISOString(), expiresAt: new Date(Date.now() - 60_000).toISOString() } },
    })

    await payload.jobs.queue({ task: 'expireUnconfirmedSubmissions', input: {} })
    await runQueuedJobs(payload)

    expect(await findByTitle(body.title)).toBeUndefined()
    expect((await payload.count({ collection: 'organisers', where: { name: { equals: body.organisation.name } } })).totalDocs).toBe(0)
    expect((await findByTitle(confirmedBody.title))?.status).toBe('submitted')
  })
})
