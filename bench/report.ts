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
  'lw-scaled-1': 'LW PG+Redis ×1',
  'lw-scaled-2': 'LW PG+Redis ×2',
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

/**
 * Scale-out: the single instance (SQLite, and PostgreSQL + Redis) beside two instances with the
 * clients split; "cross" counts only what a probe received from a client on the other instance.
 */
export function scaleOutTable(rows: ScenarioResult[]): string {
  const single = rows.find((r) => r.server === 'lw-scaled-1')
  const two = rows.find((r) => r.server === 'lw-scaled-2')
  const sqlite = rows.find((r) => r.server === 'learning-wall' && r.clients === two?.clients)
  if (!two || !single) return '   (not run)'
  const head = ['setup', 'p50', 'p99', 'same p99', 'cross p50', 'cross p99', 'upd p99', 'x-upd p99', 'srv CPU%', 'redis CPU%', 'other CPU%', 'Redis cmds/msg']
  const widths = [30, 7, 7, 8, 9, 9, 8, 9, 8, 10, 10, 14]
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : pad(c, widths[i]!))).join(' ')
  const out = [line(head), line(widths.map((w) => '-'.repeat(w)))]
  const row = (name: string, r: ScenarioResult) =>
    line([
      name,
      f(r.awareness.p50, 2),
      f(r.awareness.p99, 2),
      r.scaleOut?.sameAwareness ? f(r.scaleOut.sameAwareness.p99, 2) : '–',
      r.scaleOut?.crossAwareness ? f(r.scaleOut.crossAwareness.p50, 2) : '–',
      r.scaleOut?.crossAwareness ? f(r.scaleOut.crossAwareness.p99, 2) : '–',
      f(r.updates.p99, 2),
      r.scaleOut?.crossUpdates ? f(r.scaleOut.crossUpdates.p99, 2) : '–',
      f(r.serverCpuPct, 0),
      r.scaleOut ? f(r.scaleOut.redisCpuPct, 0) : '–',
      f(r.otherCpuPct, 0),
      r.scaleOut ? f(r.scaleOut.redisPerMessage, 3) : '–',
    ])
  if (sqlite) out.push(row(`1 instance, SQLite`, sqlite))
  out.push(row(`1 instance, PostgreSQL + Redis`, single))
  out.push(row(`2 instances, PostgreSQL + Redis`, two))
  const cmds = Object.entries(two.scaleOut?.redisCommands ?? {})
    .sort((a, b) => b[1] - a[1])
    .map(([c, n]) => `${c} ${n}`)
    .join(', ')
  const cross = two.scaleOut?.crossAwareness
  const same = two.scaleOut?.sameAwareness
  if (cross && same)
    out.push(
      `   p99 added by crossing: ${f(cross.p99 - single.awareness.p99, 2)} ms against the 1-instance run, ` +
        `${f(cross.p99 - same.p99, 2)} ms against same-instance deliveries in the 2-instance run (same moment, same noise).`,
    )
  out.push(`   Redis commands in the 2-instance window: ${cmds || 'none'} (INFO commandstats after CONFIG RESETSTAT).`)
  return out.join('\n')
}

/** p99 added by crossing instances: cross-instance p99 over the single instance's p99 (same storage). */
export function addedP99(rows: ScenarioResult[]): { added: number; cross: number; single: number } | null {
  const single = rows.find((r) => r.server === 'lw-scaled-1')
  const cross = rows.find((r) => r.server === 'lw-scaled-2')?.scaleOut?.crossAwareness
  if (!single || !cross) return null
  return { added: cross.p99 - single.awareness.p99, cross: cross.p99, single: single.awareness.p99 }
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
  const added = addedP99(rows)
  if (added)
    v.push({
      name: '50 clients over 2 instances: p99 added by crossing',
      value: `${f(added.added, 2)} ms`,
      target: `≤ 3 ms (cross ${f(added.cross, 2)} − single ${f(added.single, 2)})`,
      pass: added.added <= 3,
    })
  const two = rows.find((r) => r.server === 'lw-scaled-2')?.scaleOut
  if (two)
    v.push({
      name: 'Redis commands per incoming message (2 instances)',
      value: f(two.redisPerMessage, 3),
      target: '≤ 1',
      pass: two.redisPerMessage <= 1,
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
