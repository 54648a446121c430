import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'

import { api, fieldErrors, payload as getTestPayload } from './helpers/api'
import { pdf, photo, uploadForm } from './helpers/files'
import { makeUser } from './helpers/fixtures'

let payload: Payload
let token: string
const mediaRoot = process.env.MEDIA_DIR!

beforeAll(async () => {
  payload = await getTestPayload()
  ;({ token } = await makeUser(payload, 'editor'))
})

/** Random pixels do not compress: a PNG of roughly width × height × 3 bytes. */
const noise = (width: number, height: number) =>
  sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer()

const upload = (collection: string, file: Buffer, name: string, type: string, data: Record<string, unknown>) =>
  api('POST', collection, { form: uploadForm(file, name, type, data), token })

const filesIn = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).length : 0)

describe('images (media)', () => {
  it('stores an image with the four sizes made by sharp', async () => {
    const response = await upload('media', await photo(2400, 1600), 'aftrap.jpg', 'image/jpeg', { alt: 'De aftrap in Utrecht' })
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    const { sizes, filename } = response.body.doc
    expect([sizes.thumbnail.width, sizes.thumbnail.height]).toEqual([300, 300])
    expect([sizes.card.width, sizes.card.height]).toEqual([768, 512])
    expect(sizes.hero.width).toBe(1920)
    expect([sizes.openGraph.width, sizes.openGraph.height]).toEqual([1200, 630])
    const og = await sharp(path.join(mediaRoot, 'images', sizes.openGraph.filename)).metadata()
    expect([og.width, og.height]).toEqual([1200, 630])
    expect(fs.existsSync(path.join(mediaRoot, 'images', filename))).toBe(true)
    expect(response.body.doc.url).toMatch(/^\/api\/media\/file\//)
  })

  it('keeps the focal point an editor sets', async () => {
    const response = await upload('media', await photo(800, 600), 'focus.jpg', 'image/jpeg', { alt: 'Focus', focalX: 20, focalY: 70 })
    expect(response.status).toBe(201)
    expect([response.body.doc.focalX, response.body.doc.focalY]).toEqual([20, 70])
  })

  it('refuses an image without alternative text and stores no file', async () => {
    const before = filesIn(path.join(mediaRoot, 'images'))
    const response = await upload('media', await photo(640, 480), 'zonder-alt.jpg', 'image/jpeg', {})
    expect(response.status).toBe(400)
    expect(Object.keys(fieldErrors(response))).toContain('alt')
    expect(filesIn(path.join(mediaRoot, 'images'))).toBe(before)
  })

  it('refuses a PDF', async () => {
    const before = (await payload.count({ collection: 'media' })).totalDocs
    const response = await upload('media', pdf(2048), 'folder.pdf', 'application/pdf', { alt: 'Folder' })
    expect(response.status).toBe(400)
    expect((await payload.count({ collection: 'media' })).totalDocs).toBe(before)
  })

  it('refuses an SVG, which can carry a script', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    const response = await upload('media', svg, 'logo.svg', 'image/svg+xml', { alt: 'Logo' })
    expect(response.status).toBe(400)
  })

  it('refuses an image above the image limit with a 413 and stores nothing', async () => {
    const big = await noise(1000, 1000)
    expect(big.length).toBeGreaterThan(Number(process.env.MEDIA_MAX_BYTES))
    const before = (await payload.count({ collection: 'media' })).totalDocs
    const files = filesIn(path.join(mediaRoot, 'images'))
    const response = await upload('media', big, 'groot.png', 'image/png', { alt: 'Te groot' })
    expect(response.status).toBe(413)
    expect(response.body.errors[0].message).toMatch(/te groot .* maximum is 2 MB/)
    expect((await payload.count({ collection: 'media' })).totalDocs).toBe(before)
    expect(filesIn(path.join(mediaRoot, 'images'))).toBe(files)
  })
})

describe('campaign material (campaign-assets)', () => {
  it('takes a PDF factsheet', async () => {
    const response = await upload('campaign-assets', pdf(50_000), 'factsheet.pdf', 'application/pdf', {
      title: 'Factsheet kindermishandeling',
      kind: 'factsheet',
    })
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    expect(response.body.doc.mimeType).toBe('application/pdf')
    expect(response.body.doc.url).toMatch(/^\/api\/campaign-assets\/file\/factsheet/)
  })

  it('makes a preview of an image', async () => {
    const response = await upload('campaign-assets', await photo(1080, 1350), 'poster.jpg', 'image/jpeg', {
      title: 'Poster',
      kind: 'poster',
      alt: 'Poster met de tekst Praat met elkaar',
    })
    expect(response.status).toBe(201)
    expect(response.body.doc.sizes.preview.height).toBe(480)
  })

  it('asks for alternative text on images only', async () => {
    const response = await upload('campaign-assets', await photo(600, 600), 'post.jpg', 'image/jpeg', { title: 'Post', kind: 'social-post' })
    expect(response.status).toBe(400)
    expect(fieldErrors(response).alt).toMatch(/alternatieve tekst/)
  })

  it('refuses a file over the upload limit with a 413, not a truncated file', async () => {
    const before = (await payload.count({ collection: 'campaign-assets' })).totalDocs
    const files = filesIn(path.join(mediaRoot, 'campaign-assets'))
    const response = await upload('campaign-assets', pdf(Number(process.env.UPLOAD_MAX_BYTES) + 1024 * 1024), 'toolkit.pdf', 'application/pdf', {
      title: 'Toolkit',
      kind: 'toolkit',
    })
    expect(response.status).toBe(413)
    expect((await payload.count({ collection: 'campaign-assets' })).totalDocs).toBe(before)
    expect(filesIn(path.join(mediaRoot, 'campaign-assets'))).toBe(files)
  })
})
