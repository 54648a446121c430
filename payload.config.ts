import path from 'node:path'

import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { nl } from '@payloadcms/translations/languages/nl'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { Activities } from './collections/Activities'
import { ActivityHistory } from './collections/ActivityHistory'
import { AuditLog } from './collections/AuditLog'
import { CampaignAssets } from './collections/CampaignAssets'
import { Editions } from './collections/Editions'
import { Media } from './collections/Media'
import { Organisers } from './collections/Organisers'
import { Stories } from './collections/Stories'
import { StoryAudio } from './collections/StoryAudio'
import { Users } from './collections/Users'
import { WebhookDeliveries } from './collections/WebhookDeliveries'
import { Webhooks } from './collections/Webhooks'
import { SiteSettings } from './globals/SiteSettings'
import { isAdmin, isEditor, partnerOrganiser } from './src/access/roles'
import { poolOptions, resilientPg } from './src/db/pool'
import { cookieOrigins } from './src/delivery/origins'
import { settings } from './src/env'
import { limitQueryShape } from './src/graphql/limits'
import { anonymousReadLimits } from './src/plugins/anonymousReadLimits'
import { unreachableSessions } from './src/plugins/unreachableSessions'
import { inputGuards } from './src/plugins/inputGuards'
import { guardAccessQueries } from './src/plugins/docAccess'
import { answerBadInputWith400 } from './src/hooks/answerBadInputWith400'
import { answerRefusalsInFull } from './src/hooks/answerRefusalsInFull'
import { loggingLevels, payloadLogger } from './src/logger'
import { resolveSecret } from './src/db/secret'
import { withCheckedCommits } from './src/db/transaction'
import { withExclusiveJobClaims } from './src/db/jobClaims'
import { withMigrationLock } from './src/db/migrationLock'
import { label } from './src/fields/label'
import { answerMissingPreferenceWith404 } from './src/endpoints/preferences'
import { openAPIEndpoint } from './src/endpoints/openapi'
import { previewEndpoints } from './src/endpoints/preview'
import { privacyEndpoints } from './src/endpoints/privacy'
import { searchEndpoint } from './src/endpoints/search'
import { answerLockedAsWrongPassword } from './src/hooks/sameLoginAnswer'
import { emailAdapter } from './src/mail/adapter'
import { sendEmailTask } from './src/mail/sendEmailTask'
import { activityExport } from './src/plugins/activityExport'
import { documentLocks, guardLockedDocuments } from './src/plugins/documentLocks'
import { offerOnlyNeededOperations } from './src/plugins/offeredOperations'
import { uploadStorage } from './src/plugins/storage'
import { seo } from './src/plugins/seo'
import { draftPreview } from './src/plugins/preview'
import { announceConsentExpiryTask } from './src/workflow/announceConsentExpiryTask'
import { expireSubmissionsTask } from './src/workflow/expireSubmissionsTask'
import { retentionTask } from './src/privacy/retention'
import { migrations } from './src/migrations'
import { deliverWebhookTask } from './src/webhooks/deliverTask'
import { webhookQueue } from './src/webhooks/queue'

// Every setting is read and checked here, once: a wrong one stops the CMS with its name (src/env.ts).
const env = settings()

function databaseUrl(): string {
  const url = env.databaseUrl
  if (url) return url
  // `next build` loads the config without touching the database.
  if (env.building) return 'postgres://build-time-placeholder/unused'
  throw new Error(
    'DATABASE_URL is not set. Use `npm run dev`, which starts an embedded PostgreSQL, or set DATABASE_URL to a PostgreSQL server (postgres://user:password@host:5432/database).',
  )
}

export default buildConfig({
  serverURL: env.configuredServerUrl,
  secret: resolveSecret(),
  admin: {
    user: Users.slug,
    avatar: 'default',
    dateFormat: 'd MMMM yyyy HH:mm',
    importMap: { baseDir: path.resolve('src') },
    meta: { titleSuffix: ' · Week tegen Kindermishandeling' },
    dashboard: {
      widgets: [
        {
          slug: 'review-queue',
          label: label('Te beoordelen activiteiten', 'Review queue'),
          Component: '/components/dashboard/ReviewQueue#ReviewQueue',
          minWidth: 'large',
        },
        {
          slug: 'partner-home',
          label: label('Uw activiteiten', 'Your activities'),
          Component: '/components/dashboard/PartnerHome#PartnerHome',
          minWidth: 'large',
        },
        {
          slug: 'consent-expiry',
          label: label('Toestemming die verloopt', 'Expiring consent'),
          Component: '/components/dashboard/ConsentExpiry#ConsentExpiry',
          minWidth: 'large',
        },
      ],
      // Editors start with their review queue, partners with their own organisation's activities.
      defaultLayout: ({ req }) =>
        partnerOrganiser(req) !== undefined
          ? [{ widgetSlug: 'partner-home', width: 'full' }]
          : [
              { widgetSlug: 'review-queue', width: 'full' },
              { widgetSlug: 'consent-expiry', width: 'full' },
              { widgetSlug: 'collections', width: 'full' },
            ],
    },
    timezones: {
      defaultTimezone: 'Europe/Amsterdam',
      supportedTimezones: [{ label: 'Amsterdam', value: 'Europe/Amsterdam' }],
    },
  },
  collections: [Activities, ActivityHistory, Editions, Organisers, Stories, CampaignAssets, Media, StoryAudio, Users, Webhooks, WebhookDeliveries, AuditLog],
  globals: [SiteSettings],
  endpoints: [searchEndpoint, ...previewEndpoints, openAPIEndpoint, ...privacyEndpoints],
  editor: lexicalEditor(),
  email: emailAdapter(),
  // Several instances share the database: migrations run one instance at a time, and each job is claimed by one runner.
  db: withExclusiveJobClaims(
    withMigrationLock(
      withCheckedCommits(
        postgresAdapter({
          pg: resilientPg,
          pool: poolOptions(databaseUrl()),
          push: false,
          migrationDir: path.resolve('src/migrations'),
          prodMigrations: migrations,
        }),
      ),
    ),
  ),
  localization: {
    locales: [
      { code: 'nl', label: 'Nederlands' },
      { code: 'en', label: 'English' },
    ],
    defaultLocale: 'nl',
    fallback: true,
  },
  i18n: {
    supportedLanguages: { nl, en },
    fallbackLanguage: 'nl',
    // Every failed login gets this answer, also for a locked account (src/hooks/sameLoginAnswer.ts).
    translations: {
      nl: {
        error: { emailOrPasswordIncorrect: 'Het e-mailadres of wachtwoord is onjuist, of het account is na te veel mislukte pogingen tijdelijk geblokkeerd.' },
      },
      en: { error: { emailOrPasswordIncorrect: 'The email or password is incorrect, or the account is temporarily blocked after too many failed attempts.' } },
    },
  },
  hooks: {
    // The body Payload documents for every refusal first; the two after it answer particular errors their own way.
    afterError: [answerRefusalsInFull, answerLockedAsWrongPassword, answerBadInputWith400],
  },
  sharp,
  upload: {
    limits: { fileSize: env.uploadMaxBytes },
    abortOnLimit: true,
  },
  // Websites may read the API from the browser; only the CMS's own origin may use its login cookie.
  cors: [...env.corsOrigins],
  csrf: cookieOrigins(env),
  // The input guards and read caps come last so they also cover the collections the export plugin adds.
  // Uploads on local disk, or in the S3 bucket S3_BUCKET names (src/plugins/storage.ts).
  plugins: [uploadStorage(), seo(), draftPreview(), ...activityExport(), documentLocks(), inputGuards(), anonymousReadLimits(), unreachableSessions],
  graphQL: {
    maxComplexity: 1000,
    validationRules: () => [limitQueryShape()],
    disablePlaygroundInProduction: true,
    disableIntrospectionInProduction: true,
    schemaOutputFile: path.resolve('docs/schema.graphql'),
  },
  jobs: {
    access: {
      queue: ({ req }) => isEditor(req),
      run: ({ req }) => isAdmin(req),
      cancel: ({ req }) => isAdmin(req),
    },
    tasks: [sendEmailTask, expireSubmissionsTask, announceConsentExpiryTask, deliverWebhookTask, retentionTask],
    // Runs queued mail and scheduled publications of stories inside the long-running server, and
    // webhook deliveries every 5 seconds, so a website hears of a withdrawn story at once. Every
    // instance may, since a job is claimed by one of them only (src/db/jobClaims.ts).
    autoRun: [
      { cron: '* * * * *', queue: 'default', limit: 20 },
      { cron: '*/5 * * * * *', queue: webhookQueue, limit: 20 },
    ],
    shouldAutoRun: () => settings().jobsAutorun,
  },
  typescript: {
    outputFile: path.resolve('src/payload-types.ts'),
  },
  telemetry: false,
  // Payload's readable default log unless a level is asked for (the test runner asks for 'warn').
  // Refusals (4xx) are logged at info, server faults (5xx) at error: src/logger.ts.
  logger: payloadLogger(env.logLevel),
  loggingLevels,
})
  .then(answerMissingPreferenceWith404)
  .then(guardAccessQueries)
  .then(offerOnlyNeededOperations)
  .then(guardLockedDocuments)
