import { Redis } from 'ioredis'

import { start, stop, type Started } from '../../src/bench/server'
import { freePort } from '../../src/db/embedded'

/** Removes every key under `prefix`; answers how many there were. */
export async function removeKeys(url: string, prefix: string): Promise<number> {
  const client = new Redis(url)
  try {
    let removed = 0
    for await (const keys of client.scanStream({ match: `${prefix}*`, count: 500 }) as AsyncIterable<string[]>) {
      if (keys.length) removed += await client.del(...keys)
    }
    return removed
  } finally {
    client.disconnect()
  }
}

export type RedisServer = {
  url: string
  /** Stops the server (its data goes with it) until `resume`. */
  pause: () => Promise<void>
  resume: () => Promise<void>
  stop: () => Promise<void>
}

/** A Redis server of its own on a free loopback port, keeping nothing on disk. */
export async function redisServer(): Promise<RedisServer> {
  const port = await freePort()
  const url = `redis://127.0.0.1:${port}`
  let server: Started | undefined
  const resume = async () => {
    server = start('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], process.env)
    const client = new Redis(url, { retryStrategy: () => null, lazyConnect: true })
    client.on('error', () => undefined) // refused until the server listens
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          if (client.status !== 'ready') await client.connect()
          await client.ping()
          return
        } catch (error) {
          if (attempt > 100 || server.hasExited()) throw new Error(`redis-server did not start: ${server.output()}`, { cause: error })
          await new Promise((resolve) => setTimeout(resolve, 100))
        }
      }
    } finally {
      client.disconnect()
    }
  }
  const pause = async () => {
    if (server) await stop(server.child)
    server = undefined
  }
  await resume()
  return { url, pause, resume, stop: pause }
}
