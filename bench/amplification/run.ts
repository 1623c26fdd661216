// Read amplification (issue 15, case 5; SPEC [H10]): another board's round trip, quiet and while
// an observer floods a 2,000-story board with four-byte sync step 1 frames. Standalone:
// `npx tsx bench/amplification/run.ts`; `npm run bench` runs it as part D.
//
// One Learning Wall child (server/main.ts, own DATA_DIR). Board A: 2,000 stories written by a
// stock client in chunks. Board B: one story. The round trip: a stock client on B moves its story
// and a second stock client on B sees the move; samples one after another, 50 ms apart. Quiet
// window first, then the same with the attacker (attacker.ts, its own process: an observer of A
// sending 400 step 1 frames every 100 ms) running. Target: p99 under attack ≤ 2× quiet p99.
//
// Environment: BENCH_AMP_SAMPLES (200 per window), BENCH_AMP_STORIES (2000),
// BENCH_LW_MAIN=<other checkout>/server/main.ts (measure another version, e.g. before the fix).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import { storiesMap } from '../../shared/model/layout.ts'
import { createStory, moveStories } from '../../shared/ops/story.ts'
import { ApiClient } from '../../server/testing/apiClient.ts'
import { connectClient, waitFor, type TestClient } from '../../server/testing/harness.ts'
import { spawnTs, stop, waitForLine } from '../lib/procs.ts'

const env = process.env
const SAMPLES = Number(env.BENCH_AMP_SAMPLES ?? 200)
const STORIES = Number(env.BENCH_AMP_STORIES ?? 2000)
const SAMPLE_TIMEOUT_MS = 20_000
const local = { kind: 'local' } as const
const log = (s: string) => process.stderr.write(`amplification: ${s}\n`)

export type AmplificationResult = {
  stories: number
  boardBytes: number
  quiet: { p50: number; p99: number; max: number }
  attacked: { p50: number; p99: number; max: number; timedOut: number }
  attacker: { sent: number; bytes: number; frames: number; open: boolean }
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN

/** Round trips on board B, one after another: the writer moves its story, the reader sees it. */
async function roundTrips(writer: TestClient, reader: TestClient, n: number, offset: number) {
  const ms: number[] = []
  let timedOut = 0
  for (let i = 0; i < n; i++) {
    const x = offset + i
    const started = performance.now()
    moveStories(writer.doc, { moves: [{ id: 'probe-story', pos: { x, y: 0 } }] }, local)
    try {
      await waitFor(() => (storiesMap(reader.doc).get('probe-story')?.get('pos') as { x?: number } | undefined)?.x === x, SAMPLE_TIMEOUT_MS, 'the move', 0.5)
      ms.push(performance.now() - started)
    } catch {
      timedOut++
      ms.push(SAMPLE_TIMEOUT_MS)
    }
    await new Promise((r) => setTimeout(r, 50))
  }
  ms.sort((a, b) => a - b)
  return { p50: quantile(ms, 0.5), p99: quantile(ms, 0.99), max: ms.at(-1)!, timedOut }
}

export async function runAmplification(): Promise<AmplificationResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lw-bench-amp-'))
  const server = spawnTs(env.BENCH_LW_MAIN ?? 'server/main.ts', {
    env: { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, STATIC_DIR: '', LOG_LEVEL: 'error', MAX_FRAME_BYTES: String(8 * 1024 * 1024) },
  })
  const clients: TestClient[] = []
  let attacker: ReturnType<typeof spawnTs> | null = null
  try {
    const port = Number((await waitForLine(server, /running on http:\/\/localhost:(\d+)/))[1])
    const http = `http://127.0.0.1:${port}`
    const ws = `ws://127.0.0.1:${port}/sync`
    const owner = new ApiClient(http)
    await owner.signUp('owner@example.org', 'Owner', 'bench password 1234', 'Bench')
    const big = await owner.createBoard('2,000 stories', 'team')
    const other = await owner.createBoard('Another board', 'team')
    const watcher = new ApiClient(http)
    await watcher.signUp('observer@example.org', 'Observer', 'bench password 1234', 'Bench')
    const added = await owner.request('POST', `/api/boards/${big}/members`, { email: 'observer@example.org', role: 'observer' })
    if (added.status !== 201) throw new Error(`adding the observer: ${added.status}`)
    const params = { token: owner.token ?? '' }

    log(`writing ${STORIES} stories…`)
    const builder = connectClient(ws, big, params)
    clients.push(builder)
    await waitFor(() => builder.provider.synced, 10_000, 'the builder')
    for (let from = 0; from < STORIES; from += 200) {
      builder.doc.transact(() => {
        for (let i = from; i < Math.min(STORIES, from + 200); i++)
          createStory(builder.doc, { id: `story-${i}`, pos: { x: (i % 50) * 220, y: Math.floor(i / 50) * 160 }, text: `Families found the drop-in easier than booking (#${i})`, fields: { tellerRole: 'Parent', tags: ['trust', 'access'], outcome: 'better', sensitivity: 'working' } }, local)
      }, local)
    }
    const check = connectClient(ws, big, params)
    clients.push(check)
    await waitFor(() => storiesMap(check.doc).size === STORIES, 60_000, 'the board at a second client')
    const boardBytes = Y.encodeStateAsUpdate(check.doc).length
    builder.destroy()
    check.destroy()

    const writer = connectClient(ws, other, params)
    const reader = connectClient(ws, other, params)
    clients.push(writer, reader)
    await waitFor(() => writer.provider.synced && reader.provider.synced, 10_000, 'board B')
    createStory(writer.doc, { id: 'probe-story', pos: { x: -1, y: 0 } }, local)
    await waitFor(() => storiesMap(reader.doc).has('probe-story'), 10_000, 'the probe story')
    await roundTrips(writer, reader, 20, -1000) // warm-up

    log(`quiet: ${SAMPLES} round trips on board B…`)
    const quiet = await roundTrips(writer, reader, SAMPLES, 0)
    log(`attacked: the same while an observer of board A sends 400 step 1 frames every 100 ms…`)
    attacker = spawnTs('bench/amplification/attacker.ts', { args: [`${ws}/${big}?token=${encodeURIComponent(watcher.token ?? '')}`, '400', '100'] })
    let counts: AmplificationResult['attacker'] = { sent: 0, bytes: 0, frames: 0, open: false }
    attacker.stdout?.on('data', (d: Buffer) => {
      const last = d.toString().trim().split('\n').filter((l) => l.startsWith('{')).at(-1)
      if (last) counts = JSON.parse(last) as AmplificationResult['attacker']
    })
    await waitForLine(attacker, /ready/)
    await new Promise((r) => setTimeout(r, 1000))
    const attacked = await roundTrips(writer, reader, SAMPLES, 100_000)
    await stop(attacker)
    const a = counts
    log(`attacked p50 ${attacked.p50.toFixed(1)} ms, p99 ${attacked.p99.toFixed(1)} ms (quiet ${quiet.p50.toFixed(1)} / ${quiet.p99.toFixed(1)})`)
    return { stories: STORIES, boardBytes, quiet: { p50: quiet.p50, p99: quiet.p99, max: quiet.max }, attacked, attacker: a }
  } finally {
    for (const c of clients) c.destroy()
    if (attacker) await stop(attacker)
    await stop(server)
    rmSync(dataDir, { recursive: true, force: true })
  }
}

export function amplificationTable(r: AmplificationResult): string {
  const f = (n: number) => n.toFixed(1).padStart(8)
  const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`
  const ratio = r.attacked.p99 / r.quiet.p99
  return [
    `   board A: ${r.stories} stories, ${mib(r.boardBytes)} as one update; round trip on board B (ms):`,
    '                 p50      p99      max',
    `   quiet    ${f(r.quiet.p50)} ${f(r.quiet.p99)} ${f(r.quiet.max)}`,
    `   attacked ${f(r.attacked.p50)} ${f(r.attacked.p99)} ${f(r.attacked.max)}${r.attacked.timedOut ? `   (${r.attacked.timedOut} samples timed out)` : ''}`,
    `   attacker: ${r.attacker.sent} step 1 frames sent (${r.attacker.sent * 4} bytes), ${mib(r.attacker.bytes)} in ${r.attacker.frames} frames back (${(r.attacker.bytes / r.boardBytes).toFixed(1)}× the board); socket ${r.attacker.open ? 'open' : 'closed'}`,
    `   target: attacked p99 ≤ 2× quiet p99: ${ratio.toFixed(2)}× ${ratio <= 2 ? 'PASS' : 'FAIL'}`,
  ].join('\n')
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runAmplification().then(
    (r) => {
      process.stdout.write(`D. Read amplification (bench/amplification/run.ts)\n${amplificationTable(r)}\n`)
      process.exit(0)
    },
    (e: unknown) => {
      process.stderr.write(`amplification bench failed: ${(e as Error).stack ?? String(e)}\n`)
      process.exit(1)
    },
  )
}
