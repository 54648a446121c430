/**
 * `npm run soak`: the production build under a mixed load for a while, optionally through a
 * restart of PostgreSQL, then a check of the data.
 *
 *   npm run soak -- [--duration 10m] [--connections 10] [--restart-db-at 5m] [--restart-for 10s]
 *                   [--activities 2000] [--skip-build]
 *
 * A fresh database on a PostgreSQL cluster of its own (so it can be stopped), filled like the
 * benchmark's; `next start` on it; public reads, partner writes and editor decisions over HTTP.
 * Prints the requests served, the answers by class, p50/p99 latency, the server's memory over
 * time and the consistency check. Exits non-zero when the check fails, when the server stops,
 * or when an unexpected answer came outside the restart window (from the stop of PostgreSQL
 * until `--grace` after it is back).
 */
import { spawnSync } from 'node:child_process'
import { parseArgs } from 'node:util'

import pg from 'pg'

import { defaultVolume, type Volume } from '../bench/fill'
import { buildNext, nextServerPid, residentMiB, startNext, stop, waitFor } from '../bench/server'
import { freePort } from '../db/embedded'
import { scratchWithOwnCluster } from '../db/scratch'
import { byClass, Load, type Outcome, percentile } from '../soak/load'
import { verify } from '../soak/verify'
import { prepareWorld } from '../soak/world'
import { runMigrations } from './migrations'

type Options = {
  durationMs: number
  connections: number
  restartAtMs?: number
  restartForMs: number
  graceMs: number
  activities: number
  skipBuild: boolean
}

/** `90`, `90s`, `10m`, `1h` in milliseconds. */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim())
  if (!match) throw new Error(`Not a duration: "${text}" (use 45s, 10m, 1h)`)
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(match[2] ?? 's') as 'ms' | 's' | 'm' | 'h']
  return Number(match[1]) * unit
}

function options(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      duration: { type: 'string', default: '1m' },
      connections: { type: 'string', default: '10' },
      'restart-db-at': { type: 'string' },
      'restart-for': { type: 'string', default: '10s' },
      grace: { type: 'string', default: '10s' },
      activities: { type: 'string', default: '2000' },
      'skip-build': { type: 'boolean', default: false },
    },
  })
  const restartAt = values['restart-db-at']
  const opts: Options = {
    durationMs: parseDuration(values.duration),
    connections: Number(values.connections),
    restartAtMs: restartAt ? parseDuration(restartAt) : undefined,
    restartForMs: parseDuration(values['restart-for']),
    graceMs: parseDuration(values.grace),
    activities: Number(values.activities),
    skipBuild: values['skip-build'],
  }
  if (!Number.isInteger(opts.connections) || opts.connections < 1) throw new Error('--connections needs a whole number above 0')
  if (opts.restartAtMs !== undefined && opts.restartAtMs + opts.restartForMs >= opts.durationMs) {
    throw new Error('--restart-db-at plus --restart-for must end before --duration')
  }
  return opts
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

async function maxActivityId(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query<{ max: number }>('SELECT coalesce(max(id), 0)::int AS max FROM activities')).rows[0].max
  } finally {
    await client.end()
  }
}

function report(outcomes: Outcome[], started: number, inWindow: (o: Outcome) => boolean) {
  const served = outcomes.filter((o) => o.status !== 'network')
  console.log(`\nRequests: ${outcomes.length} sent, ${served.length} answered, ${(outcomes.length / ((Date.now() - started) / 1000)).toFixed(1)}/s`)
  console.log(`Answers by class: ${JSON.stringify(byClass(outcomes))}`)
  const ms = served.map((o) => o.ms)
  console.log(`Latency: p50 ${percentile(ms, 50).toFixed(1)} ms, p99 ${percentile(ms, 99).toFixed(1)} ms`)
  const actions = [...new Set(outcomes.map((o) => o.action))]
  console.log('action               requests   p50 ms   p99 ms   answers')
  for (const action of actions) {
    const of = outcomes.filter((o) => o.action === action)
    const times = of.filter((o) => o.status !== 'network').map((o) => o.ms)
    console.log(
      `${action.padEnd(20)} ${String(of.length).padStart(8)} ${percentile(times, 50).toFixed(1).padStart(8)} ${percentile(times, 99).toFixed(1).padStart(8)}   ${JSON.stringify(byClass(of))}`,
    )
  }
  const window = outcomes.filter(inWindow)
  if (window.length) console.log(`During the restart window: ${JSON.stringify(byClass(window))}`)
}

async function main(): Promise<number> {
  const opts = options(process.argv.slice(2))
  if (!opts.skipBuild) buildNext({ show: true })
  const { database, env, dispose } = await scratchWithOwnCluster('wtk_soak')
  let server: ReturnType<typeof startNext> | undefined
  let load: Load | undefined
  const cleanUp = async () => {
    await load?.stop()
    if (server) await stop(server.child)
    await dispose()
  }
  // Ctrl-C still stops the server and the PostgreSQL cluster.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanUp().finally(() => process.exit(130)))
  try {
    await runMigrations(env)
    const volume: Volume = { ...defaultVolume, activities: opts.activities, organisers: 100, stories: 50 }
    console.log(`Filling the database with ${volume.activities} activities …`)
    const prepared = spawnSync('npx', ['tsx', 'src/bench/prepare.ts', JSON.stringify(volume)], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    if (prepared.status !== 0) throw new Error(`Filling failed:\n${prepared.stdout}\n${prepared.stderr}`)
    const sinceId = await maxActivityId(database.url)

    const port = await freePort()
    const base = `http://127.0.0.1:${port}`
    server = startNext(port, env)
    await waitFor(`${base}/api/globals/site-settings`, server)
    const pid = nextServerPid(server.child.pid!)
    const world = await prepareWorld(base)
    load = new Load(world)

    const memory: { at: number; mib: number }[] = []
    const sample = () => {
      const mib = pid ? residentMiB(pid) : undefined
      if (mib !== undefined) memory.push({ at: Date.now() - started, mib })
    }
    const started = Date.now()
    console.log(
      `Load: ${opts.connections} connections for ${seconds(opts.durationMs)}${opts.restartAtMs ? `, PostgreSQL stopped at ${seconds(opts.restartAtMs)} for ${seconds(opts.restartForMs)}` : ''}`,
    )
    sample()
    const sampler = setInterval(sample, 5000)
    const progress = setInterval(() => {
      const recent = load!.outcomes.filter((o) => o.at > Date.now() - 30_000)
      console.log(
        `  ${seconds(Date.now() - started)}: ${load!.outcomes.length} requests, last 30 s ${JSON.stringify(byClass(recent))}, RSS ${memory.at(-1)?.mib.toFixed(0)} MiB`,
      )
    }, 30_000)
    load.start(opts.connections)

    let window: { from: number; to: number } | undefined
    if (opts.restartAtMs !== undefined) {
      await new Promise((resolve) => setTimeout(resolve, opts.restartAtMs))
      const from = Date.now()
      await database.pause()
      console.log(`  ${seconds(from - started)}: PostgreSQL stopped`)
      await new Promise((resolve) => setTimeout(resolve, opts.restartForMs))
      await database.resume()
      console.log(`  ${seconds(Date.now() - started)}: PostgreSQL started again`)
      window = { from, to: Date.now() + opts.graceMs }
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + opts.durationMs - Date.now())))
    await load.stop()
    clearInterval(sampler)
    clearInterval(progress)
    sample()
    const alive = server.child.exitCode === null

    const inWindow = (o: Outcome) => window !== undefined && o.at >= window.from && o.at <= window.to
    report(load.outcomes, started, inWindow)
    console.log(
      `Server memory (RSS of next-server, MiB): ${memory
        .filter((_, i) => i % Math.max(1, Math.floor(memory.length / 12)) === 0 || i === memory.length - 1)
        .map((m) => `${seconds(m.at)} ${m.mib.toFixed(0)}`)
        .join(', ')}`,
    )
    if (memory.length)
      console.log(
        `  min ${Math.min(...memory.map((m) => m.mib)).toFixed(0)}, max ${Math.max(...memory.map((m) => m.mib)).toFixed(0)}, end ${memory.at(-1)!.mib.toFixed(0)}`,
      )

    const unexpected = load.outcomes.filter((o) => !o.expected && !inWindow(o))
    const leaky = load.outcomes.filter((o) => o.leaky)
    const recovered = window ? load.outcomes.some((o) => o.at > window.to && o.expected && o.status === 200) : true
    await stop(server.child)
    const problems = await verify(database.url, load.acknowledged, sinceId)
    console.log(`\nAcknowledged: ${load.acknowledged.creates.length} activities created, ${load.acknowledged.transitions.length} transitions`)
    console.log(`Consistency: ${problems.length === 0 ? 'ok' : JSON.stringify(problems, null, 1)}`)
    const failures = [
      ...(alive ? [] : ['the server stopped during the run']),
      ...(unexpected.length
        ? [
            `${unexpected.length} unexpected answers outside the restart window: ${JSON.stringify(byClass(unexpected))} (${[...new Set(unexpected.map((o) => o.action))].join(', ')})`,
          ]
        : []),
      ...(leaky.length ? [`${leaky.length} server errors showed internals`] : []),
      ...(recovered ? [] : ['no successful answer after PostgreSQL came back']),
      ...(problems.length ? ['the data is inconsistent'] : []),
    ]
    console.log(failures.length ? `\nSOAK FAILED:\n- ${failures.join('\n- ')}` : '\nSOAK PASSED')
    if (failures.length && server) console.log(`\nLast server output:\n${server.output().slice(-4000)}`)
    return failures.length ? 1 : 0
  } finally {
    await cleanUp()
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error)
    process.exit(1)
  },
)
