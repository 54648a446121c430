/**
 * Where the response cache (src/delivery/cache.ts) keeps answers: in this process (an LRU bounded
 * by entries and bytes), or in Redis when REDIS_URL is set, so that every instance serves what any
 * instance computed.
 *
 * Payload's own key-value store (`payload.kv`, with `@payloadcms/kv-redis`) is not used: it keeps
 * JSON without an expiry (Redis would fill up with answers of old content versions), has no way
 * to keep a binary body, and its client queues commands while Redis is down, so every read
 * would wait for Redis. This module talks to Redis with ioredis (the client kv-redis uses itself):
 * an expiry per entry, bodies as bytes, and a command that cannot be sent fails at once.
 */
import { Redis } from 'ioredis'

import { settings } from '../env'

/** A 200 as it is replayed: headers that vary per request (CORS) are not kept. */
export type StoredAnswer = { status: number; headers: [string, string][]; body: Buffer }

export interface AnswerStore {
  /** Undefined when there is no entry, or when the store cannot be reached. */
  get(key: string): Promise<StoredAnswer | undefined>
  set(key: string, answer: StoredAnswer): Promise<void>
  close(): Promise<void>
}

const MB = 1024 * 1024

export const cacheLimits = {
  /** A larger answer (a big upload, a long feed) is served, not kept. */
  entryBytes: 2 * MB,
  memoryEntries: 5000,
  memoryBytes: 64 * MB,
  /** Entries of an old content version are never read again; Redis drops them after this. */
  redisTtlSeconds: 600,
  /** A Redis that hangs costs a read this long at most, then it is answered uncached. */
  redisCommandMs: 1000,
}

const sizeOf = (key: string, answer: StoredAnswer) => key.length + answer.body.byteLength + JSON.stringify(answer.headers).length

/** Least recently used entries go first when there are too many or they take too many bytes. */
export class MemoryAnswerStore implements AnswerStore {
  private readonly entries = new Map<string, { answer: StoredAnswer; bytes: number }>()
  private bytes = 0

  constructor(private readonly limits = { entries: cacheLimits.memoryEntries, bytes: cacheLimits.memoryBytes }) {}

  async get(key: string) {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    this.entries.delete(key)
    this.entries.set(key, entry)
    return entry.answer
  }

  async set(key: string, answer: StoredAnswer) {
    this.drop(key)
    const bytes = sizeOf(key, answer)
    if (bytes > this.limits.bytes) return
    this.entries.set(key, { answer, bytes })
    this.bytes += bytes
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.limits.entries && this.bytes <= this.limits.bytes) break
      this.drop(oldest)
    }
  }

  async close() {
    this.entries.clear()
    this.bytes = 0
  }

  private drop(key: string) {
    const entry = this.entries.get(key)
    if (!entry) return
    this.entries.delete(key)
    this.bytes -= entry.bytes
  }
}

/** Stored as: 4 bytes length of the JSON head, the head (status and headers), the body. */
function encode(answer: StoredAnswer): Buffer {
  const head = Buffer.from(JSON.stringify({ status: answer.status, headers: answer.headers }))
  const length = Buffer.alloc(4)
  length.writeUInt32BE(head.byteLength)
  return Buffer.concat([length, head, answer.body])
}

function decode(stored: Buffer): StoredAnswer {
  const length = stored.readUInt32BE(0)
  const head = JSON.parse(stored.subarray(4, 4 + length).toString('utf8')) as Omit<StoredAnswer, 'body'>
  return { ...head, body: stored.subarray(4 + length) }
}

type Log = { warn: (message: string) => void; info: (message: string) => void }

/**
 * Answers in Redis under `prefix`, each with an expiry. While Redis cannot be reached, `get`
 * finds nothing and `set` keeps nothing (the reads go on uncached); that is logged once, and once
 * more when Redis answers again. The client reconnects by itself.
 */
export class RedisAnswerStore implements AnswerStore {
  readonly client: Redis
  private down = false
  private connectedOnce = false

  constructor(
    url: string,
    readonly prefix: string,
    private readonly log: Log = { warn: (message) => console.warn(message), info: (message) => console.info(message) },
  ) {
    this.client = new Redis(url, {
      // A command is never queued while disconnected (see `usable`).
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: cacheLimits.redisCommandMs,
      connectTimeout: 2000,
      retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
    })
    this.client.on('error', (error: Error) => this.unreachable(error))
    this.client.on('ready', () => {
      this.connectedOnce = true
      this.reachable()
    })
  }

  /** Resolves once the client is connected. */
  ready(): Promise<void> {
    return new Promise((resolve) => (this.client.status === 'ready' ? resolve() : this.client.once('ready', () => resolve())))
  }

  /** Whether a command can be sent now; while the client (re)connects, the cache is skipped. */
  private usable() {
    if (this.client.status === 'ready') return true
    if (this.connectedOnce) this.unreachable(new Error(`connection ${this.client.status}`))
    return false
  }

  async get(key: string) {
    if (!this.usable()) return undefined
    try {
      const stored = await this.client.getBuffer(this.prefix + key)
      this.reachable()
      return stored ? decode(stored) : undefined
    } catch (error) {
      this.unreachable(error as Error)
      return undefined
    }
  }

  async set(key: string, answer: StoredAnswer) {
    if (!this.usable()) return
    try {
      await this.client.set(this.prefix + key, encode(answer), 'EX', cacheLimits.redisTtlSeconds)
      this.reachable()
    } catch (error) {
      this.unreachable(error as Error)
    }
  }

  async close() {
    this.client.disconnect()
  }

  private unreachable(error: Error) {
    if (this.down) return
    this.down = true
    this.log.warn(`[cache] Redis cannot be reached (${error.message}); anonymous reads are answered without the shared cache until it is back.`)
  }

  private reachable() {
    if (!this.down) return
    this.down = false
    this.log.info('[cache] Redis answers again; the shared cache is used again.')
  }
}

// One store per process, also when Next bundles the REST and the GraphQL route apart.
const shared = globalThis as typeof globalThis & { __wtkAnswerStore?: { setting: string; store: AnswerStore } }

/** The store of this process: Redis when REDIS_URL is set, else memory. */
export function answerStore(): AnswerStore {
  const { redisUrl, redisKeyPrefix } = settings()
  const setting = redisUrl ? `${redisKeyPrefix}\n${redisUrl}` : ''
  const current = shared.__wtkAnswerStore
  if (current && current.setting === setting) return current.store
  void current?.store.close()
  const store = redisUrl ? new RedisAnswerStore(redisUrl, `${redisKeyPrefix}answers:`) : new MemoryAnswerStore()
  shared.__wtkAnswerStore = { setting, store }
  return store
}
