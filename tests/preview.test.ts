import { decodeJwt } from 'jose'
import type { GeneratePreviewURL, Payload } from 'payload'
import { createLocalReq } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { settings } from '../src/env'
import { draftPreview } from '../src/plugins/preview'
import { signPreviewToken, verifyPreviewToken } from '../src/preview/token'
import type { Activity, Edition, Organiser, Story, User } from '../src/payload-types'
import { api, type ApiResponse, payload as getPayload } from './helpers/api'
import { makeActivity, makeOpenEdition, makeOrganiser, makeUser, nextFreeYear, unique } from './helpers/fixtures'

let payload: Payload
let edition: Edition
let organiser: Organiser
let editor: { user: User; token: string }
let partner: { user: User; token: string }

const secret = () => payload.config.secret

type Link = { token: string; url: string | null; expiresAt: string }

const ask = async (collection: string, id: number | string, token?: string) => api('POST', `preview/${collection}/${id}`, { token })
const link = async (collection: string, id: number | string): Promise<Link> => {
  const response = await ask(collection, id, editor.token)
  expect(response.status, JSON.stringify(response.body)).toBe(200)
  return response.body as Link
}
const exchange = (collection: string, id: number | string, token: string | undefined, query = '', headers?: Record<string, string>) =>
  api('GET', `preview/${collection}/${id}?${new URLSearchParams(token === undefined ? {} : { token })}${query}`, { headers })

/** A refusal: the status, a Dutch message, and nothing of any document. */
const expectRefused = (response: ApiResponse, status: number) => {
  expect(response.status, JSON.stringify(response.body)).toBe(status)
  expect(Object.keys(response.body)).toEqual(['errors'])
  expect(response.body.errors[0].message).toMatch(/[a-z]/)
}

const draftStory = (data: Partial<Story> = {}) =>
  payload.create({
    collection: 'stories',
    data: {
      title: `Wat mij hielp ${unique()}`,
      perspective: 'parent',
      storyteller: { displayName: 'Noor' },
      consent: { obtainedAt: '2026-01-10T00:00:00.000Z', method: 'written', withdrawn: false },
      _status: 'draft',
      ...data,
    } as Story,
    draft: data._status !== 'published',
  })

/** An approved activity with a partner's change waiting for review: the approved version stays public. */
async function activityWithPendingChange(): Promise<{ activity: Activity; approvedTitle: string; changedTitle: string }> {
  const approvedTitle = `Ouderavond ${unique()}`
  const changedTitle = `${approvedTitle} en spreekuur`
  const activity = await makeActivity(payload, edition, organiser, {
    title: approvedTitle,
    status: 'approved',
    contact: { name: 'Lotte Jansen', email: `lotte-${unique()}@school.test`, phone: '0201234567' },
    review: { feedback: 'Mooi initiatief.', internalNotes: 'Interne notitie' },
  })
  const change = await api('PATCH', `activities/${activity.id}`, { token: partner.token, body: { title: changedTitle } })
  expect(change.status, JSON.stringify(change.body)).toBe(200)
  return { activity, approvedTitle, changedTitle }
}

beforeAll(async () => {
  payload = await getPayload()
  edition = await makeOpenEdition(payload, { year: await nextFreeYear(payload) })
  organiser = await makeOrganiser(payload)
  editor = await makeUser(payload, 'editor')
  partner = await makeUser(payload, 'partner', organiser)
})

describe('an editor previews a draft as the campaign site will show it', () => {
  it('gets a token for an unpublished story that the site trades for the draft, without the consent', async () => {
    const story = await draftStory({ summary: 'Nog niet gepubliceerd.' })
    expect((await api('GET', `stories/${story.id}`)).status).toBe(404)

    const { token, url, expiresAt } = await link('stories', story.id)
    expect(url).toBe(`https://www.weektegenkindermishandeling.nl/voorbeeld?collection=stories&slug=${story.slug}&token=${token}`)
    // A site may read the document from the token (docs/api.md); it names nothing else, no account.
    const { collection, id, aud, iat, exp, ...rest } = decodeJwt(token)
    expect({ collection, id, aud }).toEqual({ collection: 'stories', id: String(story.id), aud: 'wtk-preview' })
    expect(exp! - iat!).toBe(3600)
    expect(rest).toEqual({})
    const lifetime = new Date(expiresAt).getTime() - Date.now()
    expect(lifetime).toBeGreaterThan(55 * 60 * 1000)
    expect(lifetime).toBeLessThanOrEqual(60 * 60 * 1000)

    const preview = await exchange('stories', story.id, token)
    expect(preview.status, JSON.stringify(preview.body)).toBe(200)
    expect(preview.body).toMatchObject({ id: story.id, title: story.title, summary: 'Nog niet gepubliceerd.', _status: 'draft' })
    expect(preview.body).not.toHaveProperty('consent')
    // The public API still has nothing.
    expect((await api('GET', `stories/${story.id}`)).status).toBe(404)
  })

  it('shows the newest draft of a published story while the public API shows the published version', async () => {
    const story = await draftStory({ title: `Gepubliceerd ${unique()}`, _status: 'published' })
    await payload.update({ collection: 'stories', id: story.id, data: { title: 'Nieuwe titel in concept' }, draft: true })
    expect((await api('GET', `stories/${story.id}`)).body.title).toBe(story.title)
    const preview = await exchange('stories', story.id, (await link('stories', story.id)).token)
    expect(preview.body).toMatchObject({ title: 'Nieuwe titel in concept', _status: 'draft' })
  })

  it('shows the pending change to an approved activity, without contact, review or submitter, while the public sees the approved version', async () => {
    const { activity, approvedTitle, changedTitle } = await activityWithPendingChange()
    const { token } = await link('activities', activity.id)
    const preview = await exchange('activities', activity.id, token)
    expect(preview.status, JSON.stringify(preview.body)).toBe(200)
    expect(preview.body).toMatchObject({ id: activity.id, title: changedTitle, status: 'submitted' })

    const published = await api('GET', `activities/${activity.id}`)
    expect(published.body).toMatchObject({ title: approvedTitle, status: 'approved' })
    // Exactly the fields of the public read, no more.
    expect(Object.keys(preview.body).sort()).toEqual(Object.keys(published.body).sort())
    for (const hidden of ['contact', 'review', 'submittedBy', 'publicSubmission']) expect(preview.body).not.toHaveProperty(hidden)
    expect(JSON.stringify(preview.body)).not.toMatch(/Lotte|school\.test|0201234567|Interne notitie|Mooi initiatief/)
    // Related documents as the public read fills them in.
    expect(preview.body.edition).toEqual(published.body.edition)
  })

  it('answers exactly what the public read answers of a published document, in each locale and depth', async () => {
    const story = await draftStory({ title: `Ongewijzigd ${unique()}`, summary: 'Alleen in het Nederlands.', _status: 'published' })
    const approved = await makeActivity(payload, edition, organiser, { status: 'approved' })
    for (const [collection, id] of [
      ['stories', story.id],
      ['activities', approved.id],
    ] as const) {
      const { token } = await link(collection, id)
      for (const query of ['', '&locale=en', '&depth=0', '&depth=1&locale=nl']) {
        const preview = await exchange(collection, id, token, query)
        expect(preview.status, JSON.stringify(preview.body)).toBe(200)
        expect(preview.body, `${collection} ${query}`).toEqual((await api('GET', `${collection}/${id}?${query.slice(1)}`)).body)
      }
    }
  })

  it('answers the public shape also to a caller with a login', async () => {
    const { activity } = await activityWithPendingChange()
    const { token } = await link('activities', activity.id)
    const preview = await exchange('activities', activity.id, token, '', { Authorization: `JWT ${editor.token}` })
    expect(preview.status).toBe(200)
    expect(preview.body).not.toHaveProperty('contact')
    expect(preview.body).not.toHaveProperty('review')
  })

  it('previews an edition, in the locale asked for', async () => {
    const changed = await payload.update({ collection: 'editions', id: edition.id, data: { theme: 'Praat erover' }, locale: 'nl' })
    const { token } = await link('editions', edition.id)
    const preview = await exchange('editions', edition.id, token, '&locale=nl&depth=0')
    expect(preview.status, JSON.stringify(preview.body)).toBe(200)
    expect(preview.body).toMatchObject({ id: edition.id, year: changed.year, theme: 'Praat erover' })
    expect(preview.body).toEqual((await api('GET', `editions/${edition.id}?locale=nl&depth=0`)).body)
    expectRefused(await exchange('editions', edition.id, token, '&locale=fr'), 400)
  })

  it('is private and never cached: every answer is computed anew', async () => {
    const story = await draftStory({ _status: 'published' })
    // The public read of the same story is kept by the response cache ...
    await api('GET', `stories/${story.id}`)
    expect((await api('GET', `stories/${story.id}`)).headers.get('x-cache')).toBe('HIT')
    // ... the preview is not even a candidate (no X-Cache at all: not one of the cached paths).
    await payload.update({ collection: 'stories', id: story.id, data: { summary: 'Concept' }, draft: true })
    const { token } = await link('stories', story.id)
    const first = await exchange('stories', story.id, token)
    const second = await exchange('stories', story.id, token)
    for (const answer of [first, second]) {
      expect(answer.status).toBe(200)
      expect(answer.headers.get('cache-control')).toBe('private, no-store')
      expect(answer.headers.get('x-cache')).toBeNull()
      expect(answer.headers.get('etag')).toBeNull()
    }
    // A change shows at once.
    await payload.update({ collection: 'stories', id: story.id, data: { summary: 'Bijgewerkt' }, draft: true })
    expect((await exchange('stories', story.id, token)).body.summary).toBe('Bijgewerkt')
  })

  it('does not preview a story whose storyteller withdrew consent', async () => {
    const story = await draftStory()
    const { token } = await link('stories', story.id)
    await payload.update({ collection: 'stories', id: story.id, data: { consent: { withdrawn: true } }, draft: true })
    expectRefused(await exchange('stories', story.id, token), 410)
    expectRefused(await ask('stories', story.id, editor.token), 410)
  })
})

describe('who gets a preview token', () => {
  it('only editors and administrators', async () => {
    const story = await draftStory()
    expectRefused(await ask('stories', story.id), 401)
    expectRefused(await ask('stories', story.id, partner.token), 403)
    const admin = await makeUser(payload, 'admin')
    expect((await ask('stories', story.id, admin.token)).status).toBe(200)
  })

  it('a partner neither for its own activity', async () => {
    const { activity } = await activityWithPendingChange()
    expectRefused(await ask('activities', activity.id, partner.token), 403)
  })

  it('only for a collection that has a preview, and a document that exists', async () => {
    expectRefused(await ask('organisers', organiser.id, editor.token), 404)
    expectRefused(await ask('users', editor.user.id, editor.token), 404)
    expectRefused(await ask('stories', 999_999_999, editor.token), 404)
    expectRefused(await ask('stories', 'abc', editor.token), 404)
  })
})

describe('the site gets nothing without a valid token for this document', () => {
  let story: Story
  let token: string

  beforeAll(async () => {
    story = await draftStory()
    ;({ token } = await link('stories', story.id))
  })

  it('refuses a request without a token', async () => {
    expectRefused(await exchange('stories', story.id, undefined), 401)
    expectRefused(await exchange('stories', story.id, ''), 401)
  })

  it('refuses an expired token', async () => {
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000)
    const expired = await signPreviewToken(secret(), { collection: 'stories', id: String(story.id) }, twoHoursAgo)
    expect(expired.expiresAt.getTime()).toBeLessThan(Date.now())
    expectRefused(await exchange('stories', story.id, expired.token), 401)
  })

  it('refuses a token that was altered or signed with another key', async () => {
    const [header, claims, signature] = token.split('.')
    const otherDocument = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(claims, 'base64url').toString()), id: '1' })).toString('base64url')
    expectRefused(await exchange('stories', 1, `${header}.${otherDocument}.${signature}`), 401)
    const flipped = signature.slice(0, -2) + (signature.at(-2) === 'A' ? 'B' : 'A') + signature.at(-1)
    expectRefused(await exchange('stories', story.id, `${header}.${claims}.${flipped}`), 401)
    const forged = await signPreviewToken('another secret', { collection: 'stories', id: String(story.id) })
    expectRefused(await exchange('stories', story.id, forged.token), 401)
    expectRefused(await exchange('stories', story.id, 'not-a-token'), 401)
  })

  it('refuses a token for another document or another collection', async () => {
    const other = await draftStory()
    expectRefused(await exchange('stories', other.id, token), 403)
    expectRefused(await exchange('activities', story.id, token), 403)
    expectRefused(await exchange('editions', story.id, token), 403)
  })

  it('refuses the editor’s own session token', async () => {
    expectRefused(await exchange('stories', story.id, editor.token), 401)
    expect(await verifyPreviewToken(secret(), editor.token)).toBeUndefined()
  })

  it('and a preview token is no login', async () => {
    const me = await api('GET', 'users/me', { token })
    expect(me.body.user).toBeNull()
    expect((await api('GET', `stories/${story.id}?draft=true`, { token })).status).not.toBe(200)
  })
})

describe('the admin’s preview button (admin.preview)', () => {
  const previewOf = (collection: 'stories' | 'editions' | 'activities') => payload.collections[collection].config.admin.preview as GeneratePreviewURL

  it('is on stories, editions and activities, with PREVIEW_URL set', () => {
    expect(settings().previewUrl).toBeDefined()
    for (const collection of ['stories', 'editions', 'activities'] as const) expect(typeof previewOf(collection)).toBe('function')
    expect(payload.collections.organisers.config.admin.preview).toBeUndefined()
  })

  it('is not there without PREVIEW_URL', async () => {
    const template = process.env.PREVIEW_URL
    try {
      delete process.env.PREVIEW_URL
      const config = await draftPreview()({ collections: [{ slug: 'stories', fields: [] }] } as never)
      expect(config.collections?.[0].admin?.preview).toBeUndefined()
    } finally {
      process.env.PREVIEW_URL = template
    }
    expect(settings().previewUrl).toBe(template)
  })

  it('opens the site with a fresh preview token for this document, never the editor’s session token', async () => {
    const story = await draftStory()
    const req = await createLocalReq({ user: { ...editor.user, collection: 'users' } }, payload)
    const url = await previewOf('stories')(story as never, { req, token: editor.token, locale: 'nl' })
    expect(url).toBeTypeOf('string')
    expect(url).not.toContain(editor.token)
    const token = new URL(url!).searchParams.get('token')!
    expect(await verifyPreviewToken(secret(), token)).toEqual({ collection: 'stories', id: String(story.id) })
    expect(new URL(url!).searchParams.get('slug')).toBe(story.slug)
    const preview = await exchange('stories', story.id, token)
    expect(preview.status).toBe(200)
    expect(preview.body.title).toBe(story.title)
  })

  it('gives partners no button', async () => {
    const { activity } = await activityWithPendingChange()
    const req = await createLocalReq({ user: { ...partner.user, collection: 'users' } }, payload)
    expect(await previewOf('activities')(activity as never, { req, token: partner.token, locale: 'nl' })).toBeNull()
  })
})
