// Marquee (rubber-band) selection. Pure module: no DOM, no React, no Konva.
import { boxesIntersect, type Box, type Vec } from './camera.ts'
import type { SpatialIndex } from './spatialIndex.ts'

export const boxFromPoints = (a: Vec, b: Vec): Box => ({
  x: Math.min(a.x, b.x),
  y: Math.min(a.y, b.y),
  w: Math.abs(a.x - b.x),
  h: Math.abs(a.y - b.y),
})

/** Ids touched by the marquee; with `additive`, added to (not replacing) the current selection. */
export function marqueeSelection(
  index: SpatialIndex,
  box: Box,
  current: ReadonlySet<string>,
  additive: boolean,
): Set<string> {
  const hit = new Set<string>()
  for (const id of index.query(box)) {
    const b = index.get(id)
    if (b && boxesIntersect(b, box)) hit.add(id)
  }
  if (!additive) return hit
  return new Set([...current, ...hit])
}

/** Shift-click toggles one id in the selection. */
export function toggleInSelection(current: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(current)
  if (next.has(id)) next.delete(id)
  else next.add(id)
  return next
}
