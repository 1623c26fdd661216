// Real processes for chaos tests: a private redis-server and server instances as child processes
// (`node --import tsx server/main.ts`), each killable with SIGKILL and restartable on the same
// port. Every process started here is killed when the test process exits, whatever happens.
// Test-only; production code never imports this.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const OUTPUT_KEEP = 16 * 1024

const live = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL')
})

/** SIGKILLs every process started here that is still running (also one still starting up). */
export async function killAllProcesses(): Promise<void> {
  await Promise.all(
    [...live].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve()
          child.once('exit', () => resolve())
          child.kill('SIGKILL')
        }),
    ),
  )
}

/** Whether a `redis-server` binary is on the PATH. */
export function hasRedisServer(): boolean {
  const r = spawnSync('redis-server', ['--version'], { stdio: 'ignore' })
  return r.error === undefined && r.status === 0
}

/** A port that was free a moment ago: the OS picks it for a throwaway listener. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => (port ? resolve(port) : reject(new Error('no free port'))))
    })
  })
}

export type Proc = {
  readonly pid: number
  /** The last few KB of stdout and stderr, for failure messages. */
  output(): string
  /** SIGKILL: no shutdown hook runs. Resolves once the process is gone. */
  kill9(): Promise<void>
  /** SIGTERM (a clean shutdown), SIGKILL after `graceMs`. Resolves once the process is gone. */
  stop(graceMs?: number): Promise<void>
}

/** Spawns a process and resolves once its output matches `ready` (or rejects on exit/timeout). */
export async function spawnReady(
  what: string,
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; ready: RegExp; timeoutMs: number },
): Promise<Proc> {
  const child = spawn(command, args, {
    cwd: REPO,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  live.add(child)
  let out = ''
  const keep = (d: Buffer) => {
    out += d.toString()
    if (out.length > 2 * OUTPUT_KEEP) out = out.slice(-OUTPUT_KEEP)
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      live.delete(child)
      resolve()
    }),
  )
  const proc: Proc = {
    pid: child.pid ?? -1,
    output: () => out.slice(-OUTPUT_KEEP),
    async kill9() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      await exited
    },
    async stop(graceMs = 5000) {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
      await exited
      clearTimeout(timer)
    },
  }
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => finish(new Error(`${what} did not start in ${options.timeoutMs} ms`)),
        options.timeoutMs,
      )
      const onData = () => {
        if (options.ready.test(out)) finish()
      }
      const onExit = (code: number | null, signal: string | null) =>
        finish(new Error(`${what} exited during start-up (${code ?? signal})`))
      const onError = (e: Error) => finish(e)
      function finish(e?: Error) {
        clearTimeout(timer)
        child.stdout.off('data', onData)
        child.stderr.off('data', onData)
        child.off('exit', onExit)
        child.off('error', onError)
        if (e) reject(e)
        else resolve()
      }
      child.stdout.on('data', onData)
      child.stderr.on('data', onData)
      child.once('exit', onExit)
      child.once('error', onError)
    })
  } catch (e) {
    await proc.kill9()
    throw new Error(`${(e as Error).message}\n--- output ---\n${proc.output()}`)
  }
  return proc
}

/** A private, memory-only redis-server: a restart keeps nothing. */
export function startRedisServer(port: number): Promise<Proc> {
  return spawnReady(
    `redis-server on ${port}`,
    'redis-server',
    ['--save', '', '--appendonly', 'no', '--port', String(port), '--bind', '127.0.0.1'],
    { ready: /Ready to accept connections/, timeoutMs: 10_000 },
  )
}

export type InstanceProcess = Proc & {
  readonly port: number
  readonly url: string
  readonly wsUrl: string
}

/** The real server (`server/main.ts`) as a child process; resolves once it listens. */
export async function startInstance(
  port: number,
  env: Record<string, string>,
): Promise<InstanceProcess> {
  const proc = await spawnReady(
    `server instance on ${port}`,
    process.execPath,
    ['--import', 'tsx', 'server/main.ts'],
    {
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        STATIC_DIR: '',
        LOG_LEVEL: 'warn',
        ...env,
        PORT: String(port),
      },
      ready: /is running on http:\/\/localhost:\d+/,
      timeoutMs: 60_000,
    },
  )
  return { ...proc, port, url: `http://127.0.0.1:${port}`, wsUrl: `ws://127.0.0.1:${port}/sync` }
}
