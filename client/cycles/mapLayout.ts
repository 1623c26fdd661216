// The map of learning cycles as a diagram: one row per system scale (region at the top, person at
// the bottom), the cycles of each row ordered to keep links short, and a path per link (pending
// links are dashed). Pure module: no DOM, no React.
import { SCALES, type Scale } from '../../shared/model/cycle.ts'
import type { MapCycle, MapLink } from './cyclesApi.ts'

export const NODE_W = 240
export const NODE_H = 104
export const COL_GAP = 36
export const ROW_H = 148
/** A scale with no cycles the viewer can see still gets a (thin) row, so the ladder stays whole. */
export const EMPTY_ROW_H = 52
export const LABEL_W = 150
export const PAD = 20

export type MapRow = { scale: Scale; y: number; h: number; count: number }
/** `row`: index into `rows` (0 is the top, region). */
export type MapNode = { cycle: MapCycle; row: number; x: number; y: number; w: number; h: number }
export type MapEdge = { link: MapLink; d: string; dashed: boolean }
export type MapLayout = { width: number; height: number; rows: MapRow[]; nodes: MapNode[]; edges: MapEdge[] }

/** Scales top to bottom. */
export const ROW_SCALES: readonly Scale[] = [...SCALES].reverse()

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length

/** Orders each row by the mean position of the cycles it is linked to in the rows above. */
export function orderRows(cycles: readonly MapCycle[], links: readonly MapLink[]): Map<Scale, MapCycle[]> {
  const neighbours = new Map<string, string[]>()
  for (const l of links) {
    neighbours.set(l.lower, [...(neighbours.get(l.lower) ?? []), l.higher])
    neighbours.set(l.higher, [...(neighbours.get(l.higher) ?? []), l.lower])
  }
  const position = new Map<string, number>()
  const rows = new Map<Scale, MapCycle[]>()
  for (const scale of ROW_SCALES) {
    const row = cycles.filter((c) => c.scale === scale).sort((a, b) => a.title.localeCompare(b.title) || (a.id < b.id ? -1 : 1))
    const key = new Map(
      row.map((c, i) => {
        const placed = (neighbours.get(c.id) ?? []).flatMap((n) => (position.has(n) ? [position.get(n)!] : []))
        return [c.id, placed.length ? mean(placed) : i] as const
      }),
    )
    row.sort((a, b) => key.get(a.id)! - key.get(b.id)!)
    const offset = (Math.max(row.length, 1) - 1) / 2
    row.forEach((c, i) => position.set(c.id, i - offset))
    rows.set(scale, row)
  }
  return rows
}

/** `minWidth`: the width available on screen; rows stretch to it and centre their cycles. */
export function layoutMap(cycles: readonly MapCycle[], links: readonly MapLink[], minWidth = 0): MapLayout {
  const ordered = orderRows(cycles, links)
  const widest = Math.max(1, ...[...ordered.values()].map((r) => r.length))
  const slot = NODE_W + COL_GAP
  const width = Math.max(minWidth, LABEL_W + PAD * 2 + widest * slot - COL_GAP)
  const rows: MapRow[] = []
  const nodes: MapNode[] = []
  let y = PAD
  for (const [r, scale] of ROW_SCALES.entries()) {
    const row = ordered.get(scale) ?? []
    const h = row.length ? ROW_H : EMPTY_ROW_H
    rows.push({ scale, y, h, count: row.length })
    const left = LABEL_W + PAD + (width - LABEL_W - PAD * 2 - (row.length * slot - COL_GAP)) / 2
    row.forEach((cycle, i) => nodes.push({ cycle, row: r, x: left + i * slot, y: y + (ROW_H - NODE_H) / 2, w: NODE_W, h: NODE_H }))
    y += h
  }
  const byId = new Map(nodes.map((n) => [n.cycle.id, n]))
  const edges: MapEdge[] = []
  for (const link of links) {
    const lower = byId.get(link.lower)
    const higher = byId.get(link.higher)
    if (!lower || !higher) continue
    const between = rows.slice(Math.min(lower.row, higher.row) + 1, Math.max(lower.row, higher.row)).some((r) => r.count > 0)
    edges.push({ link, d: edgePath(lower, higher, between, width - 6), dashed: link.status === 'pending' })
  }
  return { width, height: y + PAD, rows, nodes, edges }
}

/**
 * Between rows: the lower node's top to the higher node's bottom; when rows with cycles lie in
 * between, a curve from side to side that bows out to the right, around them. In one row: an arc
 * above both.
 */
export function edgePath(a: MapNode, b: MapNode, aroundRows = false, maxX = Infinity): string {
  const r = (n: number) => Math.round(n)
  if (a.row === b.row) {
    const [left, right] = a.x < b.x ? [a, b] : [b, a]
    const x1 = left.x + left.w / 2
    const x2 = right.x + right.w / 2
    const lift = Math.min(ROW_H / 2 - 8, 24 + (x2 - x1) / 8)
    return `M${r(x1)} ${r(left.y)} C${r(x1)} ${r(left.y - lift)} ${r(x2)} ${r(right.y - lift)} ${r(x2)} ${r(right.y)}`
  }
  const [low, high] = a.row > b.row ? [a, b] : [b, a]
  if (aroundRows) {
    const x1 = low.x + low.w
    const y1 = low.y + low.h / 2
    const x2 = high.x + high.w
    const y2 = high.y + high.h / 2
    const bulge = Math.min(maxX, Math.max(x1, x2) + COL_GAP + 12 * (low.row - high.row))
    return `M${r(x1)} ${r(y1)} C${r(bulge)} ${r(y1)} ${r(bulge)} ${r(y2)} ${r(x2)} ${r(y2)}`
  }
  return `M${r(low.x + low.w / 2)} ${r(low.y)} L${r(high.x + high.w / 2)} ${r(high.y + high.h)}`
}
