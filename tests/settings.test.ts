import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { cookieOrigins } from '../src/delivery/origins'
import { readSettings, settingNames, settings, SettingsError } from '../src/env'
import { confirmationLink } from '../src/workflow/publicSubmission'
import { adminLink } from '../src/workflow/notifications'

const root = path.resolve(import.meta.dirname, '..')
const sorted = (names: Iterable<string>) => [...new Set(names)].sort()

/** The names `.env.example` assigns, one `NAME=` line each. */
function exampleNames(): string[] {
  const lines = fs.readFileSync(path.join(root, '.env.example'), 'utf8').split('\n')
  return lines.map((line) => /^([A-Z][A-Z0-9_]*)=/.exec(line)?.[1]).filter((name): name is string => Boolean(name))
}

/** The names in the first column of the table under the README's "Configuration" heading. */
function readmeNames(): string[] {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8')
  const section = readme.split(/^## Configuration$/m)[1]?.split(/^## /m)[0] ?? ''
  const rows = section.split('\n').filter((line) => line.startsWith('| `'))
  return rows.flatMap((row) => [...row.split('|')[1].matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((match) => match[1]))
}

/** The message readSettings throws for `env`. */
function problemWith(env: Record<string, string>): string {
  try {
    readSettings(env)
  } catch (error) {
    expect(error).toBeInstanceOf(SettingsError)
    return (error as Error).message
  }
  throw new Error(`no problem with ${JSON.stringify(env)}`)
}

describe('the list of settings', () => {
  it('is the same in src/env.ts, .env.example and the README', () => {
    expect(exampleNames()).toEqual([...settingNames])
    expect(sorted(readmeNames())).toEqual(sorted(settingNames))
  })

  it('is everything the module reads from the environment', () => {
    const read = new Set<string>()
    readSettings(new Proxy({}, { get: (_, name) => (read.add(String(name)), undefined) }))
    expect(sorted(read)).toEqual(sorted([...settingNames, 'NODE_ENV', 'NEXT_PHASE']))
  })
})

describe('reading the settings', () => {
  it('has the documented defaults, also for empty values', () => {
    const defaults = readSettings({})
    expect(defaults).toMatchObject({
      port: 3000,
      serverUrl: 'http://localhost:3000',
      configuredServerUrl: undefined,
      corsOrigins: [],
      uploadMaxBytes: 200 * 1024 * 1024,
      mediaMaxBytes: 15 * 1024 * 1024,
      mediaDir: path.resolve('media'),
      dataDir: path.resolve('.data'),
      databaseConnectTimeoutMs: 5000,
      databasePoolWaitMs: 30_000,
      databasePoolMax: 10,
      jobsAutorun: true,
      smtpPort: 587,
      smtpSecure: false,
      mailFrom: 'noreply@weektegenkindermishandeling.nl',
      mailFromName: 'Week tegen Kindermishandeling',
      publicSubmissionLimitPerHour: 5,
      publicSubmissionLimitPerContact: 3,
      publicSubmissionLimitTotal: 200,
      trustedProxies: { hops: 0 },
      publicSubmissionConfirmHours: 48,
      jsonBodyMaxBytes: 1024 * 1024,
      logLevel: undefined,
      s3: undefined,
      previewUrl: undefined,
      production: false,
    })
    expect(readSettings(Object.fromEntries(settingNames.map((name) => [name, ' '])))).toEqual(defaults)
  })

  it('falls back to the local address on PORT, and drops a trailing slash from SERVER_URL', () => {
    expect(readSettings({ PORT: '8080' }).serverUrl).toBe('http://localhost:8080')
    expect(cookieOrigins(readSettings({ PORT: '8080' }))).toEqual(['http://localhost:8080', 'http://127.0.0.1:8080'])
    const set = readSettings({ SERVER_URL: 'https://cms.weektegenkindermishandeling.nl//', PORT: '8080' })
    expect(set.serverUrl).toBe('https://cms.weektegenkindermishandeling.nl')
    expect(set.configuredServerUrl).toBe('https://cms.weektegenkindermishandeling.nl')
    expect(cookieOrigins(set)).toEqual(['https://cms.weektegenkindermishandeling.nl'])
  })

  it('splits lists and reads switches', () => {
    const read = readSettings({
      CORS_ORIGINS: ' https://www.weektegenkindermishandeling.nl/ ,, https://partner.example.nl',
      PAYLOAD_JOBS_AUTORUN: 'false',
      SMTP_SECURE: 'TRUE',
      TRUSTED_PROXIES: '2',
      LOG_LEVEL: 'warn',
    })
    expect(read.corsOrigins).toEqual(['https://www.weektegenkindermishandeling.nl', 'https://partner.example.nl'])
    expect(read).toMatchObject({ jobsAutorun: false, smtpSecure: true, trustedProxies: { hops: 2 }, logLevel: 'warn' })
  })

  it('refuses a number that is not a whole number in its range, naming the variable and the value', () => {
    expect(problemWith({ DATABASE_POOL_MAX: 'tien' })).toBe("DATABASE_POOL_MAX must be a whole number from 1 to 100, got 'tien'.")
    expect(problemWith({ DATABASE_POOL_MAX: '0' })).toMatch(/^DATABASE_POOL_MAX must be a whole number from 1 to 100, got '0'/)
    expect(problemWith({ PORT: '3000.5' })).toMatch(/^PORT must be a whole number from 1 to 65535, got '3000.5'/)
    expect(problemWith({ SMTP_PORT: '-25' })).toMatch(/^SMTP_PORT must be a whole number/)
    expect(problemWith({ PUBLIC_SUBMISSION_CONFIRM_HOURS: '48h' })).toMatch(/^PUBLIC_SUBMISSION_CONFIRM_HOURS must be a whole number/)
  })

  it('refuses a URL that does not parse', () => {
    expect(problemWith({ SERVER_URL: 'cms.weektegenkindermishandeling.nl' })).toBe(
      "SERVER_URL must be an http or https URL such as https://cms.weektegenkindermishandeling.nl, got 'cms.weektegenkindermishandeling.nl'.",
    )
    expect(problemWith({ SERVER_URL: 'ftp://cms.example.nl' })).toMatch(/^SERVER_URL must be an http or https URL/)
    expect(problemWith({ CORS_ORIGINS: 'https://www.example.nl, www.partner.nl' })).toMatch(/^CORS_ORIGINS must be .* got 'www.partner.nl'/)
  })

  it('keeps the preview URL as a template, and refuses one without {token} or that is no http URL', () => {
    const template = 'https://www.weektegenkindermishandeling.nl/voorbeeld?collection={collection}&slug={slug}&token={token}'
    expect(readSettings({ PREVIEW_URL: template }).previewUrl).toBe(template)
    expect(problemWith({ PREVIEW_URL: 'https://www.example.nl/voorbeeld/{slug}' })).toMatch(/^PREVIEW_URL must contain \{token\}/)
    expect(problemWith({ PREVIEW_URL: 'www.example.nl/voorbeeld?token={token}' })).toMatch(/^PREVIEW_URL must be an http or https URL/)
  })

  it('refuses a database URL without repeating it, since it may hold a password', () => {
    const message = problemWith({ DATABASE_URL: 'mysql://wtk:geheim@db/wtk' })
    expect(message).toMatch(/^DATABASE_URL must be a PostgreSQL connection string/)
    expect(message).not.toContain('geheim')
    expect(readSettings({ DATABASE_URL: 'postgres://wtk:geheim@db:5432/wtk' }).databaseUrl).toBe('postgres://wtk:geheim@db:5432/wtk')
    // What node-postgres also accepts: an empty host with a socket folder, or the folder alone.
    for (const url of ['postgresql://wtk@/wtk?host=/var/run/postgresql', '/var/run/postgresql wtk', 'socket:/var/run/postgresql?db=wtk']) {
      expect(readSettings({ DATABASE_URL: url }).databaseUrl).toBe(url)
    }
    expect(problemWith({ DATABASE_URL: 'localhost:5432' })).toMatch(/^DATABASE_URL must be/)
  })

  it('refuses a Redis URL without repeating it, and keeps the cache in memory without one', () => {
    const message = problemWith({ REDIS_URL: 'http://:geheim@redis:6379' })
    expect(message).toMatch(/^REDIS_URL must be a Redis URL/)
    expect(message).not.toContain('geheim')
    expect(readSettings({ REDIS_URL: 'rediss://:geheim@redis:6380/1' })).toMatchObject({ redisUrl: 'rediss://:geheim@redis:6380/1', redisKeyPrefix: 'wtk:' })
    expect(readSettings({ REDIS_URL: '', REDIS_KEY_PREFIX: 'staging:' })).toMatchObject({ redisUrl: undefined, redisKeyPrefix: 'staging:' })
  })

  it('refuses switches, log levels and proxies it does not know, and names every wrong setting', () => {
    expect(problemWith({ SMTP_SECURE: 'ja' })).toBe("SMTP_SECURE must be true or false, got 'ja'.")
    expect(problemWith({ LOG_LEVEL: 'verbose' })).toMatch(/^LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got 'verbose'/)
    expect(problemWith({ TRUSTED_PROXIES: 'de proxy' })).toMatch(/^TRUSTED_PROXIES is the number of proxies/)
    const message = problemWith({ PORT: 'x', PAYLOAD_JOBS_AUTORUN: 'nee', SERVER_URL: 'nergens' })
    for (const name of ['PORT', 'PAYLOAD_JOBS_AUTORUN', 'SERVER_URL']) expect(message).toContain(`${name} must be`)
  })

  it('reads the S3 bucket, with the defaults of an S3-compatible server when an endpoint is given', () => {
    const credentials = { S3_ACCESS_KEY_ID: 'wtk', S3_SECRET_ACCESS_KEY: 'geheim' }
    expect(readSettings({ S3_BUCKET: 'wtk-uploads', S3_ENDPOINT: 'https://s3.example.nl/', ...credentials }).s3).toEqual({
      bucket: 'wtk-uploads',
      endpoint: 'https://s3.example.nl',
      region: 'us-east-1',
      credentials: { accessKeyId: 'wtk', secretAccessKey: 'geheim' },
      forcePathStyle: true,
      checksums: 'when_required',
    })
    // AWS itself: virtual-host addresses, the SDK's checksums and its own credentials (an instance role).
    expect(readSettings({ S3_BUCKET: 'wtk-uploads', S3_REGION: 'eu-central-1' }).s3).toEqual({
      bucket: 'wtk-uploads',
      endpoint: undefined,
      region: 'eu-central-1',
      credentials: undefined,
      forcePathStyle: false,
      checksums: 'when_supported',
    })
    const chosen = readSettings({ S3_BUCKET: 'wtk-uploads', S3_ENDPOINT: 'http://minio:9000', S3_FORCE_PATH_STYLE: 'false', S3_CHECKSUMS: 'WHEN_SUPPORTED' }).s3
    expect(chosen).toMatchObject({ forcePathStyle: false, checksums: 'when_supported' })
  })

  it('refuses S3 settings that cannot work, without repeating a key', () => {
    expect(problemWith({ S3_ENDPOINT: 'https://s3.example.nl' })).toBe(
      'S3_ENDPOINT is set but S3_BUCKET is not: set S3_BUCKET to store uploads in S3, or leave the S3 settings empty to store them on disk.',
    )
    expect(problemWith({ S3_BUCKET: 'Mijn_Bucket' })).toMatch(/^S3_BUCKET must be a bucket name .* got 'Mijn_Bucket'/)
    expect(problemWith({ S3_BUCKET: 'wtk', S3_ENDPOINT: 's3.example.nl' })).toMatch(/^S3_ENDPOINT must be an http or https URL/)
    expect(problemWith({ S3_BUCKET: 'wtk', S3_CHECKSUMS: 'never' })).toBe("S3_CHECKSUMS must be when_required or when_supported, got 'never'.")
    const message = problemWith({ S3_BUCKET: 'wtk', S3_SECRET_ACCESS_KEY: 'geheim' })
    expect(message).toMatch(/^S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together/)
    expect(message).not.toContain('geheim')
  })

  it('follows process.env when a setting changes', () => {
    const before = process.env.PUBLIC_SUBMISSION_CONFIRM_HOURS
    try {
      process.env.PUBLIC_SUBMISSION_CONFIRM_HOURS = '12'
      expect(settings().publicSubmissionConfirmHours).toBe(12)
      expect(settings()).toBe(settings())
      process.env.PUBLIC_SUBMISSION_CONFIRM_HOURS = '24'
      expect(settings().publicSubmissionConfirmHours).toBe(24)
    } finally {
      if (before === undefined) delete process.env.PUBLIC_SUBMISSION_CONFIRM_HOURS
      else process.env.PUBLIC_SUBMISSION_CONFIRM_HOURS = before
    }
  })
})

describe('links in mails', () => {
  it('have a single slash after SERVER_URL, and use PORT without it', () => {
    const before = { SERVER_URL: process.env.SERVER_URL, PORT: process.env.PORT }
    try {
      process.env.SERVER_URL = 'https://cms.weektegenkindermishandeling.nl/'
      expect(adminLink(7)).toBe('https://cms.weektegenkindermishandeling.nl/admin/collections/activities/7')
      expect(confirmationLink('geheim', 7, new Date())).toMatch(/^https:\/\/cms\.weektegenkindermishandeling\.nl\/api\/activities\/public-submission\/confirm\?/)
      delete process.env.SERVER_URL
      process.env.PORT = '4321'
      expect(adminLink(7)).toBe('http://localhost:4321/admin/collections/activities/7')
    } finally {
      for (const [name, value] of Object.entries(before)) {
        if (value === undefined) delete process.env[name]
        else process.env[name] = value
      }
    }
  })
})
