import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../src/payload-types'
import { api, graphql, payload as getTestPayload, send } from './helpers/api'
import { fileOf, pdf, photo, png, uploadForm, wav } from './helpers/files'
import { makeUser } from './helpers/fixtures'

// Files an editor's account could be made to upload (a stolen session, a booby-trapped download):
// what they are is decided by their content, they land inside the media folder under a clean
// name, the server never fetches anything from a URL, and they are served so that a browser
// cannot run them.

let payload: Payload
let editor: { user: User; token: string }
const mediaRoot = path.resolve(process.env.MEDIA_DIR!)

/** A server on this machine that counts its requests: a refused fetch must never reach it. */
let bait: http.Server
let baitHits = 0
let baitPort = 0

beforeAll(async () => {
  payload = await getTestPayload()
  editor = await makeUser(payload, 'editor')
  const image = await png()
  bait = http.createServer((request, response) => {
    baitHits++
    if (request.url?.startsWith('/doorsturen')) {
      response.writeHead(302, { Location: 'http://169.254.169.254/latest/meta-data/' }).end()
      return
    }
    response.writeHead(200, { 'Content-Type': 'image/png' }).end(image)
  })
  await new Promise<void>((resolve) => bait.listen(0, '127.0.0.1', resolve))
  baitPort = (bait.address() as AddressInfo).port
})

afterAll(async () => {
  await new Promise((resolve) => bait?.close(resolve))
})

const upload = (collection: string, file: Buffer, name: string, type: string, data: Record<string, unknown>) =>
  api('POST', collection, { form: uploadForm(file, name, type, data), token: editor.token })

const fieldsFor: Record<string, Record<string, unknown>> = {
  media: { alt: 'Testbeeld' },
  'campaign-assets': { title: 'Testmateriaal', kind: 'other', alt: 'Testbeeld' },
  'story-audio': { title: 'Testaudio' },
}

/** Every file anywhere below the folder that holds the media folder. */
const allFilesNear = () => fs.readdirSync(path.dirname(mediaRoot), { recursive: true, encoding: 'utf8' }).sort()

const count = async (collection: string) => (await payload.count({ collection: collection as 'media' })).totalDocs

/** Uploads, expects a refusal with a Dutch reason, and checks that nothing was stored. */
async function expectRefusedUpload(collection: string, file: Buffer, name: string, type: string, reason: RegExp) {
  const documents = await count(collection)
  const files = allFilesNear()
  const response = await upload(collection, file, name, type, fieldsFor[collection])
  expect(response.status, JSON.stringify(response.body)).toBe(400)
  expect(response.body.errors[0].message).toMatch(reason)
  expect(await count(collection)).toBe(documents)
  expect(allFilesNear()).toEqual(files)
}

const html = Buffer.from('<!doctype html><html><body><script>fetch("/api/users/me")</script></body></html>')
const scriptedSvg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(document.cookie)</script></svg>')
const styledXml = Buffer.from('<?xml version="1.0"?>\n<?xml-stylesheet type="text/xsl" href="data:text/xsl,evil"?>\n<verhaal><titel>x</titel></verhaal>')

describe('the content of a file decides what it is', () => {
  it.each([
    ['campaign-assets', html, 'actie.html', 'text/html', /inhoud is geen bestandstype dat het CMS herkent/],
    ['campaign-assets', html, 'filmpje.mp4', 'video/mp4', /inhoud is geen bestandstype/],
    ['campaign-assets', html, 'factsheet.pdf', 'application/pdf', /inhoud is geen bestandstype/],
    ['media', html, 'foto.jpg', 'image/jpeg', /inhoud is geen bestandstype/],
    ['story-audio', html, 'aflevering.mp3', 'audio/mpeg', /inhoud is geen bestandstype/],
    ['media', scriptedSvg, 'logo.svg', 'image/svg+xml', /Toegestaan: JPEG, PNG, WebP, GIF, AVIF\./],
    ['campaign-assets', scriptedSvg, 'logo.png', 'image/png', /kan hier niet worden geüpload/],
    ['campaign-assets', styledXml, 'verhaal.xml', 'application/xml', /de inhoud is een application\/xml-bestand/],
    ['campaign-assets', styledXml, 'verhaal.pdf', 'application/pdf', /kan hier niet worden geüpload/],
    ['story-audio', pdf(4096), 'aflevering.wav', 'audio/wav', /de inhoud is een PDF-bestand\. Toegestaan: MP3/],
  ])('refuses %s: %s named %s (%s), and stores nothing', async (collection, file, name, type, reason) => {
    await expectRefusedUpload(collection, file, name, type, reason)
  })

  it('stores a JPEG sent as folder.pdf (application/pdf) as the JPEG it is', async () => {
    const response = await upload('campaign-assets', await photo(320, 200), 'folder.pdf', 'application/pdf', fieldsFor['campaign-assets'])
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    expect(response.body.doc.mimeType).toBe('image/jpeg')
    expect(response.body.doc.filename).toBe('folder.jpg')
    const served = await api('GET', `campaign-assets/file/${response.body.doc.filename}`)
    expect(served.headers.get('content-type')).toBe('image/jpeg')
  })

  it('stores a PDF sent as poster.jpg (image/jpeg) as a PDF', async () => {
    const response = await upload('campaign-assets', pdf(4096), 'poster.jpg', 'image/jpeg', { title: 'Poster', kind: 'poster' })
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    expect(response.body.doc.mimeType).toBe('application/pdf')
    expect(response.body.doc.filename).toBe('poster.pdf')
  })
})

describe('file names', () => {
  it.each([
    ['../../../ontsnapt-1.jpg', 'ontsnapt-1.jpg'],
    ['..\\..\\..\\ontsnapt-2.jpg', 'ontsnapt-2.jpg'],
    ['/etc/ontsnapt-3.jpg', 'ontsnapt-3.jpg'],
    ['C:\\Windows\\ontsnapt-4.jpg', 'ontsnapt-4.jpg'],
    ['..%2F..%2Fontsnapt-5.jpg', '-2F..-2Fontsnapt-5.jpg'],
    ['.verborgen.jpg', 'verborgen.jpg'],
  ])('stores %s inside the media folder as %s', async (sent, expected) => {
    const outside = allFilesNear().filter((file) => !file.startsWith(path.basename(mediaRoot)))
    const response = await upload('media', await png(), sent, 'image/png', fieldsFor.media)
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    const stored = path.join(mediaRoot, 'images', response.body.doc.filename)
    expect(response.body.doc.filename).toBe(expected.replace(/\.jpg$/, '.png'))
    expect(fs.existsSync(stored)).toBe(true)
    expect(path.dirname(fs.realpathSync(stored))).toBe(fs.realpathSync(path.join(mediaRoot, 'images')))
    expect(allFilesNear().filter((file) => !file.startsWith(path.basename(mediaRoot)))).toEqual(outside)
    expect((await api('GET', response.body.doc.url.replace(/^\/api\//, ''))).status).toBe(200)
  })

  it.each([
    ['ASCII', `${'a'.repeat(300)}.jpg`],
    ['accented', `${'é'.repeat(200)}.jpg`],
  ])('shortens a very long %s name instead of failing halfway', async (_kind, sent) => {
    const documents = await count('media')
    const response = await upload('media', await photo(800, 600), sent, 'image/jpeg', fieldsFor.media)
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    const { filename, sizes } = response.body.doc
    expect(Buffer.byteLength(filename)).toBeLessThanOrEqual(124)
    expect(filename).toMatch(/\.jpg$/)
    const sizeNames = Object.values(sizes as Record<string, { filename: string | null }>).map((size) => size.filename)
    for (const name of [filename, ...sizeNames.filter((name) => name !== null)]) {
      expect(fs.existsSync(path.join(mediaRoot, 'images', name)), name).toBe(true)
    }
    expect(await count('media')).toBe(documents + 1)
  })

  it('drops control characters such as NUL (Local API with the editor as user)', async () => {
    const doc = await payload.create({
      collection: 'media',
      data: { alt: 'NUL' },
      file: fileOf(await png(), 'nul\u0000te\u0007st.png', 'image/png'),
      overrideAccess: false,
      user: editor.user,
    })
    expect(doc.filename).toBe('nultest.png')
    expect(fs.existsSync(path.join(mediaRoot, 'images', doc.filename!))).toBe(true)
  })

  it('drops a NUL that the multipart body encodes in filename*', async () => {
    const boundary = 'grens-1234'
    const file = await png()
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n${JSON.stringify(fieldsFor.media)}\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''nul%00byte.png\r\nContent-Type: image/png\r\n\r\n`,
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ])
    const response = await send(
      new Request('http://localhost:3000/api/media', {
        method: 'POST',
        headers: { Authorization: `JWT ${editor.token}`, 'Content-Type': `multipart/form-data; boundary=${boundary}` },
        body,
      }),
    )
    const answer = await response.json()
    expect(response.status, JSON.stringify(answer)).toBe(201)
    expect(answer.doc.filename).toBe('nulbyte.png')
  })
})

describe('no file is fetched from a URL', () => {
  const privateAddresses = () => [
    `http://127.0.0.1:${baitPort}/beeld.png`,
    `http://localhost:${baitPort}/beeld.png`,
    `http://[::1]:${baitPort}/beeld.png`,
    'http://10.0.0.1/beeld.png',
    'http://169.254.169.254/latest/meta-data/beeld.png',
    `http://localtest.127.0.0.1.nip.io:${baitPort}/beeld.png`,
    `http://127.0.0.1:${baitPort}/doorsturen/beeld.png`,
    'https://www.weektegenkindermishandeling.nl/beeld.png',
  ]

  it("does not offer Payload's paste-url endpoint on any upload collection", async () => {
    for (const collection of ['media', 'campaign-assets', 'story-audio']) {
      for (const src of privateAddresses()) {
        const response = await api('GET', `${collection}/paste-url?src=${encodeURIComponent(src)}`, { token: editor.token })
        expect(response.status, `${collection} ${src}`).toBe(404)
      }
    }
    expect(baitHits).toBe(0)
  })

  it('refuses a new document that names a URL instead of a file (REST), with a reason', async () => {
    const documents = await count('media')
    for (const url of privateAddresses()) {
      const response = await api('POST', 'media', { token: editor.token, body: { alt: 'Van internet', filename: 'beeld.png', url } })
      expect(response.status, url).toBe(400)
      expect(response.body.errors[0].message).toMatch(/Kies een bestand op uw computer/)
    }
    expect(await count('media')).toBe(documents)
    expect(baitHits).toBe(0)
  })

  it('refuses the same through GraphQL', async () => {
    const documents = await count('campaign-assets')
    const response = await graphql(
      `
        mutation ($url: String!) {
          createCampaignAsset(data: { title: "x", kind: other, filename: "x.png", url: $url }) {
            id
          }
        }
      `,
      { url: `http://127.0.0.1:${baitPort}/beeld.png` },
      editor.token,
    )
    expect(response.body.data?.createCampaignAsset ?? null).toBeNull()
    expect(response.body.errors[0].extensions.statusCode).toBe(400)
    expect(response.body.errors[0].message).toMatch(/Kies een bestand op uw computer/)
    expect(await count('campaign-assets')).toBe(documents)
    expect(baitHits).toBe(0)
  })
})

describe('serving files', () => {
  it('serves an image with a sandbox policy and nosniff, shown in the browser', async () => {
    const { body } = await upload('media', await png(), 'beeld.png', 'image/png', fieldsFor.media)
    const served = await api('GET', `media/file/${body.doc.filename}`)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(served.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'; sandbox")
    expect(served.headers.get('x-content-type-options')).toBe('nosniff')
    expect(served.headers.get('content-disposition')).toBeNull()
  })

  it('offers a PDF as a download, with the same policy', async () => {
    const { body } = await upload('campaign-assets', pdf(4096), 'factsheet.pdf', 'application/pdf', { title: 'Factsheet', kind: 'factsheet' })
    const served = await api('GET', `campaign-assets/file/${body.doc.filename}`)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('application/pdf')
    expect(served.headers.get('content-disposition')).toBe('attachment')
    expect(served.headers.get('content-security-policy')).toMatch(/sandbox/)
    expect(served.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('keeps the audio of an unpublished story from anonymous readers, also by file URL', async () => {
    const audio = await payload.create({
      collection: 'story-audio',
      data: { title: 'Nog niet openbaar', transcript: 'Wat ik had willen weten.' },
      file: fileOf(wav(), 'nog-niet.wav', 'audio/wav'),
    })
    const story = await payload.create({
      collection: 'stories',
      data: { title: 'Concept', perspective: 'parent', storyteller: { displayName: 'Ans' }, audio: audio.id, _status: 'draft' },
      draft: true,
    })
    const file = `story-audio/file/${audio.filename}`
    const anonymous = await api('GET', file)
    expect(anonymous.status).toBe(403)
    expect(String(anonymous.body)).not.toContain('RIFF')
    const asEditor = await api('GET', file, { token: editor.token })
    expect(asEditor.status).toBe(200)
    expect(asEditor.headers.get('content-type')).toBe('audio/wav')
    expect(asEditor.headers.get('content-security-policy')).toMatch(/sandbox/)

    await payload.update({ collection: 'stories', id: story.id, data: { _status: 'published' } })
    expect((await api('GET', file)).status).toBe(200)
  })
})
