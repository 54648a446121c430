import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { S3Client } from '@aws-sdk/client-s3'
import type { Payload, Where } from 'payload'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { waitFor } from '../src/bench/server'
import { readSettings } from '../src/env'
import { migrations } from '../src/migrations'
import { s3ClientConfig } from '../src/plugins/storage'
import { payload as getTestPayload } from './helpers/api'
import { unique } from './helpers/fixtures'
import { png, uploadForm } from './helpers/files'
import { startMailbox, type ReceivedMail } from './helpers/mailbox'
import { ensureProductionBuild, startProductionInstances, type ProductionServer } from './helpers/production'
import { bucketReader, startS3Server, type S3Server } from './helpers/s3'

const sqlOn = async <T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> => {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query<T>(text, values)).rows
  } finally {
    await client.end()
  }
}

// The claim the job runner makes (Payload's runJobs through its updateJobs utility): a batch of
// runnable jobs of one queue marked `processing`, in a transaction of its own.
describe('claiming queued jobs', () => {
  let payload: Payload
  const queue = `claims-${unique()}`

  const queueJobs = async (count: number) => {
    const ids: number[] = []
    for (let i = 0; i < count; i++) {
      const job = await payload.jobs.queue({ task: 'sendEmail', queue, input: { to: `claim-${i}@example.nl`, subject: 'Claim', text: 'Claim' } })
      ids.push(Number(job.id))
    }
    return ids
  }

  const claim = async (limit: number): Promise<number[]> => {
    const where: Where = {
      and: [
        { completedAt: { exists: false } },
        { hasError: { not_equals: true } },
        { processing: { equals: false } },
        { or: [{ waitUntil: { exists: false } }, { waitUntil: { less_than: new Date().toISOString() } }] },
        { queue: { equals: queue } },
      ],
    }
    const transactionID = (await payload.db.beginTransaction()) as string
    const jobs = await payload.db.updateJobs({
      data: { processing: true, updatedAt: new Date().toISOString() },
      limit,
      sort: 'createdAt',
      returning: true,
      req: { transactionID },
      where,
    })
    await payload.db.commitTransaction(transactionID)
    return (jobs ?? []).map((job) => Number(job.id))
  }

  beforeAll(async () => {
    payload = await getTestPayload()
  })

  afterAll(async () => {
    await payload.db.deleteMany({ collection: 'payload-jobs', where: { queue: { equals: queue } } })
  })

  it('never hands the same job to two concurrent claims, and leaves none behind', async () => {
    const queued = await queueJobs(30)
    const claimed: number[] = []
    for (let round = 0; round < 4; round++) {
      const batches = await Promise.all([claim(10), claim(10), claim(10), claim(10)])
      claimed.push(...batches.flat())
    }
    const duplicates = claimed.filter((id, i) => claimed.indexOf(id) !== i)
    expect(duplicates).toEqual([])
    expect([...claimed].sort((a, b) => a - b)).toEqual(queued)
  })

  it('claims again a job whose instance died while running it, once PAYLOAD_JOBS_RECLAIM_AFTER_MINUTES passed', async () => {
    const [abandoned, running] = await queueJobs(2)
    const url = process.env.DATABASE_URL!
    await sqlOn(url, `UPDATE payload_jobs SET processing = true, updated_at = now() - interval '16 minutes' WHERE id = $1`, [abandoned])
    await sqlOn(url, `UPDATE payload_jobs SET processing = true, updated_at = now() - interval '14 minutes' WHERE id = $1`, [running])
    const [first, second] = await Promise.all([claim(10), claim(10)])
    expect([...first, ...second]).toEqual([abandoned])
    expect(await claim(10)).toEqual([])
  })
})

// Two `next start` instances of the one production build, started at the same moment on one
// database nothing has touched yet, as behind a load balancer. Both run the jobs queue.
describe('two instances on one database', () => {
  let instances: ProductionServer[] = []
  let mailbox: Awaited<ReturnType<typeof startMailbox>>
  const [a, b] = [0, 1]
  const base = (instance: number) => instances[instance].base
  const admin = { email: `beheer-${unique()}@example.nl`, password: 'Lang-genoeg-wachtwoord-2026!', name: 'Beheer' }
  let adminToken = ''
  // Files live in S3; each instance's disk folder stays empty.
  const bucket = 'wtk-instances'
  const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wtk-media-'))
  let storage: S3Server
  let objects: ReturnType<typeof bucketReader>

  const call = async (instance: number, method: string, path: string, { token, body, cookie }: { token?: string; body?: unknown; cookie?: string } = {}) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' }
    if (token) headers.Authorization = `JWT ${token}`
    // A browser sends its cookie with the site it is on; the CMS honours it for its own site only.
    if (cookie) Object.assign(headers, { Cookie: cookie, 'Sec-Fetch-Site': 'same-origin' })
    const response = await fetch(`${base(instance)}/api/${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
    const text = await response.text()
    return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers }
  }

  beforeAll(async () => {
    ensureProductionBuild()
    mailbox = await startMailbox()
    storage = await startS3Server()
    const s3 = { S3_BUCKET: bucket, S3_ENDPOINT: storage.endpoint, S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER' }
    objects = bucketReader(new S3Client(s3ClientConfig(readSettings({ ...process.env, ...s3 }).s3!)), bucket)
    await objects.create()
    instances = await startProductionInstances(2, { PAYLOAD_JOBS_AUTORUN: 'true', MEDIA_DIR: mediaDir, ...s3 })
    await Promise.all(instances.map((instance) => waitFor(`${instance.base}/api/globals/site-settings`, instance, 180_000)))
  }, 600_000)

  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()))
    await mailbox?.stop()
    await storage?.dispose()
    fs.rmSync(mediaDir, { recursive: true, force: true })
  })

  it('both start, and one of them applied each migration once', async () => {
    const recorded = await sqlOn<{ name: string; times: number; batch: number }>(
      instances[a].database.url,
      'SELECT name, count(*)::int AS times, max(batch)::int AS batch FROM payload_migrations GROUP BY name ORDER BY name',
    )
    expect(recorded).toEqual(migrations.map(({ name }) => ({ name, times: 1, batch: 1 })))
    for (const instance of instances) expect(instance.output()).not.toMatch(/Error running migration/)
  })

  it('accepts a login made on one instance on the other, until it is logged out on either', async () => {
    const registered = await call(a, 'POST', 'users/first-register', { body: admin })
    expect(registered.status, JSON.stringify(registered.body)).toBe(200)
    const login = await call(a, 'POST', 'users/login', { body: { email: admin.email, password: admin.password } })
    expect(login.status).toBe(200)
    adminToken = login.body.token
    const cookie = login.headers
      .getSetCookie()
      .find((value) => value.startsWith('payload-token='))!
      .split(';')[0]
    expect((await call(b, 'GET', 'users/me', { cookie })).body.user?.email).toBe(admin.email)
    expect((await call(b, 'GET', 'users/me', { token: adminToken })).body.user?.email).toBe(admin.email)

    const second = await call(b, 'POST', 'users/login', { body: { email: admin.email, password: admin.password } })
    expect((await call(a, 'GET', 'users/me', { token: second.body.token })).body.user?.email).toBe(admin.email)
    expect((await call(b, 'POST', 'users/logout', { token: second.body.token })).status).toBe(200)
    expect((await call(a, 'GET', 'users/me', { token: second.body.token })).body.user).toBeNull()
    // The first session is still there.
    expect((await call(a, 'GET', 'users/me', { token: adminToken })).body.user?.email).toBe(admin.email)
  })

  it('shows a write on one instance in the next read on the other, also to anonymous readers', async () => {
    const name = `Instantie ${unique()}`
    const created = await call(a, 'POST', 'organisers', { token: adminToken, body: { name } })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const id = created.body.doc.id
    expect((await call(b, 'GET', `organisers/${id}`)).body.name).toBe(name)

    const renamed = `${name} (hernoemd)`
    expect((await call(b, 'PATCH', `organisers/${id}`, { token: adminToken, body: { name: renamed } })).status).toBe(200)
    expect((await call(a, 'GET', `organisers/${id}`)).body.name).toBe(renamed)
    expect((await call(a, 'GET', `organisers?where[id][equals]=${id}`)).body.docs.map((doc: { name: string }) => doc.name)).toEqual([renamed])

    const meldcodeUrl = `https://www.example.nl/meldcode-${unique()}`
    expect((await call(a, 'POST', 'globals/site-settings', { token: adminToken, body: { meldcodeUrl } })).status).toBe(200)
    expect((await call(b, 'GET', 'globals/site-settings')).body.meldcodeUrl).toBe(meldcodeUrl)
  })

  it('delivers each queued mail exactly once while both instances run the queue', async () => {
    // Password reset links, asked on either instance: each is one queued sendEmail job.
    const addresses = Array.from({ length: 30 }, (_, i) => `herstel-${i}-${unique()}@example.nl`)
    for (const [i, email] of addresses.entries()) {
      const created = await call(i % 2, 'POST', 'users', {
        token: adminToken,
        body: { email, password: admin.password, name: `Redacteur ${i}`, role: 'editor' },
      })
      expect(created.status, JSON.stringify(created.body)).toBe(201)
    }
    for (const [i, email] of addresses.entries()) {
      expect((await call(i % 2, 'POST', 'users/forgot-password', { body: { email } })).status).toBe(200)
    }
    const pending = async () =>
      (await sqlOn<{ count: number }>(instances[a].database.url, `SELECT count(*)::int AS count FROM payload_jobs WHERE task_slug = 'sendEmail'`))[0].count

    // Besides each instance's own cron, both are asked to run the queue at the same moment, three
    // runners each, as a scheduler calling every instance would.
    const answers: string[] = []
    for (let round = 0; round < 20 && (await pending()) > 0; round++) {
      const runners = [a, a, a, b, b, b]
      const runs = await Promise.all(runners.map((instance) => call(instance, 'GET', 'payload-jobs/run?limit=5', { token: adminToken })))
      answers.push(
        ...runs.map((run, i) => `${run.status} ${JSON.stringify(run.body)}${run.status === 200 ? '' : `\n${instances[runners[i]].output().slice(-2000)}`}`),
      )
    }
    // A completed job is deleted after its mail was handed to the mail server; give the sink a moment to parse it.
    const delivered = (email: string) => mailbox.messages.filter((message: ReceivedMail) => message.to.includes(email)).length
    await expect.poll(() => addresses.filter((email) => delivered(email) === 0)).toEqual([])
    expect(addresses.filter((email) => delivered(email) !== 1).map((email) => `${email}: ${delivered(email)}`)).toEqual([])
    expect(answers.filter((answer) => !answer.startsWith('200 '))).toEqual([])
    expect(await pending()).toBe(0)
  }, 300_000)

  it('serves a file uploaded on one instance from the other, out of the shared S3 bucket', async () => {
    const image = await png()
    const created = await fetch(`${base(a)}/api/media`, {
      method: 'POST',
      headers: { Authorization: `JWT ${adminToken}` },
      body: uploadForm(image, `gedeeld-${unique()}.png`, 'image/png', { alt: 'Op de ene instantie geplaatst' }),
    })
    const { doc } = await created.json()
    expect(created.status, JSON.stringify(doc)).toBe(201)
    const served = await fetch(`${base(b)}${doc.url}`)
    expect(served.status).toBe(200)
    expect(Buffer.from(await served.arrayBuffer()).equals(image)).toBe(true)
    expect(await objects.keys('images/')).toContain(`images/${doc.filename}`)
    expect(fs.readdirSync(mediaDir, { recursive: true })).toEqual([])
    // Deleted through the other instance: gone from the bucket for both.
    expect((await call(b, 'DELETE', `media/${doc.id}`, { token: adminToken })).status).toBe(200)
    expect(await objects.keys('images/')).not.toContain(`images/${doc.filename}`)
    expect((await fetch(`${base(a)}${doc.url}`)).status).toBe(404)
  }, 60_000)
})
