/**
 * Every setting of the CMS, read from the environment and checked in one place. A value that is
 * not what the setting needs stops the CMS with a sentence naming the variable, instead of
 * turning into NaN or an address with a double slash somewhere later.
 *
 * `readSettings(env)` reads a given environment; `settings()` reads `process.env` and reads it
 * again only when one of the variables below changed (the test suites change some per case, the
 * development scripts set DATABASE_URL before loading the config). `.env.example` and the README's
 * configuration table list the same names (tests/settings.test.ts).
 */
import { BlockList, isIP } from 'node:net'
import path from 'node:path'

/** The variables an operator sets, in the order of `.env.example`. */
export const settingNames = [
  'DATABASE_URL',
  'PAYLOAD_SECRET',
  'PORT',
  'SERVER_URL',
  'CORS_ORIGINS',
  'UPLOAD_MAX_BYTES',
  'MEDIA_MAX_BYTES',
  'MEDIA_DIR',
  'WTK_DATA_DIR',
  'DATABASE_CONNECT_TIMEOUT_MS',
  'DATABASE_POOL_WAIT_MS',
  'DATABASE_POOL_MAX',
  'PAYLOAD_JOBS_AUTORUN',
  'SMTP_HOST',
  'SMTP_PORT',
  'SMTP_SECURE',
  'SMTP_USER',
  'SMTP_PASSWORD',
  'MAIL_FROM',
  'MAIL_FROM_NAME',
  'REVIEW_INBOX',
  'PUBLIC_SUBMISSION_LIMIT_PER_HOUR',
  'PUBLIC_SUBMISSION_LIMIT_PER_CONTACT',
  'PUBLIC_SUBMISSION_LIMIT_TOTAL',
  'TRUSTED_PROXIES',
  'PUBLIC_SUBMISSION_CONFIRM_HOURS',
  'JSON_BODY_MAX_BYTES',
  'LOG_LEVEL',
] as const

export type SettingName = (typeof settingNames)[number]

/** Set by Node.js and Next.js, not by the operator; read here too so no other file reads the environment. */
const runtimeNames = ['NODE_ENV', 'NEXT_PHASE'] as const

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export type LogLevel = (typeof logLevels)[number]

export type TrustedProxies = { hops: number } | { addresses: BlockList }

export type Settings = Readonly<{
  /** PostgreSQL connection string; undefined in development until the embedded database runs. */
  databaseUrl: string | undefined
  payloadSecret: string | undefined
  port: number
  /** The public address of the CMS without trailing slash: SERVER_URL, or http://localhost:PORT. */
  serverUrl: string
  /** SERVER_URL without trailing slash, only when it is set. */
  configuredServerUrl: string | undefined
  /** Origins without trailing slash. */
  corsOrigins: readonly string[]
  uploadMaxBytes: number
  mediaMaxBytes: number
  /** Absolute folder; one folder per upload collection below it. */
  mediaDir: string
  /** Absolute folder of the embedded database and the development secret. */
  dataDir: string
  databaseConnectTimeoutMs: number
  databasePoolWaitMs: number
  databasePoolMax: number
  jobsAutorun: boolean
  smtpHost: string | undefined
  smtpPort: number
  smtpSecure: boolean
  smtpUser: string | undefined
  smtpPassword: string
  mailFrom: string
  mailFromName: string
  reviewInbox: string | undefined
  publicSubmissionLimitPerHour: number
  publicSubmissionLimitPerContact: number
  publicSubmissionLimitTotal: number
  trustedProxies: TrustedProxies
  publicSubmissionConfirmHours: number
  jsonBodyMaxBytes: number
  /** Undefined: Payload's own readable log. */
  logLevel: LogLevel | undefined
  /** NODE_ENV is production. */
  production: boolean
  /** `next build` is evaluating the config (NEXT_PHASE). */
  building: boolean
}>

/** One sentence per setting that is wrong. */
export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join(' '))
    this.name = 'SettingsError'
  }
}

type Env = Readonly<Record<string, string | undefined>>

const trustedProxiesHelp =
  'TRUSTED_PROXIES is the number of proxies in front of the CMS (such as 1), or a comma-separated list of their addresses (such as 10.0.0.5, 2001:db8::1, 10.0.0.0/8)'

/** IPv4 addresses as IPv4, also when a dual-stack socket reports them as `::ffff:a.b.c.d`. */
export const normaliseAddress = (address: string) => {
  const trimmed = address.trim()
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed)
  return mapped ? mapped[1] : trimmed
}

export const ipType = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4')

/** A value of TRUSTED_PROXIES; throws on one that is neither a number nor a list of addresses. */
export function parseTrustedProxies(value: string): TrustedProxies {
  const text = value.trim()
  if (text === '') return { hops: 0 }
  if (/^\d+$/.test(text)) return { hops: Number(text) }
  const addresses = new BlockList()
  for (const entry of text.split(',').map((part) => part.trim())) {
    const [address, prefix, ...rest] = entry.split('/')
    const ip = normaliseAddress(address)
    const bits = isIP(ip) === 6 ? 128 : 32
    if (!isIP(ip) || rest.length || (prefix !== undefined && !(/^\d+$/.test(prefix) && Number(prefix) <= bits))) {
      throw new Error(`${trustedProxiesHelp}; "${entry}" is neither.`)
    }
    if (prefix === undefined) addresses.addAddress(ip, ipType(ip))
    else addresses.addSubnet(ip, Number(prefix), ipType(ip))
  }
  return { addresses }
}

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '')

const isHttpUrl = (value: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol)
  } catch {
    return false
  }
}

/** What node-postgres reads as a connection string: a URL (also with an empty host) or a socket folder. */
const isPostgresUrl = (value: string) => {
  if (value.startsWith('/')) return true
  const encoded = / |%[^a-f0-9]|%[a-f0-9][^a-f0-9]/i.test(value) ? encodeURI(value).replace(/%25(\d\d)/g, '%$1') : value
  for (const candidate of [encoded, encoded.replace('@/', '@dummy/')]) {
    try {
      return ['postgres:', 'postgresql:', 'socket:'].includes(new URL(candidate).protocol)
    } catch {
      // tried again with a host, as node-postgres does
    }
  }
  return false
}

const MB = 1024 * 1024
const GB = 1024 * MB

/** Reads and checks every setting of `env`; throws a SettingsError naming each one that is wrong. */
export function readSettings(env: Env = process.env): Settings {
  const problems: string[] = []
  /** The value as given, or undefined when unset or empty. */
  const raw = (name: SettingName | (typeof runtimeNames)[number]) => {
    const value = env[name]
    return value === undefined || value.trim() === '' ? undefined : value
  }
  const text = (name: SettingName) => raw(name)?.trim()

  const wholeNumber = (name: SettingName, fallback: number, min: number, max: number): number => {
    const value = text(name)
    if (value === undefined) return fallback
    if (/^\d+$/.test(value) && Number(value) >= min && Number(value) <= max) return Number(value)
    problems.push(`${name} must be a whole number from ${min} to ${max}, got '${value}'.`)
    return fallback
  }

  const boolean = (name: SettingName, fallback: boolean): boolean => {
    const value = text(name)?.toLowerCase()
    if (value === undefined) return fallback
    if (value === 'true' || value === 'false') return value === 'true'
    problems.push(`${name} must be true or false, got '${text(name)}'.`)
    return fallback
  }

  const httpUrl = (name: SettingName, value: string, example: string): string | undefined => {
    if (isHttpUrl(value)) return withoutTrailingSlash(value)
    problems.push(`${name} must be an http or https URL such as ${example}, got '${value}'.`)
    return undefined
  }

  const databaseUrl = raw('DATABASE_URL')
  if (databaseUrl !== undefined && !isPostgresUrl(databaseUrl.trim())) {
    // The value itself is not repeated: it may hold a password.
    problems.push('DATABASE_URL must be a PostgreSQL connection string such as postgres://user:password@host:5432/database, and the value given is not one.')
  }

  const port = wholeNumber('PORT', 3000, 1, 65535)
  const serverUrlText = text('SERVER_URL')
  const configuredServerUrl = serverUrlText === undefined ? undefined : httpUrl('SERVER_URL', serverUrlText, 'https://cms.weektegenkindermishandeling.nl')

  const corsOrigins: string[] = []
  for (const entry of (text('CORS_ORIGINS') ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)) {
    const origin = httpUrl('CORS_ORIGINS', entry, 'https://www.weektegenkindermishandeling.nl (several separated by commas)')
    if (origin) corsOrigins.push(origin)
  }

  let trustedProxies: TrustedProxies = { hops: 0 }
  try {
    trustedProxies = parseTrustedProxies(text('TRUSTED_PROXIES') ?? '')
  } catch (error) {
    problems.push((error as Error).message)
  }

  const logLevelText = text('LOG_LEVEL')
  const logLevel = logLevelText === undefined ? undefined : logLevels.find((level) => level === logLevelText.toLowerCase())
  if (logLevelText !== undefined && !logLevel) {
    problems.push(`LOG_LEVEL must be one of ${logLevels.join(', ')}, got '${logLevelText}'.`)
  }

  const settings: Settings = {
    databaseUrl: databaseUrl?.trim(),
    payloadSecret: raw('PAYLOAD_SECRET'),
    port,
    serverUrl: configuredServerUrl ?? `http://localhost:${port}`,
    configuredServerUrl,
    corsOrigins,
    uploadMaxBytes: wholeNumber('UPLOAD_MAX_BYTES', 200 * MB, 1, 10 * GB),
    mediaMaxBytes: wholeNumber('MEDIA_MAX_BYTES', 15 * MB, 1, 10 * GB),
    mediaDir: path.resolve(text('MEDIA_DIR') ?? 'media'),
    dataDir: path.resolve(text('WTK_DATA_DIR') ?? '.data'),
    databaseConnectTimeoutMs: wholeNumber('DATABASE_CONNECT_TIMEOUT_MS', 5000, 1, 600_000),
    databasePoolWaitMs: wholeNumber('DATABASE_POOL_WAIT_MS', 30_000, 1, 600_000),
    databasePoolMax: wholeNumber('DATABASE_POOL_MAX', 10, 1, 100),
    jobsAutorun: boolean('PAYLOAD_JOBS_AUTORUN', true),
    smtpHost: text('SMTP_HOST'),
    smtpPort: wholeNumber('SMTP_PORT', 587, 1, 65535),
    smtpSecure: boolean('SMTP_SECURE', false),
    smtpUser: text('SMTP_USER'),
    smtpPassword: raw('SMTP_PASSWORD') ?? '',
    mailFrom: text('MAIL_FROM') ?? 'noreply@weektegenkindermishandeling.nl',
    mailFromName: text('MAIL_FROM_NAME') ?? 'Week tegen Kindermishandeling',
    reviewInbox: text('REVIEW_INBOX'),
    publicSubmissionLimitPerHour: wholeNumber('PUBLIC_SUBMISSION_LIMIT_PER_HOUR', 5, 1, 1_000_000),
    publicSubmissionLimitPerContact: wholeNumber('PUBLIC_SUBMISSION_LIMIT_PER_CONTACT', 3, 1, 1_000_000),
    publicSubmissionLimitTotal: wholeNumber('PUBLIC_SUBMISSION_LIMIT_TOTAL', 200, 1, 1_000_000),
    trustedProxies,
    publicSubmissionConfirmHours: wholeNumber('PUBLIC_SUBMISSION_CONFIRM_HOURS', 48, 1, 8760),
    jsonBodyMaxBytes: wholeNumber('JSON_BODY_MAX_BYTES', MB, 1, GB),
    logLevel,
    production: raw('NODE_ENV') === 'production',
    building: raw('NEXT_PHASE') === 'phase-production-build',
  }
  if (problems.length) throw new SettingsError(problems)
  return Object.freeze(settings)
}

const watched = [...settingNames, ...runtimeNames]
let cached: { key: string; settings: Settings } | undefined

/** The settings of `process.env`, read again only after one of them changed. */
export function settings(): Settings {
  const key = watched.map((name) => process.env[name] ?? '\u0000').join('\u0001')
  if (cached?.key !== key) cached = { key, settings: readSettings(process.env) }
  return cached.settings
}
