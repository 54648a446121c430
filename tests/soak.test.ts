import { spawn } from 'node:child_process'

import { expect, it } from 'vitest'

import { ensureProductionBuild } from './helpers/production'

// `npm run soak` as CI can afford it: 40 s of mixed load with PostgreSQL stopped for 8 s.

function soak(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    let output = ''
    const child = spawn('npx', ['tsx', 'src/scripts/soak.ts', ...args], { env: process.env })
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('exit', (code) => resolve({ code, output }))
  })
}

it('serves a mixed load through a restart of PostgreSQL and leaves consistent data', async () => {
  ensureProductionBuild()
  const { code, output } = await soak([
    '--duration',
    '40s',
    '--restart-db-at',
    '12s',
    '--restart-for',
    '8s',
    '--connections',
    '6',
    '--activities',
    '300',
    '--skip-build',
  ])
  expect(output).toMatch(/PostgreSQL stopped/)
  expect(output).toMatch(/PostgreSQL started again/)
  // The restart was felt: requests failed while PostgreSQL was down …
  const during = JSON.parse(/During the restart window: (\{.*\})/.exec(output)?.[1] ?? '{}') as Record<string, number>
  expect(
    Object.keys(during).some((status) => status === 'network' || Number(status) >= 500),
    output,
  ).toBe(true)
  // … and the load did real work on both sides of it.
  expect(Number(/Acknowledged: (\d+) activities created, (\d+) transitions/.exec(output)?.[1]), output).toBeGreaterThan(5)
  expect(Number(/Acknowledged: \d+ activities created, (\d+) transitions/.exec(output)?.[1]), output).toBeGreaterThan(5)
  expect(output).toMatch(/Consistency: ok/)
  expect(output).toMatch(/SOAK PASSED/)
  expect(code, output).toBe(0)
}, 600_000)
