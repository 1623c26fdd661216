// Formats the results as one table with targets beside the figures.
import type { ScenarioResult } from './fanout/scenario.ts'
import type { SizeResult } from './size/types.ts'

export type Verdict = { name: string; value: string; target: string; pass: boolean }

const f = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '–')
const k = (n: number) => (n >= 10_000 ? `${f(n / 1000, 0)}k` : f(n, 0))
const pad = (s: string, w: number) => (s.length >= w ? s : ' '.repeat(w - s.length) + s)

const NAMES = {
  'learning-wall': 'Learning Wall',
  'raw-relay': 'raw ws relay',
  hocuspocus: 'Hocuspocus 3.4.4',
} as const

export function fanoutTable(rows: ScenarioResult[]): string {
  const head = [
    'clients',
    'server',
    'p50',
    'p90',
    'p99',
    'max',
    'upd p50',
    'upd p99',
    'sent/s',
    'target/s',
    'frames/s in',
    'entries/s',
    'deliv%',
    'srv CPU%',
    'srv MiB',
    'load CPU%',
    'other CPU%',
  ]
  const widths = [7, 16, 7, 7, 8, 8, 8, 8, 7, 8, 11, 9, 6, 8, 7, 9, 10]
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 1 ? c.padEnd(widths[i]!) : pad(c, widths[i]!))).join(' ')
  const out = [line(head), line(widths.map((w) => '-'.repeat(w)))]
  for (const r of rows) {
    out.push(
      line([
        String(r.clients),
        NAMES[r.server],
        f(r.awareness.p50, 2),
        f(r.awareness.p90, 2),
        f(r.awareness.p99, 2),
        f(r.awareness.max, 0),
        f(r.updates.p50, 2),
        f(r.updates.p99, 2),
        k(r.sentPerSec),
        k(r.targetSentPerSec),
        k(r.framesPerSec),
        k(r.entriesPerSec),
        f((100 * r.entriesPerSec) / r.expectedEntriesPerSec, 0),
        f(r.serverCpuPct, 0),
        f(r.serverRssMiB, 0),
        f(r.workerCpuPct, 0),
        f(r.otherCpuPct, 0),
      ]),
    )
  }
  return out.join('\n')
}

export function sizeTable(s: SizeResult): string {
  const kb = (b: number) => `${f(b / 1024, 2)} KB`
  const rows: Array<[string, string]> = [
    [
      'stored per story (SQLite snapshot = V2 state)',
      `${f(s.storedBytesPerStory, 1)} B   (${f(s.snapshotBytes / 1e6, 2)} MB total; SQLite file ${f(s.sqliteFileBytes / 1e6, 2)} MB)`,
    ],
    [
      'encoded per story V1 / V2',
      `${f(s.v1BytesPerStory, 1)} B / ${f(s.v2Bytes / s.stories, 1)} B   (${f(s.structsPerStory, 0)} Yjs structs per story)`,
    ],
    [
      '  V2 of the same stories without text or fields',
      `${f(s.bareBytesPerStory, 1)} B   (the schema alone; text averages ${f(s.avgTextChars, 0)} B)`,
    ],
    [
      `cold load: docs.load + applyUpdateV2, median of ${s.loadMs.runs.length}`,
      `${f(s.loadMs.median, 1)} ms wall, ${f(s.loadMs.cpuMedian, 1)} ms CPU   (first run ${f(s.loadMs.first, 1)} ms)`,
    ],
    [
      '  of which applyUpdateV2 only',
      `${f(s.applyMs.median, 1)} ms   (first run ${f(s.applyMs.first, 1)} ms)`,
    ],
    [
      `heap per story (${s.heapCopies} loaded copies, gc'd heapUsed delta)`,
      kb(s.heapBytesPerStory),
    ],
  ]
  const w = Math.max(...rows.map((r) => r[0].length))
  return rows.map(([a, b]) => `${a.padEnd(w)}  ${b}`).join('\n')
}

export function verdicts(rows: ScenarioResult[], size: SizeResult | null): Verdict[] {
  const v: Verdict[] = []
  const at = (server: ScenarioResult['server'], n: number) =>
    rows.find((r) => r.server === server && r.clients === n)
  const lw50 = at('learning-wall', 50)
  const relay50 = at('raw-relay', 50)
  const lw200 = at('learning-wall', 200)
  if (lw50)
    v.push({
      name: '50 clients: Learning Wall p99',
      value: `${f(lw50.awareness.p99, 2)} ms`,
      target: '≤ 10 ms',
      pass: lw50.awareness.p99 <= 10,
    })
  if (lw50 && relay50) {
    const limit = 1.3 * relay50.awareness.p99
    v.push({
      name: '50 clients: Learning Wall p99 vs raw relay',
      value: `${f(lw50.awareness.p99, 2)} ms`,
      target: `≤ 1.3 × ${f(relay50.awareness.p99, 2)} = ${f(limit, 2)} ms`,
      pass: lw50.awareness.p99 <= limit,
    })
  }
  if (lw200)
    v.push({
      name: '200 clients: Learning Wall p99',
      value: `${f(lw200.awareness.p99, 2)} ms`,
      target: '≤ 30 ms',
      pass: lw200.awareness.p99 <= 30,
    })
  if (size) {
    v.push({
      name: `${size.stories}-story board load (median)`,
      value: `${f(size.loadMs.median, 1)} ms`,
      target: '≤ 100 ms',
      pass: size.loadMs.median <= 100,
    })
    v.push({
      name: 'stored bytes per story',
      value: `${f(size.storedBytesPerStory, 1)} B`,
      target: '≤ 130 B',
      pass: size.storedBytesPerStory <= 130,
    })
    v.push({
      name: 'heap per story',
      value: `${f(size.heapBytesPerStory / 1024, 2)} KB`,
      target: '≤ 6 KB',
      pass: size.heapBytesPerStory <= 6 * 1024,
    })
  }
  return v
}

export function verdictTable(v: Verdict[]): string {
  const w = Math.max(...v.map((x) => x.name.length))
  const vw = Math.max(...v.map((x) => x.value.length))
  return v
    .map(
      (x) =>
        `[${x.pass ? 'PASS' : 'MISS'}] ${x.name.padEnd(w)}  ${x.value.padStart(vw)}  target ${x.target}`,
    )
    .join('\n')
}
