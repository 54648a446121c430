import { hkdfSync, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { readSettings, settings } from '../env'
import { dataDir } from './paths'

const secretFile = path.join(dataDir, 'payload-secret')

/**
 * PAYLOAD_SECRET signs sessions and tokens. Production must be given one; in development a
 * secret is generated once and kept in the git-ignored data folder, so nothing needs to be
 * copied or edited before the first run and logins survive restarts.
 */
export function resolveSecret(env: NodeJS.ProcessEnv = process.env): string {
  const { payloadSecret, production, building } = env === process.env ? settings() : readSettings(env)
  if (payloadSecret) {
    if (production && payloadSecret.length < 32) {
      throw new Error('PAYLOAD_SECRET is too short: use at least 32 random characters.')
    }
    return payloadSecret
  }
  // `next build` evaluates the config without serving anything; the running server checks again.
  if (building) return 'build-time-placeholder-never-served'
  if (production) {
    throw new Error('PAYLOAD_SECRET is not set. Production refuses to start without it: set it to a long random string (for example `openssl rand -hex 32`).')
  }
  if (fs.existsSync(secretFile)) return fs.readFileSync(secretFile, 'utf8').trim()
  fs.mkdirSync(dataDir, { recursive: true })
  const secret = randomBytes(32).toString('hex')
  fs.writeFileSync(secretFile, secret + '\n', { mode: 0o600 })
  return secret
}

/**
 * A key for one purpose (preview tokens, sealing webhook secrets), derived from the CMS secret:
 * never the key that signs logins, and another one for each purpose.
 */
export const purposeKey = (payloadSecret: string, purpose: string): Buffer => Buffer.from(hkdfSync('sha256', payloadSecret, 'wtk', purpose, 32))
