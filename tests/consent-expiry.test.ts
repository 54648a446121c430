import type { Payload, PayloadRequest } from 'payload'
import { renderToStaticMarkup } from 'react-dom/server'
import { beforeAll, describe, expect, it } from 'vitest'

import { ConsentExpiry } from '../src/components/dashboard/ConsentExpiry'
import type { Story, StoryAudio, User } from '../src/payload-types'
import { api, graphql, payload as getTestPayload, type ApiResponse } from './helpers/api'
import { fileOf, wav } from './helpers/files'
import { makeOrganiser, makeUser, unique } from './helpers/fixtures'

/**
 * Safeguarding and privacy by design, for stories: content warnings that websites show before the
 * text, and a storyteller's consent that ends (`consent.validUntil`). Once it has passed, the
 * story is offline at once for every public read, without any write; websites hear
 * `story.unpublished` once; editors are told four weeks ahead.
 */

type Account = { user: User; token: string }

let payload: Payload
let editor: Account
let partner: Account
let admin: Account

const show = (response: ApiResponse) => JSON.stringify(response.body)
const day = 86_400_000
const inDays = (days: number) => new Date(Date.now() + days * day).toISOString()
const past = () => new Date(Date.now() - 60_000).toISOString()
/** Letters only, so the search's stemmer keeps it whole. */
const marker = () => `toestemming${unique().replace(/\d/g, (digit) => 'ghijklmnop'[Number(digit)])}`

/** A consent that ends a moment from now, and the wait until it has: an expiry without any write. */
const soon = () => new Date(Date.now() + 1500).toISOString()
const waitUntilPassed = async (instant: string) => {
  const wait = new Date(instant).getTime() - Date.now() + 50
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
}

async function publishedStory(data: Partial<Story> = {}): Promise<{ story: Story; audio: StoryAudio; word: string }> {
  const word = marker()
  const audio = await payload.create({
    collection: 'story-audio',
    data: { title: `Podcast ${unique()}`, transcript: 'Wat ik had willen weten.' },
    file: fileOf(wav(), `geldig-${unique()}.wav`, 'audio/wav'),
  })
  const { consent, ...rest } = data
  const story = await payload.create({
    collection: 'stories',
    data: {
      title: `Verhaal ${word}`,
      perspective: 'parent',
      storyteller: { displayName: 'Mila', role: 'pleegmoeder' },
      quote: 'Praat met elkaar.',
      audio: audio.id,
      consent: { method: 'written', obtainedAt: '2026-01-05T00:00:00.000Z', recordedBy: editor.user.id, withdrawn: false, ...consent },
      _status: 'published',
      ...rest,
    } as Story,
  })
  return { story, audio, word }
}

/** What anonymous readers and partners can reach of the story: REST, GraphQL, search, audio. */
async function publicViews(story: Story, audio: StoryAudio, word: string, token?: string) {
  const byId = await api('GET', `stories/${story.id}`, { token })
  const byIdDraft = await api('GET', `stories/${story.id}?draft=true`, { token })
  const list = await api('GET', `stories?where[id][equals]=${story.id}`, { token })
  const count = await api('GET', `stories/count?where[id][equals]=${story.id}`, { token })
  const gql = await graphql(
    `{ Story(id: ${story.id}) { id } Stories(where: { id: { equals: ${story.id} } }) { docs { id } totalDocs } countStories(where: { id: { equals: ${story.id} } }) { totalDocs } }`,
    undefined,
    token,
  )
  const search = await api('GET', `search?${new URLSearchParams({ q: word, types: 'stories' })}`, { token })
  const audioDoc = await api('GET', `story-audio/${audio.id}`, { token })
  const audioFile = await api('GET', `story-audio/file/${audio.filename}`, { token })
  return {
    byId: byId.status,
    byIdDraft: byIdDraft.status,
    list: list.body.docs?.length,
    count: count.body.totalDocs,
    gqlStory: gql.body.data?.Story?.id ?? null,
    gqlList: gql.body.data?.Stories?.totalDocs,
    gqlCount: gql.body.data?.countStories?.totalDocs,
    // Only this story's hit: when nothing matches, the search offers similar titles of other stories.
    search: search.body.docs?.map((hit: { id: number }) => hit.id).filter((id: number) => id === story.id),
    audioDoc: audioDoc.status,
    audioFile: audioFile.status,
  }
}

async function expectOnline({ story, audio, word }: { story: Story; audio: StoryAudio; word: string }) {
  for (const token of [undefined, partner.token]) {
    expect(await publicViews(story, audio, word, token), token ? 'partner' : 'anonymous').toEqual({
      byId: 200,
      byIdDraft: 200,
      list: 1,
      count: 1,
      gqlStory: story.id,
      gqlList: 1,
      gqlCount: 1,
      search: [story.id],
      audioDoc: 200,
      audioFile: 200,
    })
  }
}

async function expectOffline({ story, audio, word }: { story: Story; audio: StoryAudio; word: string }) {
  for (const token of [undefined, partner.token]) {
    expect(await publicViews(story, audio, word, token), token ? 'partner' : 'anonymous').toEqual({
      byId: 404,
      byIdDraft: 404,
      list: 0,
      count: 0,
      gqlStory: null,
      gqlList: 0,
      gqlCount: 0,
      search: [],
      audioDoc: 404,
      audioFile: expect.toSatisfy((status: number) => status === 403 || status === 404),
    })
  }
  // Editors still read it, with its consent.
  const asEditor = await api('GET', `stories/${story.id}`, { token: editor.token })
  expect(asEditor.status, show(asEditor)).toBe(200)
  expect(asEditor.body.consent.validUntil).toBeTruthy()
  const editorList = await graphql(`{ Stories(where: { id: { equals: ${story.id} } }) { totalDocs } }`, undefined, editor.token)
  expect(editorList.body.data.Stories.totalDocs).toBe(1)
}

beforeAll(async () => {
  payload = await getTestPayload()
  editor = await makeUser(payload, 'editor')
  admin = await makeUser(payload, 'admin')
  partner = await makeUser(payload, 'partner', await makeOrganiser(payload))
})

describe('content warnings', () => {
  it('are public over REST and GraphQL, and websites filter on them', async () => {
    const { story } = await publishedStory({ contentWarnings: ['self-harm', 'death-of-a-child'] })
    const { story: other } = await publishedStory({ contentWarnings: ['neglect'] })
    const { story: none } = await publishedStory()
    const ids = [story.id, other.id, none.id]

    const byId = await api('GET', `stories/${story.id}`)
    expect(byId.body.contentWarnings, show(byId)).toEqual(['self-harm', 'death-of-a-child'])
    const within = `where[id][in]=${ids.join(',')}`
    const selfHarm = await api('GET', `stories?${within}&where[contentWarnings][in]=self-harm,physical-violence`)
    expect(
      selfHarm.body.docs.map((doc: Story) => doc.id),
      show(selfHarm),
    ).toEqual([story.id])
    const neglect = await api('GET', `stories?${within}&where[contentWarnings][in]=neglect`)
    expect(
      neglect.body.docs.map((doc: Story) => doc.id),
      show(neglect),
    ).toEqual([other.id])

    const gql = await graphql(
      `{ Stories(where: { AND: [{ OR: [${ids.map((id) => `{ id: { equals: ${id} } }`).join(', ')}] }, { contentWarnings: { in: [self_harm] } }] }) { docs { id contentWarnings } } }`,
    )
    expect(gql.body.errors, show(gql)).toBeUndefined()
    expect(gql.body.data.Stories.docs).toEqual([{ id: story.id, contentWarnings: ['self_harm', 'death_of_a_child'] }])
  })

  it('refuses a value that is not one of the warnings, and shows the warnings in the editors’ list', async () => {
    const response = await api('POST', 'stories', {
      token: editor.token,
      body: { title: `Verhaal ${unique()}`, perspective: 'parent', storyteller: { displayName: 'Mila' }, contentWarnings: ['gruwelijk'] },
    })
    expect(response.status, show(response)).toBe(400)
    expect(payload.collections.stories.config.admin.defaultColumns).toContain('contentWarnings')
  })
})

describe('a consent that has ended', () => {
  it('takes the story offline for every public read, and editors still read it', async () => {
    const expired = await publishedStory({ consent: { validUntil: past() } })
    await expectOffline(expired)
  })

  it('leaves a story whose consent ends later, or never, online', async () => {
    await expectOnline(await publishedStory({ consent: { validUntil: inDays(3) } }))
    await expectOnline(await publishedStory({ consent: { validUntil: null } }))
  })

  it('takes the story offline the moment it passes, without any write, also for a list kept by the response cache', async () => {
    const validUntil = soon()
    const online = await publishedStory({ consent: { validUntil } })
    const list = `stories?where[id][equals]=${online.story.id}&depth=0`
    expect((await api('GET', list)).headers.get('x-cache')).toBe('MISS')
    const kept = await api('GET', list)
    expect(kept.headers.get('x-cache')).toBe('HIT')
    expect(kept.body.docs).toHaveLength(1)

    await waitUntilPassed(validUntil)
    const after = await api('GET', list)
    expect(after.headers.get('x-cache')).toBe('MISS')
    expect(after.body.docs).toEqual([])
    await expectOffline(online)
  })

  it('is not shown as a preview either, also not with a link made before it ended', async () => {
    const validUntil = soon()
    const { story } = await publishedStory({ consent: { validUntil } })
    const asked = await api('POST', `preview/stories/${story.id}`, { token: editor.token })
    expect(asked.status, show(asked)).toBe(200)
    const exchange = () => api('GET', `preview/stories/${story.id}?${new URLSearchParams({ token: asked.body.token })}`)
    expect((await exchange()).status).toBe(200)
    await waitUntilPassed(validUntil)
    const preview = await exchange()
    expect(preview.status, show(preview)).toBe(410)
    expect(preview.body.errors[0].message).toMatch(/verlopen/)
    const again = await api('POST', `preview/stories/${story.id}`, { token: editor.token })
    expect(again.status, show(again)).toBe(410)
  })
})

describe('an end of consent set or brought forward in a draft save takes effect at once', () => {
  const ending = () => ({ consent: { validUntil: past() } })

  it('when the admin saves a draft, or autosaves (REST)', async () => {
    const saved = await publishedStory({ consent: { validUntil: inDays(60) } })
    await expectOnline(saved)
    const response = await api('PATCH', `stories/${saved.story.id}?draft=true`, { token: editor.token, body: ending() })
    expect(response.status, show(response)).toBe(200)
    await expectOffline(saved)

    const autosaved = await publishedStory()
    const autosave = await api('PATCH', `stories/${autosaved.story.id}?draft=true&autosave=true`, { token: editor.token, body: ending() })
    expect(autosave.status, show(autosave)).toBe(200)
    await expectOffline(autosaved)
  })

  it('when a bulk update, GraphQL or the Local API saves the draft', async () => {
    const bulk = await publishedStory()
    const response = await api('PATCH', `stories?draft=true&where[id][equals]=${bulk.story.id}`, { token: editor.token, body: ending() })
    expect(response.body.docs, show(response)).toHaveLength(1)
    await expectOffline(bulk)

    const viaGraphQL = await publishedStory()
    const gql = await graphql(
      `mutation { updateStory(id: ${viaGraphQL.story.id}, draft: true, data: { storyteller: { displayName: "Mila" }, consent: { validUntil: "${past()}" } }) { id } }`,
      undefined,
      editor.token,
    )
    expect(gql.body.errors, show(gql)).toBeUndefined()
    await expectOffline(viaGraphQL)

    const local = await publishedStory()
    await payload.update({
      collection: 'stories',
      id: local.story.id,
      data: ending(),
      draft: true,
      overrideAccess: false,
      user: { ...editor.user, collection: 'users' },
    })
    await expectOffline(local)
  })

  it('while a later end date in a draft waits for the publication', async () => {
    const story = await publishedStory({ consent: { validUntil: inDays(10) } })
    const response = await api('PATCH', `stories/${story.story.id}?draft=true`, { token: editor.token, body: { consent: { validUntil: inDays(400) } } })
    expect(response.status, show(response)).toBe(200)
    const row = await payload.db.findOne<Story>({ collection: 'stories', where: { id: { equals: story.story.id } } })
    expect(new Date(row!.consent!.validUntil!).getTime()).toBeLessThan(Date.now() + 11 * day)
    await expectOnline(story)
  })

  it('and restoring a version from before the end does not bring the story back', async () => {
    const ended = await publishedStory()
    const [before] = (await payload.findVersions({ collection: 'stories', where: { parent: { equals: ended.story.id } }, depth: 0 })).docs
    expect(before!.version.consent?.validUntil ?? null).toBeNull()
    expect((await api('PATCH', `stories/${ended.story.id}?draft=true`, { token: editor.token, body: ending() })).status).toBe(200)

    const rest = await api('POST', `stories/versions/${before!.id}`, { token: editor.token })
    expect(rest.status, show(rest)).toBe(200)
    await expectOffline(ended)
    const gql = await graphql(`mutation { restoreVersionStory(id: ${before!.id}) { id } }`, undefined, editor.token)
    expect(gql.body.errors, show(gql)).toBeUndefined()
    await expectOffline(ended)
  })
})

describe('the consent’s end date is for editors only', () => {
  it('anonymous readers and partners cannot read, filter, sort or select on it', async () => {
    const { story } = await publishedStory({ consent: { validUntil: inDays(5) } })
    for (const token of [undefined, partner.token]) {
      const read = await api('GET', `stories/${story.id}?select[consent][validUntil]=true`, { token })
      expect(JSON.stringify(read.body)).not.toMatch(/validUntil|consent/)
      for (const query of ['[exists]=true', `[less_than]=${encodeURIComponent(inDays(6))}`]) {
        const filtered = await api('GET', `stories?where[consent.validUntil]${query}`, { token })
        expect(filtered.status, show(filtered)).toBeGreaterThanOrEqual(400)
        expect(filtered.status).toBeLessThan(500)
      }
      const sorted = await api('GET', `stories?sort=consent.validUntil`, { token })
      if (sorted.status === 200) expect(JSON.stringify(sorted.body)).not.toMatch(/validUntil/)
      const gql = await graphql(`{ Stories(where: { consent__validUntil: { exists: true } }) { totalDocs } }`, undefined, token)
      expect(gql.body.data?.Stories ?? null, show(gql)).toBeNull()
    }
    // Editors can: the field exists and is found.
    const asEditor = await api('GET', `stories?where[consent.validUntil][less_than]=${encodeURIComponent(inDays(6))}&where[id][equals]=${story.id}`, {
      token: editor.token,
    })
    expect(asEditor.status, show(asEditor)).toBe(200)
    expect(asEditor.body.docs.map((doc: Story) => doc.id)).toEqual([story.id])
    // What websites were told stays inside the CMS, even for editors.
    expect(JSON.stringify(asEditor.body)).not.toMatch(/expiryAnnounced/)
    const probe = await api('GET', `stories?where[consent.expiryAnnounced][exists]=false`, { token: editor.token })
    expect(probe.status, show(probe)).toBeGreaterThanOrEqual(400)
    expect(probe.status).toBeLessThan(500)
    const gql = await graphql(`{ Story(id: ${story.id}) { consent { validUntil expiryAnnounced } } }`, undefined, editor.token)
    expect(gql.body.data.Story.consent, show(gql)).toEqual({ validUntil: expect.any(String), expiryAnnounced: null })
  })
})

describe('websites hear story.unpublished when the consent ends', () => {
  let webhook: number
  const unpublishedOf = async (id: number) =>
    (
      await payload.find({
        collection: 'webhook-deliveries',
        where: { and: [{ webhook: { equals: webhook } }, { event: { equals: 'story.unpublished' } }] },
        pagination: false,
        depth: 0,
      })
    ).docs.filter((delivery) => (JSON.parse(delivery.body) as { data: { id: number } }).data.id === id)
  const runTask = async () => {
    await payload.jobs.queue({ task: 'announceConsentExpiry', input: {} })
    await payload.jobs.run({ queue: 'default', limit: 100 })
  }

  beforeAll(async () => {
    process.env.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = 'true'
    const created = await api('POST', 'webhooks', {
      token: admin.token,
      body: { url: 'http://127.0.0.1:9/ontvanger', events: ['story.published', 'story.unpublished'], description: 'Website' },
    })
    expect(created.status, show(created)).toBe(201)
    webhook = created.body.doc.id
    // Deliveries are only queued here; nothing is sent.
    await payload.update({ collection: 'webhooks', id: webhook, data: { active: true } })
  })

  it('from the scheduled task, once', async () => {
    const task = payload.config.jobs.tasks?.find((candidate) => candidate.slug === 'announceConsentExpiry')
    expect(task?.schedule?.length).toBeGreaterThan(0)
    const validUntil = soon()
    const { story } = await publishedStory({ consent: { validUntil } })
    await runTask()
    expect(await unpublishedOf(story.id)).toHaveLength(0)

    await waitUntilPassed(validUntil)
    await runTask()
    const [delivery, ...more] = await unpublishedOf(story.id)
    expect(more).toHaveLength(0)
    expect(JSON.parse(delivery!.body)).toMatchObject({ type: 'story.unpublished', data: { collection: 'stories', id: story.id, slug: story.slug } })
    await runTask()
    await api('PATCH', `stories/${story.id}`, { token: editor.token, body: { quote: 'Een ander citaat' } })
    await runTask()
    expect(await unpublishedOf(story.id)).toHaveLength(1)
  })

  it('from the next write when that comes before the task, also a withdrawal or a delete, once', async () => {
    for (const write of [
      (id: number) => api('PATCH', `stories/${id}?draft=true`, { token: editor.token, body: { consent: { withdrawn: true } } }),
      (id: number) => api('DELETE', `stories/${id}`, { token: editor.token }),
    ]) {
      const validUntil = soon()
      const { story } = await publishedStory({ consent: { validUntil } })
      await waitUntilPassed(validUntil)
      expect((await write(story.id)).status).toBe(200)
      await runTask()
      expect(await unpublishedOf(story.id)).toHaveLength(1)
    }
  })

  it('from a draft save that ends the consent now, and not again from the task', async () => {
    const { story } = await publishedStory({ consent: { validUntil: inDays(30) } })
    expect((await api('PATCH', `stories/${story.id}?draft=true`, { token: editor.token, body: { consent: { validUntil: past() } } })).status).toBe(200)
    expect(await unpublishedOf(story.id)).toHaveLength(1)
    await runTask()
    expect(await unpublishedOf(story.id)).toHaveLength(1)
  })

  it('again when a renewed consent ends again, but not for a story that was never public', async () => {
    const first = soon()
    const { story } = await publishedStory({ consent: { validUntil: first } })
    await waitUntilPassed(first)
    await runTask()
    const second = soon()
    expect((await api('PATCH', `stories/${story.id}`, { token: editor.token, body: { consent: { validUntil: second } } })).status).toBe(200)
    await waitUntilPassed(second)
    await runTask()
    expect(await unpublishedOf(story.id)).toHaveLength(2)

    const { story: never } = await publishedStory({ consent: { validUntil: past() } })
    await runTask()
    expect(await unpublishedOf(never.id)).toHaveLength(0)
  })
})

describe('the editors’ dashboard', () => {
  const render = async (user: User) => {
    const element = await ConsentExpiry({ req: { payload } as PayloadRequest, user })
    return element ? renderToStaticMarkup(element) : ''
  }

  it('lists stories whose consent ends within 28 days and those whose consent ended, with dates and links; partners never see it', async () => {
    const { story: ending } = await publishedStory({ consent: { validUntil: inDays(20) } })
    const { story: later } = await publishedStory({ consent: { validUntil: inDays(40) } })
    const { story: ended } = await publishedStory({ consent: { validUntil: past() } })
    const html = await render(editor.user)
    expect(html).toContain(ending.title)
    expect(html).toContain(`/admin/collections/stories/${ending.id}`)
    expect(html).toContain('nog 20 dagen')
    expect(html).toContain(ended.title)
    expect(html).toContain(`/admin/collections/stories/${ended.id}`)
    expect(html).not.toContain(later.title)
    expect(await ConsentExpiry({ req: { payload } as PayloadRequest, user: partner.user })).toBeNull()
    const layout = payload.config.admin.dashboard?.defaultLayout
    const forEditor = typeof layout === 'function' ? await layout({ req: { payload, user: { ...editor.user, collection: 'users' } } as PayloadRequest }) : layout
    expect(forEditor?.map((widget) => widget.widgetSlug)).toContain('consent-expiry')
    const forPartner =
      typeof layout === 'function' ? await layout({ req: { payload, user: { ...partner.user, collection: 'users' } } as PayloadRequest }) : layout
    expect(forPartner?.map((widget) => widget.widgetSlug)).not.toContain('consent-expiry')
  })
})
