// The real server as a child process (`node --import tsx server/main.ts`) on a port the OS picks,
// with a fresh SQLite DATA_DIR and the test build as STATIC_DIR. Killed on stop() and, whatever
// happens, when this process exits (server/testing/processes.ts keeps that promise).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawnReady } from '../../server/testing/processes.ts'

export type RunningServer = {
  /** http://127.0.0.1:<port> */
  url: string
  pid: number
  dataDir: string
  /** The last few KB of the server's output, for failure messages. */
  output(): string
  stop(): Promise<void>
}

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
    // The lowest cost the server accepts: browser tests sign many people up (the default is 17).
    PASSWORD_HASH_COST: '14',
    // Specs make many boards with a few accounts within minutes (the default is 60 an hour).
    BOARDS_PER_HOUR: '100000',
    ...options.env,
  })
  const proc = await spawnReady(
    'e2e server',
    process.execPath,
    ['--import', 'tsx', 'server/main.ts'],
    {
      env,
      ready: READY,
      timeoutMs: options.timeoutMs ?? 90_000,
    },
  )
  const port = Number(READY.exec(proc.output())?.[1])
  return {
    url: `http://127.0.0.1:${port}`,
    pid: proc.pid,
    dataDir,
    output: () => proc.output(),
    async stop() {
      await proc.stop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
