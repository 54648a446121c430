import type { Payload } from 'payload'
import { createLocalReq } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { formState } from '../src/admin/serverFunctions'

import type { Activity, Edition, Organiser, Story, User } from '../src/payload-types'
import { api, graphql, payload as getTestPayload, type ApiResponse } from './helpers/api'
import { makeActivity, makeEdition, makeOrganiser, makeUser } from './helpers/fixtures'

/**
 * Issue 11, finding 4: the admin's edit locks (`payload-locked-documents`). A lock only in the
 * caller's own name and only on a document the caller may update; only the holder, or an editor
 * taking it over, changes or removes it; an editor's write is never held up by a partner's lock.
 */

const locks = 'payload-locked-documents'
type Account = { user: User; token: string }

let payload: Payload
let edition: Edition
let own: Organiser
let other: Organiser
let partner: Account
let colleague: Account // a second account of the partner's organisation
let otherPartner: Account
let editor: Account
let admin: Account
let story: Story

const show = (response: ApiResponse) => JSON.stringify(response.body)
const userRef = (account: Account) => ({ relationTo: 'users', value: account.user.id })
const activityRef = (activity: Activity) => ({ relationTo: 'activities', value: activity.id })

/** A lock as the admin's form state writes it: straight to the database, without access checks. */
const lockAs = async (account: Account, document: { relationTo: string; value: number } | undefined, globalSlug?: string) =>
  (await payload.db.create({
    collection: locks,
    data: { document, globalSlug, user: userRef(account) },
  })) as { id: number }

const lockCount = async (where: Record<string, unknown> = {}) =>
  (await payload.count({ collection: locks, where: where as any, overrideAccess: true })).totalDocs
const storedLock = (id: number) => payload.findByID({ collection: locks, id, depth: 0, overrideAccess: true, disableErrors: true })
const holderId = async (id: number) => ((await storedLock(id)) as any)?.user?.value
const locksOn = (document: { relationTo: string; value: number }) =>
  lockCount({ and: [{ 'document.relationTo': { equals: document.relationTo } }, { 'document.value': { equals: document.value } }] })

beforeAll(async () => {
  payload = await getTestPayload()
  edition = await makeEdition(payload)
  own = await makeOrganiser(payload)
  other = await makeOrganiser(payload)
  partner = await makeUser(payload, 'partner', own)
  colleague = await makeUser(payload, 'partner', own)
  otherPartner = await makeUser(payload, 'partner', other)
  editor = await makeUser(payload, 'editor')
  admin = await makeUser(payload, 'admin')
  story = await payload.create({
    collection: 'stories',
    data: { title: 'Verhaal onder slot', perspective: 'parent', storyteller: { displayName: 'Noor' }, _status: 'published', consent: { method: 'written' } },
  })
})

describe('a lock only in your own name', () => {
  it('refuses a partner creating a lock in an editor’s name, over REST, GraphQL and the Local API', async () => {
    const activity = await makeActivity(payload, edition, own)
    const rest = await api('POST', locks, { token: partner.token, body: { document: activityRef(activity), user: userRef(editor) } })
    expect(rest.status, show(rest)).toBe(403)

    const gql = await graphql(
      `mutation { createPayloadLockedDocument(data: { document: { relationTo: activities, value: ${activity.id} }, user: { relationTo: users, value: ${editor.user.id} } }) { id } }`,
      undefined,
      partner.token,
    )
    expect(gql.body.errors?.[0]?.message, show(gql)).toMatch(/eigen naam/)

    await expect(
      payload.create({
        collection: locks,
        data: { document: activityRef(activity), user: userRef(editor) } as any,
        overrideAccess: false,
        user: { ...partner.user, collection: 'users' },
      }),
    ).rejects.toThrow(/eigen naam/)
    expect(await locksOn(activityRef(activity))).toBe(0)
  })

  it('stamps the caller as the holder, and a lock is fresh when written', async () => {
    const activity = await makeActivity(payload, edition, own)
    const response = await api('POST', locks, {
      token: partner.token,
      body: { document: activityRef(activity), updatedAt: '2099-01-01T00:00:00.000Z' },
    })
    expect(response.status, show(response)).toBe(201)
    const stored = (await storedLock(response.body.doc.id)) as any
    expect(stored.user.value).toBe(partner.user.id)
    expect(new Date(stored.updatedAt).getTime()).toBeLessThanOrEqual(Date.now())
  })
})

describe('a lock only on a document you may update', () => {
  it('refuses a partner locking a story, another organisation’s activity, a global or an unknown id', async () => {
    const others = await makeActivity(payload, edition, other)
    const before = await lockCount()
    for (const body of [
      { document: { relationTo: 'stories', value: story.id } },
      { document: activityRef(others) },
      { document: { relationTo: 'activities', value: 999_999_999 } },
      { document: { relationTo: 'users', value: editor.user.id } },
      { globalSlug: 'site-settings' },
    ]) {
      const response = await api('POST', locks, { token: partner.token, body: { ...body, user: userRef(partner) } })
      expect(response.status, `${JSON.stringify(body)}: ${show(response)}`).toBe(403)
    }
    const gql = await graphql(
      `mutation { createPayloadLockedDocument(data: { globalSlug: "site-settings", user: { relationTo: users, value: ${partner.user.id} } }) { id } }`,
      undefined,
      partner.token,
    )
    expect(gql.body.errors?.[0]?.message, show(gql)).toMatch(/niet bewerken/)
    expect(await lockCount()).toBe(before)
  })

  it('refuses moving one’s own lock onto a document one may not update', async () => {
    const mine = await makeActivity(payload, edition, own)
    const lock = await lockAs(partner, activityRef(mine))
    const response = await api('PATCH', `${locks}/${lock.id}`, {
      token: partner.token,
      body: { document: { relationTo: 'stories', value: story.id } },
    })
    expect(response.status, show(response)).toBe(403)
    expect(((await storedLock(lock.id)) as any).document.relationTo).toBe('activities')
  })

  it('lets a partner lock its own activity and its own account, and an editor a story and the site settings', async () => {
    const mine = await makeActivity(payload, edition, own)
    for (const [account, body] of [
      [partner, { document: activityRef(mine) }],
      [partner, { document: { relationTo: 'users', value: partner.user.id } }],
      [editor, { document: { relationTo: 'stories', value: story.id } }],
      [editor, { globalSlug: 'site-settings' }],
    ] as const) {
      const response = await api('POST', locks, { token: account.token, body })
      expect(response.status, show(response)).toBe(201)
      await payload.delete({ collection: locks, id: response.body.doc.id })
    }
  })
})

describe('the admin’s form state takes a lock only for whoever may update the document', () => {
  beforeAll(async () => {
    // The admin's components, as the admin layout hands them to its server functions.
    payload.importMap = (await import('../src/app/(payload)/admin/importMap.js')).importMap
  })

  /** The admin's "form-state" server function, as the document view calls it when a form opens. */
  const openForm = async (account: Account, collectionSlug: 'stories' | 'activities', id: number, globalSlug?: string) =>
    formState({
      req: await createLocalReq({ user: { ...account.user, collection: 'users' } as any }, payload),
      collectionSlug,
      id,
      globalSlug,
      schemaPath: collectionSlug,
      operation: 'update',
      formState: {},
      returnLockStatus: true,
      updateLastEdited: true,
      renderAllFields: false,
      docPermissions: undefined,
      docPreferences: { fields: {} },
    } as any)

  it('opens a story or another organisation’s activity for a partner without locking it', async () => {
    const theirs = await makeActivity(payload, edition, other, { status: 'approved' } as Partial<Activity>)
    for (const [slug, id] of [
      ['stories', story.id],
      ['activities', theirs.id],
    ] as const) {
      const document = { relationTo: slug, value: id }
      const before = await locksOn(document)
      const answer = (await openForm(partner, slug, id)) as { lockedState?: unknown; state?: unknown }
      expect(answer.state, `${slug}: ${Object.keys(answer)}`).toBeTruthy()
      expect(answer.lockedState, slug).toBeUndefined()
      expect(await locksOn(document), slug).toBe(before)
    }
  })

  it('takes no lock on a global for a partner who names it beside its own activity', async () => {
    const mine = await makeActivity(payload, edition, own)
    await openForm(partner, 'activities', mine.id, 'site-settings')
    expect(await lockCount({ and: [{ globalSlug: { equals: 'site-settings' } }, { 'user.value': { equals: partner.user.id } }] })).toBe(0)
  })

  it('locks the partner’s own activity in its name, and a story for an editor', async () => {
    const mine = await makeActivity(payload, edition, own)
    await openForm(partner, 'activities', mine.id)
    const partnerLocks = await payload.find({
      collection: locks,
      where: { 'document.value': { equals: mine.id }, 'document.relationTo': { equals: 'activities' } } as any,
      depth: 0,
      overrideAccess: true,
    })
    expect(partnerLocks.docs.map((lock: any) => lock.user?.value)).toEqual([partner.user.id])
    const draft = await payload.create({
      collection: 'stories',
      data: { title: 'Open in het formulier', perspective: 'parent', storyteller: { displayName: 'Noor' } } as any,
      draft: true,
    })
    await openForm(editor, 'stories', draft.id)
    expect(await locksOn({ relationTo: 'stories', value: draft.id })).toBe(1)
  })
})

describe('only the holder, or an editor taking it over, changes or removes a lock', () => {
  it('refuses a partner removing or taking over an editor’s lock, by id and by where, over REST and GraphQL', async () => {
    const mine = await makeActivity(payload, edition, own)
    const lock = await lockAs(editor, activityRef(mine))
    const byWhere = `where[id][equals]=${lock.id}`

    expect([403, 404]).toContain((await api('DELETE', `${locks}/${lock.id}`, { token: partner.token })).status)
    const bulkDelete = await api('DELETE', `${locks}?${byWhere}`, { token: partner.token })
    expect(bulkDelete.body.docs ?? [], show(bulkDelete)).toEqual([])
    const takeOver = await api('PATCH', `${locks}/${lock.id}`, { token: partner.token, body: { user: userRef(partner) } })
    expect([403, 404], show(takeOver)).toContain(takeOver.status)
    const bulkTakeOver = await api('PATCH', `${locks}?${byWhere}`, { token: partner.token, body: { user: userRef(partner) } })
    expect(bulkTakeOver.body.docs ?? [], show(bulkTakeOver)).toEqual([])

    const gqlDelete = await graphql(`mutation { deletePayloadLockedDocument(id: ${lock.id}) { id } }`, undefined, partner.token)
    expect(gqlDelete.body.errors?.length, show(gqlDelete)).toBeGreaterThan(0)
    const gqlUpdate = await graphql(
      `mutation { updatePayloadLockedDocument(id: ${lock.id}, data: { user: { relationTo: users, value: ${partner.user.id} } }) { id } }`,
      undefined,
      partner.token,
    )
    expect(gqlUpdate.body.errors?.length, show(gqlUpdate)).toBeGreaterThan(0)

    await expect(payload.delete({ collection: locks, id: lock.id, overrideAccess: false, user: { ...partner.user, collection: 'users' } })).rejects.toThrow()
    expect(await holderId(lock.id)).toBe(editor.user.id)
  })

  it('refuses a partner removing a colleague’s lock; the holder removes its own', async () => {
    const mine = await makeActivity(payload, edition, own)
    const lock = await lockAs(colleague, activityRef(mine))
    expect([403, 404]).toContain((await api('DELETE', `${locks}/${lock.id}`, { token: partner.token })).status)
    expect(await holderId(lock.id)).toBe(colleague.user.id)
    expect((await api('DELETE', `${locks}/${lock.id}`, { token: colleague.token })).status).toBe(200)
    expect(await storedLock(lock.id)).toBeNull()
  })

  it('lets an editor take a partner’s lock over, only in the editor’s own name', async () => {
    const mine = await makeActivity(payload, edition, own)
    const lock = await lockAs(partner, activityRef(mine))
    const inOtherName = await api('PATCH', `${locks}/${lock.id}`, { token: editor.token, body: { user: userRef(admin) } })
    expect(inOtherName.status, show(inOtherName)).toBe(403)
    expect(await holderId(lock.id)).toBe(partner.user.id)

    const takeOver = await api('PATCH', `${locks}/${lock.id}`, { token: editor.token, body: { user: userRef(editor) } })
    expect(takeOver.status, show(takeOver)).toBe(200)
    expect(await holderId(lock.id)).toBe(editor.user.id)
  })
})

describe('who sees which locks', () => {
  it('shows a partner its own locks and those on documents it may update, nothing else; anonymous none', async () => {
    const mine = await makeActivity(payload, edition, own)
    const others = await makeActivity(payload, edition, other)
    const onMine = await lockAs(editor, activityRef(mine))
    const onStory = await lockAs(editor, { relationTo: 'stories', value: story.id })
    const onOthers = await lockAs(otherPartner, activityRef(others))
    const strayOwn = await lockAs(partner, { relationTo: 'stories', value: story.id }) // as Payload's form state may write it
    const ids = [onMine.id, onStory.id, onOthers.id, strayOwn.id]

    const list = await api('GET', `${locks}?depth=0&limit=100&where[id][in]=${ids.join(',')}`, { token: partner.token })
    expect(list.status, show(list)).toBe(200)
    expect(list.body.docs.map((doc: { id: number }) => doc.id).sort()).toEqual([onMine.id, strayOwn.id].sort())
    expect((await api('GET', `${locks}/${onStory.id}`, { token: partner.token })).status).toBe(404)

    const anyOf = ids.map((id) => `{ id: { equals: ${id} } }`).join(' ')
    const gql = await graphql(`{ PayloadLockedDocuments(where: { OR: [${anyOf}] }) { docs { id } } }`, undefined, partner.token)
    expect(gql.body.errors, show(gql)).toBeUndefined()
    expect(gql.body.data.PayloadLockedDocuments.docs.map((doc: { id: number }) => doc.id).sort()).toEqual([onMine.id, strayOwn.id].sort())

    const local = await payload.find({ collection: locks, where: { id: { in: ids } }, overrideAccess: false, user: { ...partner.user, collection: 'users' } })
    expect(local.docs.map((doc) => doc.id).sort()).toEqual([onMine.id, strayOwn.id].sort())

    expect((await api('GET', `${locks}?where[id][in]=${ids.join(',')}`, { token: editor.token })).body.docs).toHaveLength(4)
    expect([401, 403]).toContain((await api('GET', locks)).status)
  })
})

describe('a partner’s lock never holds up an editor', () => {
  it('lets an editor update and publish a story a partner locked (as Payload’s form state can make it)', async () => {
    await lockAs(partner, { relationTo: 'stories', value: story.id })
    const response = await api('PATCH', `stories/${story.id}`, { token: editor.token, body: { title: 'Bewerkt door de redactie' } })
    expect(response.status, show(response)).toBe(200)
    expect((await payload.findByID({ collection: 'stories', id: story.id })).title).toBe('Bewerkt door de redactie')
  })

  it('lets an editor decide on an activity its partner is editing, by id and by where', async () => {
    const mine = await makeActivity(payload, edition, own, { status: 'submitted' } as Partial<Activity>)
    await lockAs(partner, activityRef(mine))
    const byId = await api('PATCH', `activities/${mine.id}`, { token: editor.token, body: { status: 'in-review' } })
    expect(byId.status, show(byId)).toBe(200)
    expect((await payload.findByID({ collection: 'activities', id: mine.id, draft: true })).status).toBe('in-review')

    const another = await makeActivity(payload, edition, own)
    await lockAs(partner, activityRef(another))
    const deleted = await api('DELETE', `activities/${another.id}`, { token: admin.token })
    expect(deleted.status, show(deleted)).toBe(200)
  })

  it('lets an editor decide over GraphQL and the Local API on an activity its partner is editing', async () => {
    // GraphQL's update input requires these groups; the values are the activity's own.
    const sameRequiredGroups =
      'location: { mode: "online", onlineUrl: "https://meet.example.nl/bijeenkomst" }, contact: { name: "Sanne de Vries", email: "sanne@example.nl" }'
    const viaGraphql = await makeActivity(payload, edition, own, { status: 'submitted' } as Partial<Activity>)
    await lockAs(partner, activityRef(viaGraphql))
    const gql = await graphql(
      `mutation { updateActivity(id: ${viaGraphql.id}, data: { status: in_review, ${sameRequiredGroups} }) { status } }`,
      undefined,
      editor.token,
    )
    expect(gql.body.errors, show(gql)).toBeUndefined()
    expect((await payload.findByID({ collection: 'activities', id: viaGraphql.id, draft: true })).status).toBe('in-review')

    const viaLocal = await makeActivity(payload, edition, own, { status: 'submitted' } as Partial<Activity>)
    await lockAs(partner, activityRef(viaLocal))
    await payload.update({
      collection: 'activities',
      id: viaLocal.id,
      data: { status: 'in-review' },
      overrideAccess: false,
      user: { ...editor.user, collection: 'users' },
    })
    expect((await payload.findByID({ collection: 'activities', id: viaLocal.id, draft: true })).status).toBe('in-review')
  })

  it('lets an editor update stories by where although a partner locked one', async () => {
    const locked = await payload.create({
      collection: 'stories',
      data: { title: 'Bulk', perspective: 'expert-by-experience', storyteller: { displayName: 'Sem' }, series: 'slot-bulk', _status: 'published' },
    })
    await lockAs(partner, { relationTo: 'stories', value: locked.id })
    const response = await api('PATCH', 'stories?where[series][equals]=slot-bulk', { token: editor.token, body: { quote: 'Samen' } })
    expect(response.status, show(response)).toBe(200)
    expect(response.body.errors ?? [], show(response)).toEqual([])
    expect((await payload.findByID({ collection: 'stories', id: locked.id })).quote).toBe('Samen')
  })

  it('a partner’s lock on another organisation’s activity holds nobody up; an editor’s lock holds up the partner', async () => {
    const theirs = await makeActivity(payload, edition, other)
    await lockAs(partner, activityRef(theirs))
    const byOwner = await api('PATCH', `activities/${theirs.id}`, { token: otherPartner.token, body: { summary: 'Eigen wijziging' } })
    expect(byOwner.status, show(byOwner)).toBe(200)

    const mine = await makeActivity(payload, edition, own)
    await lockAs(editor, activityRef(mine))
    const byPartner = await api('PATCH', `activities/${mine.id}`, { token: partner.token, body: { summary: 'Tijdens redactie' } })
    expect(byPartner.status, show(byPartner)).toBe(423)
    expect((await payload.findByID({ collection: 'activities', id: mine.id, draft: true })).summary).not.toBe('Tijdens redactie')
  })
})
