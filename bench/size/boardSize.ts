// Part B, run in its own process with --expose-gc: size, load time and heap of a 5,000-story
// board stored through the real SQLite storage. Sends one JSON result over IPC (or prints it).
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import { openSqliteStorage } from '../../server/storage/sqlite.ts'
import { buildBoard } from './buildBoard.ts'
import type { SizeResult } from './types.ts'

const STORIES = Number(process.env.BENCH_STORIES ?? 5000)
const RUNS = 7
const HEAP_COPIES = 3
const BOARD = 'bench-board-5000'

const gc = (globalThis as { gc?: () => void }).gc
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

function settledHeap(): number {
  for (let i = 0; i < 3; i++) gc!()
  return process.memoryUsage().heapUsed
}

async function main() {
  if (!gc) throw new Error('run with --expose-gc')
  const built = buildBoard(STORIES)
  const v1 = Y.encodeStateAsUpdate(built.doc).length
  const v2state = Y.encodeStateAsUpdateV2(built.doc)
  const structs = Y.decodeUpdateV2(v2state).structs.length
  built.doc.destroy()
  // The schema's share: the same board without text or fields, on 1,000 stories.
  const bare = buildBoard(1000, 25, false)
  const bareBytesPerStory = Y.encodeStateAsUpdateV2(bare.doc).length / 1000
  bare.doc.destroy()

  const dataDir = mkdtempSync(join(tmpdir(), 'lw-bench-size-'))
  try {
    const storage = await openSqliteStorage({ dataDir })
    const seq = await storage.docs.append(BOARD, [v2state])
    await storage.docs.compact(BOARD, v2state, seq)
    const stats = await storage.docs.stats(BOARD)

    // Load = storage.docs.load + apply into a fresh doc, as a room does on first join.
    const load = async () => {
      const c0 = process.cpuUsage()
      const t0 = performance.now()
      const stored = await storage.docs.load(BOARD)
      const t1 = performance.now()
      const doc = new Y.Doc()
      if (stored.snapshot) Y.applyUpdateV2(doc, stored.snapshot)
      for (const u of stored.updates) Y.applyUpdateV2(doc, u)
      const t2 = performance.now()
      const cpu = process.cpuUsage(c0)
      return { doc, total: t2 - t0, apply: t2 - t1, cpu: (cpu.user + cpu.system) / 1000 }
    }
    const totals: number[] = []
    const applies: number[] = []
    const cpus: number[] = []
    for (let i = 0; i < RUNS; i++) {
      const r = await load()
      if (r.doc.getMap('stories').size !== STORIES) throw new Error('loaded board lost stories')
      r.doc.destroy()
      totals.push(r.total)
      applies.push(r.apply)
      cpus.push(r.cpu)
    }

    // Heap: settled heapUsed with HEAP_COPIES loaded docs held, minus before, per story.
    const before = settledHeap()
    const held: Y.Doc[] = []
    for (let i = 0; i < HEAP_COPIES; i++) held.push((await load()).doc)
    const after = settledHeap()
    const heapPerStory = (after - before) / (HEAP_COPIES * STORIES)
    for (const d of held) d.destroy()

    await storage.close()
    const fileBytes = statSync(join(dataDir, 'learning-wall.sqlite')).size
    const result: SizeResult = {
      stories: STORIES,
      authors: 25,
      avgTextChars: built.textChars,
      v1Bytes: v1,
      v2Bytes: v2state.length,
      structsPerStory: structs / STORIES,
      bareBytesPerStory,
      snapshotBytes: stats.snapshotBytes,
      storedBytesPerStory: stats.snapshotBytes / STORIES,
      v1BytesPerStory: v1 / STORIES,
      sqliteFileBytes: fileBytes,
      loadMs: { median: median(totals), first: totals[0]!, runs: totals, cpuMedian: median(cpus) },
      applyMs: { median: median(applies), first: applies[0]!, runs: applies },
      heapBytesPerStory: heapPerStory,
      heapCopies: HEAP_COPIES,
    }
    if (process.send) process.send({ type: 'size', result })
    else process.stdout.write(JSON.stringify(result, null, 2) + '\n')
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().then(
  () => process.disconnect?.(),
  (e: unknown) => {
    process.stderr.write(`board size bench failed: ${(e as Error).stack}\n`)
    process.exit(1)
  },
)
