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
  'PAYLOAD_JOBS_RECLAIM_AFTER_MINUTES',
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
  'S3_BUCKET',
  'S3_ENDPOINT',
  'S3_REGION',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'S3_FORCE_PATH_STYLE',
  'S3_CHECKSUMS',
  'REDIS_URL',
  'REDIS_KEY_PREFIX',
  'WEBHOOKS_ALLOW_PRIVATE_ADDRESSES',
  'WEBHOOKS_RETRY_DELAYS',
  'PREVIEW_URL',
  'RETENTION_CONTACT_MONTHS',
  'RETENTION_REFUSED_DAYS',
  'RETENTION_JOBS_DAYS',
  'RETENTION_SUBMISSION_HASH_DAYS',
  'RETENTION_EXPORTS_DAYS',
  'RETENTION_WEBHOOK_DELIVERIES_DAYS',
  'RETENTION_AUDIT_LOG_MONTHS',
] as const

export type SettingName = (typeof settingNames)[number]

/** Set by Node.js and Next.js, not by the operator; read here too so no other file reads the environment. */
const runtimeNames = ['NODE_ENV', 'NEXT_PHASE'] as const

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export type LogLevel = (typeof logLevels)[number]

export type TrustedProxies = { hops: number } | { addresses: BlockList }

export const s3ChecksumModes = ['when_required', 'when_supported'] as const
export type S3ChecksumMode = (typeof s3ChecksumModes)[number]

/** Where uploads are stored when S3_BUCKET is set. */
export type S3Settings = Readonly<{
  bucket: string
  /** Without trailing slash; undefined means AWS itself. */
  endpoint: string | undefined
  region: string
  /** Both or neither; without them the AWS SDK's own credential chain (instance role, AWS_* variables) applies. */
  credentials: Readonly<{ accessKeyId: string; secretAccessKey: string }> | undefined
  forcePathStyle: boolean
  /** `when_required`: no checksums the server did not ask for, which many S3-compatible servers reject. */
  checksums: S3ChecksumMode
}>

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
  /** A job still marked running this long after it was claimed is taken as abandoned and runs again. */
  jobsReclaimAfterMinutes: number
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
  /** Undefined: uploads are stored on local disk below `mediaDir`. */
  s3: S3Settings | undefined
  /** Redis shared by the instances for the response cache; undefined: a cache in each process. */
  redisUrl: string | undefined
  /** Start of every key the CMS writes in Redis. */
  redisKeyPrefix: string
  /** Webhooks may reach loopback, private and link-local addresses (development and tests only). */
  webhooksAllowPrivateAddresses: boolean
  /** Seconds before each retry of a failed webhook delivery; its length bounds the attempts. */
  webhooksRetryDelays: readonly number[]
  /**
   * The campaign site's preview page, with `{collection}`, `{id}`, `{slug}`, `{locale}` and `{token}`
   * filled in per document; undefined: no preview button.
   */
  previewUrl: string | undefined
  /** How long personal data is kept (src/privacy/retention.ts). */
  retention: RetentionSettings
  /** NODE_ENV is production. */
  production: boolean
  /** `next build` is evaluating the config (NEXT_PHASE). */
  building: boolean
}>

/** The periods of src/privacy/retention.ts, each counted from the moment named. */
export type RetentionSettings = Readonly<{
  /** Contact details of activities, from the end of their edition. */
  contactMonths: number
  /** Rejected and withdrawn activities, from their last change. */
  refusedDays: number
  /** Finished (done or failed) jobs, such as mail with its body, from their last change. */
  jobsDays: number
  /** The public form's hashed client address, from the submission. */
  submissionHashDays: number
  /** CSV exports of activities and their files, from their creation. */
  exportsDays: number
  /** Delivered or failed webhook deliveries, from their creation. */
  webhookDeliveriesDays: number
  /** Entries of the audit log. */
  auditLogMonths: number
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

const isRedisUrl = (value: string) => {
  try {
    return ['redis:', 'rediss:'].includes(new URL(value).protocol)
  } catch {
    return false
  }
}
export type PreviewUrlValues = Readonly<Record<'collection' | 'id' | 'slug' | 'locale' | 'token', string>>

/** PREVIEW_URL with each `{name}` replaced by its value, URL-encoded. */
export const fillPreviewUrl = (template: string, values: PreviewUrlValues): string =>
  template.replace(/\{(collection|id|slug|locale|token)\}/g, (_, name: keyof PreviewUrlValues) => encodeURIComponent(values[name]))

/** The Standard Webhooks schedule after the first, immediate attempt: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
export const defaultWebhookRetryDelays: readonly number[] = [5, 300, 1800, 7200, 18_000, 36_000, 36_000]
/** The longest retry schedule WEBHOOKS_RETRY_DELAYS may set. */
export const maxWebhookRetries = 20

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

  const s3 = readS3Settings(text, boolean, httpUrl, problems)
  const redisUrl = text('REDIS_URL')
  if (redisUrl !== undefined && !isRedisUrl(redisUrl)) {
    // The value itself is not repeated: it may hold a password.
    problems.push('REDIS_URL must be a Redis URL such as redis://:password@host:6379/0 (rediss:// for TLS), and the value given is not one.')
  }

  const retryDelaysText = text('WEBHOOKS_RETRY_DELAYS')
  let webhooksRetryDelays = defaultWebhookRetryDelays
  if (retryDelaysText !== undefined) {
    const delays = retryDelaysText.split(',').map((part) => part.trim())
    if (delays.length <= maxWebhookRetries && delays.every((delay) => /^\d+$/.test(delay) && Number(delay) <= 86_400)) {
      webhooksRetryDelays = delays.map(Number)
    } else {
      problems.push(
        `WEBHOOKS_RETRY_DELAYS must be at most ${maxWebhookRetries} whole numbers of seconds from 0 to 86400, separated by commas, got '${retryDelaysText}'.`,
      )
    }
  }

  const previewUrlText = text('PREVIEW_URL')
  let previewUrl: string | undefined
  if (previewUrlText !== undefined) {
    // Checked with the placeholders filled in: the URL parser would encode their braces.
    if (!previewUrlText.includes('{token}')) problems.push(`PREVIEW_URL must contain {token}, where the preview token goes, got '${previewUrlText}'.`)
    else if (!isHttpUrl(fillPreviewUrl(previewUrlText, { collection: 'stories', id: '1', slug: 'x', locale: 'nl', token: 't' }))) {
      problems.push(
        `PREVIEW_URL must be an http or https URL such as https://www.weektegenkindermishandeling.nl/voorbeeld?collection={collection}&slug={slug}&token={token}, got '${previewUrlText}'.`,
      )
    } else previewUrl = previewUrlText
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
    jobsReclaimAfterMinutes: wholeNumber('PAYLOAD_JOBS_RECLAIM_AFTER_MINUTES', 15, 1, 1440),
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
    s3,
    redisUrl,
    redisKeyPrefix: text('REDIS_KEY_PREFIX') ?? 'wtk:',
    webhooksAllowPrivateAddresses: boolean('WEBHOOKS_ALLOW_PRIVATE_ADDRESSES', false),
    webhooksRetryDelays: Object.freeze(webhooksRetryDelays),
    previewUrl,
    retention: Object.freeze({
      contactMonths: wholeNumber('RETENTION_CONTACT_MONTHS', 12, 1, 120),
      refusedDays: wholeNumber('RETENTION_REFUSED_DAYS', 90, 1, 3650),
      jobsDays: wholeNumber('RETENTION_JOBS_DAYS', 30, 1, 3650),
      submissionHashDays: wholeNumber('RETENTION_SUBMISSION_HASH_DAYS', 7, 1, 365),
      exportsDays: wholeNumber('RETENTION_EXPORTS_DAYS', 7, 1, 3650),
      webhookDeliveriesDays: wholeNumber('RETENTION_WEBHOOK_DELIVERIES_DAYS', 90, 1, 3650),
      auditLogMonths: wholeNumber('RETENTION_AUDIT_LOG_MONTHS', 24, 1, 120),
    }),
    production: raw('NODE_ENV') === 'production',
    building: raw('NEXT_PHASE') === 'phase-production-build',
  }
  if (problems.length) throw new SettingsError(problems)
  return Object.freeze(settings)
}

/** An S3 bucket name as AWS allows it (and S3-compatible servers accept). */
const isBucketName = (name: string) => /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name) && !/\.\.|^\d+\.\d+\.\d+\.\d+$/.test(name)

function readS3Settings(
  text: (name: SettingName) => string | undefined,
  boolean: (name: SettingName, fallback: boolean) => boolean,
  httpUrl: (name: SettingName, value: string, example: string) => string | undefined,
  problems: string[],
): S3Settings | undefined {
  const bucket = text('S3_BUCKET')
  const endpointText = text('S3_ENDPOINT')
  const endpoint = endpointText === undefined ? undefined : httpUrl('S3_ENDPOINT', endpointText, 'https://s3.eu-central-1.example.com')
  const accessKeyId = text('S3_ACCESS_KEY_ID')
  const secretAccessKey = text('S3_SECRET_ACCESS_KEY')
  // Path-style addresses and checksums only when asked for are what servers other than AWS expect.
  const forcePathStyle = boolean('S3_FORCE_PATH_STYLE', endpointText !== undefined)
  const checksumsText = text('S3_CHECKSUMS')
  const checksums = checksumsText === undefined ? undefined : s3ChecksumModes.find((mode) => mode === checksumsText.toLowerCase())
  if (checksumsText !== undefined && !checksums) problems.push(`S3_CHECKSUMS must be when_required or when_supported, got '${checksumsText}'.`)

  if (bucket === undefined) {
    const given = settingNames.filter((name) => name.startsWith('S3_') && text(name) !== undefined)
    if (given.length) {
      const verb = given.length === 1 ? 'is' : 'are'
      problems.push(
        `${given.join(', ')} ${verb} set but S3_BUCKET is not: set S3_BUCKET to store uploads in S3, or leave the S3 settings empty to store them on disk.`,
      )
    }
    return undefined
  }
  if (!isBucketName(bucket)) {
    problems.push(`S3_BUCKET must be a bucket name of 3 to 63 lowercase letters, digits, dots and hyphens, got '${bucket}'.`)
  }
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
    // The values are not repeated: they are credentials.
    problems.push("S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both, or neither to use the AWS SDK's own credentials (an instance role).")
  }
  return Object.freeze({
    bucket,
    endpoint,
    region: text('S3_REGION') ?? 'us-east-1',
    credentials: accessKeyId !== undefined && secretAccessKey !== undefined ? Object.freeze({ accessKeyId, secretAccessKey }) : undefined,
    forcePathStyle,
    checksums: checksums ?? (endpointText !== undefined ? 'when_required' : 'when_supported'),
  })
}

const watched = [...settingNames, ...runtimeNames]
let cached: { key: string; settings: Settings } | undefined

/** The settings of `process.env`, read again only after one of them changed. */
export function settings(): Settings {
  const key = watched.map((name) => process.env[name] ?? '\u0000').join('\u0001')
  if (cached?.key !== key) cached = { key, settings: readSettings(process.env) }
  return cached.settings
}
