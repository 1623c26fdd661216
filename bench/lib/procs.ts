// Child processes for the benchmark: spawned with tsx, tracked so that every one of them is
// killed on success, error, Ctrl-C or an uncaught exception (and, after a SIGKILL of this
// process, at the start of the next run).
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startTime } from './procstat.ts'
import { pin, raisePriority } from './sched.ts'

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const live = new Set<ChildProcess>()
/** Children are detached (own session), so a SIGKILLed orchestrator would orphan them: their
 * pids and start times are kept here and the next run kills any that are still alive. */
const REGISTRY = join(REPO, 'bench', 'results', '.children.json')

export type SpawnOptions = {
  args?: string[]
  env?: Record<string, string>
  nodeArgs?: string[]
  cpus?: string | null
  ipc?: boolean
}

export function spawnTs(script: string, o: SpawnOptions = {}): ChildProcess {
  const child = spawn(
    process.execPath,
    [...(o.nodeArgs ?? []), '--import', 'tsx', script, ...(o.args ?? [])],
    {
      cwd: REPO,
      env: { ...process.env, ...o.env },
      stdio: ['ignore', 'pipe', 'pipe', ...(o.ipc ? (['ipc'] as const) : [])],
      // Own session, so own scheduler autogroup: see raisePriority.
      detached: true,
    },
  )
  live.add(child)
  record()
  child.once('exit', () => {
    live.delete(child)
    record()
  })
  child.stderr?.on('data', (d: Buffer) =>
    process.stderr.write(`[${script.split('/').pop()}] ${d.toString()}`),
  )
  if (o.cpus && child.pid) pin(child.pid, o.cpus)
  if (child.pid) raisePriority(child.pid)
  return child
}

/** Registers a child started elsewhere (not a TS script, e.g. redis-server) for the same cleanup. */
export function track(child: ChildProcess): ChildProcess {
  live.add(child)
  record()
  child.once('exit', () => {
    live.delete(child)
    record()
  })
  return child
}

function record(): void {
  const entries = [...live].flatMap((c) => (c.pid ? [{ pid: c.pid, start: startTime(c.pid) }] : []))
  try {
    mkdirSync(dirname(REGISTRY), { recursive: true })
    writeFileSync(REGISTRY, JSON.stringify(entries))
  } catch {
    // Best effort.
  }
}

/** Kills children left by a previous run that was killed outright (same pid and start time). */
function reapOrphans(): number {
  let entries: Array<{ pid: number; start: string | null }> = []
  try {
    entries = JSON.parse(readFileSync(REGISTRY, 'utf8')) as typeof entries
  } catch {
    return 0
  }
  let reaped = 0
  for (const e of entries) {
    if (e.start === null || startTime(e.pid) !== e.start) continue
    try {
      process.kill(e.pid, 'SIGKILL')
      reaped++
    } catch {
      // Already gone.
    }
  }
  return reaped
}

export function waitForLine(
  child: ChildProcess,
  pattern: RegExp,
  timeoutMs = 20_000,
): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let buffer = ''
    const timer = setTimeout(
      () => done(new Error(`no line matching ${pattern} within ${timeoutMs} ms`)),
      timeoutMs,
    )
    const onData = (d: Buffer) => {
      buffer += d.toString()
      const m = buffer.match(pattern)
      if (m) done(null, m)
    }
    const onExit = (code: number | null) =>
      done(new Error(`child exited (${code}) before printing ${pattern}: ${buffer}`))
    const done = (err: Error | null, m?: RegExpMatchArray) => {
      clearTimeout(timer)
      child.stdout?.off('data', onData)
      child.off('exit', onExit)
      if (err) reject(err)
      else resolve(m!)
    }
    child.stdout?.on('data', onData)
    child.once('exit', onExit)
  })
}

/** Waits up to `ms` for the child to exit on its own, then stops it. */
export async function exitOrStop(child: ChildProcess, ms: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<boolean>((r) => child.once('exit', () => r(true)))
  const timedOut = new Promise<boolean>((r) => setTimeout(() => r(false), ms).unref())
  if (!(await Promise.race([exited, timedOut]))) await stop(child)
}

/** SIGTERM, then SIGKILL after a grace period; resolves when the child has exited. */
export async function stop(child: ChildProcess, graceMs = 3000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((r) => child.once('exit', () => r()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
  await exited
  clearTimeout(timer)
}

function killAllNow(): void {
  for (const child of live) child.kill('SIGKILL')
}

let hooked = false
/** Kill every child on any way out of the orchestrator. */
export function installCleanup(): void {
  if (hooked) return
  hooked = true
  const reaped = reapOrphans()
  if (reaped) process.stderr.write(`bench: killed ${reaped} process(es) left by an earlier run\n`)
  process.on('exit', killAllNow)
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      killAllNow()
      process.exit(130)
    })
  }
  process.on('uncaughtException', (e) => {
    process.stderr.write(`bench failed: ${e.stack ?? e.message}\n`)
    killAllNow()
    process.exit(1)
  })
}
