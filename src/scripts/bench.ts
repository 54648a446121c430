/**
 * `npm run bench`: how fast the public API answers a campaign website, against the floor of this
 * stack (the same query through bare `pg` and Node's HTTP server).
 *
 *   npm run bench -- [--activities 1000,100000] [--editions 10] [--organisers 500] [--stories 300]
 *                    [--duration 10] [--connections 10] [--runs 3] [--skip-build] [--plans FILE]
 *
 * For each volume: a fresh database (a new database on DATABASE_URL's server, or a throw-away
 * embedded PostgreSQL), filled; two instances of the production build started on it; then
 * autocannon on loopback against each scenario, `runs` times, and the medians printed:
 * the repeated list (one URL, as a campaign homepage asks it), its revalidation, visitors' own
 * queries (every request a different filter, so no cache can answer), the feed, GraphQL, and the
 * repeated list and own queries shared over both instances. The floor answers the same questions.
 * Timings are for this machine; nothing here is asserted.
 */
import { spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import { parseArgs } from 'node:util'

import autocannon from 'autocannon'

import { defaultVolume, type Volume } from '../bench/fill'
import { benchList, visitorQuery } from '../bench/scenarios'
import { buildNext, start, startNext, stop, waitFor } from '../bench/server'
import { freePort } from '../db/embedded'
import { scratchEnvironment } from '../db/scratch'
import { runMigrations } from './migrations'

type Options = Omit<Volume, 'activities'> & {
  activities: number[]
  duration: number
  connections: number
  runs: number
  skipBuild: boolean
  plans?: string
}

function options(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      activities: { type: 'string', default: '1000,100000' },
      editions: { type: 'string' },
      organisers: { type: 'string' },
      stories: { type: 'string' },
      duration: { type: 'string' },
      connections: { type: 'string' },
      runs: { type: 'string' },
      'skip-build': { type: 'boolean', default: false },
      plans: { type: 'string' },
    },
  })
  const wholeNumber = (given: string, problem: string) => {
    const parsed = Number(given)
    if (!Number.isInteger(parsed) || parsed < 1) throw new Error(problem)
    return parsed
  }
  const number = (name: 'editions' | 'organisers' | 'stories' | 'duration' | 'connections' | 'runs', fallback: number) => {
    const given = values[name]
    return given === undefined ? fallback : wholeNumber(given, `--${name} needs a whole number above 0, not "${given}"`)
  }
  return {
    activities: values.activities.split(',').map((item) => wholeNumber(item, `--activities needs whole numbers above 0, not "${item}"`)),
    editions: number('editions', defaultVolume.editions),
    organisers: number('organisers', defaultVolume.organisers),
    stories: number('stories', defaultVolume.stories),
    duration: number('duration', 10),
    connections: number('connections', 10),
    runs: number('runs', 3),
    skipBuild: values['skip-build'],
    plans: values.plans,
  }
}

type Measured = { rps: number; p50: number; p99: number; statuses: Record<string, number>; errors: number }
type Scenario = {
  name: string
  url: string
  /** A new path for every request (a visitor's own query); without it every request asks `url`. */
  nextPath?: () => string
  method?: 'GET' | 'POST'
  body?: string
  headers?: Record<string, string>
  expect: number
  /** The same scenario against further servers (instances behind a load balancer), measured at once. */
  alongside?: Omit<Scenario, 'name' | 'expect' | 'alongside'>[]
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

async function measure(scenario: Scenario, seconds: number, connections: number): Promise<Measured> {
  if (scenario.headers && 'If-None-Match' in scenario.headers) {
    // The tag the server gives now: what a CDN holding the page would send.
    const response = await fetch(scenario.url)
    const tag = response.headers.get('etag')
    if (!response.ok || !tag) throw new Error(`${scenario.name}: answered ${response.status} without an ETag`)
    scenario.headers['If-None-Match'] = tag
  }
  if (scenario.alongside?.length) {
    // The connections shared over the servers, as a load balancer would.
    const { alongside, ...first } = scenario
    const targets = [first, ...alongside]
    const each = Math.max(1, Math.round(connections / targets.length))
    const results = await Promise.all(targets.map((target) => measure({ ...target, name: scenario.name, expect: scenario.expect }, seconds, each)))
    return {
      rps: results.reduce((sum, r) => sum + r.rps, 0),
      p50: median(results.map((r) => r.p50)),
      p99: Math.max(...results.map((r) => r.p99)),
      statuses: mergeStatuses(results),
      errors: results.reduce((sum, r) => sum + r.errors, 0),
    }
  }
  const { nextPath } = scenario
  const result = await autocannon({
    url: scenario.url,
    method: scenario.method ?? 'GET',
    body: scenario.body,
    headers: scenario.headers,
    requests: nextPath ? [{ setupRequest: (request) => ({ ...request, path: nextPath() }) }] : undefined,
    connections,
    duration: seconds,
  })
  const statuses: Record<string, number> = {}
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = (stats as { count: number }).count
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, statuses, errors: result.errors + result.timeouts }
}

const mergeStatuses = (measured: Measured[]) =>
  measured.reduce<Record<string, number>>((all, m) => {
    for (const [code, count] of Object.entries(m.statuses)) all[code] = (all[code] ?? 0) + count
    return all
  }, {})

type ScaleResult = { activities: number; matching: number; fillSeconds: number; results: Record<string, Measured> }

async function benchScale(activities: number, opts: Options): Promise<ScaleResult> {
  const volume: Volume = { activities, editions: opts.editions, organisers: opts.organisers, stories: opts.stories }
  const { env, dispose } = await scratchEnvironment('wtk_bench')
  env.LOG_LEVEL = 'warn'
  const running: ChildProcess[] = []
  try {
    await runMigrations(env)
    console.log(`\n== ${activities.toLocaleString('en')} activities: filling the database …`)
    const prepared = spawnSync('npx', ['tsx', 'src/bench/prepare.ts', JSON.stringify(volume)], {
      env,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    })
    if (prepared.status !== 0) throw new Error(`Filling failed:\n${prepared.stdout}\n${prepared.stderr}`)
    const report = JSON.parse(prepared.stdout.trim().split('\n').pop()!)
    console.log(
      `   filled in ${report.fillSeconds.toFixed(0)} s; activities by status ${JSON.stringify(report.activitiesByStatus)}; ` +
        `the list query matches ${report.matching}; Payload sends ${report.statements} statements for it`,
    )
    if (opts.plans) {
      const text = report.plans
        .map((p: { source: string; sql: string; plan: string }) => `-- ${p.source}, ${activities} activities\n${p.sql}\n\n${p.plan}\n`)
        .join('\n')
      fs.appendFileSync(opts.plans, text)
    }

    const floorPort = await freePort()
    const floor = start('npx', ['tsx', 'src/bench/floor.ts'], { ...env, PORT: String(floorPort) })
    running.push(floor.child)
    const bases: string[] = []
    for (let instance = 0; instance < 2; instance++) {
      const port = await freePort()
      const server = startNext(port, env)
      running.push(server.child)
      bases.push(`http://127.0.0.1:${port}`)
      await waitFor(`${bases[instance]}/api/globals/site-settings`, server)
    }
    const [base, secondBase] = bases
    const list = benchList(report.queriedEdition.id)
    const floorBase = `http://127.0.0.1:${floorPort}`
    await waitFor(`${floorBase}${list.floor}`, floor)
    const visitor = () => visitorQuery(report.queriedEdition)

    const scenarios: Scenario[] = [
      { name: 'floor (bare pg)', url: `${floorBase}${list.floor}`, expect: 200 },
      { name: 'floor, own queries', url: `${floorBase}${list.floor}`, nextPath: () => visitor().floor, expect: 200 },
      { name: 'REST list, repeated', url: `${base}${list.rest}`, expect: 200 },
      { name: 'REST list, 304', url: `${base}${list.rest}`, headers: { 'If-None-Match': '' }, expect: 304 },
      { name: 'REST, own queries', url: `${base}${list.rest}`, nextPath: () => visitor().rest, expect: 200 },
      { name: 'iCalendar feed', url: `${base}${list.calendar}`, expect: 200 },
      {
        name: 'GraphQL list',
        url: `${base}/api/graphql`,
        method: 'POST',
        body: list.graphql,
        headers: { 'Content-Type': 'application/json' },
        expect: 200,
      },
      // Two instances on the one database, the connections shared between them.
      { name: '2× REST repeated', url: `${base}${list.rest}`, alongside: [{ url: `${secondBase}${list.rest}` }], expect: 200 },
      {
        name: '2× REST own queries',
        url: `${base}${list.rest}`,
        nextPath: () => visitor().rest,
        alongside: [{ url: `${secondBase}${list.rest}`, nextPath: () => visitor().rest }],
        expect: 200,
      },
    ]
    // Warm up each path once (JIT, connection pools, Next's route compilation).
    for (const scenario of scenarios) await measure(scenario, 3, opts.connections)
    const runs: Record<string, Measured[]> = {}
    for (let run = 0; run < opts.runs; run++) {
      for (const scenario of scenarios) {
        const measured = await measure(scenario, opts.duration, opts.connections)
        const unexpected = Object.entries(measured.statuses).filter(([code]) => Number(code) !== scenario.expect)
        if (unexpected.length || measured.errors) {
          console.log(`   ${scenario.name}, run ${run + 1}: answers ${JSON.stringify(measured.statuses)}, ${measured.errors} errors`)
        }
        ;(runs[scenario.name] ??= []).push(measured)
      }
    }
    const results: Record<string, Measured> = {}
    for (const [name, measured] of Object.entries(runs)) {
      results[name] = {
        rps: median(measured.map((m) => m.rps)),
        p50: median(measured.map((m) => m.p50)),
        p99: median(measured.map((m) => m.p99)),
        statuses: mergeStatuses(measured),
        errors: measured.reduce((all, m) => all + m.errors, 0),
      }
    }
    return { activities, matching: report.matching, fillSeconds: report.fillSeconds, results }
  } finally {
    for (const child of running) await stop(child)
    await dispose()
  }
}

/** The floor a scenario is compared with: the same question, or the same kind of varied questions. */
const floorOf = (scale: ScaleResult, name: string) => scale.results[name.includes('own queries') ? 'floor, own queries' : 'floor (bare pg)']

function printScale(scale: ScaleResult, opts: Options) {
  console.log(
    `\n${scale.activities.toLocaleString('en')} activities (${scale.matching} match the list query); ` +
      `median of ${opts.runs} runs of ${opts.duration} s, ${opts.connections} connections`,
  )
  console.log('scenario            requests/s     p50 ms   p99 ms   vs floor   answers')
  for (const [name, m] of Object.entries(scale.results)) {
    console.log(
      `${name.padEnd(18)} ${m.rps.toFixed(0).padStart(11)} ${m.p50.toFixed(1).padStart(10)} ${m.p99.toFixed(1).padStart(8)}   ${(m.rps / floorOf(scale, name).rps).toFixed(2).padStart(5)}×   ${JSON.stringify(m.statuses)}`,
    )
  }
}

async function main() {
  const opts = options(process.argv.slice(2))
  console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`)
  if (opts.plans) fs.writeFileSync(opts.plans, '')
  if (!opts.skipBuild) buildNext({ show: true })
  const scales: ScaleResult[] = []
  for (const activities of opts.activities) {
    const scale = await benchScale(activities, opts)
    printScale(scale, opts)
    scales.push(scale)
  }
  console.log('\nTargets (ratios to the floor of the same run):')
  for (const scale of scales) {
    const ratio = (name: string) => scale.results[name].rps / floorOf(scale, name).rps
    const target = (name: string, wanted: number) =>
      `${name} ${ratio(name).toFixed(2)}× (target ≥ ${wanted.toFixed(2)}×: ${ratio(name) >= wanted ? 'met' : `not met, ${(wanted / ratio(name)).toFixed(1)}× short`})`
    console.log(`${scale.activities.toLocaleString('en')} activities: ${target('REST list, repeated', 1)}; ${target('REST, own queries', 0.35)}`)
  }
  if (scales.length > 1) {
    const small = scales[0]
    const large = scales[scales.length - 1]
    console.log(`\np50 at ${large.activities.toLocaleString('en')} against ${small.activities.toLocaleString('en')} activities:`)
    for (const name of Object.keys(small.results)) {
      const ratio = large.results[name].p50 / small.results[name].p50
      console.log(`${name.padEnd(18)} ${small.results[name].p50.toFixed(1)} → ${large.results[name].p50.toFixed(1)} ms (${ratio.toFixed(2)}×)`)
    }
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  },
)
