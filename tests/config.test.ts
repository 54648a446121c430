import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { sql } from '@payloadcms/db-postgres/drizzle'
import { createLocalReq } from 'payload'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'

import { poolOptions, resilientPg } from '../src/db/pool'
import { payload as getTestPayload } from './helpers/api'
import { makeOrganiser, makeUser, unique } from './helpers/fixtures'

describe('the secret', () => {
  const folders: string[] = []
  const folder = () => {
    const made = fs.mkdtempSync(path.join(os.tmpdir(), 'wtk-secret-'))
    folders.push(made)
    return made
  }
  afterAll(() => {
    for (const made of folders) fs.rmSync(made, { recursive: true, force: true })
  })

  // secret.ts reads WTK_DATA_DIR when it is imported, so each case imports a fresh copy.
  async function load(dataDir: string) {
    process.env.WTK_DATA_DIR = dataDir
    const { vi } = await import('vitest')
    vi.resetModules()
    return import('../src/db/secret')
  }

  it('is generated once in development and kept in the data folder', async () => {
    const dir = folder()
    const { resolveSecret } = await load(dir)
    const first = resolveSecret({ NODE_ENV: 'development' })
    const second = resolveSecret({ NODE_ENV: 'development' })
    expect(first).toMatch(/^[0-9a-f]{64}$/)
    expect(second).toBe(first)
    expect(fs.readFileSync(path.join(dir, 'payload-secret'), 'utf8').trim()).toBe(first)
    expect(fs.statSync(path.join(dir, 'payload-secret')).mode & 0o777).toBe(0o600)
  })

  it('is required in production, with a message that says what to do', async () => {
    const { resolveSecret } = await load(folder())
    expect(() => resolveSecret({ NODE_ENV: 'production' })).toThrow(/PAYLOAD_SECRET is not set.*openssl rand/)
    expect(() => resolveSecret({ NODE_ENV: 'production', PAYLOAD_SECRET: 'kort' })).toThrow(/too short/)
    expect(resolveSecret({ NODE_ENV: 'production', PAYLOAD_SECRET: 'x'.repeat(40) })).toBe('x'.repeat(40))
  })
})

describe('the database pool', () => {
  it('gives up connecting after its timeout instead of waiting forever', async () => {
    const before = process.env.DATABASE_CONNECT_TIMEOUT_MS
    process.env.DATABASE_CONNECT_TIMEOUT_MS = '1000'
    // An address nothing answers on: without a timeout the connection attempt hangs.
    const pool = new resilientPg.Pool(poolOptions('postgres://nobody@10.255.255.1:5432/none'))
    const started = Date.now()
    try {
      await expect(pool.query('select 1')).rejects.toThrow()
      expect(Date.now() - started).toBeLessThan(3000)
      // A request waiting for a busy pool's connection waits longer than one connection attempt.
      expect(poolOptions('postgres://x/y').connectionTimeoutMillis).toBeGreaterThan(1000)
    } finally {
      if (before === undefined) delete process.env.DATABASE_CONNECT_TIMEOUT_MS
      else process.env.DATABASE_CONNECT_TIMEOUT_MS = before
      await pool.end()
    }
  })

  it('survives its connections being killed by the server', async () => {
    const pool = new resilientPg.Pool(poolOptions(process.env.DATABASE_URL!))
    const client = await pool.connect()
    const { rows } = await client.query('select pg_backend_pid() as pid')
    client.release()
    // Kill the idle pooled connection from another session, as a PostgreSQL restart would.
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await admin.connect()
    await admin.query('select pg_terminate_backend($1)', [rows[0].pid])
    await admin.end()
    await new Promise((resolve) => setTimeout(resolve, 200))
    const again = await pool.query('select 1 as ok')
    expect(again.rows[0].ok).toBe(1)
    await pool.end()
  })
})

describe('statements of one transaction', () => {
  it('go to the connection one at a time, also when Payload issues them in parallel (bulk delete and update)', async () => {
    const payload = await getTestPayload()
    const prefix = `Parallel ${unique()}`
    const organisers = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => makeOrganiser(payload, { name: `${prefix} ${n}` })))
    // Edit locks make each document's lock check write too.
    const editor = await makeUser(payload, 'editor')
    for (const organiser of organisers) {
      await payload.create({
        collection: 'payload-locked-documents',
        data: { document: { relationTo: 'organisers', value: organiser.id }, globalSlug: null, user: { relationTo: 'users', value: editor.user.id } },
      })
    }
    // What node-postgres 8 warns about and version 9 refuses: a statement while another one runs.
    type Queryable = { _activeQuery: unknown; _queryQueue: unknown[] }
    const overlapping: string[] = []
    const original = pg.Client.prototype.query
    pg.Client.prototype.query = function (this: Queryable, ...args: unknown[]) {
      if (this._activeQuery || this._queryQueue.length > 0) overlapping.push(String((args[0] as { text?: string })?.text ?? args[0]).slice(0, 80))
      return (original as (...a: unknown[]) => unknown).apply(this, args)
    } as typeof original
    try {
      const where = { name: { like: prefix } }
      const updated = await payload.update({ collection: 'organisers', where, data: { description: 'Bijgewerkt' } })
      expect(updated.errors).toEqual([])
      expect(updated.docs).toHaveLength(6)
      const deleted = await payload.delete({ collection: 'organisers', where })
      expect(deleted.errors).toEqual([])
      expect(deleted.docs).toHaveLength(6)
    } finally {
      pg.Client.prototype.query = original
    }
    expect(overlapping).toEqual([])
    expect(
      (
        await payload.count({
          collection: 'payload-locked-documents',
          where: { 'document.relationTo': { equals: 'organisers' }, 'document.value': { in: organisers.map((o) => o.id) } },
        })
      ).totalDocs,
    ).toBe(0)
  })
})

describe('a transaction whose COMMIT fails', () => {
  it('fails the write instead of acknowledging a row that was rolled back', async () => {
    const payload = await getTestPayload()
    const req = await createLocalReq({}, payload)
    const transactionID = await payload.db.beginTransaction()
    req.transactionID = transactionID!
    const name = `Organisatie die verloren gaat ${unique()}`
    await payload.create({ collection: 'organisers', data: { name }, req })
    const session = (payload.db as unknown as { sessions: Record<string, { db: { execute: (query: unknown) => Promise<{ rows: { pid: number }[] }> } }> })
      .sessions[String(transactionID)]
    const { rows } = await session.db.execute(sql`select pg_backend_pid() as pid`)
    // PostgreSQL goes away between the last statement and the COMMIT.
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await admin.connect()
    await admin.query('select pg_terminate_backend($1)', [rows[0].pid])
    await admin.end()
    await expect(payload.db.commitTransaction(transactionID!)).rejects.toThrow()
    expect((await payload.count({ collection: 'organisers', where: { name: { equals: name } } })).totalDocs).toBe(0)
  })
})
