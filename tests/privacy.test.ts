import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Activity, Edition, Organiser } from '../src/payload-types'
import { api, graphql, payload as getTestPayload } from './helpers/api'
import { makeActivity, makeEdition, makeOrganiser, makeUser } from './helpers/fixtures'

// The access rules in full belong to the access and workflow work; these are the leaks the
// foundation must already close, because the content model carries the sensitive fields.

let payload: Payload
let listed: Edition
let notYetListed: Edition
let organiser: Organiser
let approved: Activity
let submitted: Activity
let early: Activity

beforeAll(async () => {
  payload = await getTestPayload()
  organiser = await makeOrganiser(payload)
  listed = await makeEdition(payload, { submissions: { listedFrom: '2020-09-15T00:00:00.000Z' } })
  notYetListed = await makeEdition(payload, { submissions: { listedFrom: '2099-09-15T00:00:00.000Z' } })
  const contact = { name: 'Geheime Contactpersoon', email: 'geheim@example.nl', phone: '0612345678' }
  approved = await makeActivity(payload, listed, organiser, { status: 'approved', contact, review: { feedback: 'Prima', internalNotes: 'intern' } })
  submitted = await makeActivity(payload, listed, organiser, { status: 'submitted', contact })
  early = await makeActivity(payload, notYetListed, organiser, { status: 'approved', contact })
})

describe('anonymous readers', () => {
  it('see approved activities of listed editions only, without contact, review or submitter', async () => {
    const response = await api('GET', `activities?where[organiser][equals]=${organiser.id}&depth=0`)
    expect(response.status).toBe(200)
    const ids = response.body.docs.map((doc: Activity) => doc.id)
    expect(ids).toEqual([approved.id])
    expect(response.body.totalDocs).toBe(1)
    const [doc] = response.body.docs
    expect(doc.contact).toBeUndefined()
    expect(doc.review).toBeUndefined()
    expect(doc.submittedBy).toBeUndefined()
    expect(JSON.stringify(response.body)).not.toMatch(/geheim@example\.nl|0612345678|intern/)
  })

  it('get a 404 for an activity that is not public', async () => {
    expect((await api('GET', `activities/${submitted.id}`)).status).toBe(404)
    expect((await api('GET', `activities/${early.id}`)).status).toBe(404)
  })

  it('cannot read contact details through GraphQL either', async () => {
    const response = await graphql(`{ Activities(where: { organiser: { equals: ${organiser.id} } }) { docs { id title contact { email phone } } } }`)
    expect(JSON.stringify(response.body)).not.toMatch(/geheim@example\.nl|0612345678/)
  })

  it('cannot read accounts', async () => {
    const response = await api('GET', 'users')
    expect(response.status).toBe(403)
  })

  it('see stories that are published and whose consent stands, never the consent record', async () => {
    const base = { perspective: 'parent' as const, storyteller: { displayName: 'Anouk' } }
    const published = await payload.create({
      collection: 'stories',
      data: { ...base, title: 'Openbaar verhaal', _status: 'published', consent: { method: 'written', withdrawn: false } },
    })
    const draft = await payload.create({ collection: 'stories', data: { ...base, title: 'Concept', _status: 'draft' } })
    const withdrawn = await payload.create({
      collection: 'stories',
      data: { ...base, title: 'Teruggetrokken', _status: 'published', consent: { withdrawn: true } },
    })
    const response = await api('GET', `stories?where[id][in]=${[published.id, draft.id, withdrawn.id].join(',')}`)
    expect(response.body.docs.map((doc: { id: number }) => doc.id)).toEqual([published.id])
    expect(response.body.docs[0].consent).toBeUndefined()
    expect(response.body.docs[0].publishedAt).toBeTruthy()
    expect((await api('GET', `stories/${draft.id}?draft=true`)).status).toBe(404)
    expect((await api('GET', `stories/${withdrawn.id}`)).status).toBe(404)
  })

  it('see the help lines but not the review inbox', async () => {
    await payload.updateGlobal({ slug: 'site-settings', data: { reviewInbox: 'redactie@example.nl' } })
    const response = await api('GET', 'globals/site-settings')
    expect(response.status).toBe(200)
    expect(response.body.helpLines.map((line: { phone: string }) => line.phone)).toEqual(['0800-2000', '0800-0432'])
    expect(response.body.reviewInbox).toBeUndefined()
  })
})

describe('partners', () => {
  it('create activities for their own organiser only, as drafts', async () => {
    const own = await makeOrganiser(payload)
    const other = await makeOrganiser(payload)
    const { token } = await makeUser(payload, 'partner', own)
    const body = {
      title: 'Voorlichting op school',
      edition: listed.id,
      format: 'workshop',
      startsAt: `${listed.year}-11-18T09:00:00.000Z`,
      location: { mode: 'on-site', city: 'Zwolle', province: 'overijssel' },
      contact: { name: 'Partner', email: 'partner@example.nl' },
    }
    const created = await api('POST', 'activities?depth=0', { token, body })
    expect(created.status).toBe(201)
    expect(created.body.doc.organiser).toBe(own.id)
    expect(created.body.doc.status).toBe('draft')

    const before = (await payload.count({ collection: 'activities' })).totalDocs
    const forOther = await api('POST', 'activities', { token, body: { ...body, organiser: other.id } })
    expect(forOther.status).toBe(403)
    expect(forOther.body.errors[0].message).toMatch(/organisatie/)
    const approved = await api('POST', 'activities', { token, body: { ...body, status: 'approved' } })
    expect(approved.status).toBe(409)
    expect(approved.body.errors[0].message).toMatch(/Toegestaan vanaf 'Concept': 'Ingediend', 'Ingetrokken'/)
    expect((await payload.count({ collection: 'activities' })).totalDocs).toBe(before)
  })

  it('do not see the contact details of other organisations', async () => {
    const { token } = await makeUser(payload, 'partner', await makeOrganiser(payload))
    const response = await api('GET', `activities/${approved.id}`, { token })
    expect(response.status).toBe(200)
    expect(response.body.contact).toBeUndefined()
    expect(response.body.review).toBeUndefined()
  })

  it('never see internal notes, even of their own activities', async () => {
    const { token } = await makeUser(payload, 'partner', organiser)
    const response = await api('GET', `activities/${approved.id}`, { token })
    expect(response.body.contact.email).toBe('geheim@example.nl')
    expect(response.body.review.feedback).toBe('Prima')
    expect(response.body.review.internalNotes).toBeUndefined()
  })
})
