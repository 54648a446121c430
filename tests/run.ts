/**
 * `npm test` after the type check: a fresh database for this run only (a new database on the
 * server DATABASE_URL names, or a throw-away embedded cluster), the migrations applied to it,
 * then the Vitest suites. The development database is never touched.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'

import { freePort } from '../src/db/embedded'
import { scratchEnvironment } from '../src/db/scratch'
import { runMigrations } from '../src/scripts/migrations'

async function main(): Promise<number> {
  const started = Date.now()
  const { database, env: scratchEnv, dispose } = await scratchEnvironment('wtk_test')
  console.log(
    `Test database: ${process.env.DATABASE_URL ? 'new database on DATABASE_URL' : 'embedded PostgreSQL'} (${database.url.replace(/:[^:@/]+@/, ':***@')})`,
  )
  const smtpPort = await freePort()
  const env: NodeJS.ProcessEnv = {
    ...scratchEnv,
    // Suites that need the production build share one build per run (tests/helpers/production.ts).
    // Setting it yourself reuses the build an earlier run with the same id made.
    WTK_TEST_RUN_ID: process.env.WTK_TEST_RUN_ID ?? randomBytes(8).toString('hex'),
    // Suites that check mail listen here with a real SMTP server (tests/helpers/mailbox.ts).
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtpPort),
    SMTP_SECURE: 'false',
    MAIL_FROM: 'noreply@weektegenkindermishandeling.test',
    // The campaign website that may read the API from a browser (tests/delivery.test.ts).
    CORS_ORIGINS: 'https://www.weektegenkindermishandeling.nl',
    // Suites submit the public form many times with the same contact; the caps are tested in
    // tests/public-submission.test.ts, which sets its own.
    PUBLIC_SUBMISSION_LIMIT_PER_CONTACT: '1000',
    PUBLIC_SUBMISSION_LIMIT_TOTAL: '100000',
    // The campaign site's preview page: the admin's preview button (tests/preview.test.ts).
    PREVIEW_URL: 'https://www.weektegenkindermishandeling.nl/voorbeeld?collection={collection}&slug={slug}&token={token}',
    // Small limits keep the upload refusal tests fast.
    UPLOAD_MAX_BYTES: String(6 * 1024 * 1024),
    MEDIA_MAX_BYTES: String(2 * 1024 * 1024),
  }
  console.log(`Test run id: ${env.WTK_TEST_RUN_ID} (WTK_TEST_RUN_ID=${env.WTK_TEST_RUN_ID} reuses this run's production build)`)
  try {
    await runMigrations(env)
    return await new Promise<number>((resolve) => {
      const vitest = spawn('npx', ['vitest', 'run', ...process.argv.slice(2)], { stdio: 'inherit', env })
      // Interrupted, the run still removes its database and folders: the suites end first.
      const forward = (signal: NodeJS.Signals) => vitest.kill(signal)
      process.on('SIGINT', forward)
      process.on('SIGTERM', forward)
      vitest.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
    })
  } finally {
    await dispose().catch((error) => console.error(`Could not remove the test database: ${error}`))
    console.log(`Test run took ${Math.round((Date.now() - started) / 1000)} s`)
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error)
    process.exit(1)
  },
)
