// The servers under test, each a child process pinned to the server CPU: Learning Wall
// (server/main.ts with its own DATA_DIR), the raw ws relay, Hocuspocus 3.4.4 in memory, and
// Learning Wall scaled out over PostgreSQL and Redis with one or two instances (scaleOut.ts).
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ApiClient } from '../../server/testing/apiClient.ts'
import { spawnTs, stop, waitForLine } from '../lib/procs.ts'
import { startScaledLearningWall, type RedisCounter } from './scaleOut.ts'
import type { Dialect } from './wire.ts'

export type ServerKind = 'learning-wall' | 'raw-relay' | 'hocuspocus' | 'lw-scaled-1' | 'lw-scaled-2'
export const SERVER_KINDS: ServerKind[] = ['learning-wall', 'raw-relay', 'hocuspocus']
/** Scale-out (PostgreSQL + Redis): one instance, then two with the clients split between them. */
export const SCALED_KINDS: ServerKind[] = ['lw-scaled-1', 'lw-scaled-2']

export type RunningServer = {
  kind: ServerKind
  /** Every process of the server side (instances, and redis-server when scaled out), for CPU. */
  children: ChildProcess[]
  /** One per instance; clients are spread over them in turn. */
  urls: string[]
  /** Counts Redis commands when scaled out. */
  redis: RedisCounter | null
  dialect: Dialect
  docName: string
  relay: boolean
  close(): Promise<void>
}

const PORT_LINE = /(?:listening on |running on http:\/\/localhost:)(\d+)/

export async function startServer(
  kind: ServerKind,
  cpus: string | null,
  nodeArgs: string[] = [],
): Promise<RunningServer> {
  if (kind === 'learning-wall') return startLearningWall(cpus, nodeArgs)
  if (kind === 'lw-scaled-1' || kind === 'lw-scaled-2') {
    const s = await startScaledLearningWall(kind === 'lw-scaled-1' ? 1 : 2, cpus, nodeArgs)
    return { kind, children: s.children, urls: s.urls, redis: s.redis, dialect: 'yws', docName: s.docName, relay: false, close: () => s.close() }
  }
  const script =
    kind === 'raw-relay' ? 'bench/fanout/relayServer.ts' : 'bench/fanout/hocuspocusServer.ts'
  const child = spawnTs(script, { cpus, nodeArgs })
  const port = Number((await waitForLine(child, PORT_LINE))[1])
  const relay = kind === 'raw-relay'
  return {
    kind,
    children: [child],
    urls: [relay ? `ws://127.0.0.1:${port}/relay/bench` : `ws://127.0.0.1:${port}/bench`],
    redis: null,
    dialect: relay ? 'yws' : 'hocuspocus',
    docName: 'bench',
    relay,
    close: () => stop(child),
  }
}

async function startLearningWall(cpus: string | null, nodeArgs: string[]): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lw-bench-'))
  // BENCH_LW_MAIN points at another checkout's server/main.ts, to measure a candidate patch.
  const child = spawnTs(process.env.BENCH_LW_MAIN ?? 'server/main.ts', {
    cpus,
    nodeArgs,
    env: { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, STATIC_DIR: '', LOG_LEVEL: 'warn' },
  })
  const cleanup = async () => {
    await stop(child)
    rmSync(dataDir, { recursive: true, force: true })
  }
  try {
    const port = Number((await waitForLine(child, PORT_LINE))[1])
    // One account (the board's owner) for every client; sockets carry its session as ?token=.
    const api = new ApiClient(`http://127.0.0.1:${port}`)
    await api.signUp('bench@example.org', 'Bench', 'bench password 1234', 'Bench')
    const id = await api.createBoard('Fan-out bench', 'team')
    const url = `ws://127.0.0.1:${port}/sync/${id}?token=${encodeURIComponent(api.token ?? '')}`
    return {
      kind: 'learning-wall',
      children: [child],
      urls: [url],
      redis: null,
      dialect: 'yws',
      docName: id,
      relay: false,
      close: cleanup,
    }
  } catch (e) {
    await cleanup()
    throw e
  }
}
