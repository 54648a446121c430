import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Story, StoryAudio, User } from '../src/payload-types'
import { api, fieldErrors, graphql, payload as getTestPayload, type ApiResponse } from './helpers/api'
import { makeUser, unique } from './helpers/fixtures'
import { fileOf, wav } from './helpers/files'

/**
 * The stories also run as a podcast: a story with audio is published only when the audio has a
 * transcript in Dutch, and the transcript of audio that a public story uses cannot be removed.
 */

let payload: Payload
let editor: { user: User; token: string }

const show = (response: ApiResponse) => JSON.stringify(response.body)
const asEditor = () => ({ ...editor.user, collection: 'users' as const })

beforeAll(async () => {
  payload = await getTestPayload()
  editor = await makeUser(payload, 'editor')
})

async function audio(transcript?: { nl?: string; en?: string }): Promise<StoryAudio> {
  const doc = await payload.create({
    collection: 'story-audio',
    data: { title: `Aflevering ${unique()}`, transcript: transcript?.nl },
    file: fileOf(wav(), `aflevering-${unique()}.wav`, 'audio/wav'),
  })
  if (transcript?.en) await payload.update({ collection: 'story-audio', id: doc.id, locale: 'en', data: { title: 'Episode', transcript: transcript.en } })
  return doc
}

const story = (audioId: number, status: 'draft' | 'published' = 'draft', data: Partial<Story> = {}): Promise<Story> =>
  payload.create({
    collection: 'stories',
    data: { title: `Podcastverhaal ${unique()}`, perspective: 'parent', storyteller: { displayName: 'Noor' }, audio: audioId, _status: status, ...data },
    draft: status === 'draft',
  })

const statusOf = async (id: number) => (await payload.findByID({ collection: 'stories', id, depth: 0 }))._status

const transcriptOf = async (id: number, locale: 'nl' | 'en' = 'nl') =>
  (await payload.findByID({ collection: 'story-audio', id, locale, fallbackLocale: false, depth: 0 })).transcript

describe('a story with audio', () => {
  it.each([
    ['no transcript', undefined],
    ['a transcript of spaces only', { nl: '   ' }],
    ['a transcript in English only', { en: 'What I wish I had known.' }],
  ])('is not published while the audio has %s', async (_what, transcript) => {
    const draft = await story((await audio(transcript)).id)
    const response = await api('PATCH', `stories/${draft.id}`, { token: editor.token, body: { _status: 'published' } })
    expect(response.status, show(response)).toBe(400)
    expect(fieldErrors(response).audio).toContain('transcript')
    expect(await statusOf(draft.id)).toBe('draft')
  })

  it('is refused on every publishing operation: create, bulk, GraphQL, Local API, a scheduled publication', async () => {
    const bare = await audio()
    const created = await api('POST', 'stories', {
      token: editor.token,
      body: { title: `Nieuw ${unique()}`, perspective: 'parent', storyteller: { displayName: 'Noor' }, audio: bare.id, _status: 'published' },
    })
    expect(created.status, show(created)).toBe(400)
    expect(fieldErrors(created).audio).toBeTruthy()

    const draft = await story(bare.id)
    const bulk = await api('PATCH', `stories?where[id][equals]=${draft.id}`, { token: editor.token, body: { _status: 'published' } })
    expect(bulk.status, show(bulk)).toBe(400)
    const gql = await graphql(
      `mutation { updateStory(id: ${draft.id}, data: { _status: published, storyteller: { displayName: "Noor" } }) { id } }`,
      undefined,
      editor.token,
    )
    expect(gql.body.errors?.[0]?.extensions?.statusCode, show(gql)).toBe(400)
    await expect(
      payload.update({ collection: 'stories', id: draft.id, data: { _status: 'published' }, overrideAccess: false, user: asEditor() }),
    ).rejects.toMatchObject({
      status: 400,
    })
    const job = await payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'stories', value: String(draft.id) } },
      waitUntil: new Date(Date.now() - 1000),
    } as never)
    await payload.jobs.runByID({ id: job.id })
    expect((await payload.findByID({ collection: 'payload-jobs', id: job.id, depth: 0 })).hasError).toBe(true)
    expect(await statusOf(draft.id)).toBe('draft')
  })

  it('is published once the audio has a Dutch transcript; draft saves never needed one', async () => {
    const bare = await audio()
    const draft = await story(bare.id)
    const saved = await api('PATCH', `stories/${draft.id}?draft=true`, { token: editor.token, body: { summary: 'Nog niet af.' } })
    expect(saved.status, show(saved)).toBe(200)
    expect((await api('PATCH', `stories/${draft.id}`, { token: editor.token, body: { _status: 'published' } })).status).toBe(400)
    await payload.update({ collection: 'story-audio', id: bare.id, data: { transcript: 'Wat ik had willen weten.' } })
    const published = await api('PATCH', `stories/${draft.id}`, { token: editor.token, body: { _status: 'published' } })
    expect(published.status, show(published)).toBe(200)
  })

  it('does not hold up a withdrawal of consent', async () => {
    const bare = await audio()
    const draft = await story(bare.id)
    expect((await api('PATCH', `stories/${draft.id}`, { token: editor.token, body: { _status: 'published' } })).status).toBe(400)
    const withdrawn = await api('PATCH', `stories/${draft.id}`, { token: editor.token, body: { _status: 'published', consent: { withdrawn: true } } })
    expect(withdrawn.status, show(withdrawn)).toBe(200)
    expect((await payload.findByID({ collection: 'stories', id: draft.id, depth: 0 })).consent?.withdrawn).toBe(true)
  })
})

describe('the transcript of audio that a published story uses', () => {
  async function inUse() {
    const doc = await audio({ nl: 'Wat ik had willen weten.', en: 'What I wish I had known.' })
    await story(doc.id, 'published')
    return doc
  }

  it.each(['', '  ', null])('cannot be removed by an update by id (%j)', async (transcript) => {
    const doc = await inUse()
    const response = await api('PATCH', `story-audio/${doc.id}`, { token: editor.token, body: { transcript } })
    expect(response.status, show(response)).toBe(400)
    expect(fieldErrors(response).transcript).toBeTruthy()
    expect(await transcriptOf(doc.id)).toBe('Wat ik had willen weten.')
  })

  it('cannot be removed by an update by where, GraphQL or the Local API', async () => {
    const doc = await inUse()
    const other = await audio({ nl: 'Een andere aflevering.' })
    const bulk = await api('PATCH', `story-audio?where[id][in]=${doc.id},${other.id}`, { token: editor.token, body: { transcript: '' } })
    expect(bulk.status, show(bulk)).toBe(400)
    expect(await transcriptOf(doc.id)).toBe('Wat ik had willen weten.')
    const gql = await graphql(`mutation { updateStoryAudio(id: ${doc.id}, data: { transcript: "" }) { id } }`, undefined, editor.token)
    expect(gql.body.errors?.[0]?.extensions?.statusCode, show(gql)).toBe(400)
    await expect(
      payload.update({ collection: 'story-audio', id: doc.id, data: { transcript: null }, overrideAccess: false, user: asEditor() }),
    ).rejects.toMatchObject({
      status: 400,
    })
    await expect(
      payload.update({ collection: 'story-audio', id: doc.id, locale: 'all' as 'nl', data: { transcript: { nl: '', en: 'x' } } as never }),
    ).rejects.toMatchObject({ status: 400, data: { errors: [{ path: 'transcript' }] } })
    expect(await transcriptOf(doc.id)).toBe('Wat ik had willen weten.')
  })

  it('may still be changed, and removed in English, or when no public story uses the audio', async () => {
    const doc = await inUse()
    expect((await api('PATCH', `story-audio/${doc.id}`, { token: editor.token, body: { transcript: '' } })).status).toBe(400)
    expect((await api('PATCH', `story-audio/${doc.id}`, { token: editor.token, body: { transcript: 'Een betere tekst.' } })).status).toBe(200)
    const english = await api('PATCH', `story-audio/${doc.id}?locale=en`, { token: editor.token, body: { transcript: '' } })
    expect(english.status, show(english)).toBe(200)
    const unused = await audio({ nl: 'Nog niet gebruikt.' })
    await story(unused.id, 'draft')
    expect((await api('PATCH', `story-audio/${unused.id}`, { token: editor.token, body: { transcript: '' } })).status).toBe(200)
  })
})

describe('the transcript, public with the story, passes the personal-data check', () => {
  it('publishing a story is refused while its audio’s transcript identifies someone, in any locale', async () => {
    const doc = await audio({ nl: 'Bel me gerust op 06-12345678.', en: 'Write to sanne@voorbeeld.nl.' })
    const draft = await story(doc.id)
    const response = await api('PATCH', `stories/${draft.id}`, { token: editor.token, body: { _status: 'published' } })
    expect(response.status, show(response)).toBe(400)
    const errors: { path: string; message: string }[] = response.body.errors[0].data.errors
    expect(errors.filter((error) => error.path === 'audio.transcript').map((error) => error.message)).toEqual([
      'telefoonnummer "0…8" in audio.transcript (nl)',
      'e-mailadres "s…@…l" in audio.transcript (en)',
    ])
    expect(show(response)).not.toContain('12345678')
    expect(await statusOf(draft.id)).toBe('draft')
  })

  it('a change to the transcript of audio that a public story uses is checked with that story’s names and acknowledgements', async () => {
    const doc = await audio({ nl: 'Wat ik had willen weten.' })
    const published = await story(doc.id, 'published', { privacyCheck: { namesToAvoid: ['Sanne'] } })
    for (const transcript of ['Bel me gerust op 06-12345678.', 'Sanne vertelde het aan haar juf.']) {
      const response = await api('PATCH', `story-audio/${doc.id}`, { token: editor.token, body: { transcript } })
      expect(response.status, show(response)).toBe(400)
      expect(fieldErrors(response).transcript).toBeTruthy()
      expect(await transcriptOf(doc.id)).toBe('Wat ik had willen weten.')
    }
    const english = await api('PATCH', `story-audio/${doc.id}?locale=en`, { token: editor.token, body: { transcript: 'Mail sanne@voorbeeld.nl.' } })
    expect(english.status, show(english)).toBe(400)
    expect((await api('PATCH', `story-audio/${doc.id}`, { token: editor.token, body: { transcript: 'Wat ik nu weet.' } })).status).toBe(200)
    // Once the story is offline the transcript is not public: any text may be saved.
    await payload.update({ collection: 'stories', id: published.id, data: { _status: 'draft' } })
    expect((await api('PATCH', `story-audio/${doc.id}`, { token: editor.token, body: { transcript: 'Bel 06-12345678.' } })).status).toBe(200)
  })
})
