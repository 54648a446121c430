import fs from 'node:fs'
import path from 'node:path'

import { createLocalReq, docAccessOperation, type Payload, type PayloadRequest } from 'payload'
import type { ReactElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { beforeAll, describe, expect, it } from 'vitest'

import { PartnerHome } from '../src/components/dashboard/PartnerHome'
import { ReviewQueue } from '../src/components/dashboard/ReviewQueue'
import { ConsentCell } from '../src/components/stories/ConsentCell'
import { StoryPlanning } from '../src/components/stories/StoryPlanning'
import type { Activity, Edition, Organiser, User } from '../src/payload-types'
import { allowedTargets, type ActivityStatus } from '../src/workflow/activityWorkflow'
import { workflowActions } from '../src/workflow/actions'
import { api, payload as getPayload } from './helpers/api'
import { makeActivity, makeEdition, makeOrganiser, makeUser, unique } from './helpers/fixtures'

// What the admin adds on the server: the CSV export of activities (editors only, activities
// only, nothing imported), the review queue and the partner's home on the dashboard, and the
// workflow's actions as buttons.

let payload: Payload
let edition: Edition
let otherEdition: Edition
let organiser: Organiser
let otherOrganiser: Organiser
let editor: { user: User; token: string }
let partner: { user: User; token: string }
let otherPartner: { user: User; token: string }
const activities: Record<string, Activity> = {}
const contactEmail = 'export.contact@example.nl'

const day = 24 * 60 * 60 * 1000
const ago = (days: number) => new Date(Date.now() - days * day).toISOString()

beforeAll(async () => {
  payload = await getPayload()
  edition = await makeEdition(payload, {
    submissions: { opensAt: ago(10), closesAt: new Date(Date.now() + 30 * day).toISOString(), guidelines: 'Alleen activiteiten in de week zelf.' },
  })
  otherEdition = await makeEdition(payload)
  organiser = await makeOrganiser(payload, { name: 'Exportschool' })
  otherOrganiser = await makeOrganiser(payload, { name: 'Andere gemeente' })
  editor = await makeUser(payload, 'editor')
  partner = await makeUser(payload, 'partner', organiser)
  otherPartner = await makeUser(payload, 'partner', otherOrganiser)
  await payload.updateGlobal({ slug: 'site-settings', data: { currentEdition: edition.id } })

  const make = (key: string, data: Partial<Activity>, forEdition = edition, forOrganiser = organiser) =>
    makeActivity(payload, forEdition, forOrganiser, { title: `${key} ${forEdition.year}`, ...data }).then((doc) => (activities[key] = doc))
  await make('waits-longest', { status: 'submitted', contact: { name: 'Anna', email: contactEmail } })
  await make('in-review', { status: 'in-review' })
  await make('draft', { status: 'draft' })
  await make('approved', { status: 'approved' })
  await make('other-edition', { status: 'submitted' }, otherEdition, otherOrganiser)
  // Submission dates decide the queue's order: set them without the workflow.
  await payload.update({ collection: 'activities', id: activities['waits-longest'].id, data: { submittedAt: ago(6) } })
  await payload.update({ collection: 'activities', id: activities['in-review'].id, data: { submittedAt: ago(3) } })
  await payload.update({ collection: 'activities', id: activities['other-edition'].id, data: { submittedAt: ago(1) } })
})

describe('the CSV export of activities', () => {
  const exportBody = () => ({
    collectionSlug: 'activities',
    format: 'csv',
    drafts: 'yes',
    where: { edition: { equals: edition.id } },
  })

  it('is made by an editor for one edition, with what the organisers report on', async () => {
    const response = await api('POST', 'exports', { body: exportBody(), token: editor.token })
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    const file = path.join(process.env.MEDIA_DIR!, 'exports', response.body.doc.filename)
    const csv = fs.readFileSync(file, 'utf8')
    expect(csv.split('\n')[0]).toMatch(/title/)
    for (const key of ['waits-longest', 'in-review', 'draft', 'approved']) expect(csv).toContain(activities[key].title)
    expect(csv).not.toContain(activities['other-edition'].title)
    // Made in the request: no job that runs later with a stored account id.
    const jobs = await payload.count({ collection: 'payload-jobs', where: { taskSlug: { equals: 'createCollectionExport' } } })
    expect(jobs.totalDocs).toBe(0)
  })

  it('is downloaded directly by an editor, as CSV', async () => {
    const response = await api('POST', 'exports/download', { body: { data: exportBody() }, token: editor.token })
    expect(response.status).toBe(200)
    expect(String(response.body)).toContain(activities['waits-longest'].title)
    expect(String(response.body)).toContain(contactEmail)
  })

  it.each([
    ['anonymous', () => undefined],
    ['a partner', () => partner.token],
  ])('is refused to %s, and no export is stored', async (_who, token) => {
    const before = await payload.count({ collection: 'exports' })
    for (const [method, endpoint, body] of [
      ['POST', 'exports', exportBody()],
      ['POST', 'exports/download', { data: exportBody() }],
      ['POST', 'exports/export-preview', exportBody()],
    ] as const) {
      const response = await api(method, endpoint, { body, token: token() })
      expect(response.status, endpoint).toBe(403)
      expect(JSON.stringify(response.body), endpoint).not.toContain(contactEmail)
    }
    expect((await api('GET', 'exports', { token: token() })).status).toBe(403)
    expect((await payload.count({ collection: 'exports' })).totalDocs).toBe(before.totalDocs)
  })

  it('stays unreadable to partners once made', async () => {
    const made = await api('POST', 'exports', { body: exportBody(), token: editor.token })
    expect(made.status).toBe(201)
    expect((await api('GET', `exports/${made.body.doc.id}`, { token: partner.token })).status).toBe(403)
    expect((await api('GET', `exports/file/${made.body.doc.filename}`, { token: partner.token })).status).toBe(403)
    expect((await api('GET', `exports/file/${made.body.doc.filename}`)).status).toBe(403)
  })

  it('exports activities only, not accounts or other collections', async () => {
    for (const collectionSlug of ['users', 'payload-jobs', 'stories']) {
      const download = await api('POST', 'exports/download', { body: { data: { ...exportBody(), collectionSlug } }, token: editor.token })
      expect(download.status, collectionSlug).toBe(403)
      const stored = await api('POST', 'exports', { body: { ...exportBody(), collectionSlug, where: {} }, token: editor.token })
      expect(stored.status, collectionSlug).toBe(403)
      expect(JSON.stringify(stored.body)).toMatch(/Alleen activiteiten/)
    }
  })

  it('imports nothing, for nobody', async () => {
    for (const token of [editor.token, partner.token, undefined]) {
      expect((await api('GET', 'imports', { token })).status).toBe(403)
      expect((await api('POST', 'imports/preview-data', { body: { collectionSlug: 'activities' }, token })).status).toBe(403)
    }
    const filename = `import-${unique()}.csv`
    await payload.db.create({ collection: 'imports', data: { collectionSlug: 'activities', importMode: 'create', filename } })
    for (const token of [editor.token, partner.token, undefined]) {
      expect((await api('GET', `imports/file/${filename}`, { token })).status).toBe(403)
    }
    const form = new FormData()
    form.append('file', new Blob(['title\nIngevoerd'], { type: 'text/csv' }), 'activiteiten.csv')
    form.append('_payload', JSON.stringify({ collectionSlug: 'activities', importMode: 'create' }))
    expect((await api('POST', 'imports', { form, token: editor.token })).status).toBe(403)
    expect((await payload.count({ collection: 'activities', where: { title: { equals: 'Ingevoerd' } } })).totalDocs).toBe(0)
  })
})

const render = async (element: Promise<ReactElement | null>) => {
  const rendered = await element
  return rendered ? renderToStaticMarkup(rendered) : ''
}
const requestOf = (): PayloadRequest => ({ payload }) as PayloadRequest

describe('the review queue on the dashboard', () => {
  it('lists what waits for a decision, oldest submission first, with counts per status and edition', async () => {
    const html = await render(ReviewQueue({ req: requestOf(), user: editor.user }))
    const position = (key: string) => html.indexOf(activities[key].title)
    expect(position('waits-longest')).toBeGreaterThan(-1)
    expect(position('waits-longest')).toBeLessThan(position('in-review'))
    expect(position('in-review')).toBeLessThan(position('other-edition'))
    expect(html).not.toContain(activities.draft.title)
    expect(html).not.toContain(activities.approved.title)
    expect(html).toContain(`/admin/collections/activities/${activities['waits-longest'].id}`)
    expect(html).toContain('6 dagen')
    // One row per edition with its counts: submitted, in review.
    expect(html).toMatch(new RegExp(`>${edition.year}</a></th><td>1</td><td>1</td>`))
    expect(html).toMatch(new RegExp(`>${otherEdition.year}</a></th><td>1</td><td>0</td>`))
  })

  it('counts a change to an approved activity that awaits review', async () => {
    const approved = await makeActivity(payload, edition, organiser, { title: 'Goedgekeurd met wijziging', status: 'approved' })
    const change = await api('PATCH', `activities/${approved.id}`, { body: { summary: 'Nieuwe zaal' }, token: partner.token })
    expect(change.status).toBe(200)
    const html = await render(ReviewQueue({ req: requestOf(), user: editor.user }))
    // Its edition now has two submissions waiting (the queue lists only the oldest 30 of all).
    expect(html).toMatch(new RegExp(`>${edition.year}</a></th><td>2</td><td>1</td>`))
  })

  it('is not shown to partners', async () => {
    expect(await ReviewQueue({ req: requestOf(), user: partner.user })).toBeNull()
  })
})

describe('the partner’s home on the dashboard', () => {
  it('shows the submission window, the guidelines and the own organisation’s activities only', async () => {
    const html = await render(PartnerHome({ req: requestOf(), user: partner.user }))
    expect(html).toContain('Activiteiten van Exportschool')
    expect(html).toContain('Aanmelden is open')
    expect(html).toContain('Alleen activiteiten in de week zelf.')
    expect(html).toContain(activities.draft.title)
    expect(html).toContain('Nog indienen')
    expect(html).not.toContain(activities['other-edition'].title)
  })

  it('shows another partner only its own organisation', async () => {
    const html = await render(PartnerHome({ req: requestOf(), user: otherPartner.user }))
    expect(html).toContain(activities['other-edition'].title)
    expect(html).not.toContain(activities.draft.title)
    expect(html).not.toContain(contactEmail)
  })

  it('is not shown to editors', async () => {
    expect(await PartnerHome({ req: requestOf(), user: editor.user })).toBeNull()
  })
})

describe('the stories list', () => {
  it('shows editors the stories planned for publication, soonest first, with withdrawn consent marked', async () => {
    const story = (title: string, withdrawn: boolean) =>
      payload.create({
        collection: 'stories',
        data: { title, perspective: 'parent', storyteller: { displayName: 'Noor' }, consent: { withdrawn }, _status: 'draft' },
      })
    const later = await story('Verhaal 12 van 30', false)
    const sooner = await story('Verhaal 11 van 30', true)
    for (const [doc, days] of [
      [later, 14],
      [sooner, 7],
    ] as const) {
      await payload.jobs.queue({
        task: 'schedulePublish',
        input: { type: 'publish', doc: { relationTo: 'stories', value: doc.id } },
        waitUntil: new Date(Date.now() + days * day),
      })
    }
    const html = await render(StoryPlanning({ payload, user: editor.user }))
    expect(html).toContain('Ingepland')
    expect(html.indexOf('Verhaal 11 van 30')).toBeGreaterThan(-1)
    expect(html.indexOf('Verhaal 11 van 30')).toBeLessThan(html.indexOf('Verhaal 12 van 30'))
    expect(html).toMatch(/Verhaal 11 van 30<\/a>.*toestemming ingetrokken/)
    expect(await StoryPlanning({ payload, user: partner.user })).toBeNull()
  })

  it('shows consent at a glance, and nothing where consent cannot be read', () => {
    const cell = (rowData: Record<string, unknown>) => renderToStaticMarkup(ConsentCell({ rowData } as never) ?? '')
    expect(cell({ consent: { withdrawn: true, obtainedAt: ago(100) } })).toContain('Ingetrokken')
    expect(cell({ consent: { withdrawn: false, obtainedAt: ago(100) } })).toContain('Gegeven')
    expect(cell({ consent: { withdrawn: false } })).toContain('Niet vastgelegd')
    expect(cell({ title: 'zonder toestemming in de rij' })).toBe('')
  })
})

describe('the workflow’s actions in the admin', () => {
  const statuses: ActivityStatus[] = ['draft', 'submitted', 'in-review', 'changes-requested', 'approved', 'rejected', 'withdrawn', 'cancelled']

  it.each(statuses)('offer exactly the moves of the table from %s', (status) => {
    for (const actor of ['editor', 'partner'] as const) {
      expect(workflowActions(status, actor).map((action) => action.to)).toEqual(allowedTargets(status, actor))
    }
  })

  it('ask for feedback where the submitter must be told why', () => {
    const byTarget = Object.fromEntries(workflowActions('submitted', 'editor').map((action) => [action.to, action]))
    expect(byTarget['changes-requested'].feedback).toBe('required')
    expect(byTarget.rejected.feedback).toBe('required')
    expect(byTarget.approved.feedback).toBe('optional')
    expect(byTarget['in-review'].label).toBe('In behandeling nemen')
    expect(workflowActions('changes-requested', 'partner').map((action) => action.label)).toEqual(['Opnieuw indienen', 'Intrekken'])
  })

  it('let a partner fill in the contact of a new activity, but not probe contacts with a query', async () => {
    // The permissions the admin's create form is built from (as @payloadcms/next computes them).
    const permissions = async (data: Record<string, unknown>) =>
      docAccessOperation({
        collection: payload.collections.activities,
        data: { ...data, _status: 'draft' },
        req: await createLocalReq({ user: { ...partner.user, collection: 'users' } }, payload),
      })
    // Payload writes a field every operation allows as `true`.
    const readsContact = (result: Awaited<ReturnType<typeof permissions>>) => {
      const contact = (result.fields as Record<string, true | { read?: boolean }>).contact
      return contact === true || contact?.read === true
    }
    expect(readsContact(await permissions({}))).toBe(true)
    expect(readsContact(await permissions({ organiser: otherOrganiser.id }))).toBe(false)
    const probe = await api('GET', `activities?where[contact.email][like]=${contactEmail}`, { token: otherPartner.token })
    expect(probe.status).toBeGreaterThanOrEqual(400)
    expect(JSON.stringify(probe.body)).not.toContain(contactEmail)
  })
})
