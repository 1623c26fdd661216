// The template's named areas (tables, columns, zones) from the board's server-only `areas` root,
// which patterns sit at which table, and the harvest: each table's patterns side by side. Pure
// module: Yjs is only read; no DOM, no React.
import type * as Y from 'yjs'
import { evidenceShort } from '../patterns/evidenceText.ts'
import { TemplateArea } from '../../shared/model/facilitation.ts'
import { ROOT } from '../../shared/model/layout.ts'
import type { Pattern } from '../../shared/model/pattern.ts'
import type { Box } from '../geometry/camera.ts'

export type Area = TemplateArea & { id: string }

const byId = new Intl.Collator('en', { numeric: true })

/** The areas in id order ("…-2" before "…-10"); records that do not validate are skipped. */
export function readAreas(doc: Y.Doc): Area[] {
  const out: Area[] = []
  doc.getMap(ROOT.areas).forEach((value, id) => {
    const parsed = TemplateArea.safeParse(value)
    if (parsed.success) out.push({ id, ...parsed.data })
  })
  return out.sort((a, b) => byId.compare(a.id, b.id))
}

const overlap = (a: Box, b: Box): number =>
  Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y))

/**
 * The table a pattern was made at: the table its area's centre lies in (a pattern that spills over
 * an edge still belongs to its table); where tables overlap, the one covering most of the pattern.
 */
export function tableOf<T extends Pick<Area, 'rect'>>(area: Box, tables: readonly T[]): T | null {
  const cx = area.x + area.w / 2
  const cy = area.y + area.h / 2
  let best: T | null = null
  let bestOverlap = -1
  for (const t of tables) {
    const r = t.rect
    if (cx < r.x || cx > r.x + r.w || cy < r.y || cy > r.y + r.h) continue
    const o = overlap(area, r)
    if (o > bestOverlap) [best, bestOverlap] = [t, o]
  }
  return best
}

export type HarvestPattern = {
  id: string
  name: string
  stories: number
  supports: number
  counterExamples: number
  /** In words: "4 stories, 1 counter-example". */
  evidence: string
  /** Vote total once the vote is closed; null while open or never held (totals stay hidden). */
  votes: number | null
}

export type HarvestColumn = { id: string; label: string; patterns: HarvestPattern[] }

/** id of the column for patterns at no table (shown only when there are some). */
export const NO_TABLE = 'no-table'

/**
 * Each table's patterns in a column, tables in template order. With closed-vote `totals` the
 * most-voted come first; otherwise patterns read top to bottom, left to right, as on the table.
 */
export function harvest(areas: readonly Area[], patterns: readonly Pattern[], totals: Readonly<Record<string, number>> | null): HarvestColumn[] {
  const tables = areas.filter((a) => a.kind === 'table')
  const columns = new Map<string, HarvestColumn>(tables.map((t) => [t.id, { id: t.id, label: t.label, patterns: [] }]))
  const loose: HarvestColumn = { id: NO_TABLE, label: 'Not at a table', patterns: [] }
  const place = new Map<string, Box>()
  for (const p of patterns) {
    const supports = p.members.filter((m) => m.role === 'supports').length
    const counterExamples = p.members.length - supports
    const item: HarvestPattern = {
      id: p.id,
      name: p.name,
      stories: p.members.length,
      supports,
      counterExamples,
      evidence: evidenceShort({ stories: p.members.length, counterExamples }),
      votes: totals ? (totals[p.id] ?? 0) : null,
    }
    place.set(p.id, p.area)
    const table = tableOf(p.area, tables)
    ;(table ? columns.get(table.id)! : loose).patterns.push(item)
  }
  const order = (a: HarvestPattern, b: HarvestPattern) => {
    if (a.votes !== null && b.votes !== null && a.votes !== b.votes) return b.votes - a.votes
    const pa = place.get(a.id)!
    const pb = place.get(b.id)!
    return pa.y - pb.y || pa.x - pb.x || a.id.localeCompare(b.id)
  }
  const out = [...columns.values(), ...(loose.patterns.length ? [loose] : [])]
  for (const c of out) c.patterns.sort(order)
  return out
}
