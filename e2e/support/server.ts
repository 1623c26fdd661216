// The real server as a child process (`node --import tsx server/main.ts`) on a port the OS picks,
// with a fresh SQLite DATA_DIR and the test build as STATIC_DIR. Killed on stop() and, whatever
// happens, when this process exits.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REPO } from './paths.ts'

export type RunningServer = {
  /** http://127.0.0.1:<port> */
  url: string
  pid: number
  dataDir: string
  /** The last few KB of the server's output, for failure messages. */
  output(): string
  stop(): Promise<void>
}

const live = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL')
})

const READY = /running on http:\/\/[^:]+:(\d+)/

export async function startServer(options: {
  staticDir: string
  env?: Record<string, string>
  timeoutMs?: number
}): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lw-e2e-data-'))
  const env: NodeJS.ProcessEnv = { ...process.env }
  // SQLite in DATA_DIR, one instance, the browser's own origin: whatever this shell has set.
  for (const key of ['DATABASE_URL', 'REDIS_URL', 'PUBLIC_URL', 'ALLOWED_ORIGINS']) delete env[key]
  Object.assign(env, {
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    STATIC_DIR: options.staticDir,
    LOG_LEVEL: 'warn',
    ...options.env,
  })
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: REPO,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  live.add(child)
  let out = ''
  const keep = (d: Buffer) => {
    out = (out + d.toString()).slice(-16_384)
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      live.delete(child)
      resolve()
    }),
  )

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(new Error(`server did not start within ${options.timeoutMs ?? 90_000} ms:\n${out}`)),
      options.timeoutMs ?? 90_000,
    )
    const onData = () => {
      const m = READY.exec(out)
      if (m) {
        clearTimeout(timer)
        child.stdout.off('data', onData)
        resolve(Number(m[1]))
      }
    }
    child.stdout.on('data', onData)
    void exited.then(() => {
      clearTimeout(timer)
      reject(new Error(`server exited before it was ready:\n${out}`))
    })
  })

  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    dataDir,
    output: () => out,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
        await exited
        clearTimeout(timer)
      }
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
