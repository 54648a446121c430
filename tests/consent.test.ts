import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Story, StoryAudio, User } from '../src/payload-types'
import { api, graphql, payload as getTestPayload, type ApiResponse } from './helpers/api'
import { makeOrganiser, makeUser, unique } from './helpers/fixtures'
import { fileOf, wav } from './helpers/files'

/**
 * Issue 11, finding 5: a withdrawal of consent takes the story and its audio offline at once,
 * whatever kind of save makes it (draft, autosave, publish, bulk, GraphQL, Local API), and
 * restoring an older version does not bring it back.
 */

type Account = { user: User; token: string }

let payload: Payload
let editor: Account
let partner: Account

const show = (response: ApiResponse) => JSON.stringify(response.body)
const asEditor = () => ({ ...editor.user, collection: 'users' as const })

async function publishedStory(): Promise<{ story: Story; audio: StoryAudio }> {
  const audio = await payload.create({
    collection: 'story-audio',
    data: { title: `Podcast ${unique()}`, transcript: 'Uitgeschreven tekst.' },
    file: fileOf(wav(), `toestemming-${unique()}.wav`, 'audio/wav'),
  })
  const story = await payload.create({
    collection: 'stories',
    data: {
      title: `Verhaal met toestemming ${unique()}`,
      perspective: 'parent',
      storyteller: { displayName: 'Mila', role: 'pleegmoeder' },
      quote: 'Praat met elkaar.',
      audio: audio.id,
      consent: { method: 'written', obtainedAt: '2026-01-05T00:00:00.000Z', recordedBy: editor.user.id, withdrawn: false },
      _status: 'published',
    },
  })
  return { story, audio }
}

/** What anonymous readers and partners can reach of the story and its audio. */
async function publicViews(story: Story, audio: StoryAudio, token?: string) {
  const byId = await api('GET', `stories/${story.id}`, { token })
  const byIdDraft = await api('GET', `stories/${story.id}?draft=true`, { token })
  const list = await api('GET', `stories?where[id][equals]=${story.id}`, { token })
  const listDraft = await api('GET', `stories?draft=true&where[id][equals]=${story.id}`, { token })
  const gql = await graphql(
    `{ Story(id: ${story.id}) { id } drafted: Story(id: ${story.id}, draft: true) { id } Stories(where: { id: { equals: ${story.id} } }) { docs { id } } }`,
    undefined,
    token,
  )
  const audioDoc = await api('GET', `story-audio/${audio.id}`, { token })
  const audioFile = await api('GET', `story-audio/file/${audio.filename}`, { token })
  return {
    byId: byId.status,
    byIdDraft: byIdDraft.status,
    list: list.body.docs?.length,
    listDraft: listDraft.body.docs?.length,
    gqlStory: gql.body.data?.Story?.id ?? null,
    gqlDraft: gql.body.data?.drafted?.id ?? null,
    gqlList: gql.body.data?.Stories?.docs?.length,
    audioDoc: audioDoc.status,
    audioFile: audioFile.status,
  }
}

const online = { byId: 200, byIdDraft: 200, list: 1, listDraft: 1, gqlList: 1, audioDoc: 200, audioFile: 200 }

async function expectOnline(story: Story, audio: StoryAudio) {
  for (const token of [undefined, partner.token]) {
    const views = await publicViews(story, audio, token)
    expect(views).toMatchObject(online)
    expect(views.gqlStory).toBe(story.id)
  }
}

async function expectOffline(story: Story, audio: StoryAudio) {
  for (const token of [undefined, partner.token]) {
    const views = await publicViews(story, audio, token)
    expect(views, token ? 'partner' : 'anonymous').toEqual({
      byId: 404,
      byIdDraft: 404,
      list: 0,
      listDraft: 0,
      gqlStory: null,
      gqlDraft: null,
      gqlList: 0,
      audioDoc: 404,
      audioFile: expect.toSatisfy((status: number) => status === 403 || status === 404),
    })
  }
  // The story itself is intact: only its consent changed.
  const row = await payload.findByID({ collection: 'stories', id: story.id, depth: 0 })
  expect(row.consent).toMatchObject({ withdrawn: true, method: 'written', recordedBy: editor.user.id })
  expect(row.title).toBe(story.title)
  expect(row.storyteller.role).toBe('pleegmoeder')
  expect(row.audio).toBe(audio.id)
  expect(row._status).toBe('published')
}

beforeAll(async () => {
  payload = await getTestPayload()
  editor = await makeUser(payload, 'editor')
  partner = await makeUser(payload, 'partner', await makeOrganiser(payload))
})

const withdrawal = { consent: { withdrawn: true } }

describe('a withdrawal of consent takes the story and its audio offline at once', () => {
  it('when the admin saves it as a draft (REST, ?draft=true)', async () => {
    const { story, audio } = await publishedStory()
    await expectOnline(story, audio) // also fills any cache
    const response = await api('PATCH', `stories/${story.id}?draft=true`, { token: editor.token, body: withdrawal })
    expect(response.status, show(response)).toBe(200)
    await expectOffline(story, audio)
  })

  it('when an autosave makes it', async () => {
    const { story, audio } = await publishedStory()
    const response = await api('PATCH', `stories/${story.id}?draft=true&autosave=true`, { token: editor.token, body: withdrawal })
    expect(response.status, show(response)).toBe(200)
    await expectOffline(story, audio)
  })

  it('when a bulk update by where makes it, as a draft', async () => {
    const { story, audio } = await publishedStory()
    const response = await api('PATCH', `stories?draft=true&where[id][equals]=${story.id}`, { token: editor.token, body: withdrawal })
    expect(response.status, show(response)).toBe(200)
    expect(response.body.docs).toHaveLength(1)
    await expectOffline(story, audio)
  })

  it('when GraphQL makes it, as a draft', async () => {
    const { story, audio } = await publishedStory()
    const response = await graphql(
      `mutation { updateStory(id: ${story.id}, draft: true, data: { storyteller: { displayName: "Mila" }, consent: { withdrawn: true } }) { id } }`,
      undefined,
      editor.token,
    )
    expect(response.body.errors, show(response)).toBeUndefined()
    await expectOffline(story, audio)
  })

  it('when the Local API makes it, as a draft, with the editor’s access', async () => {
    const { story, audio } = await publishedStory()
    await payload.update({ collection: 'stories', id: story.id, data: withdrawal, draft: true, overrideAccess: false, user: asEditor() })
    await expectOffline(story, audio)
  })

  it('when it is published', async () => {
    const { story, audio } = await publishedStory()
    const response = await api('PATCH', `stories/${story.id}`, { token: editor.token, body: withdrawal })
    expect(response.status, show(response)).toBe(200)
    await expectOffline(story, audio)
  })
})

describe('a withdrawal is final', () => {
  const versionsOf = async (id: number) =>
    (await payload.findVersions({ collection: 'stories', where: { parent: { equals: id } }, sort: 'createdAt', depth: 0 })).docs

  it('restoring a version from before the withdrawal keeps the story offline (REST and GraphQL)', async () => {
    const { story, audio } = await publishedStory()
    const [before] = await versionsOf(story.id)
    expect(before!.version.consent?.withdrawn).toBe(false)
    expect((await api('PATCH', `stories/${story.id}?draft=true`, { token: editor.token, body: withdrawal })).status).toBe(200)

    const rest = await api('POST', `stories/versions/${before!.id}`, { token: editor.token })
    expect(rest.status, show(rest)).toBe(200)
    await expectOffline(story, audio)

    const gql = await graphql(`mutation { restoreVersionStory(id: ${before!.id}) { id } }`, undefined, editor.token)
    expect(gql.body.errors, show(gql)).toBeUndefined()
    await expectOffline(story, audio)

    const latest = (await versionsOf(story.id)).at(-1)!
    expect(latest.version.consent?.withdrawn).toBe(true)
  })

  it('refuses undoing a withdrawal, over REST, GraphQL and the Local API', async () => {
    const { story, audio } = await publishedStory()
    expect((await api('PATCH', `stories/${story.id}`, { token: editor.token, body: withdrawal })).status).toBe(200)

    const undo = { consent: { withdrawn: false } }
    const rest = await api('PATCH', `stories/${story.id}`, { token: editor.token, body: undo })
    expect(rest.status, show(rest)).toBe(400)
    expect(show(rest)).toMatch(/ingetrokken/)
    const bulk = await api('PATCH', `stories?where[id][equals]=${story.id}`, { token: editor.token, body: undo })
    expect(bulk.body.docs ?? [], show(bulk)).toEqual([])
    const gql = await graphql(
      `mutation { updateStory(id: ${story.id}, data: { storyteller: { displayName: "Mila" }, consent: { withdrawn: false } }) { id } }`,
      undefined,
      editor.token,
    )
    expect(gql.body.errors?.[0]?.message, show(gql)).toMatch(/ingetrokken/)
    await expect(payload.update({ collection: 'stories', id: story.id, data: undo, overrideAccess: false, user: asEditor() })).rejects.toThrow(/ingetrokken/)
    await expectOffline(story, audio)
  })

  it('keeps the consent withdrawn when an editor saves other changes afterwards', async () => {
    const { story, audio } = await publishedStory()
    expect((await api('PATCH', `stories/${story.id}?draft=true`, { token: editor.token, body: withdrawal })).status).toBe(200)
    const response = await api('PATCH', `stories/${story.id}`, { token: editor.token, body: { quote: 'Een nieuw citaat', _status: 'published' } })
    expect(response.status, show(response)).toBe(200)
    await expectOffline(story, audio)
  })
})
