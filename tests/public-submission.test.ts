import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { clientAddress, trustedProxies } from '../src/http/clientAddress'
import type { Edition } from '../src/payload-types'
import { confirmationLink } from '../src/workflow/publicSubmission'
import { api, fieldErrors, payload as getTestPayload, origin, send } from './helpers/api'
import { freshClientAddress, makeActivity, makeEdition, makeOpenEdition, makeOrganiser, unique } from './helpers/fixtures'
import { mailTo as receive, runQueuedJobs, startMailbox } from './helpers/mailbox'

let payload: Payload
let edition: Edition
let closedEdition: Edition
let mailbox: Awaited<ReturnType<typeof startMailbox>>
const inbox = 'aanmeldingen@weektegenkindermishandeling.test'

beforeAll(async () => {
  payload = await getTestPayload()
  mailbox = await startMailbox()
  edition = await makeOpenEdition(payload)
  closedEdition = await makeEdition(payload, { submissions: { opensAt: '2020-01-01T00:00:00.000Z', closesAt: '2020-02-01T00:00:00.000Z' } })
  await payload.updateGlobal({ slug: 'site-settings', data: { reviewInbox: inbox } })
})

afterAll(async () => {
  await mailbox?.stop()
})

const form = (overrides: Record<string, unknown> = {}) => ({
  title: `Buurtavond ${unique()}`,
  edition: edition.id,
  format: 'meeting',
  startsAt: `${edition.year}-11-18T19:00:00.000Z`,
  location: { mode: 'on-site', venue: 'Buurthuis De Linde', city: 'Zwolle', province: 'overijssel' },
  contact: { name: 'Ilse Bakker', email: `ilse-${unique()}@buurthuis.test`, phone: '038-1234567' },
  organisation: { name: `Buurthuis De Linde ${unique()}`, website: 'https://buurthuis.example.nl' },
  homepage: '',
  ...overrides,
})

const submit = (body: unknown, ip = freshClientAddress()) => api('POST', 'activities/public-submission', { body, headers: { 'X-Forwarded-For': ip } })

const mailTo = (address: string, subject?: RegExp, timeoutMs?: number) => receive(payload, mailbox.messages, address, subject, timeoutMs)

const findByTitle = async (title: string) => (await payload.find({ collection: 'activities', where: { title: { equals: title } }, depth: 0 })).docs[0]

const confirmPath = 'activities/public-submission/confirm'

/** Opens the link as a browser (or a mail scanner) does. */
const openLink = (link: string) => api('GET', link.replace(/^https?:\/\/[^/]+\/api\//, ''))

/** The hidden fields of the confirmation page's form. */
const formOf = (page: string) =>
  new URLSearchParams([...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map(([, name, value]) => [name, value]))

/** Presses the page's button: a form POST of its hidden fields, without any session. */
async function pressConfirm(fields: URLSearchParams) {
  const response = await send(new Request(new URL(`/api/${confirmPath}`, origin), { method: 'POST', body: fields }))
  return { status: response.status, body: await response.text(), headers: response.headers }
}

const fieldsOfLink = (link: string) => new URL(link).searchParams

/** A submission waiting for confirmation, and its link. */
async function submitted(overrides: Record<string, unknown> = {}) {
  const body = form(overrides)
  const response = await submit(body)
  expect(response.status, JSON.stringify(response.body)).toBe(201)
  const stored = await findByTitle(body.title)
  return { body, stored, link: confirmationLink(payload.secret, stored.id, new Date(response.body.expiresAt)) }
}

const historyOf = async (id: number) => (await payload.find({ collection: 'activity-history', where: { activity: { equals: id } }, sort: 'at', depth: 0 })).docs

/** Runs `test` with environment variables set, and puts the old values back. */
async function withEnv(values: Record<string, string | undefined>, test: () => Promise<void>) {
  const before = Object.fromEntries(Object.keys(values).map((name) => [name, process.env[name]]))
  const set = (entries: Record<string, string | undefined>) => {
    for (const [name, value] of Object.entries(entries)) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  }
  set(values)
  try {
    await test()
  } finally {
    set(before)
  }
}

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

    // Opening the link shows a button and changes nothing.
    const opened = await openLink(link!)
    expect(opened.status).toBe(200)
    expect(String(opened.body)).toMatch(/Aanmelding bevestigen/)
    expect((await findByTitle(body.title)).status).toBe('draft')

    const confirmed = await pressConfirm(formOf(String(opened.body)))
    expect(confirmed.status).toBe(200)
    expect(confirmed.body).toMatch(/Bedankt voor uw aanmelding/)
    const after = await findByTitle(body.title)
    expect(after.status).toBe('submitted')
    const history = await historyOf(stored.id)
    expect(history.at(-1)).toMatchObject({ from: 'draft', to: 'submitted', channel: 'public-form' })
    expect((await mailTo(inbox)).subject).toMatch(/Nieuwe aanmelding/)

    // Still nothing public before an editor approves it.
    expect((await api('GET', `activities/${stored.id}`)).status).toBe(404)
    expect(String((await openLink(link!)).body)).toMatch(/Al bevestigd/)
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
  it('refuse a changed or forged link, opened or pressed', async () => {
    const { body, stored } = await submitted()
    const link = new URL(confirmationLink(payload.secret, stored.id, new Date(Date.now() + 3600_000)))
    link.searchParams.set(
      'signature',
      link.searchParams.get('signature')!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
    )
    expect((await api('GET', `${confirmPath}${link.search}`)).status).toBe(400)
    expect((await pressConfirm(link.searchParams)).status).toBe(400)
    const other = new URL(confirmationLink('een-ander-geheim', stored.id, new Date(Date.now() + 3600_000)))
    expect((await api('GET', `${confirmPath}${other.search}`)).status).toBe(400)
    expect((await pressConfirm(other.searchParams)).status).toBe(400)
    expect((await pressConfirm(new URLSearchParams())).status).toBe(400)
    expect((await findByTitle(body.title)).status).toBe('draft')
  })

  it('refuse an expired link', async () => {
    const { body, stored } = await submitted()
    const link = new URL(confirmationLink(payload.secret, stored.id, new Date(Date.now() - 1000)))
    expect((await api('GET', `${confirmPath}${link.search}`)).status).toBe(410)
    expect((await pressConfirm(link.searchParams)).status).toBe(410)
    expect((await findByTitle(body.title)).status).toBe('draft')
  })

  it('open a page that changes nothing: mail scanners open links', async () => {
    const { body, stored, link } = await submitted()
    const history = (await historyOf(stored.id)).length
    for (let i = 0; i < 3; i++) expect((await openLink(link)).status).toBe(200)
    const after = await findByTitle(body.title)
    expect(after.status).toBe('draft')
    expect(after.publicSubmission?.confirmedAt ?? null).toBeNull()
    expect(after.updatedAt).toBe(stored.updatedAt)
    expect(await historyOf(stored.id)).toHaveLength(history)
  })

  it('confirm on the POST of the page, once', async () => {
    const { body, stored, link } = await submitted()
    const first = await pressConfirm(fieldsOfLink(link))
    expect(first.status).toBe(200)
    expect(first.body).toMatch(/Bedankt voor uw aanmelding/)
    const confirmed = await findByTitle(body.title)
    expect(confirmed.status).toBe('submitted')
    expect(confirmed.publicSubmission?.confirmedAt).toBeTruthy()
    const second = await pressConfirm(fieldsOfLink(link))
    expect(second.status).toBe(200)
    expect(second.body).toMatch(/Al bevestigd/)
    expect((await historyOf(stored.id)).filter((entry) => entry.to === 'submitted')).toHaveLength(1)
    expect((await findByTitle(body.title)).publicSubmission?.confirmedAt).toBe(confirmed.publicSubmission?.confirmedAt)
  })

  it('never bring back a submission an editor withdrew, nor one in any other status', async () => {
    for (const status of ['withdrawn', 'submitted'] as const) {
      const { body, stored, link } = await submitted()
      await payload.update({ collection: 'activities', id: stored.id, data: { status } })
      const before = await findByTitle(body.title)
      const history = (await historyOf(stored.id)).length
      expect((await openLink(link)).status).toBe(410)
      const pressed = await pressConfirm(fieldsOfLink(link))
      expect(pressed.status).toBe(410)
      expect(pressed.body).toMatch(/kan niet meer worden bevestigd/)
      const after = await findByTitle(body.title)
      expect(after.status).toBe(status)
      expect(after.publicSubmission?.confirmedAt ?? null).toBeNull()
      expect(after.updatedAt).toBe(before.updatedAt)
      expect(await historyOf(stored.id)).toHaveLength(history)
    }
  })

  it('escape the title on the page, which allows no script and is never stored', async () => {
    const title = `<script>alert(document.cookie)</script><img src=x onerror=alert(1)> "Buurt" & 'avond' ${unique()}`
    const { link } = await submitted({ title })
    const page = await openLink(link)
    expect(page.status).toBe(200)
    const text = String(page.body)
    expect(text).not.toMatch(/<script|<img/i)
    expect(text).toContain('&lt;script&gt;alert(document.cookie)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &quot;Buurt&quot; &amp; &#39;avond&#39;')
    for (const headers of [page.headers, (await pressConfirm(fieldsOfLink(link))).headers]) {
      expect(headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(headers.get('content-security-policy')).toBe(
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
      )
      expect(headers.get('cache-control')).toBe('no-store')
    }
    const confirmed = await pressConfirm(fieldsOfLink(link))
    expect(confirmed.body).not.toMatch(/<script|<img/i)
  })
})

describe('the client address of the rate limit', () => {
  it('is the socket (the rightmost X-Forwarded-For entry), whatever the client forwards', async () => {
    const socket = freshClientAddress()
    for (let i = 0; i < 5; i++) expect((await submit(form(), `${freshClientAddress()}, ${socket}`)).status).toBe(201)
    const body = form()
    const limited = await submit(body, `${freshClientAddress()}, ${socket}`)
    expect(limited.status).toBe(429)
    expect(await findByTitle(body.title)).toBeUndefined()
  })

  it('is the entry before the trusted hops with TRUSTED_PROXIES=1', async () => {
    await withEnv({ TRUSTED_PROXIES: '1' }, async () => {
      const client = freshClientAddress()
      for (let i = 0; i < 5; i++) expect((await submit(form(), `${freshClientAddress()}, ${client}, ${freshClientAddress()}`)).status).toBe(201)
      const body = form()
      expect((await submit(body, `${freshClientAddress()}, ${client}, ${freshClientAddress()}`)).status).toBe(429)
      expect(await findByTitle(body.title)).toBeUndefined()
    })
  })

  it('skips the listed proxies, with or without a prefix length', () => {
    const forwarded = (value: string) => new Headers({ 'X-Forwarded-For': value })
    const run = (proxies: string, value: string) => {
      const before = process.env.TRUSTED_PROXIES
      process.env.TRUSTED_PROXIES = proxies
      try {
        return clientAddress(forwarded(value))
      } finally {
        if (before === undefined) delete process.env.TRUSTED_PROXIES
        else process.env.TRUSTED_PROXIES = before
      }
    }
    expect(run('', '1.1.1.1, 2.2.2.2')).toBe('2.2.2.2')
    expect(run('0', '1.1.1.1, ::ffff:2.2.2.2')).toBe('2.2.2.2')
    expect(run('2', '1.1.1.1, 2.2.2.2, 10.0.0.1, 10.0.0.2')).toBe('2.2.2.2')
    expect(run('5', '1.1.1.1, 10.0.0.2')).toBe('1.1.1.1')
    expect(run('10.0.0.0/8, 2001:db8:ffff::1', '9.9.9.9, 3.3.3.3, 10.2.3.4, 2001:db8:ffff::1')).toBe('3.3.3.3')
    expect(run('10.0.0.5', '9.9.9.9, 10.0.0.6')).toBe('10.0.0.6')
    expect(run('10.0.0.5', '10.0.0.5')).toBe('10.0.0.5')
    expect(clientAddress(new Headers())).toBe('unknown')
  })

  it('refuses a malformed TRUSTED_PROXIES with a clear message', () => {
    for (const value of ['ja', '10.0.0.300', '10.0.0.0/33', '1, 2', 'proxy.example.nl']) {
      expect(() => trustedProxies(value), value).toThrow(/TRUSTED_PROXIES is the number of proxies/)
    }
    expect(() => trustedProxies('10.0.0.0/8, ::1, 192.168.1.1')).not.toThrow()
  })
})

describe('the caps of the public form', () => {
  it('allows a few submissions per contact e-mail address an hour', async () => {
    await withEnv({ PUBLIC_SUBMISSION_LIMIT_PER_CONTACT: '3' }, async () => {
      const email = `vaak-${unique()}@school.test`
      for (let i = 0; i < 3; i++) expect((await submit(form({ contact: { name: 'Ilse Bakker', email } }))).status).toBe(201)
      const body = form({ contact: { name: 'Ilse Bakker', email: email.toUpperCase() } })
      const limited = await submit(body)
      expect(limited.status).toBe(429)
      expect(limited.headers.get('Retry-After')).toBe('3600')
      expect(limited.body.errors[0].message).toMatch(/Met dit e-mailadres/)
      expect(await findByTitle(body.title)).toBeUndefined()
      expect((await submit(form())).status).toBe(201)
    })
  })

  it('allows a number of submissions an hour in all', async () => {
    const since = new Date(Date.now() - 3600_000).toISOString()
    const recent = await payload.count({
      collection: 'activities',
      where: { and: [{ 'publicSubmission.expiresAt': { exists: true } }, { createdAt: { greater_than: since } }] },
    })
    await withEnv({ PUBLIC_SUBMISSION_LIMIT_TOTAL: String(recent.totalDocs + 1) }, async () => {
      expect((await submit(form())).status).toBe(201)
      const activities = (await payload.count({ collection: 'activities' })).totalDocs
      const organisers = (await payload.count({ collection: 'organisers' })).totalDocs
      const limited = await submit(form())
      expect(limited.status).toBe(429)
      expect(limited.headers.get('Retry-After')).toBe('3600')
      expect(limited.body.errors[0].message).toMatch(/erg veel activiteiten/)
      expect((await payload.count({ collection: 'activities' })).totalDocs).toBe(activities)
      expect((await payload.count({ collection: 'organisers' })).totalDocs).toBe(organisers)
    })
  })
})

describe('what the public form binds to', () => {
  it('checks the window of the edition it stores, also when sent as { id }', async () => {
    for (const edition of [{ id: closedEdition.id }, String(closedEdition.id), closedEdition.id]) {
      const body = form({ edition })
      const response = await submit(body)
      expect(response.status, JSON.stringify(edition)).toBe(403)
      expect(await findByTitle(body.title)).toBeUndefined()
    }
    const body = form({ edition: { id: edition.id } })
    expect((await submit(body)).status).toBe(201)
    expect((await findByTitle(body.title)).edition).toBe(edition.id)
  })

  it('refuses an edition that is no id, naming the field', async () => {
    for (const value of ['abc', { id: 'x' }, { $ne: 0 }, [edition.id], 1.5, -1, true]) {
      const body = form({ edition: value })
      const response = await submit(body)
      expect(response.status, JSON.stringify(value)).toBe(400)
      expect(fieldErrors(response).edition, JSON.stringify(value)).toBeTruthy()
      expect(await findByTitle(body.title)).toBeUndefined()
    }
  })

  it('never files an anonymous submission under an existing organisation', async () => {
    const existing = await makeOrganiser(payload, { listed: true })
    await makeActivity(payload, edition, existing, { status: 'approved' })
    const before = (await payload.count({ collection: 'activities', where: { organiser: { equals: existing.id } } })).totalDocs
    for (const organiser of [existing.id, String(existing.id), { id: existing.id }]) {
      const body = form({ organiser })
      const response = await submit(body)
      expect(response.status, JSON.stringify(organiser)).toBe(400)
      expect(fieldErrors(response).organiser).toMatch(/organisation\.name/)
      expect(await findByTitle(body.title)).toBeUndefined()
    }
    expect((await payload.count({ collection: 'activities', where: { organiser: { equals: existing.id } } })).totalDocs).toBe(before)
    // Without it, the organisation's name makes a new, unlisted organiser, even when it is the same name.
    const body = form({ organisation: { name: existing.name } })
    expect((await submit(body)).status).toBe(201)
    const stored = await findByTitle(body.title)
    expect(stored.organiser).not.toBe(existing.id)
    const created = await payload.findByID({ collection: 'organisers', id: stored.organiser as number })
    expect(created.listed).toBe(false)
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
