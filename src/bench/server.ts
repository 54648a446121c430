import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'

/**
 * `next build` of the production server, for the benchmark, the soak and the tests. `show` prints
 * the build as it goes (the scripts); otherwise its output is kept for the error (the tests).
 */
export function buildNext({ show = false }: { show?: boolean } = {}): void {
  if (show) console.log('Building the production server (next build) …')
  const build = spawnSync('npx', ['next', 'build'], {
    encoding: 'utf8',
    stdio: show ? 'inherit' : 'pipe',
    env: { ...process.env, NODE_ENV: 'production' },
  })
  if (build.status !== 0) throw new Error(show ? 'next build failed' : `next build failed:\n${build.stdout}\n${build.stderr}`)
}

/**
 * Servers the benchmark, the soak and the tests start: each in its own process group, because
 * stopping `npx` alone would leave `next-server` running.
 */
export type Started = {
  child: ChildProcess
  /** What the process printed so far, for failure messages. */
  output: () => string
  hasExited: () => boolean
}

export function start(command: string, args: string[], env: NodeJS.ProcessEnv, name = [command, ...args].join(' ')): Started {
  let output = ''
  const child = spawn(command, args, { env, detached: true })
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  child.on('exit', (code, signal) => (output += `\n${name} exited: ${signal ?? code}\n`))
  return { child, output: () => output, hasExited: () => child.exitCode !== null || child.signalCode !== null }
}

/** `next start` of the production build on 127.0.0.1:`port`. */
export const startNext = (port: number, env: NodeJS.ProcessEnv): Started =>
  start('npx', ['next', 'start', '--port', String(port), '--hostname', '127.0.0.1'], { ...env, NODE_ENV: 'production' }, 'next start')

/** Stops the whole process group, with SIGTERM or, to simulate a crash, SIGKILL. */
export async function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  process.kill(-child.pid, signal)
  await exited
  if (signal === 'SIGKILL') {
    // The group leader is gone; make sure nothing else of the group survived it.
    try {
      process.kill(-child.pid, 'SIGKILL')
    } catch {
      // nothing left
    }
  }
}

/**
 * Waits until `url` answers with a 2xx (with `anyStatus`, with any status) and returns the
 * answer; fails with what the server printed when it stops or `timeoutMs` passes first.
 */
export async function waitFor(
  url: string,
  server: Pick<Started, 'output' | 'hasExited'>,
  timeoutMs = 120_000,
  { anyStatus = false }: { anyStatus?: boolean } = {},
): Promise<Response> {
  const deadline = Date.now() + timeoutMs
  let last: unknown
  while (Date.now() < deadline) {
    if (server.hasExited()) throw new Error(`The server stopped:\n${server.output()}`)
    try {
      const response = await fetch(url)
      if (anyStatus || response.ok) return response
      last = `status ${response.status}`
    } catch (error) {
      last = error // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
  throw new Error(`No answer from ${url}: ${String(last)}\n${server.output()}`)
}

/** The `next-server` process in the group of `groupId`, found through /proc. */
export function nextServerPid(groupId: number): number | undefined {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      const group = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2])
      if (group !== groupId) continue
      if (fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').startsWith('next-server')) return Number(entry)
    } catch {
      // the process ended meanwhile
    }
  }
  return undefined
}

/** Resident memory of a process in MiB, from /proc/<pid>/status. */
export function residentMiB(pid: number): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
    return kb ? Number(kb) / 1024 : undefined
  } catch {
    return undefined
  }
}
