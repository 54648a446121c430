import fs from 'node:fs'
import path from 'node:path'

import { S3Client } from '@aws-sdk/client-s3'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { waitFor } from '../src/bench/server'
import { uploadFolders } from '../src/db/paths'
import { readSettings, settings } from '../src/env'
import { s3ClientConfig } from '../src/plugins/storage'
import type { User } from '../src/payload-types'
import type * as Api from './helpers/api'
import { fileOf, pdf, photo, png, uploadForm, wav } from './helpers/files'
import { makeUser, unique } from './helpers/fixtures'
import { ensureProductionBuild, startProductionServer, type ProductionServer } from './helpers/production'
import { bucketReader, startS3Server, type S3Server } from './helpers/s3'

// With S3_BUCKET set, the upload collections keep their files in a bucket of a real
// S3-compatible server (s3rver) instead of MEDIA_DIR, and every rule of the disk path holds:
// what a file is, its name, who may read it, the headers it is served with.

const bucket = 'wtk-uploads'
const mediaRoot = path.resolve(process.env.MEDIA_DIR!)
const website = 'https://www.weektegenkindermishandeling.nl'
const sandbox = "default-src 'none'; frame-ancestors 'none'; sandbox"

let s3: S3Server
let objects: ReturnType<typeof bucketReader>
let api: typeof Api.api
let send: typeof Api.send
let payload: Payload
let editor: { user: User; token: string }

beforeAll(async () => {
  s3 = await startS3Server()
  // The settings the CMS reads (src/env.ts), set before the config is loaded below.
  Object.assign(process.env, {
    S3_BUCKET: bucket,
    S3_ENDPOINT: s3.endpoint,
    S3_REGION: 'eu-west-1',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
  })
  objects = bucketReader(new S3Client(s3ClientConfig(settings().s3!)), bucket)
  await objects.create()
  const helpers = await import('./helpers/api')
  ;({ api, send } = helpers)
  payload = await helpers.payload()
  editor = await makeUser(payload, 'editor')
})

afterAll(async () => {
  await s3?.dispose()
})

const fieldsFor: Record<string, Record<string, unknown>> = {
  media: { alt: 'Testbeeld' },
  'campaign-assets': { title: 'Testmateriaal', kind: 'other', alt: 'Testbeeld' },
  'story-audio': { title: 'Testaudio' },
}

const folderOf: Record<string, string> = uploadFolders

const upload = (collection: string, file: Buffer, name: string, type: string, data = fieldsFor[collection]) =>
  api('POST', collection, { form: uploadForm(file, name, type, data), token: editor.token })

const count = async (collection: string) => (await payload.count({ collection: collection as 'media' })).totalDocs

/** The file route's raw answer (the bytes, not parsed). */
async function fetchFile(url: string, headers: Record<string, string> = {}) {
  const response = await send(new Request(new URL(url, 'http://localhost:3000'), { headers }))
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) }
}

/** What the disk path sends with every file (src/delivery/fileHeaders.ts, tests/hostile-uploads.test.ts). */
function expectFileHeaders(headers: Headers, download: boolean) {
  expect(headers.get('content-security-policy')).toBe(sandbox)
  expect(headers.get('x-content-type-options')).toBe('nosniff')
  expect(headers.get('content-disposition')).toBe(download ? 'attachment' : null)
}

describe('with S3_BUCKET set, uploads live in the bucket', () => {
  it.each([
    ['media', () => photo(800, 600), 'image/jpeg', 'jpg'],
    ['campaign-assets', async () => pdf(8192), 'application/pdf', 'pdf'],
    ['story-audio', async () => wav(), 'audio/wav', 'wav'],
  ])('stores a %s file as an object, not on disk, and serves it through the API', async (collection, make, type, extension) => {
    const file = await make()
    const name = `bestand-${unique()}.${extension}`
    const response = await upload(collection, file, name, type)
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    const { filename, url } = response.body.doc
    expect(filename).toBe(name)
    expect(url).toBe(`/api/${collection}/file/${name}`)

    const key = `${folderOf[collection]}/${filename}`
    expect(await objects.keys(key)).toEqual([key])
    expect((await objects.bytes(key)).equals(file)).toBe(true)
    expect(fs.existsSync(path.join(mediaRoot, folderOf[collection], filename))).toBe(false)

    // Story audio is public only while a public story uses it: the editor reads it here.
    const served = await fetchFile(url, { Authorization: `JWT ${editor.token}` })
    expect(served.status).toBe(200)
    expect(served.bytes.equals(file)).toBe(true)
    expect(served.headers.get('content-type')).toBe(type)
    expect(served.headers.get('content-length')).toBe(String(file.length))
    expectFileHeaders(served.headers, type === 'application/pdf')
  })

  it('stores the image sizes next to the image, and serves them', async () => {
    const response = await upload('media', await photo(2000, 1400), `groot-${unique()}.jpg`, 'image/jpeg')
    expect(response.status).toBe(201)
    const { filename, sizes } = response.body.doc
    const names = [filename, ...Object.values(sizes as Record<string, { filename: string }>).map((size) => size.filename)]
    expect(names).toHaveLength(5)
    expect(await objects.keys(`images/${filename.replace(/\.jpg$/, '')}`)).toEqual(names.map((name) => `images/${name}`).sort())
    const card = await fetchFile(sizes.card.url)
    expect(card.status).toBe(200)
    expect(card.headers.get('content-type')).toBe('image/jpeg')
    expectFileHeaders(card.headers, false)
  })

  it('answers a range request with the part asked for, with the same headers', async () => {
    const file = pdf(4096)
    const { body } = await upload('campaign-assets', file, `deel-${unique()}.pdf`, 'application/pdf')
    const part = await fetchFile(body.doc.url, { Range: 'bytes=10-19' })
    expect(part.status).toBe(206)
    expect(part.bytes.equals(file.subarray(10, 20))).toBe(true)
    expect(part.headers.get('content-range')).toBe(`bytes 10-19/${file.length}`)
    expectFileHeaders(part.headers, true)

    const beyond = await fetchFile(body.doc.url, { Range: 'bytes=99999-' })
    expect(beyond.status).toBe(416)
    expect(beyond.headers.get('content-range')).toBe(`bytes */${file.length}`)
    expect(beyond.headers.get('content-security-policy')).toBe(sandbox)
    expect(beyond.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('lets the campaign website read a file from the browser (CORS), as on disk', async () => {
    const { body } = await upload('media', await png(), `cors-${unique()}.png`, 'image/png')
    const served = await fetchFile(body.doc.url, { Origin: website })
    expect(served.status).toBe(200)
    expect(served.headers.get('access-control-allow-origin')).toBe(website)
  })

  it('stores a JPEG sent as a PDF as the JPEG it is', async () => {
    const stem = `folder-${unique()}`
    const response = await upload('campaign-assets', await photo(320, 200), `${stem}.pdf`, 'application/pdf')
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    expect(response.body.doc.filename).toBe(`${stem}.jpg`)
    expect(await objects.keys(`campaign-assets/${stem}`)).toContain(`campaign-assets/${stem}.jpg`)
    const served = await fetchFile(response.body.doc.url)
    expect(served.headers.get('content-type')).toBe('image/jpeg')
  })

  it('keeps the storage coordinates out of reach of API writes', async () => {
    const { body } = await upload('media', await png(), `vast-${unique()}.png`, 'image/png')
    const changed = await api('PATCH', `media/${body.doc.id}`, { token: editor.token, body: { prefix: 'story-audio', _objectKey: '../story-audio' } })
    expect(changed.status).toBe(200)
    expect(changed.body.doc).toMatchObject({ prefix: '', _objectKey: null })
    expect((await fetchFile(body.doc.url)).status).toBe(200)
  })
})

describe('the rules of the disk path', () => {
  const html = Buffer.from('<!doctype html><html><body><script>fetch("/api/users/me")</script></body></html>')

  it.each([
    ['media', 'foto.jpg', 'image/jpeg'],
    ['campaign-assets', 'factsheet.pdf', 'application/pdf'],
    ['story-audio', 'aflevering.mp3', 'audio/mpeg'],
  ])('refuses an HTML page sent to %s as %s, and stores no object', async (collection, name, type) => {
    const documents = await count(collection)
    const before = await objects.keys()
    const response = await upload(collection, html, name, type)
    expect(response.status, JSON.stringify(response.body)).toBe(400)
    expect(response.body.errors[0].message).toMatch(/kan hier niet worden geüpload: de inhoud is geen bestandstype dat het CMS herkent/)
    expect(await count(collection)).toBe(documents)
    expect(await objects.keys()).toEqual(before)
  })

  it('never serves the audio of a story whose consent was withdrawn, though the object is still there', async () => {
    const audio = await payload.create({
      collection: 'story-audio',
      data: { title: 'Podcast', transcript: 'Uitgeschreven tekst.' },
      file: fileOf(wav(), `podcast-${unique()}.wav`, 'audio/wav'),
    })
    const story = await payload.create({
      collection: 'stories',
      data: { title: `Verhaal ${unique()}`, perspective: 'parent', storyteller: { displayName: 'Mila' }, audio: audio.id, _status: 'published' },
    })
    const file = `/api/story-audio/file/${audio.filename}`
    expect((await fetchFile(file)).status).toBe(200)

    const withdrawn = await api('PATCH', `stories/${story.id}`, { token: editor.token, body: { consent: { withdrawn: true } } })
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200)
    expect(await objects.keys(`story-audio/${audio.filename}`)).toHaveLength(1)
    const anonymous = await fetchFile(file)
    expect([403, 404]).toContain(anonymous.status)
    expect(anonymous.bytes.includes('RIFF')).toBe(false)
    // Nor by naming the folder the object sits in.
    expect([403, 404]).toContain((await fetchFile(`${file}?prefix=story-audio`)).status)
    expect((await fetchFile(file, { Authorization: `JWT ${editor.token}` })).status).toBe(200)
  })

  it('deletes the objects of a deleted image, its sizes too', async () => {
    const { body } = await upload('media', await photo(1600, 1000), `weg-${unique()}.jpg`, 'image/jpeg')
    const stem = `images/${body.doc.filename.replace(/\.jpg$/, '')}`
    expect(await objects.keys(stem)).toHaveLength(5)
    const deleted = await api('DELETE', `media/${body.doc.id}`, { token: editor.token })
    expect(deleted.status).toBe(200)
    expect(await objects.keys(stem)).toEqual([])
    expect((await fetchFile(body.doc.url)).status).toBe(404)
  })
})

describe('the production build with S3', () => {
  let storage: S3Server
  let server: ProductionServer
  let token = ''

  beforeAll(async () => {
    ensureProductionBuild()
    storage = await startS3Server()
    // The same settings as above, on a server of its own that this block takes away.
    const own = readSettings({ ...process.env, S3_ENDPOINT: storage.endpoint }).s3!
    await bucketReader(new S3Client(s3ClientConfig(own)), bucket).create()
    server = await startProductionServer({ S3_ENDPOINT: storage.endpoint })
    const ready = await waitFor(`${server.base}/api/globals/site-settings`, server, 120_000, { anyStatus: true })
    expect(ready.status, server.output()).toBe(200)
    const registered = await fetch(`${server.base}/api/users/first-register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'redactie@example.nl', password: 'Lang-genoeg-wachtwoord-2026!', name: 'Redactie', role: 'admin' }),
    })
    token = (await registered.json()).token
  }, 600_000)

  afterAll(async () => {
    await server?.stop()
    await storage?.dispose()
  })

  const post = (collection: string, file: Buffer, name: string, type: string) =>
    fetch(`${server.base}/api/${collection}`, {
      method: 'POST',
      headers: { Authorization: `JWT ${token}` },
      body: uploadForm(file, name, type, fieldsFor[collection]),
    })

  it('stores and serves files with the headers of the disk path, and answers a Dutch 503 while the bucket is away', async () => {
    const image = await png()
    const created = await post('media', image, `productie-${unique()}.png`, 'image/png')
    expect(created.status, await created.clone().text()).toBe(201)
    const { doc } = await created.json()
    const served = await fetch(`${server.base}${doc.url}`)
    expect(served.status).toBe(200)
    expect(Buffer.from(await served.arrayBuffer()).equals(image)).toBe(true)
    expectFileHeaders(served.headers, false)
    expect(served.headers.get('x-frame-options')).toBe('DENY')

    const factsheet = await (await post('campaign-assets', pdf(4096), `productie-${unique()}.pdf`, 'application/pdf')).json()
    expectFileHeaders((await fetch(`${server.base}${factsheet.doc.url}`)).headers, true)

    await storage.stop()
    const refused = await post('story-audio', wav(), `productie-${unique()}.wav`, 'audio/wav')
    const body = await refused.json()
    expect(refused.status, JSON.stringify(body)).toBe(503)
    expect(body.errors[0].message).toMatch(/bestandsopslag is even niet bereikbaar/)
    const audio = await (await fetch(`${server.base}/api/story-audio?limit=0`, { headers: { Authorization: `JWT ${token}` } })).json()
    expect(audio.totalDocs).toBe(0)
    expect((await fetch(`${server.base}/api/media/${doc.id}`)).status).toBe(200)
    expect((await fetch(`${server.base}${doc.url}`)).status).toBe(503)
  }, 120_000)
})

describe('when the S3 server is away', () => {
  it('refuses an upload with a Dutch 503 and keeps no document; other reads go on', async () => {
    const { body: kept } = await upload('media', await png(), `blijft-${unique()}.png`, 'image/png')
    await s3.stop()

    for (const [collection, file, type] of [
      ['media', await png(), 'image/png'],
      ['campaign-assets', pdf(4096), 'application/pdf'],
      ['story-audio', wav(), 'audio/wav'],
    ] as const) {
      const documents = await count(collection)
      const name = `onbereikbaar-${unique()}.${type.split('/')[1]}`
      const response = await upload(collection, file, name, type)
      expect(response.status, JSON.stringify(response.body)).toBe(503)
      expect(response.body.errors[0].message).toMatch(/bestandsopslag is even niet bereikbaar/)
      expect(JSON.stringify(response.body)).not.toMatch(/ECONNREFUSED|at .*\.js/)
      expect(await count(collection)).toBe(documents)
      const named = await payload.find({ collection: collection as 'media', where: { filename: { like: 'onbereikbaar-' } }, limit: 0 })
      expect(named.totalDocs).toBe(0)
    }

    const document = await api('GET', `media/${kept.doc.id}`)
    expect(document.status).toBe(200)
    expect(document.body.alt).toBe('Testbeeld')
    expect((await api('GET', 'editions?limit=1')).status).toBe(200)

    const file = await api('GET', kept.doc.url.replace(/^\/api\//, ''))
    expect(file.status).toBe(503)
    expect(file.body.errors[0].message).toMatch(/bestandsopslag is even niet bereikbaar/)
  })
})
