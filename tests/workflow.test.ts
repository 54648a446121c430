import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Activity, Edition, Organiser } from '../src/payload-types'
import { allowedTargets, transitions } from '../src/workflow/activityWorkflow'
import { api, graphql, payload as getTestPayload } from './helpers/api'
import { makeActivity, makeEdition, makeOpenEdition, makeOrganiser, makeUser, unique } from './helpers/fixtures'
import { mailTo as receive, startMailbox } from './helpers/mailbox'

type Status = Activity['status']

// The review workflow as ../shared/DESIGN.md states it, written out here on purpose rather
// than read from the module under test.
const designTable: { from: Status[]; to: Status; partner: boolean; feedback?: boolean }[] = [
  { from: ['draft'], to: 'submitted', partner: true },
  { from: ['submitted'], to: 'in-review', partner: false },
  { from: ['submitted', 'in-review'], to: 'approved', partner: false },
  { from: ['submitted', 'in-review'], to: 'changes-requested', partner: false, feedback: true },
  { from: ['submitted', 'in-review'], to: 'rejected', partner: false, feedback: true },
  { from: ['changes-requested'], to: 'submitted', partner: true },
  { from: ['draft', 'submitted', 'changes-requested'], to: 'withdrawn', partner: true },
  { from: ['approved'], to: 'cancelled', partner: true },
  { from: ['rejected', 'withdrawn'], to: 'in-review', partner: false },
]
const allStatuses: Status[] = ['draft', 'submitted', 'in-review', 'changes-requested', 'approved', 'rejected', 'withdrawn', 'cancelled']
const cells = designTable.flatMap(({ from, ...rest }) => from.map((f) => ({ from: f, ...rest })))

let payload: Payload
let edition: Edition
let closedEdition: Edition
let organiser: Organiser
let editorToken: string
let editorId: number
let partnerToken: string
let partnerId: number
let otherPartnerToken: string
let mailbox: Awaited<ReturnType<typeof startMailbox>>

const inbox = 'beoordeling@weektegenkindermishandeling.test'

beforeAll(async () => {
  payload = await getTestPayload()
  mailbox = await startMailbox()
  edition = await makeOpenEdition(payload)
  closedEdition = await makeEdition(payload, {
    submissions: { opensAt: '2020-09-01T00:00:00.000Z', closesAt: '2020-11-01T00:00:00.000Z', listedFrom: '2020-01-01T00:00:00.000Z' },
  })
  organiser = await makeOrganiser(payload)
  ;({
    token: editorToken,
    user: { id: editorId },
  } = await makeUser(payload, 'editor'))
  ;({
    token: partnerToken,
    user: { id: partnerId },
  } = await makeUser(payload, 'partner', organiser))
  ;({ token: otherPartnerToken } = await makeUser(payload, 'partner', await makeOrganiser(payload)))
  await payload.updateGlobal({ slug: 'site-settings', data: { reviewInbox: inbox } })
})

afterAll(async () => {
  await mailbox?.stop()
})

const activityIn = (status: Status, data: Partial<Activity> = {}) =>
  makeActivity(payload, data.edition ? (data.edition as Edition) : edition, organiser, {
    status,
    contact: { name: 'Lotte Jansen', email: `lotte-${unique()}@school.test` },
    ...data,
    edition: (data.edition as Edition | undefined)?.id ?? edition.id,
  })

const move = (activity: Activity, to: Status, token: string | undefined, feedback?: string) =>
  api('PATCH', `activities/${activity.id}?depth=0`, { token, body: { status: to, ...(feedback ? { review: { feedback } } : {}) } })

const stored = (activity: Activity) => payload.findByID({ collection: 'activities', id: activity.id, draft: true, depth: 0 })

const history = (activity: Activity) => payload.find({ collection: 'activity-history', where: { activity: { equals: activity.id } }, sort: 'at', depth: 0 })

const mailTo = (address: string, subject?: RegExp, timeoutMs?: number) => receive(payload, mailbox.messages, address, subject, timeoutMs)

describe('the workflow module', () => {
  it('holds exactly the transitions of the design', () => {
    const fromModule = transitions.flatMap((t) => t.from.map((from) => `${from}>${t.to}:${t.by.includes('partner')}`)).sort()
    const fromDesign = cells.map((c) => `${c.from}>${c.to}:${c.partner}`).sort()
    expect(fromModule).toEqual(fromDesign)
  })
})

describe.each(cells)('$from → $to', ({ from, to, partner, feedback }) => {
  const message = feedback ? 'Vul het adres van de locatie aan.' : undefined

  it('is made by an editor, recorded in the history', async () => {
    const activity = await activityIn(from)
    const response = await move(activity, to, editorToken, message)
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    expect((await stored(activity)).status).toBe(to)
    const entries = (await history(activity)).docs.filter((entry) => entry.from === from)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ to, by: editorId, feedback: message ?? null })
  })

  it(partner ? 'is made by the partner of the activity' : 'is refused to a partner, changing nothing', async () => {
    const activity = await activityIn(from)
    const response = await move(activity, to, partnerToken, message)
    if (partner) {
      expect(response.status, JSON.stringify(response.body)).toBe(200)
      expect((await stored(activity)).status).toBe(to)
      expect((await history(activity)).docs.some((entry) => entry.from === from && entry.by === partnerId)).toBe(true)
    } else {
      expect([403, 404]).toContain(response.status)
      expect((await stored(activity)).status).toBe(from)
      expect((await history(activity)).docs.filter((entry) => entry.from === from)).toHaveLength(0)
    }
  })

  it('is refused to a partner of another organisation and to anonymous callers', async () => {
    const activity = await activityIn(from)
    for (const token of [otherPartnerToken, undefined]) {
      const response = await move(activity, to, token, message)
      expect([403, 404]).toContain(response.status)
    }
    expect((await stored(activity)).status).toBe(from)
    expect((await history(activity)).docs.filter((entry) => entry.from === from)).toHaveLength(0)
  })

  if (feedback) {
    it('needs feedback for the submitter', async () => {
      const activity = await activityIn(from)
      const response = await move(activity, to, editorToken)
      expect(response.status).toBe(400)
      expect(response.body.errors[0].message).toMatch(/terugkoppeling aan de indiener/)
      expect((await stored(activity)).status).toBe(from)
    })
  }
})

describe('transitions outside the table', () => {
  const refused = allStatuses.flatMap((from) =>
    allStatuses.filter((to) => to !== from && !cells.some((c) => c.from === from && c.to === to)).map((to) => ({ from, to })),
  )

  it.each(refused)('$from → $to is refused with a 409 that names what is allowed', async ({ from, to }) => {
    const activity = await activityIn(from)
    const response = await move(activity, to, editorToken, 'Terugkoppeling')
    expect(response.status).toBe(409)
    const allowed = allowedTargets(from, 'editor')
    expect(response.body.errors[0].message).toMatch(/kan niet naar/)
    if (allowed.length > 0) expect(response.body.errors[0].message).toMatch(/Toegestaan vanaf/)
    expect((await stored(activity)).status).toBe(from)
  })
})

describe('the submission window', () => {
  it('refuses a partner submitting after the window closed; an editor still can', async () => {
    const activity = await activityIn('draft', { edition: closedEdition })
    const refused = await move(activity, 'submitted', partnerToken)
    expect(refused.status).toBe(403)
    expect(refused.body.errors[0].message).toMatch(/aanmelden .* is gesloten/)
    expect((await stored(activity)).status).toBe('draft')
    expect((await move(activity, 'submitted', editorToken)).status).toBe(200)
  })

  it('refuses a partner creating an activity for a closed edition', async () => {
    const response = await api('POST', 'activities', {
      token: partnerToken,
      body: {
        title: 'Te laat',
        edition: closedEdition.id,
        format: 'meeting',
        startsAt: `${closedEdition.year}-11-18T18:00:00.000Z`,
        location: { mode: 'online', onlineUrl: 'https://meet.example.nl/x' },
        contact: { name: 'A', email: 'a@school.test' },
      },
    })
    expect(response.status).toBe(403)
    expect(await payload.count({ collection: 'activities', where: { title: { equals: 'Te laat' } } })).toMatchObject({ totalDocs: 0 })
  })
})

describe('mail', () => {
  it('announces a submission to the review inbox', async () => {
    const activity = await activityIn('draft', { title: 'Ouderavond over veilig opgroeien' })
    expect((await move(activity, 'submitted', partnerToken)).status).toBe(200)
    const mail = await mailTo(inbox, /Ouderavond over veilig opgroeien/)
    expect(mail.subject).toBe('Nieuwe aanmelding: Ouderavond over veilig opgroeien')
    expect(mail.text).toMatch(new RegExp(`/admin/collections/activities/${activity.id}`))
  })

  it.each([
    ['changes-requested', /vraagt u om wijzigingen/],
    ['rejected', /niet opgenomen/],
    ['approved', /is goedgekeurd/],
  ] as const)('tells the contact about %s, with the feedback', async (to, wording) => {
    const activity = await activityIn('submitted')
    const feedback = `Terugkoppeling bij ${to}: graag de eindtijd toevoegen.`
    expect((await move(activity, to, editorToken, feedback)).status).toBe(200)
    const mail = await mailTo(activity.contact.email)
    expect(mail.text).toMatch(wording)
    expect(mail.text).toContain(feedback)
    expect(mail.subject).toContain(activity.title)
  })

  it('does not mail the contact about steps that are no decision', async () => {
    const activity = await activityIn('submitted')
    expect((await move(activity, 'in-review', editorToken)).status).toBe(200)
    await expect(mailTo(activity.contact.email, /./, 500)).rejects.toThrow(/No mail/)
  })
})

describe('the history', () => {
  it('cannot be written, changed or deleted through any API, not even by an administrator', async () => {
    const { token: adminToken } = await makeUser(payload, 'admin')
    const activity = await activityIn('submitted')
    await move(activity, 'in-review', editorToken)
    const entry = (await history(activity)).docs.find((e) => e.to === 'in-review')!
    for (const token of [adminToken, editorToken, partnerToken]) {
      expect((await api('POST', 'activity-history', { token, body: { activity: activity.id, to: 'approved', at: new Date().toISOString() } })).status).toBe(403)
      expect((await api('PATCH', `activity-history/${entry.id}`, { token, body: { to: 'approved' } })).status).toBe(403)
      expect((await api('DELETE', `activity-history/${entry.id}`, { token })).status).toBe(403)
    }
    const gql = await graphql(`mutation { deleteActivityHistory(id: ${entry.id}) { id } }`, undefined, adminToken)
    expect(JSON.stringify(gql.body)).toMatch(/not allowed|Forbidden/i)
    expect((await payload.findByID({ collection: 'activity-history', id: entry.id })).to).toBe('in-review')
  })

  it('is readable by the partner for its own activities only', async () => {
    const activity = await activityIn('submitted')
    await move(activity, 'in-review', editorToken)
    const own = await api('GET', `activity-history?where[activity][equals]=${activity.id}`, { token: partnerToken })
    expect(own.status).toBe(200)
    expect(own.body.totalDocs).toBeGreaterThan(0)
    const other = await api('GET', `activity-history?where[activity][equals]=${activity.id}`, { token: otherPartnerToken })
    expect(other.body.totalDocs).toBe(0)
    expect((await api('GET', 'activity-history')).status).toBe(403)
  })
})

describe('a change to an approved activity', () => {
  it('goes back to review while the approved version stays public', async () => {
    const activity = await activityIn('submitted', { title: 'Training signaleren' })
    expect((await move(activity, 'approved', editorToken)).status).toBe(200)
    const publicTitle = async () => (await api('GET', `activities/${activity.id}`)).body.title

    expect(await publicTitle()).toBe('Training signaleren')
    const change = await api('PATCH', `activities/${activity.id}`, { token: partnerToken, body: { title: 'Training signaleren en bespreken' } })
    expect(change.status, JSON.stringify(change.body)).toBe(200)

    // The public, REST and GraphQL alike, still sees the approved version.
    expect(await publicTitle()).toBe('Training signaleren')
    const gql = await graphql(`{ Activity(id: ${activity.id}) { title status } }`)
    expect(gql.body.data.Activity).toEqual({ title: 'Training signaleren', status: 'approved' })
    // The partner and the editors see the proposal, waiting for review.
    const proposal = await api('GET', `activities/${activity.id}?draft=true`, { token: partnerToken })
    expect(proposal.body).toMatchObject({ title: 'Training signaleren en bespreken', status: 'submitted' })
    expect((await history(activity)).docs.at(-1)).toMatchObject({ from: 'approved', to: 'submitted', changeToApproved: true })
    expect((await mailTo(inbox, /Training signaleren en bespreken/)).subject).toMatch(/^Wijziging op een goedgekeurde activiteit/)

    // Asking for changes keeps the approved version public too.
    expect((await move(activity, 'changes-requested', editorToken, 'Noem ook de doelgroep.')).status).toBe(200)
    expect(await publicTitle()).toBe('Training signaleren')

    const resubmitted = await api('PATCH', `activities/${activity.id}`, {
      token: partnerToken,
      body: { title: 'Training signaleren voor leerkrachten', status: 'submitted' },
    })
    expect(resubmitted.status).toBe(200)
    expect(await publicTitle()).toBe('Training signaleren')

    expect((await move(activity, 'approved', editorToken)).status).toBe(200)
    expect(await publicTitle()).toBe('Training signaleren voor leerkrachten')
  })

  it('goes back to review also when the partner sends the approved status along', async () => {
    const activity = await activityIn('approved', { title: 'Spreekuur jeugdarts' })
    const change = await api('PATCH', `activities/${activity.id}`, {
      token: partnerToken,
      body: { title: 'Spreekuur jeugdarts en jeugdverpleegkundige', status: 'approved' },
    })
    expect(change.status, JSON.stringify(change.body)).toBe(200)
    expect((await api('GET', `activities/${activity.id}`)).body).toMatchObject({ title: 'Spreekuur jeugdarts', status: 'approved' })
    const proposal = await api('GET', `activities/${activity.id}?draft=true`, { token: partnerToken })
    expect(proposal.body).toMatchObject({ title: 'Spreekuur jeugdarts en jeugdverpleegkundige', status: 'submitted' })
    expect((await history(activity)).docs.at(-1)).toMatchObject({ from: 'approved', to: 'submitted', changeToApproved: true })
  })

  it('that is cancelled stays listed, marked cancelled, without the unreviewed change', async () => {
    const activity = await activityIn('approved', { title: 'Lezing in de bibliotheek' })
    await api('PATCH', `activities/${activity.id}`, { token: partnerToken, body: { title: 'Niet beoordeelde titel' } })
    const cancelled = await move(activity, 'cancelled', partnerToken)
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200)
    const listed = await api('GET', `activities?where[id][equals]=${activity.id}`)
    expect(listed.body.docs).toHaveLength(1)
    expect(listed.body.docs[0]).toMatchObject({ status: 'cancelled', title: 'Lezing in de bibliotheek' })
  })

  it.each([
    ['rejected', 'Dit past niet bij de campagne.'],
    ['withdrawn', undefined],
  ] as const)('whose change was %s can still be cancelled by its partner', async (outcome, feedback) => {
    const activity = await activityIn('approved', { title: 'Inloopochtend' })
    expect((await api('PATCH', `activities/${activity.id}`, { token: partnerToken, body: { title: 'Inloopochtend, nieuwe tijd' } })).status).toBe(200)
    const ended = await move(activity, outcome, outcome === 'rejected' ? editorToken : partnerToken, feedback)
    expect(ended.status, JSON.stringify(ended.body)).toBe(200)

    const cancelled = await move(activity, 'cancelled', partnerToken)
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200)
    const listed = await api('GET', `activities/${activity.id}`)
    expect(listed.body).toMatchObject({ status: 'cancelled', title: 'Inloopochtend' })
  })

  it('takes a new change after a rejected one, starting again from the approved version', async () => {
    const activity = await activityIn('approved', { title: 'Gastles weerbaarheid' })
    await api('PATCH', `activities/${activity.id}`, { token: partnerToken, body: { title: 'Gastles weerbaarheid, groep 7' } })
    expect((await move(activity, 'rejected', editorToken, 'Liever voor de hele school.')).status).toBe(200)
    const again = await api('PATCH', `activities/${activity.id}`, { token: partnerToken, body: { title: 'Gastles weerbaarheid, hele school' } })
    expect(again.status, JSON.stringify(again.body)).toBe(200)
    expect((await stored(activity)).status).toBe('submitted')
    expect((await api('GET', `activities/${activity.id}`)).body.title).toBe('Gastles weerbaarheid')
    const entries = (await history(activity)).docs.map((entry) => `${entry.from}>${entry.to}`)
    expect(entries.slice(-3)).toEqual(['approved>submitted', 'submitted>rejected', 'approved>submitted'])
  })

  it('is not changed by its partner while an editor reviews the change', async () => {
    const activity = await activityIn('approved', { title: 'Workshop voor ouders' })
    await api('PATCH', `activities/${activity.id}`, { token: partnerToken, body: { title: 'Workshop voor ouders en opvoeders' } })
    expect((await move(activity, 'in-review', editorToken)).status).toBe(200)
    const change = await api('PATCH', `activities/${activity.id}`, { token: partnerToken, body: { title: 'Nog een andere titel' } })
    expect(change.status).toBe(409)
    expect(change.body.errors[0].message).toMatch(/beoordeelt uw wijziging/)
    const latest = await stored(activity)
    expect(latest).toMatchObject({ status: 'in-review', title: 'Workshop voor ouders en opvoeders' })
    // Cancelling the public activity stays possible.
    expect((await move(activity, 'cancelled', partnerToken)).status).toBe(200)
  })
})

describe('partners and editor-only fields', () => {
  it('refuses a partner writing feedback, internal notes or another organiser, and changes nothing', async () => {
    const activity = await activityIn('draft', { title: 'Eigen activiteit' })
    for (const body of [
      { review: { feedback: 'Zelf goedgekeurd' } },
      { review: { internalNotes: 'x' } },
      { organiser: (await makeOrganiser(payload)).id },
      { submittedBy: editorId },
    ]) {
      const response = await api('PATCH', `activities/${activity.id}`, { token: partnerToken, body: { ...body, title: 'Gewijzigd' } })
      expect(response.status, JSON.stringify(body)).toBe(403)
      expect(response.body.errors[0].message).toMatch(/dat doet de redactie/)
    }
    expect((await stored(activity)).title).toBe('Eigen activiteit')
  })
})
