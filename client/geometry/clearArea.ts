// A pattern's area holds its own stories only: a story that is not a member but lies (even partly)
// inside the area would be read as part of the pattern while its label counts the members. These
// are moved just outside the area, to the nearest place that overlaps no other story and no other
// pattern's area (their own pattern's area excepted). Pure module: no DOM, no React, no Konva.
import { boxesIntersect, type Box, type Vec } from './camera.ts'

export const CLEAR_GAP = 24
/** How many places further out, in each direction, are tried before giving up on a story. */
const TRIES = 60

export type Intruder = { id: string; box: Box; /** its own pattern's area, where it may stay */ home?: Box | null }

/** Stories (not in `members`) whose box intersects `area`. */
export function intrudersOf(area: Box, stories: Iterable<{ id: string; box: Box }>, members: ReadonlySet<string>): { id: string; box: Box }[] {
  const out: { id: string; box: Box }[] = []
  for (const s of stories) if (!members.has(s.id) && boxesIntersect(s.box, area)) out.push(s)
  return out.sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x || (a.id < b.id ? -1 : 1))
}

/**
 * New positions for the intruders: each outside `area` (and `gap` away from it), overlapping
 * none of `taken` (other stories and other patterns' areas, minus the intruder's own `home`) nor
 * an intruder already placed. The shortest move wins; ties go right, down, left, up.
 */
export function moveOutOf(area: Box, intruders: readonly Intruder[], taken: readonly Box[], gap = CLEAR_GAP): { id: string; pos: Vec }[] {
  const grown = { x: area.x - gap, y: area.y - gap, w: area.w + 2 * gap, h: area.h + 2 * gap }
  const placed: Box[] = []
  const moves: { id: string; pos: Vec }[] = []
  for (const s of intruders) {
    const { w, h } = s.box
    const blockers = taken.filter((t) => t !== s.home && !sameBox(t, s.box))
    const free = (b: Box) => !boxesIntersect(b, grown) && !blockers.some((t) => boxesIntersect(t, b)) && !placed.some((p) => boxesIntersect(p, b))
    let best: Box | null = null
    let bestCost = Infinity
    const consider = (b: Box) => {
      const cost = Math.hypot(b.x - s.box.x, b.y - s.box.y)
      if (cost < bestCost && free(b)) {
        best = b
        bestCost = cost
      }
    }
    for (let k = 0; k < TRIES && best === null; k++) {
      consider({ x: area.x + area.w + gap + k * (w + gap), y: s.box.y, w, h })
      consider({ x: s.box.x, y: area.y + area.h + gap + k * (h + gap), w, h })
      consider({ x: area.x - gap - w - k * (w + gap), y: s.box.y, w, h })
      consider({ x: s.box.x, y: area.y - gap - h - k * (h + gap), w, h })
      // Along the right edge, row by row: for a story whose own row is full on every side.
      consider({ x: area.x + area.w + gap, y: area.y + k * (h + gap), w, h })
    }
    const to: Box = best ?? { x: area.x + area.w + gap, y: s.box.y, w, h }
    placed.push(to)
    moves.push({ id: s.id, pos: { x: Math.round(to.x), y: Math.round(to.y) } })
  }
  return moves
}

const sameBox = (a: Box, b: Box) => a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h
