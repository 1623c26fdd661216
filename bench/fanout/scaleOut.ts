// Learning Wall scaled out for the bench: n instances of server/main.ts (child processes) over one
// fresh PostgreSQL database and a private redis-server, so Redis counts only this run's commands.
// The same start-up with n = 1 is the single-instance baseline on the same storage.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Redis } from 'ioredis'
import { ApiClient } from '../../server/testing/apiClient.ts'
import { createTestDatabase } from '../../server/testing/postgresDb.ts'
import { spawnTs, stop, track, waitForLine } from '../lib/procs.ts'
import { raisePriority } from '../lib/sched.ts'

export type ScaledServer = {
  urls: string[]
  docName: string
  /** The server instances, then redis-server (for CPU). */
  children: ChildProcess[]
  redis: RedisCounter
  close(): Promise<void>
}

/** Redis commands over a window: reset at the start, `INFO commandstats` at the end. */
export type RedisCounter = {
  /** The redis-server process. */
  pid: number
  reset(): Promise<void>
  /** Calls per command since the reset (without the counter's own INFO and CONFIG). */
  read(): Promise<Record<string, number>>
}

const PORT_LINE = /is running on http:\/\/localhost:(\d+)/

/** Whether the scale-out scenarios can run here: a redis-server binary and a PostgreSQL server. */
export async function scaleOutAvailable(): Promise<string | null> {
  const r = spawnSync('redis-server', ['--version'], { stdio: 'ignore' })
  if (r.error !== undefined || r.status !== 0) return 'redis-server is not installed'
  try {
    const db = await createTestDatabase('lw_bench_probe')
    await db.drop()
    return null
  } catch (e) {
    return `PostgreSQL is not reachable (${(e as Error).message}); set TEST_DATABASE_URL`
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const a = probe.address()
      const port = typeof a === 'object' && a ? a.port : 0
      probe.close(() => (port ? resolve(port) : reject(new Error('no free port'))))
    })
  })
}

async function startRedis(): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort()
  const child = track(
    spawn('redis-server', ['--save', '', '--appendonly', 'no', '--port', String(port), '--bind', '127.0.0.1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    }),
  )
  // The same scheduling as the instances (see bench/README.md "Shared machines"): every message
  // that crosses instances goes through this process.
  if (child.pid) raisePriority(child.pid)
  await waitForLine(child, /Ready to accept connections/, 10_000)
  return { child, url: `redis://127.0.0.1:${port}` }
}

export async function startScaledLearningWall(
  instances: number,
  cpus: string | null,
  nodeArgs: string[] = [],
): Promise<ScaledServer> {
  const db = await createTestDatabase('lw_bench')
  const redis = await startRedis()
  const counter = new Redis(redis.url, { maxRetriesPerRequest: 1 })
  const children: ChildProcess[] = []
  const dataDir = mkdtempSync(join(tmpdir(), 'lw-bench-scaled-'))
  const close = async () => {
    await Promise.all(children.map((c) => stop(c)))
    counter.disconnect()
    await stop(redis.child)
    await db.drop().catch(() => undefined)
    rmSync(dataDir, { recursive: true, force: true })
  }
  try {
    const ports: number[] = []
    // One at a time: the first runs the relational migrations.
    for (let i = 0; i < instances; i++) {
      const child = spawnTs(process.env.BENCH_LW_MAIN ?? 'server/main.ts', {
        cpus,
        nodeArgs,
        env: {
          PORT: '0',
          HOST: '127.0.0.1',
          DATA_DIR: dataDir,
          STATIC_DIR: '',
          LOG_LEVEL: 'warn',
          DATABASE_URL: db.url,
          REDIS_URL: redis.url,
        },
      })
      children.push(child)
      ports.push(Number((await waitForLine(child, PORT_LINE, 60_000))[1]))
    }
    const api = new ApiClient(`http://127.0.0.1:${ports[0]}`)
    await api.signUp('bench@example.org', 'Bench', 'bench password 1234', 'Bench')
    const id = await api.createBoard('Fan-out bench (scaled out)', 'team')
    const token = encodeURIComponent(api.token ?? '')
    return {
      urls: ports.map((p) => `ws://127.0.0.1:${p}/sync/${id}?token=${token}`),
      docName: id,
      children: [...children, redis.child],
      redis: {
        pid: redis.child.pid!,
        async reset() {
          await counter.config('RESETSTAT')
        },
        async read() {
          const info = await counter.info('commandstats')
          const out: Record<string, number> = {}
          for (const m of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
            if (!/^(info|config)\b/.test(m[1]!)) out[m[1]!] = Number(m[2])
          }
          return out
        },
      },
      close,
    }
  } catch (e) {
    await close()
    throw e
  }
}
