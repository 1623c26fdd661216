// Tidy a pattern: its stories in a grid (supporting stories first, then counter-examples, each in
// reading order) and the area fitted around them. Pure module: no DOM, no React, no Konva.
import type { MemberRole } from '../../shared/model/pattern.ts'
import type { Box, Vec } from '../geometry/camera.ts'

export type TidyMember = { id: string; role: MemberRole; pos: Vec; size: { w: number; h: number } }
export type TidyResult = { moves: { id: string; pos: Vec }[]; area: Box }

export const TIDY_GAP = 24
export const TIDY_PAD = 32

const readingOrder = (a: TidyMember, b: TidyMember) =>
  (a.role === b.role ? 0 : a.role === 'supports' ? -1 : 1) || a.pos.y - b.pos.y || a.pos.x - b.pos.x || (a.id < b.id ? -1 : 1)

/** null when the pattern has no stories (nothing to arrange; the area stays as it is). */
export function tidyLayout(area: Box, members: readonly TidyMember[], gap = TIDY_GAP, pad = TIDY_PAD): TidyResult | null {
  if (members.length === 0) return null
  const cellW = Math.max(...members.map((m) => m.size.w))
  const cellH = Math.max(...members.map((m) => m.size.h))
  // Roughly square on screen: as many columns as rows once the cell's shape is counted.
  const cols = Math.max(1, Math.ceil(Math.sqrt((members.length * cellH) / cellW)))
  const rows = Math.ceil(members.length / cols)
  const moves = [...members].sort(readingOrder).map((m, i) => ({
    id: m.id,
    pos: { x: Math.round(area.x + pad + (i % cols) * (cellW + gap)), y: Math.round(area.y + pad + Math.floor(i / cols) * (cellH + gap)) },
  }))
  return {
    moves,
    area: { x: area.x, y: area.y, w: pad * 2 + cols * cellW + (cols - 1) * gap, h: pad * 2 + rows * cellH + (rows - 1) * gap },
  }
}
