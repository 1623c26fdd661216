// The client built in test mode (`vite build --mode test`, so `window.__learningWall` exists),
// cached by a hash of everything the build reads: one build per change of the sources, shared by
// every spec file, the global setup and the canvas benchmark. Concurrent callers (two vitest
// forks, another engineer's run) take a lock directory; the loser waits for the winner's output.
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { join, relative } from 'node:path'
import { BUILD_ROOT, REPO } from './paths.ts'

const INPUTS = ['client', 'shared', 'vite.config.ts', 'package-lock.json', 'tsconfig.json']
const SKIP = /(^|\/)(node_modules|\.vite)(\/|$)|\.test\.tsx?$/
const LOCK_STALE_MS = 5 * 60_000

function filesUnder(path: string, out: string[] = []): string[] {
  if (!existsSync(path)) return out
  if (statSync(path).isFile()) {
    out.push(path)
    return out
  }
  for (const name of readdirSync(path).sort()) {
    const child = join(path, name)
    if (!SKIP.test(relative(REPO, child))) filesUnder(child, out)
  }
  return out
}

/** A short hash of the build's inputs (paths and contents). */
export function sourceHash(): string {
  const h = createHash('sha256')
  for (const input of INPUTS) {
    for (const file of filesUnder(join(REPO, input))) {
      h.update(relative(REPO, file))
      h.update('\0')
      h.update(readFileSync(file))
      h.update('\0')
    }
  }
  return h.digest('hex').slice(0, 16)
}

const isBuilt = (dir: string) =>
  existsSync(join(dir, 'index.html')) && existsSync(join(dir, '.complete'))

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Takes the lock, or returns false while a live process holds it. A dead or stale holder loses it. */
function tryLock(lock: string): boolean {
  try {
    mkdirSync(lock)
    writeFileSync(join(lock, 'pid'), String(process.pid))
    return true
  } catch {
    let holder = 0
    try {
      holder = Number(readFileSync(join(lock, 'pid'), 'utf8'))
    } catch {
      // Being created right now: wait.
      return false
    }
    const age = Date.now() - statSync(lock).mtimeMs
    if ((holder && !pidAlive(holder)) || age > LOCK_STALE_MS)
      rmSync(lock, { recursive: true, force: true })
    return false
  }
}

function runVite(outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const vite = join(REPO, 'node_modules', 'vite', 'bin', 'vite.js')
    const child = spawn(
      process.execPath,
      [vite, 'build', '--mode', 'test', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
      {
        cwd: REPO,
        // vitest sets NODE_ENV=test, which would bundle React's development build.
        env: { ...process.env, NODE_ENV: 'production' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let output = ''
    child.stdout.on('data', (d: Buffer) => (output += d.toString()))
    child.stderr.on('data', (d: Buffer) => (output += d.toString()))
    child.once('error', reject)
    child.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`vite build --mode test failed (${code}):\n${output.slice(-4000)}`)),
    )
  })
}

/** Removes test builds of other hashes that nobody has used for an hour. */
function prune(keep: string): void {
  for (const name of readdirSync(BUILD_ROOT)) {
    const dir = join(BUILD_ROOT, name)
    if (name === keep || name.endsWith('.lock')) continue
    if (Date.now() - statSync(dir).mtimeMs > 3_600_000)
      rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * The folder of a test build of the current sources, building it if needed. `E2E_CLIENT_DIR`
 * names a test build made elsewhere (`npx vite build --mode test --outDir <dir>`) to use as is.
 */
export async function buildClient(log: (line: string) => void = () => undefined): Promise<string> {
  const given = process.env.E2E_CLIENT_DIR
  if (given) {
    if (!existsSync(join(given, 'index.html')))
      throw new Error(`E2E_CLIENT_DIR=${given} has no index.html`)
    return given
  }
  const hash = sourceHash()
  const dir = join(BUILD_ROOT, hash)
  if (isBuilt(dir)) return dir
  mkdirSync(BUILD_ROOT, { recursive: true })
  const lock = join(BUILD_ROOT, `${hash}.lock`)
  const deadline = Date.now() + 10 * 60_000
  while (!tryLock(lock)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for the test build lock ${lock}`)
    await new Promise((r) => setTimeout(r, 250))
  }
  try {
    if (isBuilt(dir)) return dir
    log(`building the client in test mode into ${relative(REPO, dir)}`)
    const tmp = `${dir}.tmp-${process.pid}`
    await runVite(tmp)
    writeFileSync(join(tmp, '.complete'), new Date().toISOString())
    rmSync(dir, { recursive: true, force: true })
    renameSync(tmp, dir)
    prune(hash)
    return dir
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}
